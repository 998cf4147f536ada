import { data } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, httpError, rethrowAsHttp, type FormState } from '#app/core/http/responses.ts'
import { formatDate, formatDateTime } from '#app/core/i18n/i18n.ts'
import { toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { listAgencies } from '#app/modules/platform/org.server.ts'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { Button, ErrorSummary, FieldScope, PostForm, SelectField, TextArea, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle, SummaryRow, Tag } from '#app/ui/parts.tsx'
import { DeadlineTag, StatusTag } from '../../components/status-tag.tsx'
import { CONFIDENTIALITY_LEVELS } from '../../feedback.constants.ts'
import { notificationsOfItem } from '../../notifications.server.ts'
import {
	addNote,
	answerPrivately,
	approveAnswer,
	assignItem,
	draftAnswer,
	extendDeadline,
	forwardItem,
	getItemForStaff,
	listHandlers,
	markReviewed,
	mergeItem,
	publicationPreview,
	publishAnswer,
	rejectItem,
	returnDraft,
	setConfidentiality,
	startWork,
	viewProtectedIdentity,
	type ItemAction,
} from '../../workflow.server.ts'
import type { Route } from './+types/item.ts'

// One item for staff: the whole timeline, the sender (a denouncer's identity only on request, for
// those allowed, and audited), and the forms for each step this person may take now.

export const handle = staffHandle('feedback.intake', undefined, { recordScoped: true })

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	try {
		const view = await getItemForStaff(db, staff.actor, staff.communeId, params.itemId)
		const [agencies, people, preview, notices] = await Promise.all([
			view.actions.includes('assign') ? listAgencies(db, staff.actor, staff.communeId) : [],
			view.actions.includes('assign') ? listHandlers(db, staff.actor, staff.communeId) : [],
			view.actions.includes('publish') ? publicationPreview(db, staff.actor, staff.communeId, params.itemId) : null,
			notificationsOfItem(db, staff.communeId, params.itemId),
		])
		const { flash, headers } = await takeFlash(request, context)
		return data(
			{
				...view,
				today: toIsoDate(new Date()),
				agencies: agencies.filter((a) => a.active).map((a) => ({ id: a.id, name: a.name })),
				people: people.map((p) => ({ id: p.id, name: p.name })),
				preview,
				notices,
				identityRequested: url.searchParams.get('danh-tinh') === '1',
				flash,
			},
			{ headers },
		)
	} catch (err) {
		rethrowAsHttp(err)
	}
}

const STEPS: Record<string, (db: Parameters<typeof startWork>[0], actor: Parameters<typeof startWork>[1], communeId: string, itemId: string, values: Record<string, string>) => Promise<unknown>> = {
	assign: (db, a, c, i, v) => assignItem(db, a, c, i, v),
	start: (db, a, c, i) => startWork(db, a, c, i),
	draft: (db, a, c, i, v) => draftAnswer(db, a, c, i, v),
	approve: (db, a, c, i) => approveAnswer(db, a, c, i),
	return: (db, a, c, i, v) => returnDraft(db, a, c, i, v),
	publish: (db, a, c, i, v) => publishAnswer(db, a, c, i, v),
	answerPrivately: (db, a, c, i) => answerPrivately(db, a, c, i),
	forward: (db, a, c, i, v) => forwardItem(db, a, c, i, v),
	merge: (db, a, c, i, v) => mergeItem(db, a, c, i, v),
	reject: (db, a, c, i, v) => rejectItem(db, a, c, i, v),
	extend: (db, a, c, i, v) => extendDeadline(db, a, c, i, v),
	note: (db, a, c, i, v) => addNote(db, a, c, i, v),
	confidentiality: (db, a, c, i, v) => setConfidentiality(db, a, c, i, v),
	review: (db, a, c, i, v) => markReviewed(db, a, c, i, v),
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	const intent = values.intent ?? ''
	try {
		if (intent === 'identity') {
			const identity = await viewProtectedIdentity(db, staff.actor, staff.communeId, params.itemId)
			return data({ identity })
		}
		const run = STEPS[intent]
		if (!run) throw httpError(400, 'error.badRequest')
		await run(db, staff.actor, staff.communeId, params.itemId, values)
		return await redirectWithFlash(request, context, `/quan-tri/y-kien/${params.itemId}`, { done: intent })
	} catch (err) {
		return formErrorResponse(err, values, intent)
	}
}

