import { data, redirect } from 'react-router'
import { filesFromForm, inspectUploads, UPLOAD_LIMITS } from '#app/core/files/uploads.server.ts'
import { AppError } from '#app/core/errors.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { listVillages } from '#app/modules/platform/org.server.ts'
import { getRequestState, redirectWithFlash } from '#app/modules/platform/http/request-state.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { Button, CheckboxField, ErrorSummary, FileField, PostForm, RadioGroup, SelectField, TextArea, TextField } from '#app/ui/form.tsx'
import { translatorFor, useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle } from '#app/ui/parts.tsx'
import { ANONYMOUS_ALLOWED_KINDS, FEEDBACK_KINDS, IDENTIFIED_KINDS, type FeedbackKind } from '../feedback.constants.ts'
import { LIMITS } from '../feedback.inputs.ts'
import { draftIdFrom, draftCookieHeader } from '../http/portal.server.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { addDraftFiles, draftProblems, getDraft, removeDraftFile, saveDraftStep, startDraft, submitDraft } from '../items.server.ts'
import { listFields } from '../setup.server.ts'
import type { Route } from './+types/submit.ts'

// The citizen's form, one question per page after the GOV.UK pattern: what kind, what about,
// files, who you are, then check your answers and send. Answers are kept in a draft between the
// pages (24 hours), so nothing typed is lost when a page reports a mistake or the phone sleeps.

const STEPS = ['loai', 'noi-dung', 'tep', 'nguoi-gui', 'kiem-tra'] as const
type Step = (typeof STEPS)[number]
const STEP_FIELDS: Record<Exclude<Step, 'tep' | 'kiem-tra'>, readonly string[]> = {
	loai: ['kind'],
	'noi-dung': ['fieldId', 'villageId', 'place', 'title', 'content'],
	'nguoi-gui': ['anonymous', 'fullName', 'phone', 'email', 'address', 'identityNumber', 'wantsUpdates'],
}
const BASE = '/phan-anh-kien-nghi/gui'

function isStep(value: string | undefined): value is Step {
	return (STEPS as readonly string[]).includes(value ?? '')
}

function pick(values: Record<string, string>, keys: readonly string[]): Record<string, string> {
	return Object.fromEntries(keys.map((k) => [k, (values[k] ?? '').slice(0, 20_000)]))
}

