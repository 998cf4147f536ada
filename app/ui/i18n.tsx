import { useRouteLoaderData } from 'react-router'
import { createTranslator, DEFAULT_LOCALE, type Locale, type Translate } from '#app/core/i18n/i18n.ts'
import { MESSAGES } from '#app/messages.ts'

/** What the root loader gives every page. */
export type RootData = {
	locale: Locale
	csrfToken: string
	commune: { name: string; hotline: string; address: string; email: string; isDemo: boolean } | null
	user: { fullName: string; role: string } | null
}

export function useRootData(): RootData | undefined {
	return useRouteLoaderData('root') as RootData | undefined
}

export function useLocale(): Locale {
	return useRootData()?.locale ?? DEFAULT_LOCALE
}

const translators: Record<Locale, Translate> = {
	vi: createTranslator(MESSAGES.vi),
	en: createTranslator(MESSAGES.en, MESSAGES.vi),
}

export function translatorFor(locale: Locale): Translate {
	return translators[locale]
}

/** t(key, params) in the page's language. */
export function useT(): Translate {
	return translators[useLocale()]
}
