import { redirect } from 'react-router'
import { safeRedirectPath } from '#app/core/http/responses.ts'
import { isLocale } from '#app/core/i18n/i18n.ts'
import { cookieOptions, localeCookie } from '#app/modules/platform/http/request-state.server.ts'
import type { Route } from './+types/language.ts'

// The language switch: a plain form POST (works without JavaScript), remembered in a cookie.
export async function action({ request, context }: Route.ActionArgs) {
	const form = await request.formData()
	const lang = form.get('lang')
	const back = safeRedirectPath(form.get('redirectTo'))
	if (!isLocale(lang)) return redirect(back)
	return redirect(back, { headers: { 'Set-Cookie': await localeCookie.serialize(lang, cookieOptions(request, context)) } })
}

export function loader() {
	return redirect('/')
}
