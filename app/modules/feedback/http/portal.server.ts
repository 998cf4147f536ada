import { createCookie, type RouterContextProvider } from 'react-router'
import { httpError } from '#app/core/http/responses.ts'
import { cookieOptions, getRequestState } from '#app/modules/platform/http/request-state.server.ts'
import type { PublicCommune } from '#app/modules/platform/org.server.ts'
import { DRAFT_HOURS } from '../items.server.ts'

// What the feedback module's public pages share: the commune of the portal, and the cookie that
// keeps a citizen's unfinished form between its steps.

/** The commune this portal serves; the feedback pages do not exist on a city-wide host. */
export function requirePortalCommune(context: Readonly<RouterContextProvider>): PublicCommune {
	const { commune } = getRequestState(context)
	if (!commune) throw httpError(404, 'error.notFound')
	return commune
}

const draftCookie = createCookie('tt_feedback_draft', { httpOnly: true, sameSite: 'lax', path: '/phan-anh-kien-nghi', maxAge: DRAFT_HOURS * 3600 })

export async function draftIdFrom(request: Request): Promise<string | null> {
	const value: unknown = await draftCookie.parse(request.headers.get('cookie'))
	return typeof value === 'string' ? value : null
}

export async function draftCookieHeader(request: Request, context: Readonly<RouterContextProvider>, draftId: string | null): Promise<string> {
	const options = cookieOptions(request, context)
	return draftId ? draftCookie.serialize(draftId, options) : draftCookie.serialize('', { ...options, maxAge: 0 })
}
