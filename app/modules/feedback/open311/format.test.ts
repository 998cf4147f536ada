import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import {
	errorsStatus,
	formatFromPath,
	renderDiscovery,
	renderErrors,
	renderPostResult,
	renderRequests,
	renderServiceDefinition,
	renderServices,
	renderTokens,
	w3cDateTime,
	type Open311Body,
	type Open311Format,
	type Open311Request,
	type Open311Service,
} from '#app/modules/feedback/open311/format.ts'

// Element names, in order, from the response tables and examples of the GeoReport v2 spec,
// http://wiki.open311.org/GeoReport_v2 (and http://wiki.open311.org/Service_Discovery for discovery).
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']
const SERVICE_DEFINITION_FIELDS = ['service_code', 'attributes']
const REQUEST_FIELDS = [
	'service_request_id',
	'status',
	'status_notes',
	'service_name',
	'service_code',
	'description',
	'agency_responsible',
	'service_notice',
	'requested_datetime',
	'updated_datetime',
	'expected_datetime',
	'address',
	'address_id',
	'zipcode',
	'lat',
	'long',
	'media_url',
]
const POST_RESULT_FIELDS = ['service_request_id', 'service_notice', 'account_id']
const POST_RESULT_TOKEN_FIELDS = ['token', 'service_notice', 'account_id']
const TOKEN_FIELDS = ['service_request_id', 'token']
const ERROR_FIELDS = ['code', 'description']
const DISCOVERY_FIELDS = ['changeset', 'contact', 'key_service', 'endpoints']
const ENDPOINT_FIELDS = ['specification', 'url', 'changeset', 'type', 'formats']

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
// The XML 1.0 Char production; the validator of fast-xml-parser does not check it.
const ONLY_XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u
const W3C_VN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/

type El = { name: string; text: string; children: El[] }
type Ordered = Record<string, unknown>

function toTree(items: Ordered[]): El[] {
	return items
		.filter((item) => !('?xml' in item) && !('#text' in item))
		.map((item) => {
			const name = Object.keys(item).find((k) => k !== ':@') as string
			const kids = item[name] as Ordered[]
			const text = kids.find((k) => '#text' in k)
			return { name, text: text ? String(text['#text']) : '', children: toTree(kids) }
		})
}

/** Checks the document is well-formed XML 1.0 and returns its root element. */
function xmlRoot(result: Open311Body): El {
	expect(result.contentType).toBe('text/xml; charset=utf-8')
	expect(result.body.startsWith(`${XML_DECLARATION}\n`)).toBe(true)
	expect(XMLValidator.validate(result.body)).toBe(true)
	expect(ONLY_XML_CHARS.test(result.body)).toBe(true)
	const parsed = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: true }).parse(result.body) as Ordered[]
	const roots = toTree(parsed)
	expect(roots).toHaveLength(1)
	return roots[0] as El
}

function json(result: Open311Body): unknown {
	expect(result.contentType).toBe('application/json; charset=utf-8')
	return JSON.parse(result.body)
}

const names = (el: El) => el.children.map((c) => c.name)
const child = (el: El, name: string) => {
	const found = el.children.find((c) => c.name === name)
	if (!found) throw new Error(`no <${name}> in <${el.name}>`)
	return found
}

const service: Open311Service = {
	code: 'moi-truong',
	name: 'Môi trường',
	description: 'Rác thải, nước thải, ô nhiễm',
	group: 'Phản ánh',
	keywords: ['rác', 'nước thải', ' ', 'khói, bụi'],
}

const request: Open311Request = {
	id: 'NLB-26-00123',
	status: 'open',
	statusNotes: 'Đã chuyển cho công chức địa chính',
	serviceCode: 'dat-dai',
	serviceName: 'Đất đai',
	description: 'Đường liên thôn bị sạt lở',
	agencyResponsible: 'UBND xã Nà Lừa Bản',
	serviceNotice: 'Trả lời trong 10 ngày làm việc',
	requestedAt: new Date('2026-11-23T02:15:00Z'),
	updatedAt: new Date('2026-11-23T20:30:05Z'),
	expectedAt: new Date('2026-12-07T10:00:00Z'),
	address: 'Thôn Nà Lừa, xã Nà Lừa Bản',
	lat: 21.0278,
	long: 105.8342,
	mediaUrl: 'https://example.vn/media/1.jpg',
}

