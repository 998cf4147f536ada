import { data, Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber, parseDateInput } from '#app/core/i18n/i18n.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { can } from '#app/modules/platform/permissions.ts'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { Button, ErrorSummary, FieldScope, PostForm, RadioGroup, TextArea, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, SummaryRow, Table } from '#app/ui/parts.tsx'
import { getPublicFacts, recordReception, removeContact, removeReception, saveContact, saveFacts } from '../../facts.server.ts'
import type { Route } from './+types/facts.ts'

// The commune's fixed public facts (plan "Chính quyền thân thiện"): where the feedback boxes are,
// the commitment not to harass, the published phone numbers, the citizen reception schedule, and
// the receptions and dialogue conferences held. All of it is shown on the public contact page.
// The hotline, address and e-mail belong to the commune settings and are only shown here.

export const handle = staffHandle('disclosure.facts')

const PATH = '/quan-tri/thong-tin-cong-khai'
const PUBLIC_PATH = '/lien-he'
const COMMUNE_SETTINGS_PATH = '/quan-tri/thong-tin-xa'
const KINDS = ['reception', 'dialogue'] as const

/** The id prefix of each form's fields, so the error summary links into the form that was sent. */
function scopeOf(intent: string | undefined, id: string | undefined): string {
	if (intent === 'edit-contact') return `contact-${id ?? ''}`
	if (intent === 'add-contact') return 'contact-new'
	if (intent === 'add-reception') return 'reception'
	return 'facts'
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.facts')
	const { db } = context.get(servicesContext)
	const facts = await getPublicFacts(db, staff.communeId, new Date(), { allReceptions: true })
	if (!facts) throw httpError(404, 'error.notFound')
	const { flash, headers } = await takeFlash(request, context)
	return data(
		{
			commune: { hotline: facts.commune.hotline, address: facts.commune.address, email: facts.commune.email },
			canEditCommune: can(staff.actor, 'commune.settings', staff.communeId),
			facts: facts.facts,
			contacts: facts.contacts.map((c) => ({ id: c.id, fullName: c.fullName, position: c.position, phone: c.phone, duties: c.duties, sortOrder: c.sortOrder })),
			receptions: facts.receptions.map((r) => ({
				id: r.id,
				kind: r.kind,
				heldOn: r.heldOn,
				host: r.host,
				place: r.place,
				attendance: r.attendance,
				raised: r.raised,
				outcome: r.outcome,
			})),
			flash: flash && typeof flash.saved === 'string' ? { saved: flash.saved, name: String(flash.name ?? ''), kind: String(flash.kind ?? ''), date: String(flash.date ?? '') } : null,
		},
		{ headers },
	)
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.facts')
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	const intent = values.intent
	const back = (flash: Record<string, string>) => redirectWithFlash(request, context, PATH, flash)
	const contactInput = () => ({ fullName: values.fullName, position: values.position, phone: values.phone, duties: values.duties, sortOrder: values.sortOrder })
	try {
		switch (intent) {
			case 'facts':
				await saveFacts(db, staff.actor, staff.communeId, {
					mailboxPlaces: values.mailboxPlaces,
					commitment: values.commitment,
					receptionSchedule: values.receptionSchedule,
					receptionPlace: values.receptionPlace,
				})
				return await back({ saved: 'facts' })
			case 'add-contact': {
				const contact = await saveContact(db, staff.actor, staff.communeId, null, contactInput())
				return await back({ saved: 'contact-added', name: contact.fullName })
			}
			case 'edit-contact': {
				const contact = await saveContact(db, staff.actor, staff.communeId, values.id ?? '', contactInput())
				return await back({ saved: 'contact', name: contact.fullName })
			}
			case 'remove-contact': {
				const contact = (await getPublicFacts(db, staff.communeId, new Date(), { allReceptions: true }))?.contacts.find((c) => c.id === values.id)
				if (!contact) throw httpError(404, 'error.notFound')
				await removeContact(db, staff.actor, staff.communeId, contact.id)
				return await back({ saved: 'contact-removed', name: contact.fullName })
			}
			case 'add-reception': {
				const heldOn = values.heldOn ?? ''
				const reception = await recordReception(db, staff.actor, staff.communeId, {
					kind: values.kind,
					// A date that is not one stays as typed, so the use case names the error.
					heldOn: parseDateInput(heldOn) ?? heldOn,
					host: values.host,
					place: values.place,
					attendance: values.attendance,
					raised: values.raised,
					outcome: values.outcome,
				})
				return await back({ saved: 'reception', kind: reception.kind, date: reception.heldOn })
			}
			case 'remove-reception': {
				const reception = (await getPublicFacts(db, staff.communeId, new Date(), { allReceptions: true }))?.receptions.find((r) => r.id === values.id)
				if (!reception) throw httpError(404, 'error.notFound')
				await removeReception(db, staff.actor, staff.communeId, reception.id)
				return await back({ saved: 'reception-removed', kind: reception.kind, date: reception.heldOn })
			}
			default:
				throw httpError(400, 'error.badRequest')
		}
	} catch (err) {
		return formErrorResponse(err, values, intent)
	}
}

