import { data, Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import type { Translate } from '#app/core/i18n/i18n.ts'
import { listAgencies } from '#app/modules/platform/org.server.ts'
import { can } from '#app/modules/platform/permissions.ts'
import { requireStaffInCommune, takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle, Table, Tag } from '#app/ui/parts.tsx'
import { listObligations } from '../../catalogue.server.ts'
import { DISCLOSURE_FIELDS, PERIODIC_RECURRENCES } from '../../disclosure.constants.ts'
import type { Route } from './+types/catalogue.ts'

// The catalogue of obligations (danh mục nội dung phải công khai), by field: what the commune must
// publish, in which forms, for how long and by when, and who is responsible. Seeded from the laws;
// those who manage the catalogue open an entry to change it or add the commune's own.

export const handle = staffHandle('disclosure.view')

const OBLIGATION_PATH = '/quan-tri/cong-khai/danh-muc'

type Row = {
	id: string
	title: string
	legalBasis: string
	field: string
	requiredForms: string[]
	durationKind: string
	minimumDays: number | null
	radioDays: number | null
	recurrence: string
	deadlineWorkingDays: number
	periodGraceDays: number | null
	reviewMonths: number | null
	agencyName: string | null
	active: boolean
	isDefault: boolean
	note: string
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.view')
	const { db } = context.get(servicesContext)
	const [obligations, agencies] = await Promise.all([listObligations(db, staff.communeId), listAgencies(db, staff.actor, staff.communeId)])
	const { flash, headers } = await takeFlash(request, context)
	const agencyNames = new Map(agencies.map((a) => [a.id, a.name]))
	const rows: Row[] = obligations.map((o) => ({
		id: o.id,
		title: o.title,
		legalBasis: o.legalBasis,
		field: o.field,
		requiredForms: o.requiredForms,
		durationKind: o.durationKind,
		minimumDays: o.minimumDays,
		radioDays: o.radioDays,
		recurrence: o.recurrence,
		deadlineWorkingDays: o.deadlineWorkingDays,
		periodGraceDays: o.periodGraceDays,
		reviewMonths: o.reviewMonths,
		agencyName: o.agencyId ? (agencyNames.get(o.agencyId) ?? null) : null,
		active: o.active,
		isDefault: o.certainty === 'default',
		note: o.note,
	}))
	// Fields in the order of the constants; a field the constants no longer know comes last.
	const known = DISCLOSURE_FIELDS as readonly string[]
	const fields = [...known, ...new Set(rows.map((r) => r.field).filter((f) => !known.includes(f)))]
	const groups = fields.map((field) => ({ field, rows: rows.filter((r) => r.field === field) })).filter((g) => g.rows.length > 0)
	const saved = typeof flash?.saved === 'string' ? rows.find((r) => r.id === flash.saved) : undefined
	return data(
		{
			groups,
			canEdit: can(staff.actor, 'disclosure.catalogue', staff.communeId),
			saved: saved ? saved.title : null,
		},
		{ headers },
	)
}

function durationText(t: Translate, r: Row): string {
	if (r.durationKind === 'days') return t('disclosure.duration.days', { days: r.minimumDays ?? '?' })
	return t(`disclosure.duration.${r.durationKind}`)
}

function timingText(t: Translate, r: Row): string | null {
	if (r.recurrence === 'on_decision') return t('disclosure.deadline', { days: r.deadlineWorkingDays })
	if ((PERIODIC_RECURRENCES as readonly string[]).includes(r.recurrence) && r.periodGraceDays) return t('disclosure.catalogue.grace', { days: r.periodGraceDays })
	if (r.recurrence === 'on_change' && r.reviewMonths) return t('disclosure.catalogue.review', { months: r.reviewMonths })
	return null
}

const fieldAnchor = (field: string) => `linh-vuc-${field}`

export default function Catalogue({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { groups, canEdit, saved } = loaderData
	return (
		<>
			<title>{`${t('disclosure.catalogue.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('disclosure.catalogue.title')}</PageTitle>
			<p className="lead">{t('disclosure.catalogue.intro')}</p>
			{saved ? <Notice kind="success">{t('disclosure.catalogue.saved', { title: saved })}</Notice> : null}
			<p>{t('disclosure.catalogue.defaultsIntro')}</p>
			{canEdit ? (
				<p>
					<Link to={`${OBLIGATION_PATH}/moi`}>
						{t('disclosure.catalogue.add')}
					</Link>
				</p>
			) : (
				<Notice>{t('disclosure.catalogue.readOnly')}</Notice>
			)}

			{groups.length === 0 ? (
				<p>{t('disclosure.catalogue.empty')}</p>
			) : (
				<nav aria-labelledby="catalogue-fields">
					<h2 id="catalogue-fields">{t('disclosure.catalogue.byField')}</h2>
					<ul>
						{groups.map((g) => (
							<li key={g.field}>
								<a href={`#${fieldAnchor(g.field)}`}>{t('disclosure.catalogue.fieldCount', { field: t(`disclosure.field.${g.field}`), count: g.rows.length })}</a>
							</li>
						))}
					</ul>
				</nav>
			)}

			{groups.map((g) => (
				<section key={g.field} aria-labelledby={fieldAnchor(g.field)}>
					<h2 id={fieldAnchor(g.field)}>{t(`disclosure.field.${g.field}`)}</h2>
					<Table caption={t(`disclosure.field.${g.field}`)}>
						<thead>
							<tr>
								<th scope="col" className="nowrap">
									{t('disclosure.catalogue.colTitle')}
								</th>
								<th scope="col" className="nowrap">
									{t('disclosure.catalogue.colForms')}
								</th>
								<th scope="col" className="nowrap">
									{t('disclosure.catalogue.colDuration')}
								</th>
								<th scope="col" className="nowrap">
									{t('disclosure.catalogue.colTiming')}
								</th>
								<th scope="col" className="nowrap">
									{t('disclosure.catalogue.colAgency')}
								</th>
							</tr>
						</thead>
						<tbody>
							{g.rows.map((r) => (
								<ObligationRow key={r.id} row={r} />
							))}
						</tbody>
					</Table>
				</section>
			))}
		</>
	)
}