const bare: Open311Request = {
	...request,
	id: 'NLB-26-00124',
	status: 'closed',
	statusNotes: null,
	serviceCode: null,
	serviceName: null,
	agencyResponsible: null,
	serviceNotice: null,
	expectedAt: null,
	address: null,
	lat: null,
	long: null,
	mediaUrl: null,
}

describe('GET services', () => {
	test('XML: <services> of <service> with the spec fields in order', () => {
		const root = xmlRoot(renderServices('xml', [service, { ...service, code: 'khac', name: 'Khác' }]))
		expect(root.name).toBe('services')
		expect(names(root)).toEqual(['service', 'service'])
		const first = root.children[0] as El
		expect(names(first)).toEqual(SERVICE_FIELDS)
		expect(child(first, 'service_code').text).toBe('moi-truong')
		expect(child(first, 'service_name').text).toBe('Môi trường')
		expect(child(first, 'metadata').text).toBe('false')
		expect(child(first, 'type').text).toBe('realtime')
		expect(child(first, 'keywords').text).toBe('rác, nước thải, khói  bụi')
		expect(child(first, 'group').text).toBe('Phản ánh')
		expect(child(root.children[1] as El, 'service_code').text).toBe('khac')
	})

	test('JSON: an array of objects with the spec fields in order', () => {
		const body = json(renderServices('json', [service])) as Array<Record<string, unknown>>
		expect(body).toHaveLength(1)
		expect(Object.keys(body[0] ?? {})).toEqual(SERVICE_FIELDS)
		expect(body[0]).toEqual({
			service_code: 'moi-truong',
			service_name: 'Môi trường',
			description: 'Rác thải, nước thải, ô nhiễm',
			metadata: false,
			type: 'realtime',
			keywords: 'rác, nước thải, khói  bụi',
			group: 'Phản ánh',
		})
	})

	test('no services: an empty list in both formats', () => {
		const root = xmlRoot(renderServices('xml', []))
		expect(root.name).toBe('services')
		expect(root.children).toEqual([])
		expect(json(renderServices('json', []))).toEqual([])
	})

	test('empty keywords and group: empty element, null in JSON', () => {
		const plain = { ...service, keywords: [], group: '' }
		const first = xmlRoot(renderServices('xml', [plain])).children[0] as El
		expect(names(first)).toEqual(SERVICE_FIELDS)
		expect(child(first, 'keywords').text).toBe('')
		const body = json(renderServices('json', [plain])) as Array<Record<string, unknown>>
		expect(body[0]?.keywords).toBeNull()
		expect(body[0]?.group).toBeNull()
	})
})

describe('GET service definition', () => {
	test('XML: <service_definition> with service_code and empty attributes', () => {
		const root = xmlRoot(renderServiceDefinition('xml', service))
		expect(root.name).toBe('service_definition')
		expect(names(root)).toEqual(SERVICE_DEFINITION_FIELDS)
		expect(child(root, 'service_code').text).toBe('moi-truong')
		expect(child(root, 'attributes').children).toEqual([])
	})

	test('JSON: an object (not an array, as in the spec) with attributes []', () => {
		const body = json(renderServiceDefinition('json', service))
		expect(body).toEqual({ service_code: 'moi-truong', attributes: [] })
		expect(Object.keys(body as object)).toEqual(SERVICE_DEFINITION_FIELDS)
	})
})

