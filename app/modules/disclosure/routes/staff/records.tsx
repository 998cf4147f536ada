import { data, Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { requireStaffInCommune, takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { can } from '#app/modules/platform/permissions.ts'
import { SelectField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, Table } from '#app/ui/parts.tsx'
import { listObligations } from '../../catalogue.server.ts'
import { RecordStatusTag } from '../../components/record-status.tsx'
import { RECORD_STATUSES } from '../../disclosure.constants.ts'
import { periodLabel } from '../../labels.ts'
import { listRecordsForStaff } from '../../records.server.ts'
import type { Route } from './+types/records.ts'

// The commune's publication records in the back office: drafts to finish, what is up, what ended
// or was withdrawn; search and filters; links to compliance, the quarterly list and the catalogue.

export const handle = staffHandle('disclosure.view')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.view')
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const filter = {
		q: (url.searchParams.get('q') ?? '').slice(0, 200),
		status: url.searchParams.get('trang-thai') ?? '',
		obligationId: url.searchParams.get('noi-dung') ?? '',
		page: Number(url.searchParams.get('trang')) || 1,
	}
	const [list, obligations] = await Promise.all([listRecordsForStaff(db, staff.actor, staff.communeId, filter), listObligations(db, staff.communeId)])
	const query = new URLSearchParams(url.searchParams)
	query.delete('trang')
	const { flash, headers } = await takeFlash(request, context)
	return data(
		{
			list,
			filter,
			query: query.toString(),
			obligations: obligations.map((o) => ({ id: o.id, title: o.title })),
			canRecord: can(staff.actor, 'disclosure.record', staff.communeId),
			deleted: flash?.done === 'deleted',
		},
		{ headers },
	)
}

export default function Records({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { list, filter } = loaderData
	const pages = Math.max(1, Math.ceil(list.total / list.pageSize))
	const pageLink = (n: number) => `?${loaderData.query ? `${loaderData.query}&` : ''}trang=${n}`
	return (
		<>
			<title>{`${t('disclosure.staff.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('disclosure.staff.title')}</PageTitle>
			<p className="lead">{t('disclosure.staff.intro')}</p>
			{loaderData.deleted ? <Notice kind="success">{t('disclosure.done.deleted')}</Notice> : null}
			<ul className="link-row">
				{loaderData.canRecord ? (
					<li>
						<Link className="button button--primary" to="/quan-tri/cong-khai/moi">
							{t('disclosure.new.title')}
						</Link>
					</li>
				) : null}
				<li>
					<Link to="/quan-tri/cong-khai/tuan-thu">{t('disclosure.compliance.title')}</Link>
				</li>
				<li>
					<Link to="/quan-tri/cong-khai/danh-sach-quy">{t('disclosure.quarterly.title')}</Link>
				</li>
				<li>
					<Link to="/quan-tri/cong-khai/danh-muc">{t('disclosure.staff.catalogue')}</Link>
				</li>
				<li>
					<a href="/cong-khai">{t('disclosure.staff.publicPages')}</a>
				</li>
			</ul>
			<form method="get" className="filter-form" role="search">
				<div className="field">
					<label className="field__label" htmlFor="field-q">
						{t('disclosure.staff.search')}
					</label>
					<input className="input" id="field-q" name="q" type="search" defaultValue={filter.q} maxLength={200} />
				</div>
				<SelectField
					name="trang-thai"
					label={t('disclosure.record.status')}
					defaultValue={filter.status}
					options={[{ value: '', label: t('disclosure.staff.all') }, ...RECORD_STATUSES.map((s) => ({ value: s, label: t(`disclosure.status.${s}`) }))]}
				/>
				<SelectField
					name="noi-dung"
					label={t('disclosure.record.obligation')}
					defaultValue={filter.obligationId}
					options={[{ value: '', label: t('disclosure.staff.all') }, ...loaderData.obligations.map((o) => ({ value: o.id, label: o.title }))]}
				/>
				<div className="filter-form__actions">
					<button className="button button--secondary" type="submit">
						{t('disclosure.staff.filter')}
					</button>
				</div>
			</form>
			<p role="status">{t('disclosure.staff.count', { count: formatNumber(list.total) })}</p>
			<Table caption={t('disclosure.staff.title')}>
				<thead>
					<tr>
						<th scope="col">{t('disclosure.record.code')}</th>
						<th scope="col">{t('disclosure.record.title')}</th>
						<th scope="col">{t('disclosure.record.status')}</th>
						<th scope="col">{t('disclosure.record.decisionDate')}</th>
						<th scope="col">{t('disclosure.record.publishedAt')}</th>
					</tr>
				</thead>
				<tbody>
					{list.rows.length === 0 ? <EmptyRow columns={5}>{t('table.empty')}</EmptyRow> : null}
					{list.rows.map((r) => (
						<tr key={r.id}>
							<td className="nowrap">{r.code}</td>
							<td>
								<Link to={`/quan-tri/cong-khai/${r.id}`}>
									<bdi>{r.title}</bdi>
								</Link>
								{r.period ? <span className="muted"> · {periodLabel(t, r.period)}</span> : null}
							</td>
							<td>
								<RecordStatusTag status={r.status} />
							</td>
							<td className="nowrap">{r.decisionDate ? formatDate(r.decisionDate) : '—'}</td>
							<td className="nowrap">{r.publishedAt ? formatDate(r.publishedAt) : '—'}</td>
						</tr>
					))}
				</tbody>
			</Table>
			{pages > 1 || list.page > 1 ? (
				<nav className="pagination" aria-label={t('disclosure.staff.pages')}>
					{list.page > 1 ? <Link to={pageLink(Math.min(list.page - 1, pages))}>← {t('disclosure.staff.previous')}</Link> : null}
					<span>{t('disclosure.staff.pageOf', { page: list.page, pages })}</span>
					{list.page < pages ? <Link to={pageLink(list.page + 1)}>{t('disclosure.staff.next')} →</Link> : null}
				</nav>
			) : null}
		</>
	)
}
