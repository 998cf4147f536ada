import { Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, httpError, rethrowAsHttp, type FormState } from '#app/core/http/responses.ts'
import { listAgencies } from '#app/modules/platform/org.server.ts'
import { can } from '#app/modules/platform/permissions.ts'
import { redirectWithFlash, requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { Button, CheckboxField, CheckboxGroup, ErrorSummary, PostForm, RadioGroup, SelectField, TextArea, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle, SummaryRow, Tag } from '#app/ui/parts.tsx'
import { getObligation, saveObligation, type Obligation } from '../../catalogue.server.ts'
import { DISCLOSURE_FIELDS, DISCLOSURE_FORMS, LAWS } from '../../disclosure.constants.ts'
import { DISCLOSURE_LIMITS } from '../../disclosure.inputs.ts'
import type { Route } from './+types/obligation.ts'

// One obligation of the catalogue: the whole form to change it, or to add the commune's own
// (`moi`). Every field is shown, with a hint saying when it applies, so the page needs no script.
// Those who may only see the catalogue get the same facts read-only.

export const handle = staffHandle('disclosure.view', 'disclosure.catalogue', { recordScoped: true })

const CATALOGUE_PATH = '/quan-tri/cong-khai/danh-muc'
const NEW = 'moi'

/** What a new obligation starts with: the most common case of the law (Điều 12 k3, Điều 13 k1–k2). */
const NEW_VALUES: Record<string, string> = {
	title: '',
	description: '',
	field: '',
	law: 'other',
	legalBasis: '',
	agencyId: '',
	requiredForms: 'notice_office,website',
	durationKind: 'days',
	minimumDays: '30',
	radioDays: '',
	recurrence: 'on_decision',
	deadlineWorkingDays: '5',
	periodGraceDays: '',
	reviewMonths: '',
	note: '',
	active: 'yes',
}

const numberText = (n: number | null) => (n === null ? '' : String(n))

function valuesOf(o: Obligation): Record<string, string> {
	return {
		title: o.title,
		description: o.description,
		field: o.field,
		law: o.law,
		legalBasis: o.legalBasis,
		agencyId: o.agencyId ?? '',
		requiredForms: o.requiredForms.join(','),
		durationKind: o.durationKind,
		minimumDays: numberText(o.minimumDays),
		radioDays: numberText(o.radioDays),
		recurrence: o.recurrence,
		deadlineWorkingDays: String(o.deadlineWorkingDays),
		periodGraceDays: numberText(o.periodGraceDays),
		reviewMonths: numberText(o.reviewMonths),
		note: o.note,
		...(o.active ? { active: 'yes' } : {}),
	}
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.view')
	const { db } = context.get(servicesContext)
	const canEdit = can(staff.actor, 'disclosure.catalogue', staff.communeId)
	const isNew = params.obligationId === NEW
	// There is nothing to see on the page of a new obligation without the right to add one.
	if (isNew && !canEdit) throw httpError(403, 'error.forbidden')
	const obligation = isNew ? null : await getObligation(db, staff.communeId, params.obligationId).catch(rethrowAsHttp)
	const agencies = await listAgencies(db, staff.actor, staff.communeId)
	return {
		isNew,
		canEdit,
		obligation: obligation ? { id: obligation.id, title: obligation.title, isDefault: obligation.certainty === 'default', values: valuesOf(obligation) } : null,
		// Inactive agencies are offered only when the obligation already points at one.
		agencies: agencies.filter((a) => a.active || a.id === obligation?.agencyId).map((a) => ({ id: a.id, name: a.name })),
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.catalogue')
	const { db } = context.get(servicesContext)
	const form = await request.formData()
	const values = formValues(form)
	// Checkboxes send one value each; the form state keeps them as one comma-separated value.
	const requiredForms = form.getAll('requiredForms').filter((v): v is string => typeof v === 'string')
	values.requiredForms = requiredForms.join(',')
	const obligationId = params.obligationId === NEW ? null : params.obligationId
	try {
		// An unknown id is "not found" before anything else is checked.
		if (obligationId !== null) await getObligation(db, staff.communeId, obligationId)
		const saved = await saveObligation(db, staff.actor, staff.communeId, obligationId, { ...values, requiredForms })
		return await redirectWithFlash(request, context, CATALOGUE_PATH, { saved: saved.id })
	} catch (err) {
		return formErrorResponse(err, values)
	}
}

function useLabels() {
	const t = useT()
	return {
		title: t('disclosure.catalogue.titleLabel'),
		description: t('disclosure.catalogue.description'),
		field: t('disclosure.catalogue.field'),
		law: t('disclosure.catalogue.law'),
		legalBasis: t('disclosure.catalogue.legalBasis'),
		agencyId: t('disclosure.catalogue.agency'),
		requiredForms: t('disclosure.catalogue.forms'),
		durationKind: t('disclosure.catalogue.durationKind'),
		minimumDays: t('disclosure.catalogue.minimumDays'),
		radioDays: t('disclosure.catalogue.radioDays'),
		recurrence: t('disclosure.catalogue.recurrence'),
		deadlineWorkingDays: t('disclosure.catalogue.deadlineWorkingDays'),
		periodGraceDays: t('disclosure.catalogue.periodGraceDays'),
		reviewMonths: t('disclosure.catalogue.reviewMonths'),
		note: t('disclosure.catalogue.note'),
		active: t('disclosure.catalogue.status'),
	}
}

export default function ObligationPage({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const { isNew, canEdit, obligation, agencies } = loaderData
	const title = isNew ? t('disclosure.catalogue.newTitle') : canEdit ? t('disclosure.catalogue.editTitle') : t('disclosure.catalogue.viewTitle')
	return (
		<>
			<title>{`${obligation ? `${obligation.title} — ` : ''}${title} — ${t('app.name')}`}</title>
			<p>
				<Link to={CATALOGUE_PATH}>{t('disclosure.catalogue.back')}</Link>
			</p>
			<PageTitle caption={obligation ? title : undefined}>{obligation ? obligation.title : title}</PageTitle>
			{obligation?.isDefault ? <Notice kind="warning">{t('disclosure.catalogue.defaultNotice')}</Notice> : null}
			{obligation ? (
				<p>
					<Link to={`/quan-tri/cong-khai?noi-dung=${encodeURIComponent(obligation.id)}`}>{t('disclosure.catalogue.records')}</Link>
				</p>
			) : null}
			{canEdit ? (
				<ObligationForm isNew={isNew} initial={obligation?.values ?? NEW_VALUES} agencies={agencies} failed={actionData as FormState | undefined} />
			) : obligation ? (
				<ObligationSummary values={obligation.values} agencies={agencies} />
			) : null}
		</>
	)
}

function ObligationForm({
	isNew,
	initial,
	agencies,
	failed,
}: {
	isNew: boolean
	initial: Record<string, string>
	agencies: ReadonlyArray<{ id: string; name: string }>
	failed: FormState | undefined
}) {
	const t = useT()
	const labels = useLabels()
	const e = failed?.fieldErrors ?? {}
	// After a failed save, what was typed, including unticked boxes (absent from the values).
	const v = failed?.values ?? initial
	const periodHint = t('disclosure.catalogue.recurrencePeriodHint')
	return (
		<>
			<p>{isNew ? t('disclosure.catalogue.newIntro') : t('disclosure.catalogue.editIntro')}</p>
			<ErrorSummary state={failed} labels={labels} />
			<PostForm noValidate>
				<h2>{t('disclosure.catalogue.sectionWhat')}</h2>
				<TextField name="title" label={labels.title} hint={t('disclosure.catalogue.titleHint')} defaultValue={v.title} error={e.title} maxLength={DISCLOSURE_LIMITS.title} />
				<TextArea
					name="description"
					label={labels.description}
					hint={t('disclosure.catalogue.descriptionHint')}
					defaultValue={v.description}
					error={e.description}
					maxLength={DISCLOSURE_LIMITS.note}
					rows={4}
					optional
				/>
				<SelectField
					name="field"
					label={labels.field}
					hint={t('disclosure.catalogue.fieldHint')}
					defaultValue={v.field ?? ''}
					error={e.field}
					options={[{ value: '', label: t('disclosure.catalogue.fieldChoose') }, ...DISCLOSURE_FIELDS.map((f) => ({ value: f, label: t(`disclosure.field.${f}`) }))]}
				/>
				<SelectField name="law" label={labels.law} defaultValue={v.law ?? 'other'} error={e.law} options={LAWS.map((l) => ({ value: l, label: t(`disclosure.law.${l}`) }))} />
				<TextField
					name="legalBasis"
					label={labels.legalBasis}
					hint={t('disclosure.catalogue.legalBasisHint')}
					defaultValue={v.legalBasis}
					error={e.legalBasis}
					maxLength={500}
				/>
				<SelectField
					name="agencyId"
					label={labels.agencyId}
					hint={t('disclosure.catalogue.agencyHint')}
					defaultValue={v.agencyId ?? ''}
					error={e.agencyId}
					options={[{ value: '', label: t('disclosure.catalogue.agencyNone') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
				/>

				<h2>{t('disclosure.catalogue.sectionHow')}</h2>
				<CheckboxGroup
					name="requiredForms"
					legend={labels.requiredForms}
					hint={t('disclosure.catalogue.formsHint')}
					error={e.requiredForms}
					defaultValues={(v.requiredForms ?? '').split(',').filter(Boolean)}
					options={DISCLOSURE_FORMS.map((f) => ({ value: f, label: t(`disclosure.channel.${f}`) }))}
				/>
				<RadioGroup
					name="durationKind"
					legend={labels.durationKind}
					hint={t('disclosure.catalogue.durationKindHint')}
					error={e.durationKind}
					defaultValue={v.durationKind}
					options={[
						{ value: 'days', label: t('disclosure.catalogue.durationDays'), hint: t('disclosure.catalogue.durationDaysHint') },
						{ value: 'permanent', label: t('disclosure.catalogue.durationPermanent'), hint: t('disclosure.catalogue.durationPermanentHint') },
						{ value: 'none', label: t('disclosure.catalogue.durationNone'), hint: t('disclosure.catalogue.durationNoneHint') },
					]}
				/>
				<TextField
					name="minimumDays"
					label={labels.minimumDays}
					hint={t('disclosure.catalogue.minimumDaysHint')}
					defaultValue={v.minimumDays}
					error={e.minimumDays}
					inputMode="numeric"
					maxLength={4}
				/>
				<TextField
					name="radioDays"
					label={labels.radioDays}
					hint={t('disclosure.catalogue.radioDaysHint')}
					defaultValue={v.radioDays}
					error={e.radioDays}
					inputMode="numeric"
					maxLength={3}
					optional
				/>

				<h2>{t('disclosure.catalogue.sectionWhen')}</h2>
				<RadioGroup
					name="recurrence"
					legend={labels.recurrence}
					hint={t('disclosure.catalogue.recurrenceHint')}
					error={e.recurrence}
					defaultValue={v.recurrence}
					options={[
						{ value: 'on_decision', label: t('disclosure.recurrence.on_decision'), hint: t('disclosure.catalogue.recurrenceDecisionHint') },
						{ value: 'quarterly', label: t('disclosure.recurrence.quarterly'), hint: periodHint },
						{ value: 'half_yearly', label: t('disclosure.recurrence.half_yearly'), hint: periodHint },
						{ value: 'yearly', label: t('disclosure.recurrence.yearly'), hint: periodHint },
						{ value: 'on_change', label: t('disclosure.recurrence.on_change'), hint: t('disclosure.catalogue.recurrenceChangeHint') },
					]}
				/>
				<TextField
					name="deadlineWorkingDays"
					label={labels.deadlineWorkingDays}
					hint={t('disclosure.catalogue.deadlineWorkingDaysHint')}
					defaultValue={v.deadlineWorkingDays}
					error={e.deadlineWorkingDays}
					inputMode="numeric"
					maxLength={3}
				/>
				<TextField
					name="periodGraceDays"
					label={labels.periodGraceDays}
					hint={t('disclosure.catalogue.periodGraceDaysHint')}
					defaultValue={v.periodGraceDays}
					error={e.periodGraceDays}
					inputMode="numeric"
					maxLength={3}
				/>
				<TextField
					name="reviewMonths"
					label={labels.reviewMonths}
					hint={t('disclosure.catalogue.reviewMonthsHint')}
					defaultValue={v.reviewMonths}
					error={e.reviewMonths}
					inputMode="numeric"
					maxLength={3}
				/>

				<h2>{t('disclosure.catalogue.sectionOther')}</h2>
				<TextArea name="note" label={labels.note} hint={t('disclosure.catalogue.noteHint')} defaultValue={v.note} error={e.note} maxLength={DISCLOSURE_LIMITS.note} rows={8} optional />
				<CheckboxField name="active" label={t('disclosure.catalogue.activeLabel')} defaultChecked={v.active === 'yes' || v.active === 'on'} />
				<div className="button-group">
					<Button>{t('disclosure.catalogue.save')}</Button>
					<Link to={CATALOGUE_PATH}>{t('disclosure.catalogue.back')}</Link>
				</div>
			</PostForm>
		</>
	)
}

/** The obligation as read by someone who may not change it. */
function ObligationSummary({ values: v, agencies }: { values: Record<string, string>; agencies: ReadonlyArray<{ id: string; name: string }> }) {
	const t = useT()
	const labels = useLabels()
	const forms = (v.requiredForms ?? '').split(',').filter(Boolean)
	const agency = agencies.find((a) => a.id === v.agencyId)
	const orNone = (value: string | undefined, text: (n: string) => string) => (value ? text(value) : t('disclosure.catalogue.none'))
	// Only the deadline that applies to how often it recurs.
	const timing =
		v.recurrence === 'on_decision'
			? t('disclosure.deadline', { days: v.deadlineWorkingDays ?? '' })
			: v.recurrence === 'on_change'
				? orNone(v.reviewMonths, (n) => t('disclosure.catalogue.review', { months: n }))
				: orNone(v.periodGraceDays, (n) => t('disclosure.catalogue.grace', { days: n }))
	return (
		<>
			<Notice>{t('disclosure.catalogue.readOnly')}</Notice>
			<dl className="summary-list">
				<SummaryRow label={labels.description} className="prewrap">
					{v.description || t('disclosure.catalogue.none')}
				</SummaryRow>
				<SummaryRow label={labels.field}>{t(`disclosure.field.${v.field}`)}</SummaryRow>
				<SummaryRow label={labels.law}>{t(`disclosure.law.${v.law}`)}</SummaryRow>
				<SummaryRow label={labels.legalBasis}>{v.legalBasis}</SummaryRow>
				<SummaryRow label={labels.agencyId}>{agency?.name ?? t('disclosure.catalogue.noAgency')}</SummaryRow>
				<SummaryRow label={labels.requiredForms}>
					<ul className="file-list">
						{forms.map((f) => (
							<li key={f}>{t(`disclosure.channel.${f}`)}</li>
						))}
					</ul>
				</SummaryRow>
				<SummaryRow label={labels.durationKind}>
					{v.durationKind === 'days' ? t('disclosure.duration.days', { days: v.minimumDays ?? '?' }) : t(`disclosure.duration.${v.durationKind}`)}
				</SummaryRow>
				<SummaryRow label={labels.radioDays}>{orNone(v.radioDays, (n) => t('disclosure.catalogue.minimumDaysValue', { days: n }))}</SummaryRow>
				<SummaryRow label={labels.recurrence}>{t(`disclosure.recurrence.${v.recurrence}`)}</SummaryRow>
				<SummaryRow label={t('disclosure.catalogue.colTiming')}>{timing}</SummaryRow>
				<SummaryRow label={labels.note} className="prewrap">
					{v.note || t('disclosure.catalogue.none')}
				</SummaryRow>
				<SummaryRow label={labels.active}>
					{v.active ? <Tag kind="success">{t('disclosure.catalogue.active')}</Tag> : <Tag>{t('disclosure.catalogue.inactive')}</Tag>}
				</SummaryRow>
			</dl>
		</>
	)
}