describe('GET requests', () => {
	test('XML: <service_requests> of <request> with the spec fields in order', () => {
		const root = xmlRoot(renderRequests('xml', [request, bare]))
		expect(root.name).toBe('service_requests')
		expect(names(root)).toEqual(['request', 'request'])
		const [first, second] = root.children as [El, El]
		expect(names(first)).toEqual(REQUEST_FIELDS)
		expect(names(second)).toEqual(REQUEST_FIELDS)
		expect(Object.fromEntries(first.children.map((c) => [c.name, c.text]))).toEqual({
			service_request_id: 'NLB-26-00123',
			status: 'open',
			status_notes: 'Đã chuyển cho công chức địa chính',
			service_name: 'Đất đai',
			service_code: 'dat-dai',
			description: 'Đường liên thôn bị sạt lở',
			agency_responsible: 'UBND xã Nà Lừa Bản',
			service_notice: 'Trả lời trong 10 ngày làm việc',
			requested_datetime: '2026-11-23T09:15:00+07:00',
			updated_datetime: '2026-11-24T03:30:05+07:00',
			expected_datetime: '2026-12-07T17:00:00+07:00',
			address: 'Thôn Nà Lừa, xã Nà Lừa Bản',
			address_id: '',
			zipcode: '',
			lat: '21.0278',
			long: '105.8342',
			media_url: 'https://example.vn/media/1.jpg',
		})
		// Missing values stay as empty elements.
		expect(child(second, 'status').text).toBe('closed')
		for (const name of ['status_notes', 'service_name', 'service_code', 'expected_datetime', 'lat', 'long', 'media_url']) {
			expect(child(second, name).text, name).toBe('')
		}
	})

	test('JSON: an array of objects with the spec fields in order, null when missing', () => {
		const body = json(renderRequests('json', [request, bare])) as Array<Record<string, unknown>>
		expect(body).toHaveLength(2)
		expect(Object.keys(body[0] ?? {})).toEqual(REQUEST_FIELDS)
		expect(Object.keys(body[1] ?? {})).toEqual(REQUEST_FIELDS)
		expect(body[0]).toMatchObject({
			service_request_id: 'NLB-26-00123',
			requested_datetime: '2026-11-23T09:15:00+07:00',
			expected_datetime: '2026-12-07T17:00:00+07:00',
			lat: 21.0278,
			long: 105.8342,
			address_id: null,
			zipcode: null,
		})
		expect(body[1]).toMatchObject({
			status: 'closed',
			status_notes: null,
			service_code: null,
			expected_datetime: null,
			lat: null,
			long: null,
			media_url: null,
		})
	})

	test('datetimes carry the +07:00 offset in both formats', () => {
		const first = xmlRoot(renderRequests('xml', [request])).children[0] as El
		for (const name of ['requested_datetime', 'updated_datetime', 'expected_datetime']) {
			expect(child(first, name).text, name).toMatch(W3C_VN)
		}
		const body = json(renderRequests('json', [request])) as Array<Record<string, string>>
		for (const name of ['requested_datetime', 'updated_datetime', 'expected_datetime']) {
			expect(body[0]?.[name], name).toMatch(W3C_VN)
		}
	})

	test('a coordinate of 0 is a value, not a missing one', () => {
		const body = json(renderRequests('json', [{ ...request, lat: 0, long: 0 }])) as Array<Record<string, unknown>>
		expect(body[0]?.lat).toBe(0)
		expect(child(xmlRoot(renderRequests('xml', [{ ...request, lat: 0 }])).children[0] as El, 'lat').text).toBe('0')
	})

	test('no requests: an empty list', () => {
		expect(xmlRoot(renderRequests('xml', [])).children).toEqual([])
		expect(json(renderRequests('json', []))).toEqual([])
	})
})

describe('w3cDateTime', () => {
	test.each([
		['2026-11-23T02:15:00Z', '2026-11-23T09:15:00+07:00'],
		['2026-12-31T17:00:00Z', '2027-01-01T00:00:00+07:00'],
		['2026-11-23T02:15:00.999Z', '2026-11-23T09:15:00+07:00'],
	])('%s is %s in Vietnam', (utc, local) => {
		expect(w3cDateTime(new Date(utc))).toBe(local)
	})

	test('an invalid date is a programming error', () => {
		expect(() => w3cDateTime(new Date('nope'))).toThrow(RangeError)
	})
})

