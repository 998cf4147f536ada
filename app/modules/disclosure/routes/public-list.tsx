import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { ZSearchQuery } from '#app/core/text.ts'
import { isUuid } from '#app/core/validation.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { SelectField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle, Tag } from '#app/ui/parts.tsx'
import { listObligations } from '../catalogue.server.ts'
import { DISCLOSURE_FIELDS, type RecordStatus } from '../disclosure.constants.ts'
import { isDisclosureField, listPublicRecords, publicYears, type PublicRecordFilter } from '../public.server.ts'
import { publicRecordPath } from '../labels.ts'
import type { Route } from './+types/public-list.ts'

// Every publication of the commune (never drafts; ended and withdrawn ones marked), searchable
// without diacritics, filterable by field, year and obligation, paginated; plain GET, no script.

function filterFrom(url: URL): PublicRecordFilter & { page: number } {
	const p = url.searchParams
	const field = p.get('linh-vuc') ?? ''
	const year = p.get('nam') ?? ''
	const obligationId = p.get('noi-dung') ?? ''
	const page = p.get('trang') ?? ''
	return {
		q: ZSearchQuery.parse(p.get('q') ?? ''),
		field: isDisclosureField(field) ? field : undefined,
		year: /^\d{4}$/.test(year) ? Number(year) : undefined,
		obligationId: isUuid(obligationId) ? obligationId : undefined,
		page: /^\d{1,5}$/.test(page) && Number(page) > 0 ? Number(page) : 1,
	}
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const filter = filterFrom(url)
	// The catalogue is seeded on first use: read it before the queries that run side by side.
	const obligations = await listObligations(db, commune.id, { activeOnly: true })
	const [list, years] = await Promise.all([listPublicRecords(db, commune.id, filter), publicYears(db, commune.id)])
	// Links to other pages keep the filters that were understood, never what was not.
	const query = new URLSearchParams()
	if (filter.q) query.set('q', filter.q)
	if (filter.field) query.set('linh-vuc', filter.field)
	if (filter.year) query.set('nam', String(filter.year))
	if (filter.obligationId) query.set('noi-dung', filter.obligationId)
	return {
		list: {
			...list,
			items: list.items.map((r) => ({
				id: r.id,
				code: r.code,
				href: publicRecordPath(r.code),
				title: r.title,
				field: r.field,
				status: r.status,
				decisionRef: r.decisionRef,
				decisionDate: r.decisionDate,
				publishedAt: r.publishedAt,
				endedAt: r.endedAt,
				withdrawnAt: r.withdrawnAt,
				obligations: r.obligations,
			})),
		},
		filter,
		filtered: query.toString() !== '',
		query: query.toString(),
		years,
		obligations: obligations.map((o) => ({ id: o.id, title: o.title })),
		commune: { name: commune.name },
	}
}

/** Published: green; ended: grey; withdrawn: red, with its date. */
function RecordStatusTag({ status, withdrawnAt }: { status: RecordStatus; withdrawnAt: Date | null }) {
	const t = useT()
	if (status === 'withdrawn') return <Tag kind="danger">{withdrawnAt ? t('disclosure.public.withdrawnOn', { date: formatDate(withdrawnAt) }) : t('disclosure.status.withdrawn')}</Tag>
	return <Tag kind={status === 'published' ? 'success' : 'neutral'}>{t(`disclosure.status.${status}`)}</Tag>
}

