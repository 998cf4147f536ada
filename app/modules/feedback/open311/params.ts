import { z } from 'zod'
import { normalizeText } from '#app/core/text.ts'
import { LIMITS } from '#app/modules/feedback/feedback.inputs.ts'
import type { Open311Error } from '#app/modules/feedback/open311/format.ts'

// Open311 GeoReport v2 parameters (http://wiki.open311.org/GeoReport_v2), checked at the boundary.
// Error descriptions are English sentences shown to the client's user, as the spec's error format
// expects. As the spec's "Optional Arguments" says, an empty parameter counts as absent.

/** GET requests without dates: the most recent 90 days (and never a wider span). */
export const REQUESTS_WINDOW_DAYS = 90
/** GET requests returns at most this many requests. */
export const REQUESTS_MAX_RESULTS = 1000
/** service_request_id may list at most this many ids. */
export const MAX_REQUEST_IDS = 50
/** Our limit for description, the same as the web form (the spec suggests 4,000). */
export const DESCRIPTION_MAX_LENGTH = LIMITS.content

const DAY_MS = 24 * 60 * 60 * 1000

export type ParamsResult<T> = { ok: true; value: T } | { ok: false; errors: Open311Error[] }

export type RequestStatus = 'open' | 'closed'

export type RequestsQuery =
	// service_request_id "overrides all other arguments": the other filters are not read.
	| { kind: 'ids'; jurisdictionId: string | null; ids: string[] }
	| {
			kind: 'search'
			jurisdictionId: string | null
			/** null: every service. */
			serviceCodes: string[] | null
			statuses: RequestStatus[]
			/** requested_datetime within [startDate, endDate], both included. */
			startDate: Date
			endDate: Date
			limit: number
	  }

export type PostRequestParams = {
	apiKey: string
	jurisdictionId: string | null
	serviceCode: string
	// Our deviation from the spec: the location (lat + long, address_string or address_id) is
	// optional, as many places in our communes have neither coordinates nor a street address.
	lat: number | null
	long: number | null
	addressString: string | null
	addressId: string | null
	email: string | null
	deviceId: string | null
	accountId: string | null
	firstName: string | null
	lastName: string | null
	phone: string | null
	description: string
	mediaUrl: string | null
}

// ---- text ----

// What normalizeText leaves that an XML 1.0 document cannot hold: lone surrogates, U+FFFE/FFFF.
const NOT_XML_CHAR = /[\uD800-\uDFFF\uFFFE\uFFFF]/gu

/** Trimmed, NFC, no control characters but newline and tab; single-line fields lose those too. */
export function cleanParam(value: string, multiline = false): string {
	const text = normalizeText(value.replace(NOT_XML_CHAR, ''))
	return multiline ? text : text.replace(/[\t\n]+/g, ' ')
}

const length = (v: string) => [...v].length

/** Optional text: blank is null. */
function zOptional(field: string, max: number, multiline = false) {
	return z
		.string()
		.optional()
		.transform((v) => cleanParam(v ?? '', multiline))
		.refine((v) => length(v) <= max, `${field} must be at most ${max} characters long.`)
		.transform((v) => (v === '' ? null : v))
}

/** Required text. */
function zRequired(field: string, max: number, multiline = false) {
	return z
		.string()
		.optional()
		.transform((v) => cleanParam(v ?? '', multiline))
		.refine((v) => v !== '', `${field} is required.`)
		.refine((v) => length(v) <= max, `${field} must be at most ${max} characters long.`)
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/

function zCoordinate(field: 'lat' | 'long', limit: number) {
	return zOptional(field, 40).superRefine((v, ctx) => {
		if (v === null) return
		if (!DECIMAL.test(v)) ctx.addIssue({ code: 'custom', message: `${field} must be a decimal number in WGS84 degrees.` })
		else if (Math.abs(Number(v)) > limit) ctx.addIssue({ code: 'custom', message: `${field} must be between -${limit} and ${limit}.` })
	})
}

// ---- W3C datetimes (http://www.w3.org/TR/NOTE-datetime) ----

// A complete date with hours and minutes, optional seconds and fraction, and a time zone. A space
// in place of "+" is taken as "+": clients often leave it unencoded in the query string.
const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+\- ])(\d{2}):(\d{2}))$/