describe('POST requests', () => {
	test('XML: service_request_id, service_notice, account_id', () => {
		const root = xmlRoot(renderPostResult('xml', { requestId: 'NLB-26-00125', notice: 'Sẽ trả lời trong 10 ngày làm việc' }))
		expect(root.name).toBe('service_requests')
		expect(names(root)).toEqual(['request'])
		const first = root.children[0] as El
		expect(names(first)).toEqual(POST_RESULT_FIELDS)
		expect(child(first, 'service_request_id').text).toBe('NLB-26-00125')
		expect(child(first, 'service_notice').text).toBe('Sẽ trả lời trong 10 ngày làm việc')
		expect(child(first, 'account_id').text).toBe('')
	})

	test('JSON: a list of one object with the spec fields', () => {
		const body = json(renderPostResult('json', { requestId: 'NLB-26-00125', notice: 'n', accountId: 'acc-1' }))
		expect(body).toEqual([{ service_request_id: 'NLB-26-00125', service_notice: 'n', account_id: 'acc-1' }])
		expect(Object.keys((body as object[])[0] ?? {})).toEqual(POST_RESULT_FIELDS)
	})

	test('with a token instead of an id, in both formats', () => {
		const first = xmlRoot(renderPostResult('xml', { token: 'tok-1', notice: 'n' })).children[0] as El
		expect(names(first)).toEqual(POST_RESULT_TOKEN_FIELDS)
		expect(child(first, 'token').text).toBe('tok-1')
		expect(json(renderPostResult('json', { token: 'tok-1', notice: 'n' }))).toEqual([{ token: 'tok-1', service_notice: 'n', account_id: null }])
	})

	test.each([
		['both', { requestId: 'a', token: 'b', notice: 'n' }],
		['neither', { notice: 'n' }],
	])('%s id and token: a programming error', (_, result) => {
		expect(() => renderPostResult('json', result)).toThrow(TypeError)
	})
})

describe('GET tokens', () => {
	test('XML: <service_requests> of <request> with service_request_id and token', () => {
		const root = xmlRoot(renderTokens('xml', [{ requestId: 'NLB-26-00125', token: 'tok-1' }, { requestId: null, token: 'tok-2' }]))
		expect(root.name).toBe('service_requests')
		expect(names(root)).toEqual(['request', 'request'])
		expect(names(root.children[0] as El)).toEqual(TOKEN_FIELDS)
		expect(child(root.children[0] as El, 'service_request_id').text).toBe('NLB-26-00125')
		expect(child(root.children[1] as El, 'service_request_id').text).toBe('')
		expect(child(root.children[1] as El, 'token').text).toBe('tok-2')
	})

	test('JSON: null service_request_id while not created', () => {
		const body = json(renderTokens('json', [{ requestId: null, token: 'tok-2' }]))
		expect(body).toEqual([{ service_request_id: null, token: 'tok-2' }])
		expect(Object.keys((body as object[])[0] ?? {})).toEqual(TOKEN_FIELDS)
	})
})

describe('errors', () => {
	const errors = [
		{ code: 403, description: 'api_key is required.' },
		{ code: 400, description: 'service_code is required.' },
	]

	test('XML: <errors> of <error> with code and description', () => {
		const root = xmlRoot(renderErrors('xml', errors))
		expect(root.name).toBe('errors')
		expect(names(root)).toEqual(['error', 'error'])
		expect(names(root.children[0] as El)).toEqual(ERROR_FIELDS)
		expect(child(root.children[0] as El, 'code').text).toBe('403')
		expect(child(root.children[1] as El, 'description').text).toBe('service_code is required.')
	})

	test('JSON: an array of { code (a number), description }', () => {
		const body = json(renderErrors('json', errors))
		expect(body).toEqual(errors)
		expect(Object.keys((body as object[])[0] ?? {})).toEqual(ERROR_FIELDS)
	})

	test.each([
		[[{ code: 400, description: '' }], 400],
		[[{ code: 400, description: '' }, { code: 404, description: '' }], 404],
		[[{ code: 404, description: '' }, { code: 403, description: '' }, { code: 400, description: '' }], 403],
	])('HTTP status for %j is %i', (list, status) => {
		expect(errorsStatus(list)).toBe(status)
	})
})

