import { servicesContext } from '#app/core/http/context.ts'
import { formatDateTime, parseDateInput } from '#app/core/i18n/i18n.ts'
import { isUuid } from '#app/core/validation.ts'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, PageTitle, Table } from '#app/ui/parts.tsx'
import { listAuditActors, listAuditLog } from '../../audit.server.ts'
import { requireStaff } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import type { Route } from './+types/audit.ts'

export const handle = staffHandle('audit.read')

const PAGE_SIZE = 50

/** Midnight at the start of a calendar day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
function startOfDay(iso: string, plusDays = 0): Date {
	const d = new Date(`${iso}T00:00:00+07:00`)
	d.setUTCDate(d.getUTCDate() + plusDays)
	return d
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaff(request, context, 'audit.read')
	const { db } = context.get(servicesContext)
	const p = new URL(request.url).searchParams
	const from = parseDateInput((p.get('tu-ngay') ?? '').slice(0, 20))
	const to = parseDateInput((p.get('den-ngay') ?? '').slice(0, 20))
	const person = p.get('nguoi') ?? ''
	const entityType = (p.get('loai') ?? '').slice(0, 60).trim()
	const entityId = (p.get('ma') ?? '').slice(0, 100).trim()
	const page = Math.min(Math.max(Number.parseInt(p.get('trang') ?? '1', 10) || 1, 1), 10_000)
	const scope = staff.communeId ?? null
	const { rows, hasMore } = await listAuditLog(db, staff.actor, {
		communeId: scope,
		actorUserId: isUuid(person) ? person : undefined,
		entityType: entityType || undefined,
		entityId: entityId || undefined,
		from: from ? startOfDay(from) : undefined,
		to: to ? startOfDay(to, 1) : undefined,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE,
	})
	return {
		rows,
		hasMore,
		page,
		people: scope ? await listAuditActors(db, staff.actor, scope) : [],
		filters: { from: p.get('tu-ngay') ?? '', to: p.get('den-ngay') ?? '', person, entityType, entityId },
		badDates: { from: Boolean(p.get('tu-ngay')) && !from, to: Boolean(p.get('den-ngay')) && !to },
		deploymentLevel: scope === null,
	}
}

function changes(value: unknown): string {
	if (value === null || value === undefined) return ''
	return JSON.stringify(value, null, 1)
}

export default function Audit({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { filters, badDates } = loaderData
	const query = (page: number) => {
		const q = new URLSearchParams()
		if (filters.from) q.set('tu-ngay', filters.from)
		if (filters.to) q.set('den-ngay', filters.to)
		if (filters.person) q.set('nguoi', filters.person)
		if (filters.entityType) q.set('loai', filters.entityType)
		if (filters.entityId) q.set('ma', filters.entityId)
		q.set('trang', String(page))
		return `?${q}`
	}
	return (
		<>
			<title>{`${t('audit.title')} — ${t('app.name')}`}</title>
			<PageTitle caption={loaderData.deploymentLevel ? t('audit.deployment') : undefined}>{t('audit.title')}</PageTitle>
			<p className="lead">{t('audit.intro')}</p>
			<form method="get" className="filter-form">
				<div className={`field${badDates.from ? ' field--error' : ''}`}>
					<label className="field__label" htmlFor="f-from">
						{t('audit.from')}
					</label>
					{badDates.from ? <p className="field__error">{t('form.date')}</p> : null}
					<input className="input" id="f-from" name="tu-ngay" defaultValue={filters.from} placeholder="dd/mm/yyyy" maxLength={20} />
				</div>
				<div className={`field${badDates.to ? ' field--error' : ''}`}>
					<label className="field__label" htmlFor="f-to">
						{t('audit.to')}
					</label>
					{badDates.to ? <p className="field__error">{t('form.date')}</p> : null}
					<input className="input" id="f-to" name="den-ngay" defaultValue={filters.to} placeholder="dd/mm/yyyy" maxLength={20} />
				</div>
				{loaderData.people.length ? (
					<div className="field">
						<label className="field__label" htmlFor="f-person">
							{t('audit.person')}
						</label>
						<select className="select" id="f-person" name="nguoi" defaultValue={filters.person}>
							<option value="">{t('audit.anyone')}</option>
							{loaderData.people.map((p) => (
								<option key={p.id} value={p.id}>
									{p.fullName}
								</option>
							))}
						</select>
					</div>
				) : null}
				<div className="field">
					<label className="field__label" htmlFor="f-type">
						{t('audit.entityType')}
					</label>
					<input className="input" id="f-type" name="loai" defaultValue={filters.entityType} maxLength={60} />
				</div>
				<div className="field">
					<label className="field__label" htmlFor="f-id">
						{t('audit.entityId')}
					</label>
					<input className="input" id="f-id" name="ma" defaultValue={filters.entityId} maxLength={100} />
				</div>
				<div className="filter-form__actions">
					<button className="button button--secondary" type="submit">
						{t('form.filter')}
					</button>
					<a href="?">{t('form.clear')}</a>
				</div>
			</form>
			<Table caption={t('audit.title')}>
				<thead>
					<tr>
						<th scope="col">{t('audit.at')}</th>
						<th scope="col">{t('audit.actor')}</th>
						<th scope="col">{t('audit.action')}</th>
						<th scope="col">{t('audit.entity')}</th>
						<th scope="col">{t('audit.changes')}</th>
						<th scope="col">{t('audit.ip')}</th>
					</tr>
				</thead>
				<tbody>
					{loaderData.rows.length === 0 ? (
						<EmptyRow columns={6}>{t('table.empty')}</EmptyRow>
					) : null}
					{loaderData.rows.map((r) => (
						<tr key={r.id}>
							<td className="nowrap">{formatDateTime(r.at)}</td>
							<td>{r.actorLabel}</td>
							<td>
								<code>{r.action}</code>
							</td>
							<td>
								<a href={`?loai=${encodeURIComponent(r.entityType)}&ma=${encodeURIComponent(r.entityId)}`}>
									{r.entityType} <code className="id">{r.entityId.slice(0, 8)}</code>
								</a>
							</td>
							<td>
								{r.before ? (
									<details>
										<summary>{t('audit.before')}</summary>
										<pre className="json">{changes(r.before)}</pre>
									</details>
								) : null}
								{r.after ? (
									<details>
										<summary>{t('audit.after')}</summary>
										<pre className="json">{changes(r.after)}</pre>
									</details>
								) : null}
							</td>
							<td>{r.ip}</td>
						</tr>
					))}
				</tbody>
			</Table>
			<nav className="pagination" aria-label={t('pagination.label')}>
				{loaderData.page > 1 ? <a href={query(loaderData.page - 1)}>← {t('pagination.previous')}</a> : null}
				{loaderData.hasMore ? <a href={query(loaderData.page + 1)}>{t('pagination.next')} →</a> : null}
			</nav>
		</>
	)
}
