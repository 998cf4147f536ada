import { servicesContext } from '#app/core/http/context.ts'
import {
	errorsStatus,
	formatFromPath,
	OPEN311_PATH,
	renderDiscovery,
	renderErrors,
	renderPostResult,
	renderRequests,
	renderServiceDefinition,
	renderServices,
	renderTokens,
	type Open311Body,
	type Open311Error,
	type Open311Format,
} from '#app/modules/feedback/open311/format.ts'
import {
	createRequest,
	discoveryInfo,
	getRequest,
	getService,
	listServices,
	requestForToken,
	resolveJurisdiction,
	searchRequests,
} from '#app/modules/feedback/open311/open311.server.ts'
import { cleanParam, postRequestParams, requestsQuery } from '#app/modules/feedback/open311/params.ts'
import { getRequestState } from '#app/modules/platform/http/request-state.server.ts'
import type { Route } from './+types/open311.ts'

// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2/: other apps read
// the commune's services and public requests, and send new requests with a key. Every answer,
// errors included, is in the spec's XML or JSON; never an HTML page.

type Target =
	| { resource: 'discovery' | 'services' | 'requests' }
	| { resource: 'service' | 'request' | 'token'; id: string }

type Located = { format: Open311Format; target: Target | null }

const LISTS = { discovery: 'discovery', services: 'services', requests: 'requests' } as const
const ITEMS = { services: 'service', requests: 'request', tokens: 'token' } as const

function decodeSegment(segment: string): string | null {
	try {
		return decodeURIComponent(segment)
	} catch {
		return null
	}
}

/** The resource and format a URL asks for; an unknown path has no target (errors in its format or JSON). */
function locate(url: URL): Located {
	const segments = url.pathname
		.slice(OPEN311_PATH.length + 1)
		.split('/')
		.map(decodeSegment)
	const last = segments[segments.length - 1] ?? ''
	const parsed = last === null ? null : formatFromPath(last)
	if (!parsed || segments.includes(null)) return { format: /\.xml$/i.test(last ?? '') ? 'xml' : 'json', target: null }
	const { name, format } = parsed
	if (segments.length === 1 && Object.hasOwn(LISTS, name)) return { format, target: { resource: LISTS[name as keyof typeof LISTS] } }
	const folder = segments[0]!
	if (segments.length === 2 && Object.hasOwn(ITEMS, folder) && name.length <= 200) {
		return { format, target: { resource: ITEMS[folder as keyof typeof ITEMS], id: name } }
	}
	return { format, target: null }
}

// Open data: any site may read it. Answers to POST are never stored by a cache.
const READ_HEADERS = { 'Access-Control-Allow-Origin': '*' }
const WRITE_HEADERS = { 'Cache-Control': 'no-store' }

function send(body: Open311Body, status: number, headers: Record<string, string>): Response {
	return new Response(body.body, { status, headers: { ...headers, 'Content-Type': body.contentType } })
}

function sendErrors(format: Open311Format, errors: Open311Error[], headers: Record<string, string>, status: number = errorsStatus(errors)): Response {
	return send(renderErrors(format, errors), status, headers)
}

const NOT_FOUND: Open311Error = { code: 404, description: 'There is no such resource. See discovery.json for the endpoints.' }

function notAllowed(format: Open311Format, allow: string, headers: Record<string, string>): Response {
	return sendErrors(format, [{ code: 405, description: `Method not allowed here; allowed: ${allow}.` }], { ...headers, Allow: allow }, 405)
}

/** Runs a handler; an unexpected failure is logged and still answered in the spec's format. */
async function guarded(context: Route.LoaderArgs['context'], format: Open311Format, headers: Record<string, string>, run: () => Promise<Response>) {
	try {
		return await run()
	} catch (err) {
		if (err instanceof Response) throw err
		context.get(servicesContext).log.error({ err }, 'open311: unexpected error')
		return sendErrors(format, [{ code: 500, description: 'Unexpected server error. Please try again later.' }], headers, 500)
	}
}

/** jurisdiction_id of a GET: blank is absent, two different values are an error. */
function jurisdictionParam(params: URLSearchParams): { ok: true; value: string | null } | { ok: false; errors: Open311Error[] } {
	const values = [...new Set(params.getAll('jurisdiction_id').map((v) => cleanParam(v)))].filter(Boolean)
	if (values.length > 1) return { ok: false, errors: [{ code: 400, description: 'jurisdiction_id was given more than once.' }] }
	const value = values[0] ?? null
	if (value !== null && [...value].length > 255) return { ok: false, errors: [{ code: 400, description: 'jurisdiction_id must be at most 255 characters long.' }] }
	return { ok: true, value }
}

const GET_METHODS = 'GET, HEAD, OPTIONS'
const REQUESTS_METHODS = 'GET, HEAD, POST, OPTIONS'

