// Open311 GeoReport v2 output (http://wiki.open311.org/GeoReport_v2): pure functions that turn
// what the domain returns into response bodies in XML (required by the spec) or JSON (the
// "Spark convention" mapping of the XML: containers of repeated elements become arrays, empty
// elements become null). Field names and their order follow the spec's response tables.

export type Open311Format = 'json' | 'xml'
export type Open311Service = { code: string; name: string; description: string; group: string; keywords: string[] }
export type Open311Request = {
	id: string // our public reference code, e.g. 'NLB-26-00123'
	status: 'open' | 'closed'
	statusNotes: string | null
	serviceCode: string | null
	serviceName: string | null
	description: string // already masked for publication
	agencyResponsible: string | null
	serviceNotice: string | null
	requestedAt: Date
	updatedAt: Date
	expectedAt: Date | null // the due date
	address: string | null
	lat: number | null
	long: number | null
	mediaUrl: string | null
}
export type Open311Error = { code: number; description: string }
export type Open311Body = { body: string; contentType: string }

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'
export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8'
export const SPECIFICATION_URL = 'http://wiki.open311.org/GeoReport_v2'
/** Where the API lives under the site's origin. */
export const OPEN311_PATH = '/open311/v2'
/** Every service answers POST with its service_request_id at once (no tokens, no black box). */
export const SERVICE_TYPE = 'realtime'

// ---- text and values ----

