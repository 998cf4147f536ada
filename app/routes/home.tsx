import { servicesContext } from '#app/core/http/context.ts'
import { listPublicCommunes } from '#app/modules/platform/org.server.ts'
import { getRequestState } from '#app/modules/platform/http/request-state.server.ts'
import { CommuneList } from '#app/modules/platform/components/commune-list.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle, Tag } from '#app/ui/parts.tsx'
import type { Route } from './+types/home.ts'

// The portal's front page: the commune's identity, how to reach it, and the citizen services.
// On a host that serves no single commune, the list of communes instead.
export async function loader({ context }: Route.LoaderArgs) {
	const { commune } = getRequestState(context)
	if (commune) return { commune, communes: null }
	return { commune: null, communes: await listPublicCommunes(context.get(servicesContext).db) }
}

/** Citizen services, in the order a resident looks for them; each module links its own when it ships. */
const SERVICES = [
	{ key: 'feedback', href: '/phan-anh-kien-nghi/gui' },
	{ key: 'track', href: '/phan-anh-kien-nghi/tra-cuu' },
	{ key: 'answers', href: '/phan-anh-kien-nghi' },
	{ key: 'disclosure', href: '/cong-khai' },
	{ key: 'contact', href: '/lien-he' },
	{ key: 'homeService', href: null },
	{ key: 'survey', href: null },
] as const satisfies ReadonlyArray<{ key: string; href: string | null }>

export default function Home({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { commune, communes } = loaderData
	if (!commune) {
		return (
			<>
				<title>{`${t('city.title')} — ${t('app.name')}`}</title>
				<PageTitle>{t('city.title')}</PageTitle>
				<p className="lead">{t('city.intro')}</p>
				<CommuneList communes={communes ?? []} query="" />
			</>
		)
	}
	return (
		<>
			<title>{`${commune.name} — ${t('app.name')}`}</title>
			<PageTitle>{t('home.title', { commune: commune.name })}</PageTitle>
			<p className="lead">{t('home.intro')}</p>
			<section aria-labelledby="services-title">
				<h2 id="services-title">{t('home.services')}</h2>
				<ul className="card-list">
					{SERVICES.map((s) => (
						<li className="card" key={s.key}>
							<h3 className="card__title">
								{s.href ? <a href={s.href}>{t(`home.service.${s.key}`)}</a> : t(`home.service.${s.key}`)}
							</h3>
							<p className="card__text">{t(`home.service.${s.key}Hint`)}</p>
							{s.href ? null : <Tag>{t('home.comingSoon')}</Tag>}
						</li>
					))}
				</ul>
			</section>
			<section aria-labelledby="contact-title" className="contact">
				<h2 id="contact-title">{t('home.contact')}</h2>
				<dl className="summary-list">
					{commune.hotline ? (
						<div className="summary-list__row">
							<dt>{t('home.hotline')}</dt>
							<dd>
								<a href={`tel:${commune.hotline.replace(/[^0-9+]/g, '')}`}>{commune.hotline}</a>
							</dd>
						</div>
					) : null}
					{commune.address ? (
						<div className="summary-list__row">
							<dt>{t('home.address')}</dt>
							<dd>{commune.address}</dd>
						</div>
					) : null}
					{commune.email ? (
						<div className="summary-list__row">
							<dt>{t('home.email')}</dt>
							<dd>
								<a href={`mailto:${commune.email}`}>{commune.email}</a>
							</dd>
						</div>
					) : null}
				</dl>
			</section>
		</>
	)
}
