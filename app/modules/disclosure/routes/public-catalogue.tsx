import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber, type Translate } from '#app/core/i18n/i18n.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { listAgencies } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle, Tag } from '#app/ui/parts.tsx'
import { DISCLOSURE_FIELDS } from '../disclosure.constants.ts'
import { periodLabel } from '../labels.ts'
import { publicCatalogue } from '../public.server.ts'
import { publicRecordPath } from '../labels.ts'
import type { Route } from './+types/public-catalogue.ts'

// The public proof of coverage: every active obligation of the commune, grouped by field, with
// its legal basis, forms and duration, and its current publication or plainly "not published".

export async function loader({ context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const { db } = context.get(servicesContext)
	const rows = await publicCatalogue(db, commune.id)
	const agencies = await listAgencies(db, systemActor('portal'), commune.id)
	const agencyName = new Map(agencies.map((a) => [a.id, a.name]))
	return {
		rows: rows.map(({ obligation: o, current, publishedCount }) => ({
			id: o.id,
			title: o.title,
			description: o.description,
			field: o.field,
			legalBasis: o.legalBasis,
			requiredForms: o.requiredForms,
			durationKind: o.durationKind,
			minimumDays: o.minimumDays,
			radioDays: o.radioDays,
			recurrence: o.recurrence,
			deadlineWorkingDays: o.deadlineWorkingDays,
			agency: o.agencyId ? (agencyName.get(o.agencyId) ?? null) : null,
			current: current ? { ...current, href: publicRecordPath(current.code) } : null,
			publishedCount,
		})),
		commune: { name: commune.name },
	}
}

type Row = Awaited<ReturnType<typeof loader>>['rows'][number]

function duration(t: Translate, row: Row): string {
	const parts: string[] = []
	if (row.durationKind === 'days' && row.minimumDays) parts.push(t('disclosure.duration.days', { days: row.minimumDays }))
	else if (row.durationKind === 'permanent') parts.push(t('disclosure.duration.permanent'))
	else parts.push(t('disclosure.duration.none'))
	if (row.radioDays) parts.push(t('disclosure.radioDays', { days: row.radioDays }))
	return parts.join('; ')
}

function when(t: Translate, row: Row): string {
	const recurrence = t(`disclosure.recurrence.${row.recurrence}`)
	return row.recurrence === 'on_decision' ? `${recurrence}; ${t('disclosure.deadline', { days: row.deadlineWorkingDays }).toLowerCase()}` : recurrence
}

export default function PublicCatalogue({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { rows } = loaderData
	const covered = rows.filter((r) => r.current).length
	// Fields in the fixed order; a field the catalogue does not know goes last, under "Khác".
	const known = new Set<string>(DISCLOSURE_FIELDS)
	const groups = DISCLOSURE_FIELDS.map((field) => ({
		field,
		rows: rows.filter((r) => r.field === field || (field === 'khac' && !known.has(r.field))),
	})).filter((g) => g.rows.length)
	return (
		<>
			<title>{`${t('disclosure.public.catalogue.title')} — ${loaderData.commune.name}`}</title>
			<p>
				<a href="/cong-khai">← {t('disclosure.public.title')}</a>
			</p>
			<PageTitle>{t('disclosure.public.catalogue.title')}</PageTitle>
			<p className="lead">{t('disclosure.public.catalogue.lead')}</p>
			<div className="figures">
				<div className="figure">
					<span className="figure__value">{formatNumber(rows.length)}</span>
					{t('disclosure.public.catalogue.total')}
				</div>
				<div className="figure">
					<span className="figure__value">{formatNumber(covered)}</span>
					{t('disclosure.public.catalogue.covered')}
				</div>
				<div className="figure">
					<span className="figure__value">{formatNumber(rows.length - covered)}</span>
					{t('disclosure.public.catalogue.missing')}
				</div>
			</div>
			{rows.length === 0 ? <p>{t('disclosure.public.catalogue.empty')}</p> : null}
			{groups.length > 1 ? (
				<nav aria-label={t('disclosure.public.catalogue.fields')}>
					<ul>
						{groups.map((g) => (
							<li key={g.field}>
								<a href={`#linh-vuc-${g.field}`}>{t(`disclosure.field.${g.field}`)}</a>{' '}
								<span className="muted">
									({formatNumber(g.rows.filter((r) => r.current).length)}/{formatNumber(g.rows.length)})
								</span>
							</li>
						))}
					</ul>
				</nav>
			) : null}
			{groups.map((g) => (
				<section key={g.field} aria-labelledby={`linh-vuc-${g.field}`}>
					<h2 id={`linh-vuc-${g.field}`}>{t(`disclosure.field.${g.field}`)}</h2>
					<p className="muted">
						{t('disclosure.public.catalogue.fieldCount', { covered: formatNumber(g.rows.filter((r) => r.current).length), total: formatNumber(g.rows.length) })}
					</p>
					<ul className="item-list">
						{g.rows.map((r) => (
							<li className="item-list__item" key={r.id}>
								<h3>
									<bdi>{r.title}</bdi>
								</h3>
								{r.description ? (
									<p className="prewrap" dir="auto">
										{r.description}
									</p>
								) : null}
								<p className="item-list__meta">
									<strong>{t('disclosure.public.legalBasis')}:</strong> {r.legalBasis}
								</p>
								<p className="item-list__meta">
									<strong>{t('disclosure.public.catalogue.forms')}:</strong> {r.requiredForms.map((f) => t(`disclosure.channel.${f}`)).join('; ')}
								</p>
								<p className="item-list__meta">
									<strong>{t('disclosure.public.catalogue.duration')}:</strong> {duration(t, r)}
								</p>
								<p className="item-list__meta">
									<strong>{t('disclosure.public.catalogue.recurrence')}:</strong> {when(t, r)}
								</p>
								{r.agency ? (
									<p className="item-list__meta">
										<strong>{t('disclosure.public.agency')}:</strong> {r.agency}
									</p>
								) : null}
								<p>
									{r.current ? (
										<>
											<Tag kind={r.current.status === 'published' ? 'success' : 'neutral'}>{t(`disclosure.status.${r.current.status}`)}</Tag>{' '}
											<a href={r.current.href}>
												<bdi>{r.current.title}</bdi>
											</a>{' '}
											<span className="muted">
												({r.current.code}
												{r.current.period ? ` · ${periodLabel(t, r.current.period)}` : ''} · {t('disclosure.public.publishedOn', { date: formatDate(r.current.publishedAt) })})
											</span>
											{r.publishedCount > 1 ? (
												<>
													{' '}
													<a href={`/cong-khai?noi-dung=${r.id}`}>{t('disclosure.public.catalogue.seeAll', { count: formatNumber(r.publishedCount) })}</a>
												</>
											) : null}
										</>
									) : (
										<Tag kind="warning">{t('disclosure.public.catalogue.notYet')}</Tag>
									)}
								</p>
							</li>
						))}
					</ul>
				</section>
			))}
		</>
	)
}
