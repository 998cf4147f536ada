import { servicesContext } from '#app/core/http/context.ts'
import { ZSearchQuery } from '#app/core/text.ts'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle } from '#app/ui/parts.tsx'
import { CommuneList } from '../components/commune-list.tsx'
import { searchCommunes } from '../org.server.ts'
import type { Route } from './+types/city.ts'

// The city-level page: every commune of the deployment.
export async function loader({ request, context }: Route.LoaderArgs) {
	const { db } = context.get(servicesContext)
	const query = ZSearchQuery.parse(new URL(request.url).searchParams.get('q') ?? '')
	return { communes: await searchCommunes(db, query), query }
}

export default function CityPage({ loaderData }: Route.ComponentProps) {
	const t = useT()
	return (
		<>
			<title>{`${t('city.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('city.title')}</PageTitle>
			<p className="lead">{t('city.intro')}</p>
			<CommuneList communes={loaderData.communes} query={loaderData.query} />
		</>
	)
}
