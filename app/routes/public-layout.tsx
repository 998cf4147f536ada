import { Link, Outlet } from 'react-router'
import { LanguageSwitch } from '#app/ui/language-switch.tsx'
import { useRootData, useT } from '#app/ui/i18n.tsx'
import { SkipLink } from '#app/ui/parts.tsx'

// The citizen-facing frame: commune name, language, and the contact facts in the footer.
// No JavaScript is sent with these pages.
export default function PublicLayout() {
	const t = useT()
	const root = useRootData()
	const commune = root?.commune
	return (
		<>
			<SkipLink>{t('layout.skipToContent')}</SkipLink>
			<header className="header">
				<div className="header__inner">
					<Link to="/" className="header__brand">
						<span className="header__name">{commune?.name ?? t('app.name')}</span>
						<span className="header__tagline">{t('app.tagline')}</span>
					</Link>
					<div className="header__tools">
						<LanguageSwitch />
					</div>
				</div>
			</header>
			{commune?.isDemo ? <p className="demo-banner">{t('layout.demoData')}</p> : null}
			<main className="main" id="main">
				<Outlet />
			</main>
			<footer className="footer">
				<div className="footer__inner">
					{commune ? (
						<p>
							<strong>{commune.name}</strong>
							{commune.hotline ? (
								<>
									{' · '}
									{t('home.hotline')}: <a href={`tel:${commune.hotline.replace(/[^0-9+]/g, '')}`}>{commune.hotline}</a>
								</>
							) : null}
						</p>
					) : null}
					<p>
						<Link to="/thanh-pho">{t('city.title')}</Link>
						{' · '}
						{root?.user ? <Link to="/quan-tri">{t('layout.backOffice')}</Link> : <Link to="/dang-nhap">{t('layout.signIn')}</Link>}
					</p>
					<p className="muted">{t('layout.footer')}</p>
				</div>
			</footer>
		</>
	)
}
