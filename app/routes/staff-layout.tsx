import { NavLink, Outlet } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { getPublicCommune } from '#app/modules/platform/org.server.ts'
import { getRequestState, requireStaff } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { can, type Capability } from '#app/modules/platform/permissions.ts'
import { Button, PostForm } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { SkipLink } from '#app/ui/parts.tsx'
import { LanguageSwitch } from '#app/ui/language-switch.tsx'
import type { Route } from './+types/staff-layout.ts'

export const handle = staffHandle('backoffice.access')

/** The back office's navigation, by module. A module adds its entries here when it ships. */
const NAV: ReadonlyArray<{ to: string; labelKey: string; capability: Capability; needsCommune: boolean; end?: boolean }> = [
	{ to: '/quan-tri', labelKey: 'nav.dashboard', capability: 'backoffice.access', needsCommune: false, end: true },
	{ to: '/quan-tri/y-kien', labelKey: 'nav.feedback', capability: 'feedback.intake', needsCommune: true },
	{ to: '/quan-tri/thu-thap-y-kien', labelKey: 'nav.collection', capability: 'feedback.collect', needsCommune: true },
	{ to: '/quan-tri/hom-thu', labelKey: 'nav.mailbox', capability: 'feedback.intake', needsCommune: true },
	{ to: '/quan-tri/y-kien-cai-dat', labelKey: 'nav.feedbackSettings', capability: 'feedback.settings', needsCommune: true },
	{ to: '/quan-tri/cong-khai', labelKey: 'nav.disclosure', capability: 'disclosure.view', needsCommune: true },
	{ to: '/quan-tri/thong-tin-cong-khai', labelKey: 'nav.disclosureFacts', capability: 'disclosure.facts', needsCommune: true },
	{ to: '/quan-tri/thong-tin-xa', labelKey: 'nav.settings', capability: 'commune.settings', needsCommune: true },
	{ to: '/quan-tri/don-vi', labelKey: 'nav.org', capability: 'backoffice.access', needsCommune: true },
	{ to: '/quan-tri/nguoi-dung', labelKey: 'nav.users', capability: 'users.manage', needsCommune: false },
	{ to: '/quan-tri/lich-lam-viec', labelKey: 'nav.calendar', capability: 'backoffice.access', needsCommune: true },
	{ to: '/quan-tri/nhat-ky', labelKey: 'nav.audit', capability: 'audit.read', needsCommune: false },
	{ to: '/quan-tri/cac-xa', labelKey: 'nav.communes', capability: 'city.view', needsCommune: false },
	{ to: '/quan-tri/tai-khoan', labelKey: 'nav.account', capability: 'backoffice.access', needsCommune: false },
]

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaff(request, context)
	const hostCommune = getRequestState(context).commune
	const commune =
		staff.communeId === hostCommune?.id ? hostCommune : staff.communeId ? await getPublicCommune(context.get(servicesContext).db, staff.communeId) : null
	return {
		nav: NAV.filter((n) => can(staff.actor, n.capability, staff.communeId) && (!n.needsCommune || staff.communeId)).map(({ to, labelKey, end }) => ({
			to,
			labelKey,
			end: end ?? false,
		})),
		person: { fullName: staff.user.fullName, role: staff.user.role },
		communeName: commune?.name ?? null,
		isDemo: commune?.isDemo ?? false,
	}
}

export default function StaffLayout({ loaderData }: Route.ComponentProps) {
	const t = useT()
	return (
		<>
			<SkipLink>{t('layout.skipToContent')}</SkipLink>
			<header className="header header--staff">
				<div className="header__inner">
					<NavLink to="/quan-tri" className="header__brand" end>
						<span className="header__name">{loaderData.communeName ?? t('dashboard.deployment')}</span>
						<span className="header__tagline">
							{t('app.name')} · {t('layout.backOffice')}
						</span>
					</NavLink>
					<div className="header__tools">
						<span className="header__person">{t('layout.signedInAs', { name: loaderData.person.fullName })}</span>
						<LanguageSwitch />
						<PostForm action="/quan-tri/dang-xuat" reloadDocument>
							<Button variant="secondary">{t('layout.signOut')}</Button>
						</PostForm>
					</div>
				</div>
			</header>
			{loaderData.isDemo ? <p className="demo-banner">{t('layout.demoData')}</p> : null}
			<div className="staff">
				<nav className="staff__nav" aria-label={t('layout.mainNav')}>
					<ul>
						{loaderData.nav.map((item) => (
							<li key={item.to}>
								<NavLink to={item.to} end={item.end} className="staff__link">
									{t(item.labelKey)}
								</NavLink>
							</li>
						))}
					</ul>
				</nav>
				<main className="staff__main" id="main">
					<Outlet />
				</main>
			</div>
		</>
	)
}
