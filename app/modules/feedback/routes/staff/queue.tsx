import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { ZSearchQuery } from '#app/core/text.ts'
import { requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { can } from '#app/modules/platform/permissions.ts'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, PageTitle, Table, Tag } from '#app/ui/parts.tsx'
import { DeadlineTag, StatusTag } from '../../components/status-tag.tsx'
import { QUEUES, type Queue } from '../../feedback.constants.ts'
import { listQueue, PAGE_SIZE, queueCounts } from '../../workflow.server.ts'
import type { Route } from './+types/queue.ts'

// The work queues: mine, my agency, unassigned, due soon, late, waiting for a leader's review.

export const handle = staffHandle('feedback.intake')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const requested = url.searchParams.get('hang') as Queue | null
	const queue: Queue = requested && (QUEUES as readonly string[]).includes(requested) ? requested : can(staff.actor, 'feedback.viewAll', staff.communeId) ? 'open' : 'mine'
	const page = Math.max(1, Number(url.searchParams.get('trang')) || 1)
	const q = ZSearchQuery.parse(url.searchParams.get('q') ?? '')
	const [list, counts] = await Promise.all([listQueue(db, staff.actor, staff.communeId, { queue, q, page }), queueCounts(db, staff.actor, staff.communeId)])
	return { queue, q, list, counts, pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)), canIntake: can(staff.actor, 'feedback.intake', staff.communeId) }
}

export default function FeedbackQueue({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { queue, list, counts } = loaderData
	const link = (q: Queue, page = 1) => `?hang=${q}${loaderData.q ? `&q=${encodeURIComponent(loaderData.q)}` : ''}${page > 1 ? `&trang=${page}` : ''}`
	return (
		<>
			<title>{`${t('feedback.queue.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('feedback.queue.title')}</PageTitle>
			<p>
				{loaderData.canIntake ? (
					<a className="button button--primary" href="/quan-tri/y-kien/tiep-nhan">
						{t('feedback.intake.title')}
					</a>
				) : null}
			</p>
			<nav aria-label={t('feedback.queue.queues')}>
				<ul className="tabs">
					{QUEUES.map((q) => (
						<li key={q}>
							<a href={link(q)} aria-current={q === queue ? 'page' : undefined} className={q === queue ? 'tabs__link tabs__link--current' : 'tabs__link'}>
								{t(`feedback.queue.${q}`)} ({formatNumber(counts[q])})
							</a>
						</li>
					))}
				</ul>
			</nav>
			<form method="get" className="search-form" role="search">
				<input type="hidden" name="hang" value={queue} />
				<label className="field__label" htmlFor="field-q">
					{t('feedback.queue.search')}
				</label>
				<div className="search-form__row">
					<input className="input" id="field-q" name="q" type="search" defaultValue={loaderData.q} maxLength={200} />
					<button className="button button--secondary" type="submit">
						{t('feedback.public.filter')}
					</button>
				</div>
			</form>
			<Table caption={`${t(`feedback.queue.${queue}`)}: ${formatNumber(list.total)}`}>
				<thead>
					<tr>
						<th scope="col">{t('feedback.field.code')}</th>
						<th scope="col">{t('feedback.field.title')}</th>
						<th scope="col">{t('feedback.field.status')}</th>
						<th scope="col">{t('feedback.field.received')}</th>
						<th scope="col">{t('feedback.field.due')}</th>
						<th scope="col">{t('feedback.field.agency')}</th>
					</tr>
				</thead>
				<tbody>
					{list.rows.length === 0 ? <EmptyRow columns={6}>{t('table.empty')}</EmptyRow> : null}
					{list.rows.map((r) => (
						<tr key={r.id}>
							<td className="nowrap">
								<a href={`/quan-tri/y-kien/${r.id}`}>{r.code}</a>
							</td>
							<td>
								{r.title} <span className="muted">({t(`feedback.kind.${r.kind}`)})</span> {r.confidentiality !== 'normal' ? <Tag kind="danger">{t(`feedback.confidentiality.${r.confidentiality}`)}</Tag> : null}{' '}
								{r.needsReview ? <Tag kind="warning">{t('feedback.queue.review')}</Tag> : null}
							</td>
							<td>
								<StatusTag status={r.status} />
							</td>
							<td className="nowrap">{formatDate(r.receivedAt)}</td>
							<td className="nowrap">
								<DeadlineTag dueOn={r.dueOn} answeredOn={r.answeredAt ? toIsoDate(new Date(r.answeredAt)) : null} today={list.today} />
							</td>
							<td>
								{r.agencyName ?? <span className="muted">{t('feedback.queue.unassigned')}</span>}
								{r.handlerName ? <span className="muted"> · {r.handlerName}</span> : null}
							</td>
						</tr>
					))}
				</tbody>
			</Table>
			{loaderData.pages > 1 ? (
				<nav className="pagination" aria-label={t('feedback.public.pages')}>
					{list.page > 1 ? <a href={link(queue, list.page - 1)}>← {t('feedback.public.previous')}</a> : null}
					<span>{t('feedback.public.pageOf', { page: list.page, pages: loaderData.pages })}</span>
					{list.page < loaderData.pages ? <a href={link(queue, list.page + 1)}>{t('feedback.public.next')} →</a> : null}
				</nav>
			) : null}
		</>
	)
}
