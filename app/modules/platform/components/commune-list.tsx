import { formatNumber } from '#app/core/i18n/i18n.ts'
import { useT } from '#app/ui/i18n.tsx'
import { SearchForm, Table } from '#app/ui/parts.tsx'
import type { PublicCommune } from '../org.server.ts'

/** The communes of the deployment, as the city page and a multi-commune home page show them. */
export function CommuneList({ communes, query }: { communes: PublicCommune[]; query: string }) {
	const t = useT()
	return (
		<>
			<SearchForm id="commune-search" label={t('city.searchLabel')} button={t('form.search')} query={query} />
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
