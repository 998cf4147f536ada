import { data } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatDateTime } from '#app/core/i18n/i18n.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { normalizeText } from '#app/core/text.ts'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { Button, ErrorSummary, FieldScope, PostForm, SelectField, TextArea, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, Table, Tag } from '#app/ui/parts.tsx'
import { createApiClient, listApiClients, revokeApiClient } from '../../collection.server.ts'
import { listFields, listPolicies, saveField, updatePolicy } from '../../setup.server.ts'
import type { Route } from './+types/settings.ts'

// The feedback module's settings for one commune: fields (lĩnh vực), deadline policies by kind,
// and the keys of other apps that send feedback through Open311.

export const handle = staffHandle('feedback.settings')

const PATH = '/quan-tri/y-kien-cai-dat'
const OPEN311_DISCOVERY = '/open311/v2/discovery.json'

type SettingsResult = FormState & { created?: { name: string; key: string } }

/** The id prefix of each form's fields, so the error summary links to the form that was sent. */
function scopeOf(intent: string | undefined, id: string | undefined): string {
	if (intent === 'edit-field') return `field-${id ?? ''}`
	if (intent === 'policy') return `policy-${id ?? ''}`
	if (intent === 'create-key') return 'key'
	return 'field-new'
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.settings')
	const { db } = context.get(servicesContext)
	const fields = await listFields(db, staff.communeId)
	const [policies, clients] = await Promise.all([listPolicies(db, staff.communeId), listApiClients(db, staff.actor, staff.communeId)])
	const { flash, headers } = await takeFlash(request, context)
	const fieldNames = new Map(fields.map((f) => [f.id, f.name]))
	return data(
		{
			fields: fields.map((f) => ({ id: f.id, name: f.name, sortOrder: f.sortOrder, active: f.active })),
			policies: policies.map((p) => ({
				id: p.id,
				kind: p.kind,
				fieldName: p.fieldId ? (fieldNames.get(p.fieldId) ?? null) : null,
				acceptWorkingDays: p.acceptWorkingDays,
				answerDays: p.answerDays,
				answerUnit: p.answerUnit,
				extensionDays: p.extensionDays,
				legalBasis: p.legalBasis,
			})),
			clients,
			saved: typeof flash?.saved === 'string' ? flash.saved : null,
		},
		{ headers },
	)
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.settings')
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	const intent = values.intent
	const back = (saved: string) => redirectWithFlash(request, context, PATH, { saved })
	try {
		switch (intent) {
			case 'add-field':
				await saveField(db, staff.actor, staff.communeId, null, { name: values.name, sortOrder: values.sortOrder })
				return await back('field')
			case 'edit-field':
				await saveField(db, staff.actor, staff.communeId, values.id ?? '', { name: values.name, sortOrder: values.sortOrder, active: values.active })
				return await back('field')
			case 'policy':
				await updatePolicy(db, staff.actor, staff.communeId, values.id ?? '', {
					acceptWorkingDays: values.acceptWorkingDays,
					answerDays: values.answerDays,
					answerUnit: values.answerUnit,
					extensionDays: values.extensionDays,
					legalBasis: normalizeText(values.legalBasis ?? ''),
				})
				return await back('policy')
			case 'create-key': {
				// The key is shown once, in this answer only: never in a cookie, a URL or a cache.
				const { key } = await createApiClient(db, staff.actor, staff.communeId, { name: values.name })
				return data<SettingsResult>({ intent, created: { name: normalizeText(values.name ?? ''), key } }, { headers: { 'Cache-Control': 'no-store' } })
			}
			case 'revoke-key':
				await revokeApiClient(db, staff.actor, staff.communeId, values.id ?? '')
				return await back('revoke')
			default:
				throw httpError(400, 'error.badRequest')
		}
	} catch (err) {
		return formErrorResponse(err, values, intent)
	}
}

/** The page that shows a new key must not be stored by the browser or a proxy. */
export function headers({ actionHeaders, parentHeaders }: Route.HeadersArgs) {
	const result = new Headers(parentHeaders)
	const cacheControl = actionHeaders.get('Cache-Control')
	if (cacheControl) result.set('Cache-Control', cacheControl)
	return result
}

