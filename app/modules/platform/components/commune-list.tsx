import { formatNumber } from '#app/core/i18n/i18n.ts'
import { useT } from '#app/ui/i18n.tsx'
import { Table } from '#app/ui/parts.tsx'
import type { PublicCommune } from '../org.server.ts'

/** The communes of the deployment, as the city page and a multi-commune home page show them. */
export function CommuneList({ communes, query }: { communes: PublicCommune[]; query: string }) {
	const t = useT()
	return (
		<>
			<form method="get" className="search-form" role="search">
				<label className="field__label" htmlFor="commune-search">
					{t('city.searchLabel')}
				</label>
				<div className="search-form__row">
					<input className="input" id="commune-search" name="q" type="search" defaultValue={query} maxLength={200} />
					<button className="button button--secondary" type="submit">
						{t('form.search')}
					</button>
				</div>
			</form>
			<p className="muted">{t('city.count', { count: formatNumber(communes.length) })}</p>
			<Table caption={t('city.title')}>
				<thead>
					<tr>
						<th scope="col">{t('city.name')}</th>
						<th scope="col">{t('city.hotline')}</th>
						<th scope="col">{t('city.portal')}</th>
					</tr>
				</thead>
				<tbody>
					{communes.map((c) => (
						<tr key={c.id}>
							<td>
								{t(`commune.kind.${c.kind}`)}: {c.name}
							</td>
							<td>{c.hotline || '—'}</td>
							<td>
								{c.hostnames[0] ? <a href={`https://${c.hostnames[0]}/`}>{c.hostnames[0]}</a> : <span className="muted">{t('city.noHost')}</span>}
							</td>
						</tr>
					))}
				</tbody>
			</Table>
		</>
	)
}