/** Parses a W3C datetime with a time zone; anything else (or a date that does not exist): null. */
export function parseW3cDateTime(value: string): Date | null {
	const m = W3C_DATETIME.exec(value)
	if (!m) return null
	const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number]
	const second = m[6] ? Number(m[6]) : 0
	const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0
	const offsetHours = m[10] ? Number(m[10]) : 0
	const offsetMinutes = m[11] ? Number(m[11]) : 0
	if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null
	const local = Date.UTC(year, month - 1, day, hour, minute, second, ms)
	const check = new Date(local)
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
	const sign = m[9] === '-' ? -1 : 1
	return new Date(local - sign * (offsetHours * 60 + offsetMinutes) * 60_000)
}

function zDate(field: 'start_date' | 'end_date') {
	return z
		.string()
		.optional()
		.transform((v, ctx) => {
			const text = cleanParam(v ?? '')
			if (text === '') return null
			const date = parseW3cDateTime(text)
			if (!date) {
				ctx.addIssue({ code: 'custom', message: `${field} must be a W3C datetime with a time zone, e.g. 2026-11-01T00:00:00+07:00.` })
				return z.NEVER
			}
			return date
		})
}

// ---- reading URLSearchParams ----

// Parameters that take one value: sent twice with different values is an error rather than a guess.
function single(params: URLSearchParams, name: string, errors: Open311Error[]): string | undefined {
	const values = [...new Set(params.getAll(name).map((v) => v.trim()))]
	if (values.length > 1) errors.push({ code: 400, description: `${name} was given more than once.` })
	return values[0]
}

// Lists: comma separated, and/or the parameter repeated (the spec allows both wordings).
function list(params: URLSearchParams, name: string): string[] {
	const items = params
		.getAll(name)
		.flatMap((v) => v.split(','))
		.map((v) => cleanParam(v))
		.filter(Boolean)
	return [...new Set(items)]
}

function issuesToErrors(error: z.ZodError, codeFor: (field: string) => number = () => 400): Open311Error[] {
	const errors: Open311Error[] = []
	for (const issue of error.issues) {
		if (errors.some((e) => e.description === issue.message)) continue
		errors.push({ code: codeFor(String(issue.path[0] ?? '')), description: issue.message })
	}
	return errors
}

// ---- GET requests ----

const ZRequestsQuery = z
	.object({
		jurisdiction_id: zOptional('jurisdiction_id', 255),
		service_request_id: z
			.array(z.string().refine((v) => length(v) <= 64, 'Each service_request_id must be at most 64 characters long.'))
			.max(MAX_REQUEST_IDS, `service_request_id may list at most ${MAX_REQUEST_IDS} ids.`),
		service_code: z.array(z.string().refine((v) => length(v) <= 100, 'Each service_code must be at most 100 characters long.')),
		status: z.array(z.enum(['open', 'closed'], { error: 'status must be open, closed, or both separated by a comma.' })),
		start_date: zDate('start_date'),
		end_date: zDate('end_date'),
	})
	.superRefine((v, ctx) => {
		if (!v.start_date || !v.end_date) return
		if (v.start_date > v.end_date) ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'end_date must not be before start_date.' })
		else if (v.end_date.getTime() - v.start_date.getTime() > REQUESTS_WINDOW_DAYS * DAY_MS) {
			ctx.addIssue({
				code: 'custom',
				path: ['end_date'],
				message: `start_date and end_date may not be more than ${REQUESTS_WINDOW_DAYS} days apart.`,
			})
		}
	})

