import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createContext, createCookie, redirect, type MiddlewareFunction, type RouterContextProvider } from 'react-router'
import { requestInfoContext, servicesContext } from '#app/core/http/context.ts'
import { httpError } from '#app/core/http/responses.ts'
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/core/i18n/i18n.ts'
import { actorFromUser, getSessionUser, type Account } from '../accounts.server.ts'
import { getPublicCommuneBySlug, resolveCommuneForHost, type PublicCommune } from '../org.server.ts'
import { can, type Actor, type Capability } from '../permissions.ts'

// Per-request state every page needs: language, the commune the request is for, the signed-in
// person and the CSRF token. Computed once by the root middleware.

export type RequestState = {
	locale: Locale
	/** The commune of this host (or of the single-commune deployment); null on a multi-commune host. */
	commune: PublicCommune | null
	session: { sessionId: string; user: Account } | null
	actor: Actor | null
	/** The commune a signed-in staff member works on: their own, or the one a deployment-wide role chose. */
	staffCommuneId: string | null
	csrfToken: string
}

export const requestStateContext = createContext<RequestState>()

// Cookies are HttpOnly and SameSite=Lax; `Secure` is added per response (see cookieOptions).
export const sessionCookie = createCookie('tt_session', { httpOnly: true, sameSite: 'lax', path: '/' })
export const csrfCookie = createCookie('tt_csrf', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 30 })
export const localeCookie = createCookie('tt_lang', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 })
/** The commune a deployment-wide staff member chose to work on. */
export const communeCookie = createCookie('tt_commune', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 30 })

/** Secure cookies when the site is served over HTTPS (directly, or behind a trusted TLS proxy). */
export function cookieOptions(request: Request, context: Readonly<RouterContextProvider>) {
	const { env } = context.get(servicesContext)
	return { secure: env.SECURE_COOKIES || new URL(request.url).protocol === 'https:' }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** APIs for other apps authenticate each request with a key and never read cookies: no CSRF token. */
const API_PREFIXES = ['/open311/']

function tokensEqual(a: string, b: string): boolean {
	const ab = Buffer.from(a)
	const bb = Buffer.from(b)
	return ab.length === bb.length && timingSafeEqual(ab, bb)
}

async function submittedCsrfToken(request: Request): Promise<string> {
	const header = request.headers.get('x-csrf-token')
	if (header) return header
	const type = request.headers.get('content-type') ?? ''
	if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return ''
	try {
		const form = await request.clone().formData()
		const value = form.get('_csrf')
		return typeof value === 'string' ? value : ''
	} catch {
		return ''
	}
}

export const requestStateMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
	const { db } = context.get(servicesContext)
	const { ip } = context.get(requestInfoContext)
	const cookieHeader = request.headers.get('cookie')

	const lang: unknown = await localeCookie.parse(cookieHeader)
	const locale: Locale = isLocale(lang) ? lang : DEFAULT_LOCALE

	const existingCsrf: unknown = await csrfCookie.parse(cookieHeader)
	const csrfToken = typeof existingCsrf === 'string' && existingCsrf.length >= 32 ? existingCsrf : randomBytes(32).toString('base64url')

	const isApi = API_PREFIXES.some((p) => new URL(request.url).pathname.startsWith(p))
	if (UNSAFE_METHODS.has(request.method) && !isApi) {
		const submitted = await submittedCsrfToken(request)
		if (!existingCsrf || !submitted || !tokensEqual(submitted, csrfToken)) {
			throw httpError(403, 'error.csrf')
		}
	}

	const token: unknown = await sessionCookie.parse(cookieHeader)
	const session = typeof token === 'string' ? await getSessionUser(db, token) : null
	const actor = session ? actorFromUser(session.user, ip) : null
	const commune = await resolveCommuneForHost(db, new URL(request.url).host)
	const staffCommuneId = actor ? await chosenStaffCommune(request, context, actor, commune) : null

	context.set(requestStateContext, { locale, commune, session, actor, staffCommuneId, csrfToken })
	const response = await next()
	// A response that shared caches may keep (open data, feeds) must not hand everyone one token.
	const sharedCacheable = /\bpublic\b/.test(response.headers.get('Cache-Control') ?? '')
	if (existingCsrf !== csrfToken && !sharedCacheable) {
		response.headers.append('Set-Cookie', await csrfCookie.serialize(csrfToken, cookieOptions(request, context)))
	}
	return response
}