describe('discovery', () => {
	const input = { baseUrl: 'https://nalua.example.vn/', contact: 'UBND xã Nà Lừa Bản, 0209 3 123 456', changeset: new Date('2026-11-01T01:00:00Z') }

	test('XML: <discovery> with the spec fields, one production endpoint, both formats', () => {
		const root = xmlRoot(renderDiscovery('xml', { ...input, keyService: 'Xin khoá tại bộ phận một cửa' }))
		expect(root.name).toBe('discovery')
		expect(names(root)).toEqual(DISCOVERY_FIELDS)
		expect(child(root, 'changeset').text).toBe('2026-11-01T08:00:00+07:00')
		expect(child(root, 'contact').text).toBe(input.contact)
		expect(child(root, 'key_service').text).toBe('Xin khoá tại bộ phận một cửa')
		const endpoints = child(root, 'endpoints')
		expect(names(endpoints)).toEqual(['endpoint'])
		const endpoint = endpoints.children[0] as El
		expect(names(endpoint)).toEqual(ENDPOINT_FIELDS)
		expect(child(endpoint, 'specification').text).toBe('http://wiki.open311.org/GeoReport_v2')
		expect(child(endpoint, 'url').text).toBe('https://nalua.example.vn/open311/v2')
		expect(child(endpoint, 'changeset').text).toBe('2026-11-01T08:00:00+07:00')
		expect(child(endpoint, 'type').text).toBe('production')
		expect(names(child(endpoint, 'formats'))).toEqual(['format', 'format'])
		expect(child(endpoint, 'formats').children.map((c) => c.text)).toEqual(['text/xml', 'application/json'])
	})

	test('JSON: an object, endpoints and formats as arrays', () => {
		const body = json(renderDiscovery('json', input)) as Record<string, unknown>
		expect(Object.keys(body)).toEqual(DISCOVERY_FIELDS)
		expect(body).toEqual({
			changeset: '2026-11-01T08:00:00+07:00',
			contact: input.contact,
			key_service: null,
			endpoints: [
				{
					specification: 'http://wiki.open311.org/GeoReport_v2',
					url: 'https://nalua.example.vn/open311/v2',
					changeset: '2026-11-01T08:00:00+07:00',
					type: 'production',
					formats: ['text/xml', 'application/json'],
				},
			],
		})
		expect(Object.keys((body.endpoints as object[])[0] ?? {})).toEqual(ENDPOINT_FIELDS)
	})

	test('a baseUrl that already is the endpoint is kept', () => {
		const body = json(renderDiscovery('json', { ...input, baseUrl: 'https://nalua.example.vn/open311/v2/' })) as { endpoints: Array<{ url: string }> }
		expect(body.endpoints[0]?.url).toBe('https://nalua.example.vn/open311/v2')
	})
})