// Everything outside the XML 1.0 Char production: C0 controls but tab/LF/CR, lone surrogates
// (with the u flag paired ones are single code points and do not match), U+FFFE and U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text as both formats carry it: NFC, LF line ends, nothing an XML 1.0 document cannot hold. */
export function cleanOutputText(value: string): string {
	return value.replace(NOT_XML_CHAR, '').normalize('NFC').replace(/\r\n?/g, '\n')
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000

/**
 * A W3C datetime in Asia/Ho_Chi_Minh, e.g. 2026-11-23T09:15:00+07:00 (Vietnam has kept UTC+7,
 * without daylight saving, since 1975). Seconds precision.
 */
export function w3cDateTime(date: Date): string {
	const time = date.getTime()
	if (!Number.isFinite(time)) throw new RangeError('Open311: invalid date')
	return `${new Date(time + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`
}

type Scalar = string | number | boolean | null
// An element: text (null is an empty element) or child elements, in order.
type XmlNode = { name: string; value: Scalar | XmlNode[] }

const el = (name: string, value: Scalar | XmlNode[]): XmlNode => ({ name, value })

function escapeXml(text: string): string {
	return cleanOutputText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function scalarText(value: Scalar): string {
	if (value === null) return ''
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
	return String(value)
}

function writeNode(node: XmlNode, depth: number, out: string[]): void {
	const indent = '\t'.repeat(depth)
	if (Array.isArray(node.value)) {
		if (node.value.length === 0) {
			out.push(`${indent}<${node.name}/>`)
			return
		}
		out.push(`${indent}<${node.name}>`)
		for (const child of node.value) writeNode(child, depth + 1, out)
		out.push(`${indent}</${node.name}>`)
		return
	}
	const text = escapeXml(scalarText(node.value))
	out.push(text === '' ? `${indent}<${node.name}/>` : `${indent}<${node.name}>${text}</${node.name}>`)
}

function xmlDocument(root: XmlNode): Open311Body {
	const out = ['<?xml version="1.0" encoding="utf-8"?>']
	writeNode(root, 0, out)
	return { body: `${out.join('\n')}\n`, contentType: XML_CONTENT_TYPE }
}

/** Spark convention: a container of repeated elements is an array, an empty element is null. */
function toJsonValue(node: XmlNode, isList: boolean): unknown {
	if (Array.isArray(node.value)) {
		if (isList) return node.value.map((child) => toJsonValue(child, LISTS.has(child.name)))
		return Object.fromEntries(node.value.map((child) => [child.name, toJsonValue(child, LISTS.has(child.name))]))
	}
	if (typeof node.value === 'string') {
		const text = cleanOutputText(node.value)
		return text === '' ? null : text
	}
	if (typeof node.value === 'number') return Number.isFinite(node.value) ? node.value : null
	return node.value
}

// Containers whose children repeat (arrays in JSON).
const LISTS = new Set(['services', 'service_requests', 'errors', 'endpoints', 'formats', 'attributes', 'values'])

// JSON has no trouble with any character, but "<", ">" and "&" are escaped anyway so that a body
// sniffed as HTML can never open a tag; U+2028/2029 so that it is also valid JavaScript.
function jsonDocument(value: unknown): Open311Body {
	const body = JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
	return { body, contentType: JSON_CONTENT_TYPE }
}

function render(fmt: Open311Format, root: XmlNode): Open311Body {
	return fmt === 'xml' ? xmlDocument(root) : jsonDocument(toJsonValue(root, LISTS.has(root.name)))
}

// ---- resources ----

/** Service discovery (http://wiki.open311.org/Service_Discovery), served at discovery.{format}. */
export function renderDiscovery(
	fmt: Open311Format,
	input: { baseUrl: string; contact: string; changeset: Date; keyService?: string },
): Open311Body {
	const changeset = w3cDateTime(input.changeset)
	return render(
		fmt,
		el('discovery', [
			el('changeset', changeset),
			el('contact', input.contact),
			el('key_service', input.keyService ?? ''),
			el('endpoints', [
				el('endpoint', [
					el('specification', SPECIFICATION_URL),
					el('url', endpointUrl(input.baseUrl)),
					el('changeset', changeset),
					el('type', 'production'),
					el('formats', [el('format', 'text/xml'), el('format', 'application/json')]),
				]),
			]),
		]),
	)
}

/** The GeoReport v2 endpoint: the site's origin + /open311/v2 (kept if baseUrl already ends so). */
function endpointUrl(baseUrl: string): string {
	const base = baseUrl.replace(/\/+$/, '')
	return base.endsWith(OPEN311_PATH) ? base : `${base}${OPEN311_PATH}`
}

function serviceNode(service: Open311Service): XmlNode {
	const keywords = service.keywords
		.map((k) => cleanOutputText(k).replace(/,/g, ' ').trim())
		.filter(Boolean)
		.join(', ')
	return el('service', [
		el('service_code', service.code),
		el('service_name', service.name),
		el('description', service.description),
		el('metadata', false),
		el('type', SERVICE_TYPE),
		el('keywords', keywords),
		el('group', service.group),
	])
}

/** GET services.{format} */
export function renderServices(fmt: Open311Format, services: readonly Open311Service[]): Open311Body {
	return render(fmt, el('services', services.map(serviceNode)))
}

/** GET services/{service_code}.{format}: our services take no attributes (metadata false). */
export function renderServiceDefinition(fmt: Open311Format, service: Open311Service): Open311Body {
	return render(fmt, el('service_definition', [el('service_code', service.code), el('attributes', [])]))
}

function requestNode(r: Open311Request): XmlNode {
	return el('request', [
		el('service_request_id', r.id),
		el('status', r.status),
		el('status_notes', r.statusNotes),
		el('service_name', r.serviceName),
		el('service_code', r.serviceCode),
		el('description', r.description),
		el('agency_responsible', r.agencyResponsible),
		el('service_notice', r.serviceNotice),
		el('requested_datetime', w3cDateTime(r.requestedAt)),
		el('updated_datetime', w3cDateTime(r.updatedAt)),
		el('expected_datetime', r.expectedAt ? w3cDateTime(r.expectedAt) : null),
		el('address', r.address),
		el('address_id', null),
		el('zipcode', null),
		el('lat', r.lat),
		el('long', r.long),
		el('media_url', r.mediaUrl),
	])
}

/** GET requests.{format} and GET requests/{service_request_id}.{format} (a list of one). */
export function renderRequests(fmt: Open311Format, requests: readonly Open311Request[]): Open311Body {
	return render(fmt, el('service_requests', requests.map(requestNode)))
}

/** POST requests.{format}: service_request_id or token, never both. */
export function renderPostResult(
	fmt: Open311Format,
	result: { requestId?: string; token?: string; notice: string; accountId?: string | null },
): Open311Body {
	if ((result.requestId === undefined) === (result.token === undefined)) {
		throw new TypeError('Open311: a POST result has either a requestId or a token')
	}
	const id = result.requestId !== undefined ? el('service_request_id', result.requestId) : el('token', result.token ?? '')
	return render(
		fmt,
		el('service_requests', [el('request', [id, el('service_notice', result.notice), el('account_id', result.accountId ?? null)])]),
	)
}

/** GET tokens/{token}.{format}: service_request_id is empty while the request is not created yet. */
export function renderTokens(fmt: Open311Format, tokens: ReadonlyArray<{ requestId: string | null; token: string }>): Open311Body {
	return render(
		fmt,
		el(
			'service_requests',
			tokens.map((t) => el('request', [el('service_request_id', t.requestId), el('token', t.token)])),
		),
	)
}

/** Errors, in every method's format. */
export function renderErrors(fmt: Open311Format, errors: readonly Open311Error[]): Open311Body {
	return render(
		fmt,
		el(
			'errors',
			errors.map((e) => el('error', [el('code', e.code), el('description', e.description)])),
		),
	)
}

/** The HTTP status for a list of errors: 403 (api_key) wins over 404, which wins over 400. */
export function errorsStatus(errors: readonly Open311Error[]): 400 | 403 | 404 {
	if (errors.some((e) => e.code === 403)) return 403
	if (errors.some((e) => e.code === 404)) return 404
	return 400
}

/** Splits a path segment such as "requests.json" or "NLB-26-00123.xml"; other extensions: null. */
export function formatFromPath(segment: string): { name: string; format: Open311Format } | null {
	const dot = segment.lastIndexOf('.')
	if (dot <= 0) return null
	const ext = segment.slice(dot + 1)
	if (ext !== 'json' && ext !== 'xml') return null
	return { name: segment.slice(0, dot), format: ext }
}