export default function FactsPage({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const failed = actionData as FormState | undefined
	const sentId = failed?.values?.id
	/** Errors and values of a form, when it is the one that failed. */
	const stateOf = (intent: string, id?: string) => (failed && failed.intent === intent && (id === undefined || sentId === id) ? { e: failed.fieldErrors ?? {}, v: failed.values ?? {} } : null)
	const { commune, canEditCommune, facts, contacts, receptions, flash } = loaderData
	const factsState = stateOf('facts')
	const addContactState = stateOf('add-contact')
	const receptionState = stateOf('add-reception')
	const nextOrder = contacts.reduce((max, c) => Math.max(max, c.sortOrder), 0) + 10
	const kindLabel = (kind: string) => t(`disclosure.reception.${kind}`)
	const labels = {
		mailboxPlaces: t('disclosure.facts.mailboxPlaces'),
		commitment: t('disclosure.facts.commitment'),
		receptionSchedule: t('disclosure.facts.receptionSchedule'),
		receptionPlace: t('disclosure.facts.receptionPlace'),
		fullName: t('disclosure.facts.fullName'),
		position: t('disclosure.facts.position'),
		phone: t('disclosure.facts.phone'),
		duties: t('disclosure.facts.duties'),
		sortOrder: t('disclosure.facts.sortOrder'),
		kind: t('disclosure.facts.kind'),
		heldOn: t('disclosure.facts.heldOn'),
		host: t('disclosure.facts.host'),
		place: t('disclosure.facts.place'),
		attendance: t('disclosure.facts.attendance'),
		raised: t('disclosure.facts.raised'),
		outcome: t('disclosure.facts.outcome'),
	}
	const flashText = (() => {
		if (!flash) return null
		const params = { name: flash.name, kind: flash.kind ? kindLabel(flash.kind) : '', date: flash.date ? formatDate(flash.date) : '' }
		const key = {
			facts: 'disclosure.facts.factsSaved',
			'contact-added': 'disclosure.facts.contactAdded',
			contact: 'disclosure.facts.contactSaved',
			'contact-removed': 'disclosure.facts.contactRemoved',
			reception: 'disclosure.facts.receptionRecorded',
			'reception-removed': 'disclosure.facts.receptionRemoved',
		}[flash.saved]
		return key ? t(key, params) : null
	})()
	return (
		<>
			<title>{`${t('disclosure.facts.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('disclosure.facts.title')}</PageTitle>
			<p className="lead">{t('disclosure.facts.intro')}</p>
			<p>
				{t('disclosure.facts.publicNote')} <a href={PUBLIC_PATH}>{t('disclosure.facts.publicLink')}</a>
			</p>
			{flashText ? <Notice kind="success">{flashText}</Notice> : null}
			<ErrorSummary state={failed} labels={labels} scope={scopeOf(failed?.intent, sentId)} />

			<h2 id="commune">{t('disclosure.facts.communeHeading')}</h2>
			<dl className="summary-list">
				<SummaryRow label={t('disclosure.facts.hotline')}>{commune.hotline || <span className="muted">{t('disclosure.settings.notSet')}</span>}</SummaryRow>
				<SummaryRow label={t('disclosure.facts.address')}>{commune.address || <span className="muted">{t('disclosure.settings.notSet')}</span>}</SummaryRow>
				<SummaryRow label={t('disclosure.facts.email')}>{commune.email || <span className="muted">{t('disclosure.settings.notSet')}</span>}</SummaryRow>
			</dl>
			<p>{canEditCommune ? <Link to={COMMUNE_SETTINGS_PATH}>{t('disclosure.facts.communeEdit')}</Link> : t('disclosure.facts.communeEditOther')}</p>

			<h2 id="facts">{t('disclosure.facts.factsHeading')}</h2>
			<PostForm noValidate>
				<input type="hidden" name="intent" value="facts" />
				<FieldScope scope="facts">
					<TextArea
						name="mailboxPlaces"
						label={labels.mailboxPlaces}
						hint={t('disclosure.facts.mailboxPlacesHint')}
						defaultValue={factsState ? factsState.v.mailboxPlaces : facts.mailboxPlaces}
						error={factsState?.e.mailboxPlaces}
						maxLength={2000}
						rows={4}
						optional
					/>
					<TextArea
						name="commitment"
						label={labels.commitment}
						hint={t('disclosure.facts.commitmentHint')}
						defaultValue={factsState ? factsState.v.commitment : facts.commitment}
						error={factsState?.e.commitment}
						maxLength={5000}
						rows={6}
						optional
					/>
					<TextArea
						name="receptionSchedule"
						label={labels.receptionSchedule}
						hint={t('disclosure.facts.receptionScheduleHint')}
						defaultValue={factsState ? factsState.v.receptionSchedule : facts.receptionSchedule}
						error={factsState?.e.receptionSchedule}
						maxLength={1000}
						rows={3}
						optional
					/>
					<TextField
						name="receptionPlace"
						label={labels.receptionPlace}
						hint={t('disclosure.facts.receptionPlaceHint')}
						defaultValue={factsState ? factsState.v.receptionPlace : facts.receptionPlace}
						error={factsState?.e.receptionPlace}
						maxLength={300}
						optional
					/>
				</FieldScope>
				<Button>{t('disclosure.facts.saveFacts')}</Button>
			</PostForm>

			<h2 id="contacts">{t('disclosure.facts.contactsHeading')}</h2>
			<p>{t('disclosure.facts.contactsIntro')}</p>
			<Table caption={t('disclosure.facts.contactsHeading')}>
				<thead>
					<tr>
						<th scope="col">{labels.fullName}</th>
						<th scope="col">{labels.position}</th>
						<th scope="col">{labels.phone}</th>
						<th scope="col">{labels.duties}</th>
						<th scope="col">{labels.sortOrder}</th>
						<th scope="col">{t('table.actions')}</th>
					</tr>
				</thead>
				<tbody>
					{contacts.length === 0 ? <EmptyRow columns={6}>{t('table.empty')}</EmptyRow> : null}
					{contacts.map((c) => {
						const state = stateOf('edit-contact', c.id)
						return (
							<tr key={c.id}>
								<td>{c.fullName}</td>
								<td>{c.position}</td>
								<td className="nowrap">{c.phone}</td>
								<td>{c.duties}</td>
								<td>{c.sortOrder}</td>
								<td>
									<PostForm>
										<input type="hidden" name="intent" value="remove-contact" />
										<input type="hidden" name="id" value={c.id} />
										<button type="submit" className="link-button">
											{t('disclosure.facts.remove')}
											<span className="visually-hidden"> {c.fullName}</span>
										</button>
									</PostForm>
									<details className="details" open={Boolean(state)}>
										<summary>
											{t('disclosure.facts.editContact')}
											<span className="visually-hidden"> {c.fullName}</span>
										</summary>
										<PostForm noValidate>
											<input type="hidden" name="intent" value="edit-contact" />
											<input type="hidden" name="id" value={c.id} />
											<ContactFields
												scope={`contact-${c.id}`}
												labels={labels}
												values={state ? state.v : { fullName: c.fullName, position: c.position, phone: c.phone, duties: c.duties, sortOrder: String(c.sortOrder) }}
												errors={state?.e ?? {}}
											/>
											<Button>{t('form.save')}</Button>
										</PostForm>
									</details>
								</td>
							</tr>
						)
					})}
				</tbody>
			</Table>
			<h3 id="add-contact">{t('disclosure.facts.addContact')}</h3>
			<PostForm noValidate>
				<input type="hidden" name="intent" value="add-contact" />
				<ContactFields scope="contact-new" labels={labels} values={addContactState ? addContactState.v : { sortOrder: String(nextOrder) }} errors={addContactState?.e ?? {}} />
				<Button>{t('disclosure.facts.addContact')}</Button>
			</PostForm>

			<h2 id="receptions">{t('disclosure.facts.receptionsHeading')}</h2>
			<p>{t('disclosure.facts.receptionsIntro')}</p>
			<Table caption={t('disclosure.facts.receptionsList')}>
				<thead>
					<tr>
						<th scope="col">{labels.heldOn}</th>
						<th scope="col">{labels.kind}</th>
						<th scope="col">{labels.host}</th>
						<th scope="col">{labels.place}</th>
						<th scope="col">{labels.attendance}</th>
						<th scope="col">{labels.raised}</th>
						<th scope="col">{labels.outcome}</th>
						<th scope="col">{t('table.actions')}</th>
					</tr>
				</thead>
				<tbody>
					{receptions.length === 0 ? <EmptyRow columns={8}>{t('table.empty')}</EmptyRow> : null}
					{receptions.map((r) => (
						<tr key={r.id}>
							<td className="nowrap">{formatDate(r.heldOn)}</td>
							<td>{kindLabel(r.kind)}</td>
							<td>{r.host}</td>
							<td>{r.place}</td>
							<td>{r.attendance === null ? '' : formatNumber(r.attendance)}</td>
							<td className="prewrap">{r.raised}</td>
							<td className="prewrap">{r.outcome}</td>
							<td>
								<PostForm>
									<input type="hidden" name="intent" value="remove-reception" />
									<input type="hidden" name="id" value={r.id} />
									<button type="submit" className="link-button">
										{t('disclosure.facts.remove')}
										<span className="visually-hidden">
											{' '}
											{kindLabel(r.kind)} {formatDate(r.heldOn)}
										</span>
									</button>
								</PostForm>
							</td>
						</tr>
					))}
				</tbody>
			</Table>
			<h3 id="add-reception">{t('disclosure.facts.recordReception')}</h3>
			<PostForm noValidate>
				<input type="hidden" name="intent" value="add-reception" />
				<FieldScope scope="reception">
					<RadioGroup
						name="kind"
						legend={labels.kind}
						error={receptionState?.e.kind}
						defaultValue={receptionState ? receptionState.v.kind : 'reception'}
						options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
					/>
					<TextField
						name="heldOn"
						label={labels.heldOn}
						hint={t('disclosure.facts.heldOnHint')}
						defaultValue={receptionState ? receptionState.v.heldOn : formatDate(new Date())}
						error={receptionState?.e.heldOn}
						maxLength={20}
					/>
					<TextField name="host" label={labels.host} hint={t('disclosure.facts.hostHint')} defaultValue={receptionState?.v.host} error={receptionState?.e.host} maxLength={200} />
					<TextField name="place" label={labels.place} defaultValue={receptionState?.v.place} error={receptionState?.e.place} maxLength={300} optional />
					<TextField
						name="attendance"
						label={labels.attendance}
						defaultValue={receptionState?.v.attendance}
						error={receptionState?.e.attendance}
						inputMode="numeric"
						maxLength={6}
						optional
					/>
					<TextArea
						name="raised"
						label={labels.raised}
						hint={t('disclosure.facts.raisedHint')}
						defaultValue={receptionState?.v.raised}
						error={receptionState?.e.raised}
						maxLength={10_000}
						rows={4}
						optional
					/>
					<TextArea name="outcome" label={labels.outcome} defaultValue={receptionState?.v.outcome} error={receptionState?.e.outcome} maxLength={10_000} rows={4} optional />
				</FieldScope>
				<Button>{t('disclosure.facts.recordReception')}</Button>
			</PostForm>
		</>
	)
}

/** Name, position, phone, duties and order of a published phone number (add and edit forms). */
function ContactFields({
	scope,
	labels,
	values: v,
	errors: e,
}: {
	scope: string
	labels: Record<'fullName' | 'position' | 'phone' | 'duties' | 'sortOrder', string>
	values: Record<string, string | undefined>
	errors: Record<string, string>
}) {
	const t = useT()
	return (
		<FieldScope scope={scope}>
			<TextField name="fullName" label={labels.fullName} defaultValue={v.fullName} error={e.fullName} maxLength={120} autoComplete="off" />
			<TextField name="position" label={labels.position} hint={t('disclosure.facts.positionHint')} defaultValue={v.position} error={e.position} maxLength={200} />
			<TextField name="phone" label={labels.phone} hint={t('disclosure.facts.phoneHint')} type="tel" defaultValue={v.phone} error={e.phone} maxLength={20} autoComplete="off" />
			<TextField name="duties" label={labels.duties} hint={t('disclosure.facts.dutiesHint')} defaultValue={v.duties} error={e.duties} maxLength={300} optional />
			<TextField
				name="sortOrder"
				label={labels.sortOrder}
				hint={t('disclosure.facts.sortOrderHint')}
				defaultValue={v.sortOrder}
				error={e.sortOrder}
				inputMode="numeric"
				maxLength={5}
			/>
		</FieldScope>
	)
}