/** Where to go after a step: back to the check page when the person came from there. */
function nextAfter(step: Step, url: URL): string {
	if (url.searchParams.get('sua') === '1') return `${BASE}/kiem-tra`
	return `${BASE}/${STEPS[STEPS.indexOf(step) + 1]}`
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const { db } = context.get(servicesContext)
	const step = params.step
	if (step !== undefined && !isStep(step)) throw httpError(404, 'error.notFound')
	const url = new URL(request.url)
	const draft = await getDraft(db, commune.id, await draftIdFrom(request))
	if (step && !draft) throw redirect(`${BASE}?het-han=1`)
	const [fields, villages] = step === 'noi-dung' || step === 'kiem-tra' ? await Promise.all([listFields(db, commune.id, { activeOnly: true }), listVillages(db, systemActor('portal'), commune.id)]) : [[], []]
	return {
		step: step ?? null,
		expired: url.searchParams.has('het-han'),
		presetKind: (FEEDBACK_KINDS as readonly string[]).includes(url.searchParams.get('loai') ?? '') ? url.searchParams.get('loai') : null,
		editing: url.searchParams.get('sua') === '1',
		values: draft?.data ?? {},
		files: draft?.files ?? [],
		problems: step === 'kiem-tra' && draft ? draftProblems(draft.data) : {},
		fields: fields.map((f) => ({ id: f.id, name: f.name })),
		villages: villages.filter((v) => v.active).map((v) => ({ id: v.id, name: v.name })),
		commune: { name: commune.name },
		maxFiles: UPLOAD_LIMITS.maxFiles,
		maxMb: UPLOAD_LIMITS.maxBytesPerFile / 1024 / 1024,
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const commune = requirePortalCommune(context)
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const step = params.step
	if (step !== undefined && !isStep(step)) throw httpError(404, 'error.notFound')
	const form = await request.formData()
	const values = formValues(form)

	if (!step) {
		// Start: a new draft, possibly with the kind chosen on the complaints page.
		const draftId = await startDraft(db, commune.id)
		if (values.kind && (FEEDBACK_KINDS as readonly string[]).includes(values.kind)) await saveDraftStep(db, commune.id, draftId, { kind: values.kind })
		return redirect(values.kind ? `${BASE}/noi-dung` : `${BASE}/loai`, { status: 303, headers: { 'Set-Cookie': await draftCookieHeader(request, context, draftId) } })
	}

	const draft = await getDraft(db, commune.id, await draftIdFrom(request))
	if (!draft) return redirect(`${BASE}?het-han=1`, 303)

	if (step === 'tep') {
		try {
			if (values.intent === 'remove') {
				await removeDraftFile(db, commune.id, draft.id, values.fileId ?? '')
				return redirect(`${BASE}/tep${url.search}`, 303)
			}
			const checked = await inspectUploads(await filesFromForm(form, 'files'))
			if (checked.length) await addDraftFiles(db, commune.id, draft.id, checked, UPLOAD_LIMITS.maxFiles)
			if (values.intent === 'upload') return redirect(`${BASE}/tep${url.search}`, 303)
			return redirect(nextAfter(step, url), 303)
		} catch (err) {
			if (err instanceof AppError && !(err.code === 'not_found')) return data<FormState>({ fieldErrors: { files: err.messageKey }, formError: { key: err.messageKey, params: err.params } }, { status: 400 })
			throw err
		}
	}

	if (step === 'kiem-tra') {
		const problems = draftProblems(draft.data)
		if (Object.keys(problems).length) return data<FormState>({ fieldErrors: problems, formError: { key: 'form.fixErrors' } }, { status: 400 })
		// A field people never see: only a bot fills it in.
		if ((values.website ?? '') !== '') return data<FormState>({ formError: { key: 'feedback.form.looksAutomated' } }, { status: 400 })
		if (values.consent !== 'on') return data<FormState>({ fieldErrors: { consent: 'feedback.form.consentRequired' }, formError: { key: 'form.fixErrors' } }, { status: 400 })
		const t = translatorFor(getRequestState(context).locale)
		try {
			const { item, secret } = await submitDraft(db, commune.id, draft.id, t('feedback.consent.text', { commune: commune.name }))
			return await redirectWithFlash(request, context, '/phan-anh-kien-nghi/da-gui', { code: item.code, secret, due: item.dueOn, kind: item.kind }, [
				await draftCookieHeader(request, context, null),
			])
		} catch (err) {
			return formErrorResponse(err, {})
		}
	}

	const answers = pick(values, STEP_FIELDS[step])
	if (step === 'nguoi-gui') {
		// Unticked boxes and radios send nothing: record them as "no".
		answers.anonymous = values.anonymous === 'yes' ? 'yes' : 'no'
		answers.wantsUpdates = values.wantsUpdates === 'on' ? 'yes' : 'no'
	}
	// Save first, check after: what was typed is kept even when it needs fixing.
	await saveDraftStep(db, commune.id, draft.id, answers)
	const all = draftProblems({ ...draft.data, ...answers })
	const mine = Object.fromEntries(Object.entries(all).filter(([k]) => STEP_FIELDS[step].includes(k)))
	if (Object.keys(mine).length) return data<FormState>({ fieldErrors: mine, formError: { key: 'form.fixErrors' }, values: answers }, { status: 400 })
	return redirect(nextAfter(step, url), 303)
}

export default function Submit({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	const { step } = loaderData
	if (!step) return <Start expired={loaderData.expired} presetKind={loaderData.presetKind} />
	const values = { ...loaderData.values, ...(state?.values ?? {}) }
	const errors = state?.fieldErrors ?? {}
	const index = STEPS.indexOf(step)
	const back = loaderData.editing ? `${BASE}/kiem-tra` : index > 0 ? `${BASE}/${STEPS[index - 1]}` : BASE
	const action = loaderData.editing ? '?sua=1' : undefined
	const progress = t('feedback.submit.progress', { step: index + 1, steps: STEPS.length })
	const kind = (values.kind ?? '') as FeedbackKind
	return (
		<div className="narrow">
			<title>{`${t(`feedback.step.${step}`)} — ${t('feedback.submit.title')}`}</title>
			<a className="step-back" href={back}>
				← {t('feedback.submit.back')}
			</a>
			<ErrorSummary state={state} labels={fieldLabels(t)} />
			{step === 'loai' ? (
				<PostForm noValidate action={action}>
					<p className="caption">{progress}</p>
					<RadioGroup
						name="kind"
						asPageHeading
						legend={t('feedback.step.loai')}
						error={errors.kind}
						defaultValue={values.kind}
						options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`), hint: t(`feedback.kindHint.${k}`) }))}
					/>
					<p>
						<a href="/phan-anh-kien-nghi/khieu-nai-to-cao">{t('feedback.submit.complaintsLink')}</a>
					</p>
					<Button>{t('feedback.submit.continue')}</Button>
				</PostForm>
			) : null}
			{step === 'noi-dung' ? (
				<PostForm noValidate action={action}>
					<PageTitle caption={progress}>{t('feedback.step.noi-dung')}</PageTitle>
					<TextField name="title" label={t('feedback.field.title')} hint={t('feedback.hint.title')} defaultValue={values.title} error={errors.title} maxLength={LIMITS.title + 50} />
					<TextArea name="content" label={t('feedback.field.content')} hint={t('feedback.hint.content')} defaultValue={values.content} error={errors.content} rows={8} />
					<SelectField
						name="fieldId"
						label={t('feedback.field.field')}
						optional
						defaultValue={values.fieldId ?? ''}
						error={errors.fieldId}
						options={[{ value: '', label: t('feedback.field.notSure') }, ...loaderData.fields.map((f) => ({ value: f.id, label: f.name }))]}
					/>
					<SelectField
						name="villageId"
						label={t('feedback.field.village')}
						optional
						defaultValue={values.villageId ?? ''}
						error={errors.villageId}
						options={[{ value: '', label: t('feedback.field.noVillage') }, ...loaderData.villages.map((v) => ({ value: v.id, label: v.name }))]}
					/>
					<TextField name="place" label={t('feedback.field.place')} hint={t('feedback.hint.place')} optional defaultValue={values.place} error={errors.place} maxLength={LIMITS.place + 50} />
					<Button>{t('feedback.submit.continue')}</Button>
				</PostForm>
			) : null}
			{step === 'tep' ? (
				<>
					<PageTitle caption={progress}>{t('feedback.step.tep')}</PageTitle>
					<p>{t('feedback.files.intro', { max: loaderData.maxFiles, maxMb: loaderData.maxMb })}</p>
					<p className="muted">{t('feedback.files.privacy')}</p>
					{loaderData.files.length ? (
						<ul className="file-list">
							{loaderData.files.map((f) => (
								<li key={f.id}>
									{f.fileName} ({Math.ceil(f.size / 1024)} KB){' '}
									<PostForm action={action} className="inline">
										<input type="hidden" name="intent" value="remove" />
										<input type="hidden" name="fileId" value={f.id} />
										<button type="submit" className="link-button">
											{t('feedback.files.remove')}
											<span className="visually-hidden"> {f.fileName}</span>
										</button>
									</PostForm>
								</li>
							))}
						</ul>
					) : null}
					<PostForm noValidate encType="multipart/form-data" action={action}>
						{loaderData.files.length < loaderData.maxFiles ? (
							<FileField name="files" label={t('feedback.files.choose')} optional multiple accept="image/jpeg,image/png,image/webp,application/pdf,.doc,.docx,.xls,.xlsx" error={errors.files} />
						) : (
							<Notice>{t('feedback.files.full', { max: loaderData.maxFiles })}</Notice>
						)}
						<div className="button-group">
							{loaderData.files.length < loaderData.maxFiles ? (
								<Button variant="secondary" name="intent" value="upload">
									{t('feedback.files.upload')}
								</Button>
							) : null}
							<Button name="intent" value="continue">
								{t('feedback.submit.continue')}
							</Button>
						</div>
					</PostForm>
				</>
			) : null}
			{step === 'nguoi-gui' ? (
				<PostForm noValidate action={action}>
					<PageTitle caption={progress}>{t('feedback.step.nguoi-gui')}</PageTitle>
					{(IDENTIFIED_KINDS as readonly string[]).includes(kind) ? <Notice>{t('feedback.sender.identified')}</Notice> : null}
					{ANONYMOUS_ALLOWED_KINDS.includes(kind) ? (
						<RadioGroup
							name="anonymous"
							legend={t('feedback.sender.anonymousQuestion')}
							error={errors.anonymous}
							defaultValue={values.anonymous === 'yes' ? 'yes' : 'no'}
							options={[
								{ value: 'no', label: t('feedback.sender.named') },
								{ value: 'yes', label: t('feedback.sender.anonymous'), hint: t('feedback.sender.anonymousHint') },
							]}
						/>
					) : null}
					<TextField name="fullName" label={t('feedback.field.fullName')} hint={ANONYMOUS_ALLOWED_KINDS.includes(kind) ? t('feedback.hint.fullNameOptional') : undefined} autoComplete="name" defaultValue={values.fullName} error={errors.fullName} maxLength={LIMITS.name + 20} />
					<TextField name="phone" type="tel" label={t('feedback.field.phone')} optional autoComplete="tel" inputMode="tel" defaultValue={values.phone} error={errors.phone} maxLength={30} />
					<TextField name="email" type="email" label={t('feedback.field.email')} optional autoComplete="email" inputMode="email" defaultValue={values.email} error={errors.email} maxLength={200} />
					<TextField name="address" label={t('feedback.field.address')} optional={!(IDENTIFIED_KINDS as readonly string[]).includes(kind)} autoComplete="street-address" defaultValue={values.address} error={errors.address} maxLength={LIMITS.address + 20} />
					{(IDENTIFIED_KINDS as readonly string[]).includes(kind) ? (
						<TextField name="identityNumber" label={t('feedback.field.identityNumber')} inputMode="numeric" defaultValue={values.identityNumber} error={errors.identityNumber} maxLength={20} />
					) : null}
					<CheckboxField name="wantsUpdates" label={t('feedback.sender.wantsUpdates')} defaultChecked={values.wantsUpdates !== 'no'} />
					<Button>{t('feedback.submit.continue')}</Button>
				</PostForm>
			) : null}
			{step === 'kiem-tra' ? <CheckAnswers /> : null}
		</div>
	)

	function CheckAnswers() {
		const problems = { ...loaderData.problems, ...(state?.fieldErrors ?? {}) }
		const field = loaderData.fields.find((f) => f.id === values.fieldId)?.name
		const village = loaderData.villages.find((v) => v.id === values.villageId)?.name
		const rows: Array<{ key: string; label: string; value: string; step: Step }> = [
			{ key: 'kind', label: t('feedback.field.kind'), value: values.kind ? t(`feedback.kind.${values.kind}`) : '', step: 'loai' },
			{ key: 'title', label: t('feedback.field.title'), value: values.title ?? '', step: 'noi-dung' },
			{ key: 'content', label: t('feedback.field.content'), value: values.content ?? '', step: 'noi-dung' },
			{ key: 'fieldId', label: t('feedback.field.field'), value: field ?? t('feedback.field.notSure'), step: 'noi-dung' },
			{ key: 'villageId', label: t('feedback.field.village'), value: village ?? t('feedback.field.noVillage'), step: 'noi-dung' },
			{ key: 'place', label: t('feedback.field.place'), value: values.place ?? '', step: 'noi-dung' },
			{ key: 'files', label: t('feedback.step.tep'), value: loaderData.files.map((f) => f.fileName).join(', ') || t('feedback.files.none'), step: 'tep' },
			{
				key: 'fullName',
				label: t('feedback.field.fullName'),
				value: values.anonymous === 'yes' ? t('feedback.sender.anonymous') : (values.fullName ?? ''),
				step: 'nguoi-gui',
			},
			{ key: 'phone', label: t('feedback.field.phone'), value: values.phone ?? '', step: 'nguoi-gui' },
			{ key: 'email', label: t('feedback.field.email'), value: values.email ?? '', step: 'nguoi-gui' },
			{ key: 'address', label: t('feedback.field.address'), value: values.address ?? '', step: 'nguoi-gui' },
			...((IDENTIFIED_KINDS as readonly string[]).includes(kind) ? [{ key: 'identityNumber', label: t('feedback.field.identityNumber'), value: values.identityNumber ?? '', step: 'nguoi-gui' as const }] : []),
			{ key: 'wantsUpdates', label: t('feedback.sender.wantsUpdatesShort'), value: values.wantsUpdates === 'yes' ? t('feedback.yes') : t('feedback.no'), step: 'nguoi-gui' },
		]
		return (
			<>
				<PageTitle caption={progress}>{t('feedback.step.kiem-tra')}</PageTitle>
				<dl className="summary-list">
					{rows.map((r) => (
						<div className="summary-list__row" key={r.key}>
							<dt>{r.label}</dt>
							<dd className="prewrap">
								{r.value || <span className="muted">{t('feedback.notGiven')}</span>}
								{problems[r.key] ? <span className="field__error"> {t(problems[r.key]!)}</span> : null}
							</dd>
							<dd className="summary-list__action">
								<a href={`${BASE}/${r.step}?sua=1`}>
									{t('feedback.submit.change')}
									<span className="visually-hidden"> {r.label}</span>
								</a>
							</dd>
						</div>
					))}
				</dl>
				<h2>{t('feedback.consent.title')}</h2>
				<p>{t('feedback.consent.text', { commune: loaderData.commune.name })}</p>
				<PostForm noValidate>
					<div className="honeypot" aria-hidden="true">
						<label htmlFor="field-website">Website</label>
						<input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
					</div>
					<div className={`field${problems.consent ? ' field--error' : ''}`}>
						{problems.consent ? <p className="field__error">{t(problems.consent)}</p> : null}
						<CheckboxField name="consent" label={t('feedback.consent.agree')} />
					</div>
					<Button>{t('feedback.submit.send')}</Button>
				</PostForm>
			</>
		)
	}
}

function fieldLabels(t: (k: string) => string): Record<string, string> {
	return {
		kind: t('feedback.field.kind'),
		title: t('feedback.field.title'),
		content: t('feedback.field.content'),
		fieldId: t('feedback.field.field'),
		villageId: t('feedback.field.village'),
		place: t('feedback.field.place'),
		files: t('feedback.step.tep'),
		anonymous: t('feedback.sender.anonymousQuestion'),
		fullName: t('feedback.field.fullName'),
		phone: t('feedback.field.phone'),
		email: t('feedback.field.email'),
		address: t('feedback.field.address'),
		identityNumber: t('feedback.field.identityNumber'),
		consent: t('feedback.consent.title'),
	}
}

function Start({ expired, presetKind }: { expired: boolean; presetKind: string | null }) {
	const t = useT()
	return (
		<div className="narrow">
			<title>{`${t('feedback.submit.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('feedback.submit.title')}</PageTitle>
			{expired ? <Notice kind="warning">{t('feedback.form.expired')}</Notice> : null}
			<p className="lead">{t('feedback.submit.intro')}</p>
			<ul>
				<li>{t('feedback.submit.need1')}</li>
				<li>{t('feedback.submit.need2')}</li>
				<li>{t('feedback.submit.need3')}</li>
			</ul>
			<p>{t('feedback.submit.deadlineNote')}</p>
			<PostForm>
				{presetKind ? <input type="hidden" name="kind" value={presetKind} /> : null}
				<Button>{t('feedback.submit.start')}</Button>
			</PostForm>
			<p>
				<a href="/phan-anh-kien-nghi/tra-cuu">{t('feedback.submit.trackLink')}</a> · <a href="/phan-anh-kien-nghi">{t('feedback.submit.answersLink')}</a>
			</p>
		</div>
	)
}

