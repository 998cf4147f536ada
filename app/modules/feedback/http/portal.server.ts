import { createCookie, type RouterContextProvider } from 'react-router'
import { cookieOptions } from '#app/modules/platform/http/request-state.server.ts'
import { DRAFT_HOURS } from '../items.server.ts'

// The cookie that keeps a citizen's unfinished feedback form between its steps.

const draftCookie = createCookie('tt_feedback_draft', { httpOnly: true, sameSite: 'lax', path: '/phan-anh-kien-nghi', maxAge: DRAFT_HOURS * 3600 })

export async function draftIdFrom(request: Request): Promise<string | null> {
	const value: unknown = await draftCookie.parse(request.headers.get('cookie'))
	return typeof value === 'string' ? value : null
}

export async function draftCookieHeader(request: Request, context: Readonly<RouterContextProvider>, draftId: string | null): Promise<string> {
	const options = cookieOptions(request, context)
	return draftId ? draftCookie.serialize(draftId, options) : draftCookie.serialize('', { ...options, maxAge: 0 })
}
