import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { listVillages } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { SelectField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle, Table, Tag } from '#app/ui/parts.tsx'
import { FEEDBACK_KINDS } from '../feedback.constants.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { percent, publicFilterFrom } from '../public-filter.ts'
import { cachedPublicFigures, listPublished, type FigureRow } from '../public.server.ts'
import { listFields } from '../setup.server.ts'
import type { Route } from './+types/public-list.ts'

// The public answers: every published item (masked text only), searchable without diacritics,
// filterable and paginated, with the commune's figures and open-data downloads.

export async function loader({ request, context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const filter = publicFilterFrom(url)
	const [list, figures, fields, villages] = await Promise.all([
		listPublished(db, commune.id, filter),
		cachedPublicFigures(db, commune.id),
		listFields(db, commune.id),
		listVillages(db, systemActor('portal'), commune.id),
	])
	const query = new URLSearchParams(url.searchParams)
	query.delete('trang')
	return {
		list,
		figures,
		filter,
		query: query.toString(),
		fields: fields.map((f) => ({ id: f.id, name: f.name })),
		villages: villages.map((v) => ({ id: v.id, name: v.name })),
		commune: { name: commune.name },
	}
}

function Figures({ rows, caption, keyLabel }: { rows: FigureRow[]; caption: string; keyLabel: string }) {
	const t = useT()
	const pct = (part: number, whole: number) => {
		const p = percent(part, whole)
		return p === null ? '—' : `${p}%`
	}
	return (
		<Table caption={caption}>
			<thead>
				<tr>
					<th scope="col">{keyLabel}</th>
					<th scope="col">{t('feedback.figures.received')}</th>
					<th scope="col">{t('feedback.figures.answered')}</th>
					<th scope="col">{t('feedback.figures.onTime')}</th>
					<th scope="col">{t('feedback.figures.satisfied')}</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((r) => (
					<tr key={r.key || 'none'}>
						<th scope="row">{r.label || t('feedback.figures.unspecified')}</th>
						<td>{formatNumber(r.received)}</td>
						<td>{formatNumber(r.answered)}</td>
						<td>{pct(r.onTime, r.answered)}</td>
						<td>{pct(r.satisfied, r.rated)}</td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}

export default function PublicList({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { list, figures, filter, fields, villages } = loaderData
	const totals = figures.byMonth.reduce((a, r) => ({ received: a.received + r.received, answered: a.answered + r.answered, onTime: a.onTime + r.onTime, rated: a.rated + r.rated, satisfied: a.satisfied + r.satisfied }), { received: 0, answered: 0, onTime: 0, rated: 0, satisfied: 0 })
	const pages = Math.max(1, Math.ceil(list.total / list.pageSize))
	const pageLink = (n: number) => `?${loaderData.query ? `${loaderData.query}&` : ''}trang=${n}`
	const pctText = (part: number, whole: number) => {
		const p = percent(part, whole)
		return p === null ? '—' : `${p}%`
	}
	const years = Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - i)
	return (
		<>
			<title>{`${t('feedback.public.title')} — ${loaderData.commune.name}`}</title>
			<PageTitle>{t('feedback.public.title')}</PageTitle>
			<p className="lead">{t('feedback.public.intro')}</p>
			<div className="button-group">
				<a className="button button--primary" href="/phan-anh-kien-nghi/gui">
					{t('home.service.feedback')}
				</a>
				<a href="/phan-anh-kien-nghi/tra-cuu">{t('feedback.submit.trackLink')}</a>
			</div>

			<h2>{t('feedback.figures.title')}</h2>
			<div className="figures">
				<div className="figure">
					<span className="figure__value">{formatNumber(totals.received)}</span>
					{t('feedback.figures.received')}
				</div>
				<div className="figure">
					<span className="figure__value">{formatNumber(totals.answered)}</span>
					{t('feedback.figures.answered')}
				</div>
				<div className="figure">
					<span className="figure__value">{pctText(totals.onTime, totals.answered)}</span>
					{t('feedback.figures.onTime')}
				</div>
				<div className="figure">
					<span className="figure__value">{pctText(totals.satisfied, totals.rated)}</span>
					{t('feedback.figures.satisfied')}
				</div>
			</div>
			<details className="details">
				<summary>{t('feedback.figures.details')}</summary>
				<Figures rows={figures.byMonth} caption={t('feedback.figures.byMonth')} keyLabel={t('feedback.figures.month')} />
				<Figures rows={figures.byField} caption={t('feedback.figures.byField')} keyLabel={t('feedback.field.field')} />
				<Figures rows={figures.byVillage} caption={t('feedback.figures.byVillage')} keyLabel={t('feedback.field.village')} />
			</details>

			<h2>{t('feedback.public.answers')}</h2>
			<form method="get" className="filter-form" role="search">
				<div className="field">
					<label className="field__label" htmlFor="field-q">
						{t('feedback.public.search')}
					</label>
					<input className="input" id="field-q" name="q" type="search" defaultValue={filter.q} maxLength={200} />
				</div>
				<SelectField name="loai" label={t('feedback.field.kind')} defaultValue={filter.kind ?? ''} options={[{ value: '', label: t('feedback.public.all') }, ...FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))]} />
				<SelectField name="linh-vuc" label={t('feedback.field.field')} defaultValue={filter.fieldId ?? ''} options={[{ value: '', label: t('feedback.public.all') }, ...fields.map((f) => ({ value: f.id, label: f.name }))]} />
				<SelectField name="thon" label={t('feedback.field.village')} defaultValue={filter.villageId ?? ''} options={[{ value: '', label: t('feedback.public.all') }, ...villages.map((v) => ({ value: v.id, label: v.name }))]} />
				<SelectField name="nam" label={t('feedback.public.year')} defaultValue={filter.year ? String(filter.year) : ''} options={[{ value: '', label: t('feedback.public.all') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]} />
				<SelectField
					name="dung-han"
					label={t('feedback.public.timeliness')}
					defaultValue={filter.onTime ?? ''}
					options={[
						{ value: '', label: t('feedback.public.all') },
						{ value: 'yes', label: t('feedback.onTime') },
						{ value: 'no', label: t('feedback.late') },
					]}
				/>
				<div className="filter-form__actions">
					<button className="button button--secondary" type="submit">
						{t('feedback.public.filter')}
					</button>
				</div>
			</form>
			<p role="status">
				{list.totalCapped ? t('feedback.public.countMore', { count: formatNumber(list.total) }) : t('feedback.public.count', { count: formatNumber(list.total) })}
			</p>
			<ul className="item-list">
				{list.items.map((item) => (
					<li className="item-list__item" key={item.id}>
						<h3>
							<a href={`/phan-anh-kien-nghi/y-kien/${item.code}`}>{item.title}</a>
						</h3>
						<p className="item-list__meta">
							{item.code} · {t(`feedback.kind.${item.kind}`)}
							{item.field ? ` · ${item.field}` : ''}
							{item.village ? ` · ${item.village}` : ''}
						</p>
						<p className="item-list__meta">
							{t('feedback.public.dates', { received: formatDate(item.receivedOn), answered: item.answeredOn ? formatDate(item.answeredOn) : '—' })}
							{item.workingDaysTaken !== null ? ` · ${t('feedback.public.daysTaken', { days: item.workingDaysTaken })}` : ''}{' '}
							{item.onTime !== null ? <Tag kind={item.onTime ? 'success' : 'danger'}>{item.onTime ? t('feedback.onTime') : t('feedback.late')}</Tag> : null}
						</p>
						<details className="details">
							<summary>{t('feedback.public.readContent')}</summary>
							<p className="prewrap">{item.content}</p>
						</details>
						<div className="answer">{item.answer}</div>
					</li>
				))}
			</ul>
			{pages > 1 ? (
				<nav className="pagination" aria-label={t('feedback.public.pages')}>
					{list.page > 1 ? <a href={pageLink(list.page - 1)}>← {t('feedback.public.previous')}</a> : null}
					<span>{t('feedback.public.pageOf', { page: list.page, pages })}</span>
					{list.page < pages ? <a href={pageLink(list.page + 1)}>{t('feedback.public.next')} →</a> : null}
				</nav>
			) : null}
			<h2>{t('feedback.public.openData')}</h2>
			<p>
				<a href="/phan-anh-kien-nghi/nguon-tin.atom">{t('feedback.public.atom')}</a> · <a href={`/phan-anh-kien-nghi/du-lieu.csv${loaderData.query ? `?${loaderData.query}` : ''}`}>CSV</a> ·{' '}
				<a href={`/phan-anh-kien-nghi/du-lieu.json${loaderData.query ? `?${loaderData.query}` : ''}`}>JSON</a>
			</p>
		</>
	)
}