/** Parameters of GET requests.{format}. `now` anchors the default 90-day window. */
export function requestsQuery(params: URLSearchParams, now: Date = new Date()): ParamsResult<RequestsQuery> {
	const errors: Open311Error[] = []
	const ids = list(params, 'service_request_id')
	const jurisdictionId = single(params, 'jurisdiction_id', errors)
	// service_request_id "overrides all other arguments": the filters are then not even read.
	const input =
		ids.length > 0
			? { jurisdiction_id: jurisdictionId, service_request_id: ids, service_code: [], status: [] }
			: {
					jurisdiction_id: jurisdictionId,
					service_request_id: [],
					service_code: list(params, 'service_code'),
					status: list(params, 'status'),
					start_date: single(params, 'start_date', errors),
					end_date: single(params, 'end_date', errors),
				}
	const parsed = ZRequestsQuery.safeParse(input)
	if (!parsed.success) errors.push(...issuesToErrors(parsed.error))
	if (errors.length || !parsed.success) return { ok: false, errors }

	const v = parsed.data
	if (ids.length > 0) return { ok: true, value: { kind: 'ids', jurisdictionId: v.jurisdiction_id, ids: v.service_request_id } }
	// Without dates: the most recent 90 days; with one date, the 90 days from or up to it.
	const window = REQUESTS_WINDOW_DAYS * DAY_MS
	const endDate = v.end_date ?? (v.start_date ? new Date(v.start_date.getTime() + window) : now)
	const startDate = v.start_date ?? new Date(endDate.getTime() - window)
	return {
		ok: true,
		value: {
			kind: 'search',
			jurisdictionId: v.jurisdiction_id,
			serviceCodes: v.service_code.length ? v.service_code : null,
			statuses: v.status.length ? [...new Set(v.status)] : ['open', 'closed'],
			startDate,
			endDate,
			limit: REQUESTS_MAX_RESULTS,
		},
	}
}

// ---- POST requests ----

/** Vietnamese phone numbers, as the web form takes them: 0 + 9 or 10 digits, or +84. */
const PHONE = /^(\+?84|0)\d{9,10}$/

const ZPostRequest = z
	.object({
		api_key: zRequired('api_key', 200),
		jurisdiction_id: zOptional('jurisdiction_id', 255),
		service_code: zRequired('service_code', 100),
		lat: zCoordinate('lat', 90),
		long: zCoordinate('long', 180),
		address_string: zOptional('address_string', 500, true),
		address_id: zOptional('address_id', 100),
		email: zOptional('email', 200).refine((v) => v === null || z.email().safeParse(v).success, 'email must be a valid e-mail address.'),
		device_id: zOptional('device_id', 200),
		account_id: zOptional('account_id', 200),
		first_name: zOptional('first_name', 100),
		last_name: zOptional('last_name', 100),
		phone: zOptional('phone', 30)
			.transform((v) => (v === null ? null : v.replace(/[\s.\-()]/g, '')))
			.refine((v) => v === null || PHONE.test(v), 'phone must be a Vietnamese phone number, e.g. 0912345678 or +84912345678.'),
		description: zRequired('description', DESCRIPTION_MAX_LENGTH, true),
		media_url: zOptional('media_url', 2000).refine((v) => v === null || isWebUrl(v), 'media_url must be an http or https URL.'),
	})
	.superRefine((v, ctx) => {
		if ((v.lat === null) !== (v.long === null)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat and long must be sent together.' })
	})

function isWebUrl(value: string): boolean {
	if (!URL.canParse(value)) return false
	const url = new URL(value)
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
}

const POST_FIELDS = Object.keys(ZPostRequest.shape) as Array<keyof typeof ZPostRequest.shape>

/**
 * Parameters of POST requests.{format} (application/x-www-form-urlencoded). A missing api_key is
 * a 403 error, as the spec asks; everything else is 400. attribute[…] is ignored: our services
 * have no service definition attributes.
 */
export function postRequestParams(params: URLSearchParams): ParamsResult<PostRequestParams> {
	const errors: Open311Error[] = []
	const input: Record<string, string | undefined> = {}
	for (const field of POST_FIELDS) input[field] = single(params, field, errors)
	const parsed = ZPostRequest.safeParse(input)
	if (!parsed.success) errors.push(...issuesToErrors(parsed.error, (field) => (field === 'api_key' ? 403 : 400)))
	if (errors.length || !parsed.success) return { ok: false, errors }
	const v = parsed.data
	return {
		ok: true,
		value: {
			apiKey: v.api_key,
			jurisdictionId: v.jurisdiction_id,
			serviceCode: v.service_code,
			lat: v.lat === null ? null : Number(v.lat),
			long: v.long === null ? null : Number(v.long),
			addressString: v.address_string,
			addressId: v.address_id,
			email: v.email,
			deviceId: v.device_id,
			accountId: v.account_id,
			firstName: v.first_name,
			lastName: v.last_name,
			phone: v.phone,
			description: v.description,
			mediaUrl: v.media_url,
		},
	}
}