export default function ItemPage({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const { item, names, events, files, identity, actions, preview } = loaderData
	const state = actionData && 'intent' in actionData ? (actionData as FormState) : undefined
	const shownIdentity = actionData && 'identity' in actionData ? (actionData as { identity: Record<string, string | boolean> }).identity : null
	const may = (a: ItemAction) => actions.includes(a)
	const flash = loaderData.flash
	const failed = (a: string) => (state?.intent === a ? state : undefined)
	const form = (a: ItemAction, title: string, body: React.ReactNode, button: string, variant: 'primary' | 'secondary' | 'warning' = 'primary') =>
		may(a) ? (
			<details className="details" open={Boolean(failed(a))}>
				<summary>{title}</summary>
				<FieldScope scope={a}>
					<ErrorSummary state={failed(a)} scope={a} />
					<PostForm noValidate>
						<input type="hidden" name="intent" value={a} />
						{body}
						<Button variant={variant}>{button}</Button>
					</PostForm>
				</FieldScope>
			</details>
		) : null
	const e = (a: string) => failed(a)?.fieldErrors ?? {}
	const v = (a: string, k: string) => failed(a)?.values?.[k]
	return (
		<>
			<title>{`${item.code} — ${t('feedback.queue.title')}`}</title>
			<p>
				<a href="/quan-tri/y-kien">← {t('feedback.queue.title')}</a> · <a href={`/quan-tri/y-kien/${item.id}/in`}>{t('feedback.item.print')}</a>
			</p>
			<PageTitle caption={`${item.code} · ${t(`feedback.kind.${item.kind}`)} · ${t(`feedback.channel.${item.channel}`)}`}>{item.title}</PageTitle>
			{flash?.created ? (
				<Notice kind="success">
					{t('feedback.intake.created', { code: String(flash.created), secret: String(flash.secret ?? '') })}
				</Notice>
			) : null}
			{flash?.done ? <Notice kind="success">{t(`feedback.done.${String(flash.done)}`)}</Notice> : null}
			{item.confidentiality !== 'normal' ? <Notice kind="warning">{t(`feedback.confidentiality.${item.confidentiality}`)}</Notice> : null}
			{item.needsReview ? <Notice kind="warning">{t('feedback.item.needsReview')}</Notice> : null}
			<dl className="summary-list">
				<SummaryRow label={t('feedback.field.status')}>
					<StatusTag status={item.status} /> {loaderData.mergedIntoCode ? `→ ${loaderData.mergedIntoCode}` : ''}
				</SummaryRow>
				<SummaryRow label={t('feedback.field.due')}>
					{formatDate(item.dueOn)} <DeadlineTag dueOn={item.dueOn} answeredOn={item.answeredAt ? toIsoDate(new Date(item.answeredAt)) : null} today={loaderData.today} dateShown />
					{item.extendedAt ? ` · ${t('feedback.item.extended', { reason: item.extensionReason ?? '' })}` : ''}
				</SummaryRow>
				<SummaryRow label={t('feedback.field.received')}>{formatDateTime(item.receivedAt)}</SummaryRow>
				<SummaryRow label={t('feedback.field.agency')}>
					{names.agency ?? t('feedback.queue.unassigned')}
					{names.handler ? ` · ${names.handler}` : ''}
				</SummaryRow>
				<SummaryRow label={t('feedback.field.field')}>{names.field ?? '—'}</SummaryRow>
				<SummaryRow label={t('feedback.field.village')}>
					{names.village ?? '—'}
					{item.place ? ` · ${item.place}` : ''}
				</SummaryRow>
			</dl>
			<h2>{t('feedback.field.content')}</h2>
			<p className="prewrap">{item.content}</p>
			{files.length ? (
				<ul className="file-list">
					{files.map((f) => (
						<li key={f.id}>
							<a href={`/quan-tri/y-kien/${item.id}/tep/${f.id}`}>{f.fileName}</a> ({Math.ceil(f.size / 1024)} KB)
						</li>
					))}
				</ul>
			) : null}

			<h2>{t('feedback.item.sender')}</h2>
			{identity.state === 'none' ? <p className="muted">{t('feedback.notGiven')}</p> : null}
			{identity.state === 'visible' ? <Contact contact={identity.contact} /> : null}
			{identity.state === 'protected' ? (
				shownIdentity ? (
					<Contact contact={shownIdentity} />
				) : (
					<>
						<Notice>{t('feedback.item.protected')}</Notice>
						{identity.mayView ? (
							<PostForm>
								<input type="hidden" name="intent" value="identity" />
								<Button variant="secondary">{t('feedback.item.showIdentity')}</Button>
							</PostForm>
						) : null}
					</>
				)
			) : null}

			{item.answer ? (
				<>
					<h2>{t('feedback.item.answer')}</h2>
					<div className="answer">{item.answer}</div>
				</>
			) : null}
			{item.publishedAt ? (
				<p>
					<a href={`/phan-anh-kien-nghi/y-kien/${item.code}`}>{t('feedback.item.publicPage')}</a>
				</p>
			) : null}

			<h2>{t('feedback.item.actions')}</h2>
			{actions.filter((a) => a !== 'note').length === 0 ? <p className="muted">{t('feedback.item.noActions')}</p> : null}
			{form(
				'assign',
				t('feedback.action.assign'),
				<>
					<SelectField name="agencyId" label={t('feedback.field.agency')} defaultValue={v('assign', 'agencyId') ?? item.agencyId ?? ''} error={e('assign').agencyId} options={[{ value: '', label: '—' }, ...loaderData.agencies.map((a) => ({ value: a.id, label: a.name }))]} />
					<SelectField name="handlerId" label={t('feedback.field.handler')} optional defaultValue={v('assign', 'handlerId') ?? item.handlerId ?? ''} error={e('assign').handlerId} options={[{ value: '', label: '—' }, ...loaderData.people.map((p) => ({ value: p.id, label: p.name }))]} />
					<TextArea name="note" label={t('feedback.field.internalNote')} optional rows={3} defaultValue={v('assign', 'note')} error={e('assign').note} />
				</>,
				t('feedback.action.assign'),
			)}
			{form('start', t('feedback.action.start'), null, t('feedback.action.start'))}
			{form('draft', t('feedback.action.draft'), <TextArea name="answer" label={t('feedback.item.answer')} rows={8} defaultValue={v('draft', 'answer') ?? item.answer} error={e('draft').answer} />, t('feedback.action.draft'))}
			{form('approve', t('feedback.action.approve'), <p>{t('feedback.item.approveHint')}</p>, t('feedback.action.approve'))}
			{form('return', t('feedback.action.return'), <TextArea name="reason" label={t('feedback.field.reason')} rows={3} defaultValue={v('return', 'reason')} error={e('return').reason} />, t('feedback.action.return'), 'secondary')}
			{preview
				? form(
						'publish',
						t('feedback.action.publish'),
						<>
							<Notice>{t('feedback.item.maskedPreview', { count: preview.found })}</Notice>
							<TextField name="publicTitle" label={t('feedback.field.title')} defaultValue={v('publish', 'publicTitle') ?? preview.publicTitle} error={e('publish').publicTitle} maxLength={300} />
							<TextArea name="publicContent" label={t('feedback.field.content')} rows={6} defaultValue={v('publish', 'publicContent') ?? preview.publicContent} error={e('publish').publicContent} />
							<TextArea name="publicAnswer" label={t('feedback.item.answer')} rows={8} defaultValue={v('publish', 'publicAnswer') ?? preview.publicAnswer} error={e('publish').publicAnswer} />
						</>,
						t('feedback.action.publish'),
					)
				: null}
			{form('answerPrivately', t('feedback.action.answerPrivately'), <p>{t('feedback.item.privateHint')}</p>, t('feedback.action.answerPrivately'), 'secondary')}
			{form(
				'forward',
				t('feedback.action.forward'),
				<>
					<TextField name="forwardedTo" label={t('feedback.field.forwardedTo')} defaultValue={v('forward', 'forwardedTo')} error={e('forward').forwardedTo} maxLength={250} />
					<TextArea name="guidance" label={t('feedback.field.guidance')} rows={4} defaultValue={v('forward', 'guidance')} error={e('forward').guidance} />
				</>,
				t('feedback.action.forward'),
				'secondary',
			)}
			{form(
				'merge',
				t('feedback.action.merge'),
				<>
					<TextField name="intoCode" label={t('feedback.field.intoCode')} defaultValue={v('merge', 'intoCode')} error={e('merge').intoCode} maxLength={30} />
					<TextArea name="note" label={t('feedback.field.internalNote')} optional rows={2} defaultValue={v('merge', 'note')} error={e('merge').note} />
				</>,
				t('feedback.action.merge'),
				'secondary',
			)}
			{form('reject', t('feedback.action.reject'), <TextArea name="reason" label={t('feedback.field.reason')} rows={3} defaultValue={v('reject', 'reason')} error={e('reject').reason} />, t('feedback.action.reject'), 'warning')}
			{form('extend', t('feedback.action.extend'), <TextArea name="reason" label={t('feedback.field.reason')} rows={3} defaultValue={v('extend', 'reason')} error={e('extend').reason} />, t('feedback.action.extend'), 'secondary')}
			{form(
				'confidentiality',
				t('feedback.action.confidentiality'),
				<SelectField name="confidentiality" label={t('feedback.field.confidentiality')} defaultValue={item.confidentiality} options={CONFIDENTIALITY_LEVELS.map((c) => ({ value: c, label: t(`feedback.confidentiality.${c}`) }))} />,
				t('feedback.action.confidentiality'),
				'secondary',
			)}
			{form('review', t('feedback.action.review'), <TextArea name="note" label={t('feedback.field.internalNote')} rows={3} defaultValue={v('review', 'note')} error={e('review').note} />, t('feedback.action.review'))}
			{form('note', t('feedback.action.note'), <TextArea name="note" label={t('feedback.field.internalNote')} rows={3} defaultValue={v('note', 'note')} error={e('note').note} />, t('feedback.action.note'), 'secondary')}

			<h2>{t('feedback.lookup.timeline')}</h2>
			<ol className="timeline">
				{events.map((ev) => (
					<li className="timeline__item" key={ev.id}>
						<span className="timeline__time">
							{formatDateTime(ev.at)} · {ev.actorLabel}
						</span>
						{t(`feedback.event.${ev.type}`)} {ev.public ? null : <Tag>{t('feedback.item.internal')}</Tag>}
						{ev.note ? <p className="prewrap">{ev.note}</p> : null}
					</li>
				))}
			</ol>
			{loaderData.notices.length ? (
				<>
					<h2>{t('feedback.item.notifications')}</h2>
					<ul>
						{loaderData.notices.map((n) => (
							<li key={n.id}>
								{formatDateTime(n.createdAt)} · {n.channel} · {t(`feedback.notice.${n.status}`)}
								{n.lastError ? ` (${n.lastError})` : ''}
							</li>
						))}
					</ul>
				</>
			) : null}
		</>
	)
}

function Contact({ contact }: { contact: Record<string, string | boolean> }) {
	const t = useT()
	const rows = (['fullName', 'phone', 'email', 'address', 'identityNumber'] as const).filter((k) => contact[k])
	if (!rows.length) return <p className="muted">{t('feedback.sender.anonymous')}</p>
	return (
		<dl className="summary-list">
			{rows.map((k) => (
				<div className="summary-list__row" key={k}>
					<dt>{t(`feedback.field.${k}`)}</dt>
					<dd>{String(contact[k])}</dd>
				</div>
			))}
		</dl>
	)
}