/** One obligation: what (with its basis, state and the publications made for it), how, when, who. */
function ObligationRow({ row: r }: { row: Row }) {
	const t = useT()
	const timing = timingText(t, r)
	return (
		<tr>
			<td>
				<div>
					<Link to={`${OBLIGATION_PATH}/${r.id}`}>{r.title}</Link>
				</div>
				<div className="muted">
					<span className="visually-hidden">{t('disclosure.catalogue.colLegalBasis')}: </span>
					{r.legalBasis}
				</div>
				<div className="nowrap">
					{r.active ? <Tag kind="success">{t('disclosure.catalogue.active')}</Tag> : <Tag>{t('disclosure.catalogue.inactive')}</Tag>}{' '}
					{r.isDefault ? <Tag kind="warning">{t('disclosure.catalogue.default')}</Tag> : null}
				</div>
				{r.isDefault && r.note ? (
					<details className="details">
						<summary>
							{t('disclosure.catalogue.why')}
							<span className="visually-hidden"> ({r.title})</span>
						</summary>
						<p className="muted">{r.note}</p>
					</details>
				) : null}
				<div className="nowrap">
					<Link to={`/quan-tri/cong-khai?noi-dung=${encodeURIComponent(r.id)}`}>
						{t('disclosure.catalogue.records')}
						<span className="visually-hidden"> ({r.title})</span>
					</Link>
				</div>
			</td>
			<td>{r.requiredForms.map((f) => t(`disclosure.channel.${f}`)).join('; ')}</td>
			<td>
				<div>{durationText(t, r)}</div>
				{r.radioDays ? <div className="muted">{t('disclosure.radioDays', { days: r.radioDays })}</div> : null}
			</td>
			<td>
				<div>{t(`disclosure.recurrence.${r.recurrence}`)}</div>
				{timing ? <div className="muted">{timing}</div> : null}
			</td>
			<td>{r.agencyName ?? <span className="muted">{t('disclosure.catalogue.noAgency')}</span>}</td>
		</tr>
	)
}
