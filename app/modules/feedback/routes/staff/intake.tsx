import { data } from 'react-router'
import { filesFromForm, inspectUploads } from '#app/core/files/uploads.server.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, type FormState } from '#app/core/http/responses.ts'
import { formatDate, parseDateInput } from '#app/core/i18n/i18n.ts'
import { AppError } from '#app/core/errors.ts'
import { listVillages } from '#app/modules/platform/org.server.ts'
import { redirectWithFlash, requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { Button, ErrorSummary, FileField, PostForm, SelectField, TextArea, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle } from '#app/ui/parts.tsx'
import { listCollectionSessions, listMailboxOpenings } from '../../collection.server.ts'
import { CONFIDENTIALITY_LEVELS, FEEDBACK_KINDS, STAFF_CHANNELS } from '../../feedback.constants.ts'
import { LIMITS } from '../../feedback.inputs.ts'
import { recordIntake } from '../../items.server.ts'
import { listFields } from '../../setup.server.ts'
import { can } from '#app/modules/platform/permissions.ts'
import type { Route } from './+types/intake.ts'

// Staff record what came by paper mailbox, hotline, in person, e-mail or weekly collection, with
// scans of letters. The sender gets the same code and secret as on the web.

export const handle = staffHandle('feedback.intake')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const [fields, villages, sessions, openings] = await Promise.all([
		listFields(db, staff.communeId, { activeOnly: true }),
		listVillages(db, staff.actor, staff.communeId),
		can(staff.actor, 'feedback.collect', staff.communeId) ? listCollectionSessions(db, staff.actor, staff.communeId, { limit: 30 }) : [],
		listMailboxOpenings(db, staff.actor, staff.communeId),
	])
	return {
		preset: { channel: url.searchParams.get('kenh') ?? '', mailboxOpeningId: url.searchParams.get('hom-thu') ?? '', collectionSessionId: url.searchParams.get('buoi') ?? '' },
		fields: fields.map((f) => ({ id: f.id, name: f.name })),
		villages: villages.filter((v) => v.active).map((v) => ({ id: v.id, name: v.name })),
		sessions: sessions.map((s) => ({ id: s.id, label: `${formatDate(s.heldOn)} · ${s.agencyName ?? s.villageName ?? ''} · ${s.place}` })),
		openings: openings.map((o) => ({ id: o.id, label: `${formatDate(o.openedOn)} · ${o.place}` })),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	const { db } = context.get(servicesContext)
	const form = await request.formData()
	const values = formValues(form)
	try {
		const files = await inspectUploads(await filesFromForm(form, 'files'))
		const receivedOn = values.receivedOn ? parseDateInput(values.receivedOn) : null
		if (values.receivedOn && !receivedOn) return data<FormState>({ fieldErrors: { receivedOn: 'form.date' }, formError: { key: 'form.fixErrors' }, values }, { status: 400 })
		const { item, secret } = await recordIntake(db, staff.actor, staff.communeId, { ...values, receivedOn: receivedOn ?? undefined }, files)
		return await redirectWithFlash(request, context, `/quan-tri/y-kien/${item.id}`, { created: item.code, secret })
	} catch (err) {
		if (err instanceof AppError && err.messageKey.startsWith('upload.')) {
			return data<FormState>({ fieldErrors: { files: err.messageKey }, formError: { key: err.messageKey, params: err.params }, values }, { status: 400 })
		}
		return formErrorResponse(err, values)
	}
}

export default function Intake({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	const v = state?.values ?? loaderData.preset
	const e = state?.fieldErrors ?? {}
	const labels = {
		channel: t('feedback.field.channel'),
		receivedOn: t('feedback.field.received'),
		kind: t('feedback.field.kind'),
		title: t('feedback.field.title'),
		content: t('feedback.field.content'),
		files: t('feedback.intake.scans'),
		fullName: t('feedback.field.fullName'),
		phone: t('feedback.field.phone'),
		email: t('feedback.field.email'),
		address: t('feedback.field.address'),
		identityNumber: t('feedback.field.identityNumber'),
		collectionSessionId: t('feedback.intake.session'),
	}
	return (
		<>
			<title>{`${t('feedback.intake.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('feedback.intake.title')}</PageTitle>
			<p className="lead">{t('feedback.intake.intro')}</p>
			<ErrorSummary state={state} labels={labels} />
			<PostForm noValidate encType="multipart/form-data">
				<SelectField name="channel" label={labels.channel} defaultValue={v.channel || 'in_person'} error={e.channel} options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`feedback.channel.${c}`) }))} />
				<TextField name="receivedOn" label={labels.receivedOn} hint={t('feedback.intake.receivedHint')} defaultValue={state?.values?.receivedOn} error={e.receivedOn} maxLength={20} />
				<SelectField name="kind" label={labels.kind} defaultValue={state?.values?.kind ?? 'phan_anh'} error={e.kind} options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))} />
				{loaderData.sessions.length ? (
					<SelectField name="collectionSessionId" label={labels.collectionSessionId} optional defaultValue={v.collectionSessionId ?? ''} error={e.collectionSessionId} options={[{ value: '', label: '—' }, ...loaderData.sessions.map((s) => ({ value: s.id, label: s.label }))]} />
				) : null}
				{loaderData.openings.length ? (
					<SelectField name="mailboxOpeningId" label={t('feedback.intake.opening')} optional defaultValue={v.mailboxOpeningId ?? ''} error={e.mailboxOpeningId} options={[{ value: '', label: '—' }, ...loaderData.openings.map((o) => ({ value: o.id, label: o.label }))]} />
				) : null}
				<TextField name="title" label={labels.title} defaultValue={state?.values?.title} error={e.title} maxLength={LIMITS.title + 50} />
				<TextArea name="content" label={labels.content} defaultValue={state?.values?.content} error={e.content} rows={8} />
				<SelectField name="fieldId" label={t('feedback.field.field')} optional defaultValue={state?.values?.fieldId ?? ''} error={e.fieldId} options={[{ value: '', label: t('feedback.field.notSure') }, ...loaderData.fields.map((f) => ({ value: f.id, label: f.name }))]} />
				<SelectField name="villageId" label={t('feedback.field.village')} optional defaultValue={state?.values?.villageId ?? ''} error={e.villageId} options={[{ value: '', label: t('feedback.field.noVillage') }, ...loaderData.villages.map((x) => ({ value: x.id, label: x.name }))]} />
				<TextField name="place" label={t('feedback.field.place')} optional defaultValue={state?.values?.place} error={e.place} maxLength={LIMITS.place + 50} />
				<SelectField name="confidentiality" label={t('feedback.field.confidentiality')} defaultValue={state?.values?.confidentiality ?? 'normal'} options={CONFIDENTIALITY_LEVELS.map((c) => ({ value: c, label: t(`feedback.confidentiality.${c}`) }))} />
				<FileField name="files" label={labels.files} hint={t('feedback.intake.scansHint')} optional multiple accept="image/jpeg,image/png,image/webp,application/pdf,.doc,.docx,.xls,.xlsx" error={e.files} />
				<h2>{t('feedback.step.nguoi-gui')}</h2>
				<p className="muted">{t('feedback.intake.senderHint')}</p>
				<TextField name="fullName" label={labels.fullName} optional defaultValue={state?.values?.fullName} error={e.fullName} maxLength={LIMITS.name + 20} />
				<TextField name="phone" type="tel" label={labels.phone} optional defaultValue={state?.values?.phone} error={e.phone} maxLength={30} />
				<TextField name="email" type="email" label={labels.email} optional defaultValue={state?.values?.email} error={e.email} maxLength={200} />
				<TextField name="address" label={labels.address} optional defaultValue={state?.values?.address} error={e.address} maxLength={LIMITS.address + 20} />
				<TextField name="identityNumber" label={labels.identityNumber} optional defaultValue={state?.values?.identityNumber} error={e.identityNumber} maxLength={20} />
				<SelectField
					name="wantsUpdates"
					label={t('feedback.sender.wantsUpdatesShort')}
					defaultValue={state?.values?.wantsUpdates ?? 'no'}
					options={[
						{ value: 'no', label: t('feedback.no') },
						{ value: 'yes', label: t('feedback.yes') },
					]}
				/>
				<Button>{t('feedback.intake.save')}</Button>
			</PostForm>
		</>
	)
}