describe('hostile and unusual text', () => {
	// [input, what a client reads back]
	const cases: Array<[string, string, string]> = [
		['markup', '<script>alert("x")</script>', '<script>alert("x")</script>'],
		['ampersands and entities', 'A & B &amp; C &#60; &lt;', 'A & B &amp; C &#60; &lt;'],
		['CDATA end', 'x ]]> y', 'x ]]> y'],
		['CDATA section', '<![CDATA[ <b> ]]>', '<![CDATA[ <b> ]]>'],
		['processing instruction and comment', '<?php ?><!-- c -->', '<?php ?><!-- c -->'],
		['C0 controls', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh', 'abcdefgh'],
		['non-characters', 'a\uFFFEb\uFFFFc', 'abc'],
		['lone surrogates', 'a\uD800b\uDC00c', 'abc'],
		['astral characters', 'mưa 🌧️ lũ 𠀀', 'mưa 🌧️ lũ 𠀀'],
		['Vietnamese', 'Ông Nguyễn Văn Đức phản ánh: đường ở thôn Ữ bị ngập', 'Ông Nguyễn Văn Đức phản ánh: đường ở thôn Ữ bị ngập'],
		['decomposed Vietnamese', 'Nguyễn'.normalize('NFD'), 'Nguyễn'],
		['line breaks and tabs', 'dòng 1\r\ndòng 2\rdòng 3\n\tthụt lề', 'dòng 1\ndòng 2\ndòng 3\n\tthụt lề'],
		['quotes', `"double" 'single'`, `"double" 'single'`],
	]

	test.each(cases)('%s, in XML', (_, input, expected) => {
		const result = renderRequests('xml', [{ ...request, description: input, statusNotes: input }])
		expect(result.body).not.toContain('<script')
		expect(result.body).not.toContain('<![CDATA[')
		expect(result.body).not.toContain('<?php')
		expect(result.body).not.toContain(']]>')
		const first = xmlRoot(result).children[0] as El
		expect(names(first)).toEqual(REQUEST_FIELDS)
		expect(child(first, 'description').text).toBe(expected)
		expect(child(first, 'status_notes').text).toBe(expected)
	})

	test.each(cases)('%s, in JSON', (_, input, expected) => {
		const result = renderRequests('json', [{ ...request, description: input }])
		expect(result.body).not.toMatch(/[<>&]/)
		expect(ONLY_XML_CHARS.test(result.body)).toBe(true)
		const body = json(result) as Array<Record<string, unknown>>
		expect(body[0]?.description).toBe(expected)
	})

	test('in every text field of every resource, in XML', () => {
		const evil = '<x>&]]>\u0001'
		const results = [
			renderServices('xml', [{ code: evil, name: evil, description: evil, group: evil, keywords: [evil] }]),
			renderServiceDefinition('xml', { ...service, code: evil }),
			renderRequests('xml', [
				{ ...request, id: evil, statusNotes: evil, serviceCode: evil, serviceName: evil, description: evil, agencyResponsible: evil, serviceNotice: evil, address: evil, mediaUrl: evil },
			]),
			renderPostResult('xml', { requestId: evil, notice: evil, accountId: evil }),
			renderTokens('xml', [{ requestId: evil, token: evil }]),
			renderErrors('xml', [{ code: 400, description: evil }]),
			renderDiscovery('xml', { baseUrl: evil, contact: evil, keyService: evil, changeset: new Date() }),
		]
		for (const result of results) {
			const root = xmlRoot(result)
			expect(result.body).not.toContain('<x>')
			expect(result.body).toContain('&lt;x&gt;&amp;]]&gt;')
			expect(root.children.length).toBeGreaterThan(0)
		}
	})
})

describe('content types', () => {
	const renderers: Array<[string, (fmt: Open311Format) => Open311Body]> = [
		['discovery', (fmt) => renderDiscovery(fmt, { baseUrl: 'https://x.vn', contact: 'c', changeset: new Date() })],
		['services', (fmt) => renderServices(fmt, [service])],
		['service definition', (fmt) => renderServiceDefinition(fmt, service)],
		['requests', (fmt) => renderRequests(fmt, [request])],
		['post result', (fmt) => renderPostResult(fmt, { requestId: 'a', notice: 'n' })],
		['tokens', (fmt) => renderTokens(fmt, [{ requestId: 'a', token: 't' }])],
		['errors', (fmt) => renderErrors(fmt, [{ code: 400, description: 'd' }])],
	]

	test.each(renderers)('%s', (_, render) => {
		const xml = render('xml')
		expect(xml.contentType).toBe('text/xml; charset=utf-8')
		expect(xml.body.startsWith(XML_DECLARATION)).toBe(true)
		const asJson = render('json')
		expect(asJson.contentType).toBe('application/json; charset=utf-8')
		expect(() => JSON.parse(asJson.body)).not.toThrow()
	})
})

describe('formatFromPath', () => {
	test.each([
		['requests.json', { name: 'requests', format: 'json' }],
		['services.xml', { name: 'services', format: 'xml' }],
		['NLB-26-00123.json', { name: 'NLB-26-00123', format: 'json' }],
		['discovery.xml', { name: 'discovery', format: 'xml' }],
		['a.b.xml', { name: 'a.b', format: 'xml' }],
	])('%s', (segment, expected) => {
		expect(formatFromPath(segment)).toEqual(expected)
	})

	test.each(['requests', 'requests.html', 'requests.JSON', 'requests.', '.json', 'requests.json.bak', 'requests.jsonp', ''])('%s: null', (segment) => {
		expect(formatFromPath(segment)).toBeNull()
	})
})
