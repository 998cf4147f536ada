import { Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { Button } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, PageTitle, Table, Tag } from '#app/ui/parts.tsx'
import { collectionCompliance } from '../../collection.server.ts'
import type { Route } from './+types/compliance.ts'

// Did every collector (MTTQ, each mass organisation, each village) hold a collection session in
// each week, Monday to Sunday? One row per collector, one column per week, newest first.

export const handle = staffHandle('feedback.viewAll')

const WEEK_CHOICES = [4, 8, 13, 26] as const
const DEFAULT_WEEKS = 8

/** 2026-11-23 → 23/11 */
function dayMonth(iso: string): string {
	return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.viewAll')
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const asked = Number(url.searchParams.get('tuan'))
	const weeks = (WEEK_CHOICES as readonly number[]).includes(asked) ? asked : DEFAULT_WEEKS
	const missingOnly = url.searchParams.get('thieu') === '1'
	const result = await collectionCompliance(db, staff.actor, staff.communeId, { weeks })
	const missing = new Set(result.missingThisWeek.map((r) => `${r.type}:${r.id}`))
	const current = result.weeks[result.weeks.length - 1]!
	return {
		weeks: [...result.weeks].reverse(),
		rows: result.rows
			.filter((r) => !missingOnly || missing.has(`${r.type}:${r.id}`))
			.map((r) => ({ key: `${r.type}:${r.id}`, name: r.name, type: r.type, weeks: [...r.weeks].reverse() })),
		total: result.rows.length,
		done: result.rows.length - result.missingThisWeek.length,
		currentWeek: { start: current.start, end: current.end },
		weekCount: weeks,
		missingOnly,
	}
}

export default function Compliance({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { weeks, rows, currentWeek, weekCount, missingOnly } = loaderData
	const caption = t(missingOnly ? 'collection.compliance.captionMissing' : 'collection.compliance.caption', { n: weekCount })
	return (
		<>
			<title>{`${t('collection.compliance.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('collection.compliance.title')}</PageTitle>
			<p className="lead">{t('collection.compliance.intro')}</p>
			<p className="result">
				<strong>
					{t('collection.compliance.summary', {
						done: loaderData.done,
						total: loaderData.total,
						week: `${dayMonth(currentWeek.start)}–${dayMonth(currentWeek.end)}`,
					})}
				</strong>
			</p>

			<form method="get" className="filter-form">
				<div className="field">
					<label className="field__label" htmlFor="compliance-weeks">
						{t('collection.compliance.weeks')}
					</label>
					<select className="select" id="compliance-weeks" name="tuan" defaultValue={String(weekCount)}>
						{WEEK_CHOICES.map((n) => (
							<option key={n} value={n}>
								{t('collection.compliance.weeksOption', { n })}
							</option>
						))}
					</select>
				</div>
				<div className="checkbox">
					<input className="checkbox__input" type="checkbox" id="compliance-missing" name="thieu" value="1" defaultChecked={missingOnly} />
					<label className="checkbox__label" htmlFor="compliance-missing">
						{t('collection.compliance.missingOnly')}
					</label>
				</div>
				<div className="filter-form__actions">
					<Button variant="secondary">{t('collection.compliance.show')}</Button>
					{missingOnly ? <Link to={`/quan-tri/thu-thap-y-kien/tuan?tuan=${weekCount}`}>{t('collection.compliance.showAll')}</Link> : null}
				</div>
			</form>

			<Table caption={caption}>
				<thead>
					<tr>
						<th scope="col">{t('collection.compliance.collector')}</th>
						{weeks.map((w, i) => (
							<th scope="col" key={w.start} className="nowrap">
								{`${dayMonth(w.start)}–${dayMonth(w.end)}`}
								{i === 0 ? <span className="visually-hidden"> ({t('collection.compliance.thisWeek')})</span> : null}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{rows.length === 0 ? (
						<EmptyRow columns={weeks.length + 1}>{t(missingOnly && loaderData.total > 0 ? 'collection.compliance.allDone' : 'collection.compliance.noCollectors')}</EmptyRow>
					) : null}
					{rows.map((r) => (
						<tr key={r.key}>
							<th scope="row">
								{r.name} <span className="muted">({t(`collection.collectorType.${r.type}`)})</span>
							</th>
							{r.weeks.map((w) => (
								<td key={w.start}>
									{w.done ? (
										<Tag kind="success">{t('collection.compliance.done', { n: w.items })}</Tag>
									) : w.current ? (
										<Tag kind="warning">{t('collection.compliance.missingCurrent')}</Tag>
									) : (
										<Tag kind="danger">{t('collection.compliance.missing')}</Tag>
									)}
								</td>
							))}
						</tr>
					))}
				</tbody>
			</Table>
			<p>
				<Link to="/quan-tri/thu-thap-y-kien">{t('collection.compliance.back')}</Link>
			</p>
		</>
	)
}