export async function loader({ request, context }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const { format, target } = locate(url)
	if (request.method === 'OPTIONS') {
		const allow = target?.resource === 'requests' ? REQUESTS_METHODS : GET_METHODS
		return new Response(null, { status: 204, headers: { ...READ_HEADERS, Allow: allow, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Max-Age': '86400' } })
	}
	if (!target) return sendErrors(format, [NOT_FOUND], READ_HEADERS)
	return guarded(context, format, READ_HEADERS, () => read(request, context, url, format, target))
}

async function read(request: Request, context: Route.LoaderArgs['context'], url: URL, format: Open311Format, target: Target): Promise<Response> {
	const { db } = context.get(servicesContext)
	const hostCommune = getRequestState(context).commune
	const fail = (errors: Open311Error[]) => sendErrors(format, errors, READ_HEADERS)
	const ok = (body: Open311Body) => send(body, 200, READ_HEADERS)

	if (target.resource === 'requests') {
		const query = requestsQuery(url.searchParams)
		if (!query.ok) return fail(query.errors)
		const jurisdiction = await resolveJurisdiction(db, query.value.jurisdictionId, hostCommune)
		if (!jurisdiction.ok) return fail([jurisdiction.error])
		return ok(renderRequests(format, await searchRequests(db, jurisdiction.commune, query.value)))
	}

	const param = jurisdictionParam(url.searchParams)
	if (!param.ok) return fail(param.errors)

	if (target.resource === 'discovery') {
		// Discovery describes the endpoint: without a commune it still answers, with a generic contact.
		const jurisdiction = param.value === null && !hostCommune ? null : await resolveJurisdiction(db, param.value, hostCommune)
		if (jurisdiction && !jurisdiction.ok) return fail([jurisdiction.error])
		const info = await discoveryInfo(db, jurisdiction?.commune ?? null)
		return ok(renderDiscovery(format, { baseUrl: url.origin, ...info }))
	}

	const jurisdiction = await resolveJurisdiction(db, param.value, hostCommune)
	if (!jurisdiction.ok) return fail([jurisdiction.error])
	const commune = jurisdiction.commune

	switch (target.resource) {
		case 'services':
			return ok(renderServices(format, await listServices(db, commune.id)))
		case 'service': {
			const service = await getService(db, commune.id, target.id)
			return service ? ok(renderServiceDefinition(format, service)) : fail([{ code: 404, description: 'service_code is not a service of this jurisdiction.' }])
		}
		case 'request': {
			const found = await getRequest(db, commune, target.id)
			return found ? ok(renderRequests(format, [found])) : fail([{ code: 404, description: 'There is no public service request with this id.' }])
		}
		case 'token': {
			const found = await requestForToken(db, commune.id, target.id)
			return found ? ok(renderTokens(format, [found])) : fail([{ code: 404, description: 'There is no service request with this token.' }])
		}
	}
}

/** The POST body as parameters: form-urlencoded as the spec says (multipart tolerated). */
async function bodyParams(request: Request): Promise<URLSearchParams | null> {
	const type = (request.headers.get('content-type') ?? '').toLowerCase()
	if (type.startsWith('multipart/form-data')) {
		try {
			const params = new URLSearchParams()
			for (const [key, value] of await request.formData()) if (typeof value === 'string') params.append(key, value)
			return params
		} catch {
			return null
		}
	}
	if (type === '' || type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(await request.text())
	return null
}

export async function action({ request, context }: Route.ActionArgs) {
	const { format, target } = locate(new URL(request.url))
	if (!target) return sendErrors(format, [NOT_FOUND], WRITE_HEADERS)
	if (target.resource !== 'requests') return notAllowed(format, GET_METHODS, WRITE_HEADERS)
	if (request.method !== 'POST') return notAllowed(format, REQUESTS_METHODS, WRITE_HEADERS)
	return guarded(context, format, WRITE_HEADERS, async () => {
		const fail = (errors: Open311Error[]) => sendErrors(format, errors, WRITE_HEADERS)
		const params = await bodyParams(request)
		if (!params) return fail([{ code: 400, description: 'Send the parameters as application/x-www-form-urlencoded.' }])
		const parsed = postRequestParams(params)
		if (!parsed.ok) return fail(parsed.errors)
		const { db } = context.get(servicesContext)
		const jurisdiction = await resolveJurisdiction(db, parsed.value.jurisdictionId, getRequestState(context).commune)
		if (!jurisdiction.ok) return fail([jurisdiction.error])
		const created = await createRequest(db, jurisdiction.commune.id, parsed.value)
		if (!created.ok) return fail(created.errors)
		return send(renderPostResult(format, { requestId: created.requestId, notice: created.notice }), 201, WRITE_HEADERS)
	})
}