export default function FeedbackSettings({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const result = actionData as SettingsResult | undefined
	const failed = result?.fieldErrors || result?.formError ? result : undefined
	const sentId = failed?.values?.id
	/** Errors and values of a form, when it is the one that failed. */
	const stateOf = (intent: string, id?: string) => (failed && failed.intent === intent && (id === undefined || sentId === id) ? { e: failed.fieldErrors ?? {}, v: failed.values ?? {} } : null)
	const { fields, policies, clients, saved } = loaderData
	const unit = (u: string) => t(`feedbackSettings.unit.${u}`)
	const nextOrder = fields.reduce((max, f) => Math.max(max, f.sortOrder), 0) + 10
	const addState = stateOf('add-field')
	const keyState = stateOf('create-key')
	const labels = {
		name: failed?.intent === 'create-key' ? t('feedbackSettings.clientName') : t('feedbackSettings.fieldName'),
		sortOrder: t('feedbackSettings.sortOrder'),
		active: t('feedbackSettings.status'),
		acceptWorkingDays: t('feedbackSettings.acceptWorkingDays'),
		answerDays: t('feedbackSettings.answerDays'),
		answerUnit: t('feedbackSettings.answerUnit'),
		extensionDays: t('feedbackSettings.extensionDays'),
		legalBasis: t('feedbackSettings.legalBasis'),
	}
	const unitOptions = [
		{ value: 'working_days', label: unit('working_days') },
		{ value: 'days', label: unit('days') },
	]
	return (
		<>
			<title>{`${t('feedbackSettings.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('feedbackSettings.title')}</PageTitle>
			<p className="lead">{t('feedbackSettings.intro')}</p>
			{saved === 'field' ? <Notice kind="success">{t('feedbackSettings.fieldSaved')}</Notice> : null}
			{saved === 'policy' ? <Notice kind="success">{t('feedbackSettings.policySaved')}</Notice> : null}
			{saved === 'revoke' ? <Notice kind="success">{t('feedbackSettings.keyRevoked')}</Notice> : null}
			{result?.created ? (
				<Notice kind="success">
					<p>{t('feedbackSettings.keyCreated', { name: result.created.name })}</p>
					<p>
						<code>{result.created.key}</code>
					</p>
					<p>
						<strong>{t('feedbackSettings.keyCopyNow')}</strong>
					</p>
				</Notice>
			) : null}
			<ErrorSummary state={failed} labels={labels} scope={scopeOf(failed?.intent, sentId)} />

			<h2 id="fields">{t('feedbackSettings.fields')}</h2>
			<p>{t('feedbackSettings.fieldsIntro')}</p>
			<Table caption={t('feedbackSettings.fields')}>
				<thead>
					<tr>
						<th scope="col">{t('feedbackSettings.fieldName')}</th>
						<th scope="col">{t('feedbackSettings.sortOrder')}</th>
						<th scope="col">{t('feedbackSettings.status')}</th>
						<th scope="col">{t('table.actions')}</th>
					</tr>
				</thead>
				<tbody>
					{fields.length === 0 ? <EmptyRow columns={4}>{t('table.empty')}</EmptyRow> : null}
					{fields.map((f) => {
						const state = stateOf('edit-field', f.id)
						return (
							<tr key={f.id}>
								<td>{f.name}</td>
								<td>{f.sortOrder}</td>
								<td>{f.active ? <Tag kind="success">{t('feedbackSettings.active')}</Tag> : <Tag>{t('feedbackSettings.inactive')}</Tag>}</td>
								<td>
									<details className="details" open={Boolean(state)}>
										<summary>
											{t('feedbackSettings.edit')}
											<span className="visually-hidden"> {f.name}</span>
										</summary>
										<PostForm noValidate>
											<input type="hidden" name="intent" value="edit-field" />
											<input type="hidden" name="id" value={f.id} />
											<FieldScope scope={`field-${f.id}`}>
												<TextField name="name" label={t('feedbackSettings.fieldName')} defaultValue={state ? state.v.name : f.name} error={state?.e.name} maxLength={120} />
												<TextField
													name="sortOrder"
													label={t('feedbackSettings.sortOrder')}
													hint={t('feedbackSettings.sortOrderHint')}
													defaultValue={state ? state.v.sortOrder : String(f.sortOrder)}
													error={state?.e.sortOrder}
													inputMode="numeric"
													maxLength={6}
												/>
												<SelectField
													name="active"
													label={t('feedbackSettings.status')}
													defaultValue={state ? state.v.active : f.active ? 'yes' : 'no'}
													error={state?.e.active}
													options={[
														{ value: 'yes', label: t('feedbackSettings.active') },
														{ value: 'no', label: t('feedbackSettings.inactive') },
													]}
												/>
											</FieldScope>
											<Button>{t('form.save')}</Button>
										</PostForm>
									</details>
								</td>
							</tr>
						)
					})}
				</tbody>
			</Table>
			<details className="details" open={Boolean(addState)}>
				<summary>{t('feedbackSettings.addField')}</summary>
				<PostForm noValidate>
					<input type="hidden" name="intent" value="add-field" />
					<FieldScope scope="field-new">
						<TextField name="name" label={t('feedbackSettings.fieldName')} defaultValue={addState?.v.name} error={addState?.e.name} maxLength={120} />
						<TextField
							name="sortOrder"
							label={t('feedbackSettings.sortOrder')}
							hint={t('feedbackSettings.sortOrderHint')}
							defaultValue={addState ? addState.v.sortOrder : String(nextOrder)}
							error={addState?.e.sortOrder}
							inputMode="numeric"
							maxLength={6}
						/>
					</FieldScope>
					<Button>{t('feedbackSettings.addField')}</Button>
				</PostForm>
			</details>

			<h2 id="policies">{t('feedbackSettings.policies')}</h2>
			<p>{t('feedbackSettings.policiesIntro')}</p>
			<Table caption={t('feedbackSettings.policies')}>
				<thead>
					<tr>
						<th scope="col">{t('feedbackSettings.kind')}</th>
						<th scope="col">{t('feedbackSettings.accept')}</th>
						<th scope="col">{t('feedbackSettings.answer')}</th>
						<th scope="col">{t('feedbackSettings.extension')}</th>
						<th scope="col">{t('feedbackSettings.legalBasis')}</th>
					</tr>
				</thead>
				<tbody>
					{policies.length === 0 ? <EmptyRow columns={5}>{t('table.empty')}</EmptyRow> : null}
					{policies.map((p) => (
						<tr key={p.id}>
							<th scope="row">
								{t(`feedback.kind.${p.kind}`)}
								{p.fieldName ? <span className="muted"> ({t('feedbackSettings.policyField', { field: p.fieldName })})</span> : null}
							</th>
							<td className="nowrap">{t('feedbackSettings.duration', { n: p.acceptWorkingDays, unit: unit('working_days') })}</td>
							<td className="nowrap">{t('feedbackSettings.duration', { n: p.answerDays, unit: unit(p.answerUnit) })}</td>
							<td className="nowrap">{t('feedbackSettings.duration', { n: p.extensionDays, unit: unit(p.answerUnit) })}</td>
							<td>{p.legalBasis}</td>
						</tr>
					))}
				</tbody>
			</Table>
			{policies.map((p) => {
				const state = stateOf('policy', p.id)
				const scope = `policy-${p.id}`
				const kind = p.fieldName ? `${t(`feedback.kind.${p.kind}`)} (${t('feedbackSettings.policyField', { field: p.fieldName })})` : t(`feedback.kind.${p.kind}`)
				return (
					<details className="details" key={p.id} open={Boolean(state)}>
						<summary>{t('feedbackSettings.editPolicy', { kind })}</summary>
						<PostForm noValidate>
							<input type="hidden" name="intent" value="policy" />
							<input type="hidden" name="id" value={p.id} />
							<FieldScope scope={scope}>
								<TextField
									name="acceptWorkingDays"
									label={labels.acceptWorkingDays}
									defaultValue={state ? state.v.acceptWorkingDays : String(p.acceptWorkingDays)}
									error={state?.e.acceptWorkingDays}
									inputMode="numeric"
									maxLength={4}
								/>
								<TextField
									name="answerDays"
									label={labels.answerDays}
									defaultValue={state ? state.v.answerDays : String(p.answerDays)}
									error={state?.e.answerDays}
									inputMode="numeric"
									maxLength={4}
								/>
								<SelectField name="answerUnit" label={labels.answerUnit} defaultValue={state ? state.v.answerUnit : p.answerUnit} error={state?.e.answerUnit} options={unitOptions} />
								<TextField
									name="extensionDays"
									label={labels.extensionDays}
									hint={t('feedbackSettings.extensionHint')}
									defaultValue={state ? state.v.extensionDays : String(p.extensionDays)}
									error={state?.e.extensionDays}
									inputMode="numeric"
									maxLength={4}
								/>
								<TextArea
									name="legalBasis"
									label={labels.legalBasis}
									hint={t('feedbackSettings.legalBasisHint')}
									defaultValue={state ? state.v.legalBasis : p.legalBasis}
									error={state?.e.legalBasis}
									maxLength={2000}
									rows={5}
								/>
							</FieldScope>
							<Button>{t('form.save')}</Button>
						</PostForm>
					</details>
				)
			})}

			<h2 id="api-keys">{t('feedbackSettings.apiKeys')}</h2>
			<p>{t('feedbackSettings.apiIntro')}</p>
			<p>
				{t('feedbackSettings.endpoint')}{' '}
				<a href={OPEN311_DISCOVERY}>
					<code>{OPEN311_DISCOVERY}</code>
				</a>
			</p>
			<Table caption={t('feedbackSettings.apiKeys')}>
				<thead>
					<tr>
						<th scope="col">{t('feedbackSettings.clientName')}</th>
						<th scope="col">{t('feedbackSettings.keyPrefix')}</th>
						<th scope="col">{t('feedbackSettings.created')}</th>
						<th scope="col">{t('feedbackSettings.lastUsed')}</th>
						<th scope="col">{t('feedbackSettings.status')}</th>
						<th scope="col">{t('table.actions')}</th>
					</tr>
				</thead>
				<tbody>
					{clients.length === 0 ? <EmptyRow columns={6}>{t('table.empty')}</EmptyRow> : null}
					{clients.map((c) => (
						<tr key={c.id}>
							<td>{c.name}</td>
							<td>
								<code>{`${c.keyPrefix}…`}</code>
							</td>
							<td className="nowrap">{formatDate(c.createdAt)}</td>
							<td className="nowrap">{c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t('feedbackSettings.never')}</td>
							<td>
								{c.revokedAt ? <Tag>{t('feedbackSettings.revokedOn', { date: formatDate(c.revokedAt) })}</Tag> : <Tag kind="success">{t('feedbackSettings.keyActive')}</Tag>}
							</td>
							<td>
								{c.revokedAt ? null : (
									<PostForm>
										<input type="hidden" name="intent" value="revoke-key" />
										<input type="hidden" name="id" value={c.id} />
										<button type="submit" className="link-button">
											{t('feedbackSettings.revoke')}
											<span className="visually-hidden"> {c.name}</span>
										</button>
									</PostForm>
								)}
							</td>
						</tr>
					))}
				</tbody>
			</Table>
			<PostForm noValidate>
				<input type="hidden" name="intent" value="create-key" />
				<FieldScope scope="key">
					<TextField name="name" label={t('feedbackSettings.clientName')} hint={t('feedbackSettings.clientNameHint')} defaultValue={keyState?.v.name} error={keyState?.e.name} maxLength={120} />
				</FieldScope>
				<Button>{t('feedbackSettings.createKey')}</Button>
			</PostForm>
		</>
	)
}
