import { Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { SelectField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, PageTitle, Table } from '#app/ui/parts.tsx'
import { quarterFrom } from '../../http/quarter.ts'
import { periodLabel } from '../../labels.ts'
import { quarterlyList } from '../../quarterly.server.ts'
import type { Route } from './+types/quarterly.ts'

// The quarterly list the law requires (Luật THDCCS Điều 13 khoản 2): what was published in the
// quarter, in which forms, when. A page to print, and the same list as a Word document.

export const handle = staffHandle('disclosure.view')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.view')
	const period = quarterFrom(new URL(request.url))
	const rows = await quarterlyList(context.get(servicesContext).db, staff.actor, staff.communeId, period)
	const year = Number(period.key.slice(0, 4))
	return { period, year, quarter: Number(period.key.slice(-1)), rows, years: Array.from({ length: 6 }, (_, i) => new Date().getFullYear() + 1 - i) }
}

export default function Quarterly({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { period, rows, year, quarter } = loaderData
	const label = periodLabel(t, period.key)
	return (
		<>
			<title>{`${t('disclosure.quarterly.title')}: ${label} — ${t('app.name')}`}</title>
			<p className="no-print">
				<Link to="/quan-tri/cong-khai">← {t('disclosure.staff.backToList')}</Link>
			</p>
			<PageTitle caption={label}>{t('disclosure.quarterly.title')}</PageTitle>
			<p className="lead">{t('disclosure.quarterly.intro', { from: formatDate(period.start), to: formatDate(period.end) })}</p>
			<form method="get" className="filter-form">
				<SelectField name="nam" label={t('disclosure.quarterly.year')} defaultValue={String(year)} options={loaderData.years.map((y) => ({ value: String(y), label: String(y) }))} />
				<SelectField name="quy" label={t('disclosure.quarterly.quarter')} defaultValue={String(quarter)} options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: ['I', 'II', 'III', 'IV'][q - 1]! }))} />
				<div className="filter-form__actions">
					<button className="button button--secondary" type="submit">
						{t('disclosure.quarterly.show')}
					</button>
				</div>
			</form>
			<ul className="link-row no-print">
				<li>
					<a className="button button--primary" href={`/quan-tri/cong-khai/danh-sach-quy.docx?nam=${year}&quy=${quarter}`} download>
						{t('disclosure.quarterly.word')}
					</a>
				</li>
				<li>{t('disclosure.quarterly.printHint')}</li>
			</ul>
			<p role="status">{t('disclosure.quarterly.count', { count: formatNumber(rows.length) })}</p>
			<Table caption={`${t('disclosure.quarterly.title')}: ${label}`}>
				<thead>
					<tr>
						<th scope="col">{t('disclosure.quarterly.index')}</th>
						<th scope="col">{t('disclosure.quarterly.content')}</th>
						<th scope="col">{t('disclosure.record.obligation')}</th>
						<th scope="col">{t('disclosure.quarterly.forms')}</th>
						<th scope="col">{t('disclosure.quarterly.dates')}</th>
					</tr>
				</thead>
				<tbody>
					{rows.length === 0 ? <EmptyRow columns={5}>{t('disclosure.quarterly.empty')}</EmptyRow> : null}
					{rows.map((r, i) => (
						<tr key={r.recordId}>
							<td>{i + 1}</td>
							<td>
								<Link to={`/quan-tri/cong-khai/${r.recordId}`}>
									<bdi>{r.title}</bdi>
								</Link>
								<span className="muted">
									{' '}
									· {r.code}
									{r.decisionRef ? ` · ${r.decisionRef}` : ''}
									{r.status === 'withdrawn' || r.status === 'ended' ? ` · ${t(`disclosure.status.${r.status}`)}` : ''}
								</span>
							</td>
							<td>{r.obligations.join('; ')}</td>
							<td>
								<ul className="plain-list">
									{r.postings.map((p, j) => (
										<li key={j}>
											{t(`disclosure.channel.${p.form}`)}
											{p.place && p.form === 'notice_village' ? ` (${p.place})` : ''}
										</li>
									))}
								</ul>
							</td>
							<td>
								<ul className="plain-list">
									{r.postings.map((p, j) => (
										<li key={j} className="nowrap">
											{formatDate(p.startedOn)} – {p.endedOn ? formatDate(p.endedOn) : t('disclosure.posting.stillUp')}
										</li>
									))}
								</ul>
							</td>
						</tr>
					))}
				</tbody>
			</Table>
		</>
	)
}