export default function PublicList({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { list, filter, years, obligations, commune } = loaderData
	const pages = Math.max(1, Math.ceil(list.total / list.pageSize))
	const pageLink = (n: number) => `?${loaderData.query ? `${loaderData.query}&` : ''}trang=${n}`
	const all = { value: '', label: t('disclosure.public.all') }
	return (
		<>
			<title>{`${t('disclosure.public.title')} — ${commune.name}`}</title>
			<link rel="alternate" type="application/atom+xml" href="/cong-khai/nguon-tin.atom" title={t('disclosure.public.feedTitle', { commune: commune.name })} />
			<PageTitle>{t('disclosure.public.title')}</PageTitle>
			<p className="lead">{t('disclosure.public.lead')}</p>
			<p>
				{t('disclosure.public.catalogueHint')} <a href="/cong-khai/danh-muc">{t('disclosure.public.catalogueLink')}</a>.
			</p>
			<p>
				<a href="/lien-he">{t('disclosure.public.contactLink')}</a>
			</p>

			<form method="get" action="/cong-khai" role="search">
				<div className="field">
					<label className="field__label" htmlFor="field-q">
						{t('disclosure.public.search')}
					</label>
					<p className="field__hint" id="field-q-hint">
						{t('disclosure.public.searchHint')}
					</p>
					<input className="input" id="field-q" name="q" type="search" defaultValue={filter.q} maxLength={200} aria-describedby="field-q-hint" />
				</div>
				<div className="filter-form">
					<SelectField
						name="linh-vuc"
						label={t('disclosure.public.fieldLabel')}
						defaultValue={filter.field ?? ''}
						options={[all, ...DISCLOSURE_FIELDS.map((f) => ({ value: f, label: t(`disclosure.field.${f}`) }))]}
					/>
					<SelectField
						name="nam"
						label={t('disclosure.public.yearLabel')}
						defaultValue={filter.year ? String(filter.year) : ''}
						options={[all, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
					/>
					<SelectField
						name="noi-dung"
						label={t('disclosure.public.obligationLabel')}
						defaultValue={filter.obligationId ?? ''}
						options={[all, ...obligations.map((o) => ({ value: o.id, label: o.title }))]}
					/>
					<div className="filter-form__actions">
						<button className="button button--secondary" type="submit">
							{t('form.filter')}
						</button>
						{loaderData.filtered ? <a href="/cong-khai">{t('form.clear')}</a> : null}
					</div>
				</div>
			</form>

			<h2 className="visually-hidden">{t('disclosure.public.results')}</h2>
			<p role="status">
				<strong>{t('disclosure.public.count', { count: formatNumber(list.total) })}</strong>
			</p>
			{list.total === 0 ? <p>{loaderData.filtered ? t('disclosure.public.empty') : t('disclosure.public.emptyAll')}</p> : null}
			{list.total > 0 && list.items.length === 0 ? (
				<p>
					{t('disclosure.public.pastEnd', { pages })} <a href={pageLink(pages)}>{t('disclosure.public.lastPage')}</a>
				</p>
			) : null}
			<ul className="item-list">
				{list.items.map((item) => (
					<li className="item-list__item" key={item.id}>
						<h3>
							<a href={item.href}>
								<bdi>{item.title}</bdi>
							</a>
						</h3>
						<p className="item-list__meta">
							{item.code} · {t(`disclosure.field.${item.field}`)}
							{item.decisionRef ? (
								<>
									{' · '}
									<bdi>{item.decisionRef}</bdi>
									{item.decisionDate ? ` ${t('disclosure.public.decisionDated', { date: formatDate(item.decisionDate) })}` : ''}
								</>
							) : null}
						</p>
						{item.obligations.length ? <p className="item-list__meta">{item.obligations.join('; ')}</p> : null}
						<p className="item-list__meta">
							{t('disclosure.public.publishedOn', { date: formatDate(item.publishedAt) })} <RecordStatusTag status={item.status} withdrawnAt={item.withdrawnAt} />
						</p>
					</li>
				))}
			</ul>
			{pages > 1 || list.page > 1 ? (
				<nav className="pagination" aria-label={t('disclosure.public.pages')}>
					{list.page > 1 ? <a href={pageLink(Math.min(list.page - 1, pages))}>← {t('disclosure.public.previous')}</a> : null}
					<span>{t('disclosure.public.pageOf', { page: list.page, pages })}</span>
					{list.page < pages ? <a href={pageLink(list.page + 1)}>{t('disclosure.public.next')} →</a> : null}
				</nav>
			) : null}

			<h2>{t('disclosure.public.openData')}</h2>
			<p>
				{t('disclosure.public.openDataHint')} <a href="/cong-khai/nguon-tin.atom">{t('disclosure.public.atom')}</a> · <a href="/cong-khai/du-lieu.json">{t('disclosure.public.json')}</a>
			</p>
		</>
	)
}