export function getRequestState(context: Readonly<RouterContextProvider>): RequestState {
	return context.get(requestStateContext)
}

export type StaffRequest = {
	actor: Actor & { kind: 'staff' }
	user: Account
	sessionId: string
	/** The commune the staff member is working on; null for a deployment-wide role with no commune. */
	communeId: string | null
}

/** The commune a public portal page serves; such pages do not exist on a city-wide host (404). */
export function requirePortalCommune(context: Readonly<RouterContextProvider>): PublicCommune {
	const { commune } = getRequestState(context)
	if (!commune) throw httpError(404, 'error.notFound')
	return commune
}

/**
 * Every staff loader and action starts here: no session → sign-in page (and back afterwards);
 * a capability the person lacks → 403. A password that must change sends them to change it.
 */
export async function requireStaff(
	request: Request,
	context: Readonly<RouterContextProvider>,
	capability: Capability = 'backoffice.access',
): Promise<StaffRequest> {
	const state = getRequestState(context)
	const url = new URL(request.url)
	if (!state.session || !state.actor || state.actor.kind !== 'staff') {
		throw redirect(`/dang-nhap?next=${encodeURIComponent(url.pathname + url.search)}`)
	}
	if (state.session.user.mustChangePassword && url.pathname !== '/quan-tri/tai-khoan') {
		throw redirect('/quan-tri/tai-khoan')
	}
	const communeId = state.staffCommuneId
	if (!can(state.actor, capability, communeId)) throw httpError(403, 'error.forbidden')
	return { actor: state.actor, user: state.session.user, sessionId: state.session.sessionId, communeId }
}

/** Like requireStaff, for pages that work on one commune's data: fails with 404 when there is none. */
export async function requireStaffInCommune(
	request: Request,
	context: Readonly<RouterContextProvider>,
	capability: Capability = 'backoffice.access',
): Promise<StaffRequest & { communeId: string }> {
	const staff = await requireStaff(request, context, capability)
	if (!staff.communeId) throw httpError(404, 'error.notFound')
	return staff as StaffRequest & { communeId: string }
}

async function chosenStaffCommune(
	request: Request,
	context: Readonly<RouterContextProvider>,
	actor: Actor,
	hostCommune: PublicCommune | null,
): Promise<string | null> {
	if (actor.kind !== 'staff') return null
	if (actor.communeId) return actor.communeId
	const chosen: unknown = await communeCookie.parse(request.headers.get('cookie'))
	if (typeof chosen === 'string') {
		const { db } = context.get(servicesContext)
		const commune = await getPublicCommuneBySlug(db, chosen)
		if (commune) return commune.id
	}
	return hostCommune?.id ?? null
}

/**
 * A one-time message for the next page (post → redirect → get): the result of an action is shown
 * once, and reloading the page does not send the form again.
 */
const flashCookie = createCookie('tt_flash', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 120 })
export type Flash = Record<string, string | number>

export async function redirectWithFlash(request: Request, context: Readonly<RouterContextProvider>, to: string, flash: Flash, otherCookies: readonly string[] = []) {
	const headers = new Headers()
	for (const cookie of [await flashCookie.serialize(flash, cookieOptions(request, context)), ...otherCookies]) headers.append('Set-Cookie', cookie)
	return redirect(to, { status: 303, headers })
}

/** The flash left by the previous action, and the header that clears it. */
export async function takeFlash(request: Request, context: Readonly<RouterContextProvider>): Promise<{ flash: Flash | null; headers: HeadersInit }> {
	const value: unknown = await flashCookie.parse(request.headers.get('cookie'))
	if (!value || typeof value !== 'object') return { flash: null, headers: {} }
	const clear = await flashCookie.serialize('', { ...cookieOptions(request, context), maxAge: 0 })
	return { flash: value as Flash, headers: { 'Set-Cookie': clear } }
}
