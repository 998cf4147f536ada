import { useLocation } from 'react-router'
import { PostForm } from './form.tsx'
import { useLocale, useT } from './i18n.tsx'

/** One button that switches to the other language and comes back to the same page. */
export function LanguageSwitch() {
	const t = useT()
	const locale = useLocale()
	const location = useLocation()
	const other = locale === 'vi' ? 'en' : 'vi'
	return (
		<PostForm action="/ngon-ngu" className="language-switch" reloadDocument>
			<input type="hidden" name="lang" value={other} />
			<input type="hidden" name="redirectTo" value={location.pathname + location.search} />
			<button type="submit" className="link-button" lang={other} aria-label={t('layout.switchToLabel')}>
				{t('layout.switchTo')}
			</button>
		</PostForm>
	)
}
