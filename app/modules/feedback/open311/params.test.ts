import { describe, expect, test } from 'vitest'
import {
	DESCRIPTION_MAX_LENGTH,
	MAX_REQUEST_IDS,
	REQUESTS_MAX_RESULTS,
	REQUESTS_WINDOW_DAYS,
	cleanParam,
	parseW3cDateTime,
	postRequestParams,
	requestsQuery,
} from '#app/modules/feedback/open311/params.ts'

const NOW = new Date('2026-11-24T05:00:00Z')
const DAY = 24 * 60 * 60 * 1000

const query = (qs: string) => requestsQuery(new URLSearchParams(qs), NOW)

function ok<T>(result: { ok: true; value: T } | { ok: false; errors: unknown }): T {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`)
	return result.value
}

function descriptions(result: { ok: boolean; errors?: Array<{ description: string }> }): string[] {
	expect(result.ok).toBe(false)
	return (result.errors ?? []).map((e) => e.description)
}

describe('constants from the spec', () => {
	test('90-day window, 1000 results, 50 ids', () => {
		expect(REQUESTS_WINDOW_DAYS).toBe(90)
		expect(REQUESTS_MAX_RESULTS).toBe(1000)
		expect(MAX_REQUEST_IDS).toBe(50)
		expect(DESCRIPTION_MAX_LENGTH).toBe(5000)
	})
})

describe('W3C datetimes', () => {
	test.each([
		['2026-11-01T00:00:00+07:00', '2026-10-31T17:00:00.000Z'],
		['2026-11-01T00:00:00Z', '2026-11-01T00:00:00.000Z'],
		['2026-11-01T00:00Z', '2026-11-01T00:00:00.000Z'],
		['2026-11-01T00:00:00.5-05:30', '2026-11-01T05:30:00.500Z'],
		// "+" left unencoded in a query string arrives as a space
		['2026-11-01T00:00:00 07:00', '2026-10-31T17:00:00.000Z'],
		['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
	])('%s', (text, iso) => {
		expect(parseW3cDateTime(text)?.toISOString()).toBe(iso)
	})
})

describe('GET requests parameters', () => {
	test('nothing given: the last 90 days, every status and service, at most 1000', () => {
		expect(ok(query(''))).toEqual({
			kind: 'search',
			jurisdictionId: null,
			serviceCodes: null,
			statuses: ['open', 'closed'],
			startDate: new Date(NOW.getTime() - 90 * DAY),
			endDate: NOW,
			limit: 1000,
		})
	})

	test('empty parameters count as not given', () => {
		expect(ok(query('start_date=&end_date=&status=&service_code=&jurisdiction_id=&service_request_id='))).toEqual(ok(query('')))
	})

	test('both dates', () => {
		const value = ok(query('start_date=2026-10-01T00:00:00%2B07:00&end_date=2026-10-31T23:59:59Z'))
		expect(value).toMatchObject({ startDate: new Date('2026-09-30T17:00:00Z'), endDate: new Date('2026-10-31T23:59:59Z') })
	})

	test('only start_date: the 90 days from it', () => {
		const value = ok(query('start_date=2026-01-01T00:00:00Z'))
		expect(value).toMatchObject({ startDate: new Date('2026-01-01T00:00:00Z'), endDate: new Date(Date.UTC(2026, 0, 1) + 90 * DAY) })
	})

	test('only end_date: the 90 days up to it', () => {
		const value = ok(query('end_date=2026-06-01T00:00:00Z'))
		expect(value).toMatchObject({ startDate: new Date(Date.UTC(2026, 5, 1) - 90 * DAY), endDate: new Date('2026-06-01T00:00:00Z') })
	})

	test('exactly 90 days apart is allowed, one second more is not', () => {
		expect(query('start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z').ok).toBe(true)
		expect(descriptions(query('start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:01Z'))).toEqual([
			'start_date and end_date may not be more than 90 days apart.',
		])
	})

	test('end_date before start_date', () => {
		expect(descriptions(query('start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'))).toEqual(['end_date must not be before start_date.'])
	})

	test.each([
		'yesterday',
		'2026-11-01',
		'2026-11-01T00:00:00',
		'2026-13-01T00:00:00Z',
		'2026-02-30T00:00:00Z',
		'2025-02-29T00:00:00Z',
		'2026-11-01T24:00:00Z',
		'2026-11-01T10:60:00Z',
		'2026-11-01T00:00:00+7:00',
		'2026-11-01T00:00:00+0700',
		'2026-11-01 00:00:00Z',
		'1730419200',
	])('bad start_date %s', (value) => {
		const errors = descriptions(query(`start_date=${encodeURIComponent(value)}`))
		expect(errors).toEqual(['start_date must be a W3C datetime with a time zone, e.g. 2026-11-01T00:00:00+07:00.'])
	})

	test('bad end_date', () => {
		expect(descriptions(query('end_date=soon'))).toEqual(['end_date must be a W3C datetime with a time zone, e.g. 2026-11-01T00:00:00+07:00.'])
	})

	test.each([
		['status=open', ['open']],
		['status=closed', ['closed']],
		['status=open,closed', ['open', 'closed']],
		['status=closed,%20open', ['closed', 'open']],
		['status=closed&status=open', ['closed', 'open']],
		['status=open,open', ['open']],
	])('%s', (qs, statuses) => {
		expect(ok(query(qs))).toMatchObject({ kind: 'search', statuses })
	})

	test.each(['status=foo', 'status=open,foo', 'status=OPEN', 'status=opened', 'status=all'])('bad %s', (qs) => {
		expect(descriptions(query(qs))).toEqual(['status must be open, closed, or both separated by a comma.'])
	})

	test('service_code: comma separated or repeated', () => {
		expect(ok(query('service_code=dat-dai,moi-truong&service_code=khac'))).toMatchObject({ serviceCodes: ['dat-dai', 'moi-truong', 'khac'] })
	})

	test('jurisdiction_id', () => {
		expect(ok(query('jurisdiction_id=%20nalua.gov.vn%20'))).toMatchObject({ jurisdictionId: 'nalua.gov.vn' })
	})

	test('service_request_id: a list that overrides the other arguments', () => {
		const value = ok(query('service_request_id=NLB-26-00123,%20NLB-26-00124,NLB-26-00123&start_date=garbage&status=foo'))
		expect(value).toEqual({ kind: 'ids', jurisdictionId: null, ids: ['NLB-26-00123', 'NLB-26-00124'] })
	})

	test('service_request_id: 50 ids are fine, 51 are not', () => {
		const ids = (n: number) => Array.from({ length: n }, (_, i) => `NLB-26-${String(i).padStart(5, '0')}`).join(',')
		expect(ok(query(`service_request_id=${ids(50)}`))).toMatchObject({ kind: 'ids' })
		expect((ok(query(`service_request_id=${ids(50)}`)) as { ids: string[] }).ids).toHaveLength(50)
		expect(descriptions(query(`service_request_id=${ids(51)}`))).toEqual(['service_request_id may list at most 50 ids.'])
	})

	test('an over-long id', () => {
		expect(descriptions(query(`service_request_id=${'x'.repeat(65)}`))).toEqual(['Each service_request_id must be at most 64 characters long.'])
	})

	test('a parameter given twice with different values', () => {
		expect(descriptions(query('start_date=2026-01-01T00:00:00Z&start_date=2026-02-01T00:00:00Z'))).toEqual(['start_date was given more than once.'])
		expect(query('start_date=2026-01-01T00:00:00Z&start_date=2026-01-01T00:00:00Z').ok).toBe(true)
	})

	test('several problems are all reported', () => {
		expect(descriptions(query('start_date=x&end_date=y&status=z'))).toHaveLength(3)
	})
})

describe('POST requests parameters', () => {
	const base = { api_key: 'key-1', service_code: 'moi-truong', description: 'Bãi rác tự phát cạnh trường học' }
	const post = (fields: Record<string, string>) => postRequestParams(new URLSearchParams(fields))

	test('the minimum: api_key, service_code, description (location optional, our deviation)', () => {
		expect(ok(post(base))).toEqual({
			apiKey: 'key-1',
			jurisdictionId: null,
			serviceCode: 'moi-truong',
			lat: null,
			long: null,
			addressString: null,
			addressId: null,
			email: null,
			deviceId: null,
			accountId: null,
			firstName: null,
			lastName: null,
			phone: null,
			description: 'Bãi rác tự phát cạnh trường học',
			mediaUrl: null,
		})
	})

	test('every field', () => {
		const value = ok(
			post({
				...base,
				jurisdiction_id: 'nalua.gov.vn',
				lat: '21.0278',
				long: '-105.8342',
				address_string: 'Thôn Nà Lừa',
				address_id: 'A-12',
				email: 'dan@example.vn',
				device_id: 'dev-1',
				account_id: 'acc-1',
				first_name: 'Đức',
				last_name: 'Nguyễn',
				phone: '0912 345 678',
				media_url: 'https://example.vn/anh.jpg',
			}),
		)
		expect(value).toMatchObject({
			jurisdictionId: 'nalua.gov.vn',
			lat: 21.0278,
			long: -105.8342,
			addressString: 'Thôn Nà Lừa',
			addressId: 'A-12',
			email: 'dan@example.vn',
			firstName: 'Đức',
			lastName: 'Nguyễn',
			phone: '0912345678',
			mediaUrl: 'https://example.vn/anh.jpg',
		})
	})

	test('coordinates at the limits', () => {
		expect(ok(post({ ...base, lat: '-90', long: '180' }))).toMatchObject({ lat: -90, long: 180 })
		expect(ok(post({ ...base, lat: '90.0', long: '-180.000' }))).toMatchObject({ lat: 90, long: -180 })
		expect(ok(post({ ...base, lat: '0', long: '0' }))).toMatchObject({ lat: 0, long: 0 })
	})

	test.each<[string, Record<string, string>, string, number?]>([
		['missing api_key', { service_code: 'a', description: 'd' }, 'api_key is required.', 403],
		['blank api_key', { ...base, api_key: '  ' }, 'api_key is required.', 403],
		['missing service_code', { api_key: 'k', description: 'd' }, 'service_code is required.'],
		['blank service_code', { ...base, service_code: ' \u0001 ' }, 'service_code is required.'],
		['missing description', { api_key: 'k', service_code: 'a' }, 'description is required.'],
		['too long description', { ...base, description: 'a'.repeat(5001) }, 'description must be at most 5000 characters long.'],
		['lat too big', { ...base, lat: '91', long: '105' }, 'lat must be between -90 and 90.'],
		['lat too small', { ...base, lat: '-90.0001', long: '105' }, 'lat must be between -90 and 90.'],
		['long too big', { ...base, lat: '21', long: '180.5' }, 'long must be between -180 and 180.'],
		['long too small', { ...base, lat: '21', long: '-181' }, 'long must be between -180 and 180.'],
		['lat not a number', { ...base, lat: 'abc', long: '105' }, 'lat must be a decimal number in WGS84 degrees.'],
		['lat in hexadecimal', { ...base, lat: '0x10', long: '105' }, 'lat must be a decimal number in WGS84 degrees.'],
		['lat with an exponent', { ...base, lat: '1e1', long: '105' }, 'lat must be a decimal number in WGS84 degrees.'],
		['long Infinity', { ...base, lat: '21', long: 'Infinity' }, 'long must be a decimal number in WGS84 degrees.'],
		['lat without long', { ...base, lat: '21' }, 'lat and long must be sent together.'],
		['long without lat', { ...base, long: '105' }, 'lat and long must be sent together.'],
		['javascript: media_url', { ...base, media_url: 'javascript:alert(1)' }, 'media_url must be an http or https URL.'],
		['data: media_url', { ...base, media_url: 'data:text/html,<script>alert(1)</script>' }, 'media_url must be an http or https URL.'],
		['ftp media_url', { ...base, media_url: 'ftp://example.vn/a.jpg' }, 'media_url must be an http or https URL.'],
		['relative media_url', { ...base, media_url: '/uploads/a.jpg' }, 'media_url must be an http or https URL.'],
		['bad email', { ...base, email: 'dan@' }, 'email must be a valid e-mail address.'],
		['bad phone', { ...base, phone: '12345' }, 'phone must be a Vietnamese phone number, e.g. 0912345678 or +84912345678.'],
		['too long first_name', { ...base, first_name: 'x'.repeat(101) }, 'first_name must be at most 100 characters long.'],
		['service_code twice', { ...base, service_code: 'a' }, 'service_code was given more than once.'],
	])('%s', (name, fields, description, code = 400) => {
		const params = new URLSearchParams(fields)
		if (name === 'service_code twice') params.append('service_code', 'b')
		const result = postRequestParams(params)
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.errors).toEqual([{ code, description }])
	})

	test('description: 5000 characters fit, counted after NFC', () => {
		expect(ok(post({ ...base, description: 'a'.repeat(5000) })).description).toHaveLength(5000)
		// "ễ" decomposed is three code points; composed, one.
		const composed = ok(post({ ...base, description: 'ễ'.normalize('NFD').repeat(5000) })).description
		expect(composed).toBe('ễ'.repeat(5000))
	})

	test('values are trimmed, NFC, without control characters; newlines and tabs kept in description', () => {
		const value = ok(
			post({
				...base,
				service_code: '  moi-truong\u0000 ',
				first_name: ' Nguyễn\nVăn\u0007 '.normalize('NFD'),
				description: '  Dòng 1\r\n\tDòng 2\u0001\u001F\u007F\u0085\uFFFE\uFFFF  '.normalize('NFD'),
				address_string: 'Thôn 3\nxã Nà Lừa',
			}),
		)
		expect(value.serviceCode).toBe('moi-truong')
		expect(value.firstName).toBe('Nguyễn Văn')
		expect(value.description).toBe('Dòng 1\n\tDòng 2')
		expect(value.description).toBe(value.description.normalize('NFC'))
		expect(value.addressString).toBe('Thôn 3\nxã Nà Lừa')
	})

	test('several problems are all reported, api_key as 403', () => {
		const result = post({ lat: '100', media_url: 'javascript:x' })
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.errors).toEqual(
			expect.arrayContaining([
				{ code: 403, description: 'api_key is required.' },
				{ code: 400, description: 'service_code is required.' },
				{ code: 400, description: 'description is required.' },
				{ code: 400, description: 'lat must be between -90 and 90.' },
				{ code: 400, description: 'media_url must be an http or https URL.' },
			]),
		)
	})

	// URLSearchParams turns lone surrogates into U+FFFD, so they are checked on cleanParam itself.
	test('cleanParam drops lone surrogates and keeps pairs', () => {
		expect(cleanParam('a\uD800b\uDC00c 🌧 𠀀')).toBe('abc 🌧 𠀀')
		expect(cleanParam('a\nb\tc')).toBe('a b c')
		expect(cleanParam('a\nb\tc', true)).toBe('a\nb\tc')
	})

	test('attribute[…] parameters are ignored', () => {
		expect(post({ ...base, 'attribute[WHISPAWN]': '123' }).ok).toBe(true)
	})
})
