import http from 'node:http'
import { eq, inArray } from 'drizzle-orm'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApiClient } from '#app/modules/feedback/collection.server.ts'
import { feedbackContacts, feedbackItems } from '#app/modules/feedback/feedback.schema.ts'
import { recordIntake, type FeedbackItem } from '#app/modules/feedback/items.server.ts'
import { REDACTION_MARKER } from '#app/modules/feedback/redaction.ts'
import { listFields, type FeedbackField } from '#app/modules/feedback/setup.server.ts'
import { approveAnswer, assignItem, draftAnswer, publicationPreview, publishAnswer, rejectItem, setConfidentiality } from '#app/modules/feedback/workflow.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { seedCommune, seedStaff } from '#tests/db/factories.ts'
import { startTestApp } from './app-server.ts'

// The Open311 GeoReport v2 API over real HTTP: discovery, services, reading requests (privacy
// first: only what staff published, masked), sending requests with a commune's key, tokens, and
// hostile input. Every answer must be the spec's JSON or well-formed XML, never an HTML page.

type Commune = Awaited<ReturnType<typeof seedCommune>>
type Json = Record<string, unknown>
// A parsed answer: its shape is what the assertions check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Parsed = any

let app: Awaited<ReturnType<typeof startTestApp>>
let a: Commune
let b: Commune
let keyA = ''
let keyB = ''
let fieldsA: FeedbackField[] = []
let published: FeedbackItem
let open: FeedbackItem
let denunciation: FeedbackItem
let confidential: FeedbackItem
let rejected: FeedbackItem
let withdrawn: FeedbackItem

const ORIGINAL = 'Tôi là Nguyễn Văn An, số điện thoại 0912 345 678. Đèn đường trước số nhà 12 ngõ 5 hỏng đã hai tuần.'
const OPEN_TEXT = 'OPEN-UNPUBLISHED-TEXT ổ gà trước cổng trường'

beforeAll(async () => {
	app = await startTestApp()
	const db = app.services.db
	a = await seedCommune(db, 'Xã Thử Open Một')
	b = await seedCommune(db, 'Xã Thử Open Hai')
	keyA = (await createApiClient(db, systemActor('test'), a.commune.id, { name: 'Ứng dụng thử A' })).key
	keyB = (await createApiClient(db, systemActor('test'), b.commune.id, { name: 'Ứng dụng thử B' })).key
	fieldsA = await listFields(db, a.commune.id, { activeOnly: true })
	const lead = await seedStaff(db, 'programme_lead', a.commune.id)
	const leader = await seedStaff(db, 'commune_leader', a.commune.id)
	const roads = fieldsA.find((f) => f.code === 'giao-thong-ha-tang')!

	published = (
		await recordIntake(db, lead.actor, a.commune.id, {
			kind: 'phan_anh',
			channel: 'hotline',
			fieldId: roads.id,
			place: 'Trước số nhà 12 ngõ 5, thôn Một',
			title: 'Đèn đường hỏng',
			content: ORIGINAL,
			fullName: 'Nguyễn Văn An',
			phone: '0912345678',
		})
	).item
	await assignItem(db, lead.actor, a.commune.id, published.id, { agencyId: a.agency.id })
	await draftAnswer(db, lead.actor, a.commune.id, published.id, { answer: 'Đã thay bóng đèn, cảm ơn ông Nguyễn Văn An.' })
	await approveAnswer(db, leader.actor, a.commune.id, published.id)
	await publishAnswer(db, lead.actor, a.commune.id, published.id, await publicationPreview(db, lead.actor, a.commune.id, published.id))

	open = (await recordIntake(db, lead.actor, a.commune.id, { kind: 'kien_nghi', channel: 'mailbox', fieldId: roads.id, place: 'Cổng trường', title: 'Ổ gà', content: OPEN_TEXT })).item
	denunciation = (
		await recordIntake(db, lead.actor, a.commune.id, {
			kind: 'to_cao',
			channel: 'in_person',
			title: 'Tố cáo',
			content: 'TO-CAO-SECRET cán bộ nhận tiền',
			fullName: 'Trần Thị Bình',
			address: 'Thôn Một',
			identityNumber: '001234567890',
		})
	).item
	confidential = (
		await recordIntake(db, lead.actor, a.commune.id, { kind: 'gop_y', channel: 'mailbox', confidentiality: 'confidential', title: 'Mật', content: 'MAT-SECRET' })
	).item
	rejected = (await recordIntake(db, lead.actor, a.commune.id, { kind: 'gop_y', channel: 'mailbox', title: 'Rác', content: 'SPAM-TEXT' })).item
	await rejectItem(db, lead.actor, a.commune.id, rejected.id, { reason: 'Quảng cáo' })
	// Published, then taken back (made confidential) and made normal again: its public texts stay
	// in the row but it is no longer published.
	withdrawn = (await recordIntake(db, lead.actor, a.commune.id, { kind: 'gop_y', channel: 'hotline', fieldId: roads.id, title: 'Góp ý', content: 'WITHDRAWN-ORIGINAL', place: 'WITHDRAWN-PLACE' })).item
	await assignItem(db, lead.actor, a.commune.id, withdrawn.id, { agencyId: a.agency.id })
	await draftAnswer(db, lead.actor, a.commune.id, withdrawn.id, { answer: 'Trả lời' })
	await approveAnswer(db, leader.actor, a.commune.id, withdrawn.id)
	await publishAnswer(db, lead.actor, a.commune.id, withdrawn.id, { publicTitle: 'T', publicContent: 'WITHDRAWN-PUBLIC', publicAnswer: 'WITHDRAWN-ANSWER' })
	await setConfidentiality(db, lead.actor, a.commune.id, withdrawn.id, { confidentiality: 'confidential' })
	await setConfidentiality(db, lead.actor, a.commune.id, withdrawn.id, { confidentiality: 'normal' })
	// Coordinates: shown only once published.
	await db.update(feedbackItems).set({ lat: 20.9, long: 106.3 }).where(inArray(feedbackItems.id, [published.id, open.id, withdrawn.id]))
})
afterAll(async () => {
	await app?.close()
})

const api = (path: string) => `${app.url}/open311/v2/${path}`
const inA = (path: string, extra = '') => api(`${path}?jurisdiction_id=${a.commune.slug}${extra}`)

/** Reads a response that must be in the spec's format: parsed JSON, or validated and parsed XML. */
async function spec(res: Response): Promise<{ status: number; raw: string; body: Parsed }> {
	const raw = await res.text()
	const type = res.headers.get('content-type') ?? ''
	expect(type, raw.slice(0, 200)).toMatch(/^(application\/json|text\/xml); charset=utf-8$/)
	if (type.startsWith('text/xml')) {
		expect(XMLValidator.validate(raw)).toBe(true)
		return { status: res.status, raw, body: new XMLParser({ parseTagValue: false }).parse(raw) }
	}
	return { status: res.status, raw, body: JSON.parse(raw) }
}

async function get(url: string) {
	return spec(await fetch(url))
}

/** A request with another Host header (fetch does not let one set it). */
function viaHost(host: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
	const target = new URL(url)
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: target.hostname, port: target.port, path: target.pathname + target.search, method: init.method ?? 'GET', headers: { ...init.headers, host } },
			(res) => {
				const chunks: Buffer[] = []
				res.on('data', (c: Buffer) => chunks.push(c))
				res.on('end', () => {
					const headers = new Headers()
					for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v)
					resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }))
				})
			},
		)
		req.on('error', reject)
		req.end(init.body)
	})
}

function post(fields: Record<string, string>, format: 'json' | 'xml' = 'json') {
	return fetch(api(`requests.${format}`), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
	})
}

const good = (extra: Record<string, string> = {}) => ({
	api_key: keyA,
	jurisdiction_id: a.commune.slug,
	service_code: 'moi-truong',
	description: 'Rác thải đổ trộm ven kênh\nĐã ba ngày chưa được thu gom.',
	...extra,
})

/** An error answer: the status, and the same code in the body (JSON array or XML <errors>). */
function expectErrors(res: { status: number; body: Parsed }, status: number) {
	expect(res.status).toBe(status)
	if (Array.isArray(res.body)) {
		expect(res.body[0]).toMatchObject({ code: status, description: expect.any(String) })
		return
	}
	const errors = [res.body.errors.error].flat()
	expect(errors[0]).toMatchObject({ code: String(status), description: expect.any(String) })
}

async function itemByCode(communeId: string, code: string) {
	const db = app.services.db
	const [item] = await db.select().from(feedbackItems).where(eq(feedbackItems.code, code))
	expect(item?.communeId).toBe(communeId)
	return item!
}

describe('discovery', () => {
	test('JSON: the endpoint, both formats, the commune contact and how to get a key', async () => {
		const res = await fetch(api('discovery.json?jurisdiction_id=nguyen-luong-bang'))
		expect(res.headers.get('access-control-allow-origin')).toBe('*')
		const { status, body } = await spec(res)
		expect(status).toBe(200)
		expect(body.contact).toContain('ubnd.nguyenluongbang@example.vn')
		expect(body.contact).toContain('0220 3 000 000')
		expect(body.key_service).toContain('Khóa API')
		expect(body.endpoints).toHaveLength(1)
		expect(body.endpoints[0]).toMatchObject({
			specification: 'http://wiki.open311.org/GeoReport_v2',
			url: `${app.url}/open311/v2`,
			type: 'production',
			formats: ['text/xml', 'application/json'],
		})
		expect(body.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
	})

	test('XML, well-formed; on a host without a commune it still answers with a generic contact', async () => {
		const { status, body } = await get(api('discovery.xml'))
		expect(status).toBe(200)
		expect(body.discovery.endpoints.endpoint.url).toBe(`${app.url}/open311/v2`)
		expect(body.discovery.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json'])
		expect(body.discovery.contact).toMatch(/Ủy ban nhân dân/)
		expect(body.discovery.contact).not.toContain('ubnd.nguyenluongbang@example.vn')
		expect((await get(api('discovery.json?jurisdiction_id=khong-co-xa-nay'))).status).toBe(404)
	})
})

describe('services', () => {
	test("the list is the commune's active fields, in JSON and XML", async () => {
		const json = await get(inA('services.json'))
		expect(json.status).toBe(200)
		expect(json.body).toEqual(
			fieldsA.map((f) => ({
				service_code: f.code,
				service_name: f.name,
				description: `Phản ánh, kiến nghị về lĩnh vực ${f.name}`,
				metadata: false,
				type: 'realtime',
				keywords: null,
				group: null,
			})),
		)
		const xml = await get(inA('services.xml'))
		expect(xml.body.services.service.map((s: Json) => s.service_code)).toEqual(fieldsA.map((f) => f.code))
	})

	test('a service definition; an unknown service is a 404 in the spec format', async () => {
		const def = await get(inA('services/dat-dai.json'))
		expect(def.status).toBe(200)
		expect(def.body).toEqual({ service_code: 'dat-dai', attributes: [] })
		const xml = await get(inA('services/dat-dai.xml'))
		expect(xml.body.service_definition.service_code).toBe('dat-dai')
		expectErrors(await get(inA('services/khong-co.json')), 404)
		const xmlMissing = await get(inA('services/khong-co.xml'))
		expect(xmlMissing.status).toBe(404)
		expect(xmlMissing.body.errors.error.code).toBe('404')
	})

	test('jurisdiction: required on a multi-commune host, unknown is 404, the host name selects the commune', async () => {
		expectErrors(await get(api('services.json')), 400)
		expectErrors(await get(api('services.json?jurisdiction_id=khong-co-xa-nay')), 404)
		expectErrors(await get(api(`services.json?jurisdiction_id=${a.commune.slug}&jurisdiction_id=${b.commune.slug}`)), 400)
		const byHost = await spec(await viaHost(`${a.commune.slug}.example.vn`, api('services.json')))
		expect(byHost.status).toBe(200)
		expect(byHost.body).toHaveLength(fieldsA.length)
	})
})

describe('sending requests', () => {
	test('without api_key: 403 in the spec format, nothing stored', async () => {
		const before = await app.services.db.select({ id: feedbackItems.id }).from(feedbackItems)
		const { api_key: _key, ...rest } = good()
		const res = await post(rest)
		expect(res.headers.get('cache-control')).toBe('no-store')
		expectErrors(await spec(res), 403)
		const after = await app.services.db.select({ id: feedbackItems.id }).from(feedbackItems)
		expect(after).toHaveLength(before.length)
	})

	test("a wrong key, or another commune's key, is 403", async () => {
		expectErrors(await spec(await post(good({ api_key: 'tt_khong-phai-khoa-that' }))), 403)
		expectErrors(await spec(await post(good({ api_key: keyB }))), 403)
		const xml = await spec(await post(good({ api_key: keyB }), 'xml'))
		expect(xml.status).toBe(403)
		expect(xml.body.errors.error.code).toBe('403')
	})

	test('missing or unknown service_code, missing description: 400', async () => {
		expectErrors(await spec(await post(good({ service_code: '' }))), 400)
		expectErrors(await spec(await post(good({ service_code: 'khong-co' }))), 400)
		expectErrors(await spec(await post(good({ description: '   ' }))), 400)
		expectErrors(await spec(await post(good({ lat: '21.0' }))), 400)
		const json = await spec(await fetch(api('requests.json'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(good()) }))
		expectErrors(json, 400)
	})

	test('a good request: 201 with its id and due date, stored as a phản ánh from the API', async () => {
		const res = await post(
			good({ first_name: 'Lê', last_name: 'Văn Cường', phone: '0987 654 321', address_string: 'Kênh Đông, thôn Một', lat: '20.95', long: '106.33' }),
		)
		expect(res.headers.get('cache-control')).toBe('no-store')
		const { status, body } = await spec(res)
		expect(status).toBe(201)
		expect(body).toHaveLength(1)
		const code: string = body[0].service_request_id
		expect(code).toMatch(/^[A-Z0-9]+-\d{2}-\d{5}$/)
		expect(body[0].token).toBeUndefined()
		const item = await itemByCode(a.commune.id, code)
		expect(body[0].service_notice).toBe(`Đã tiếp nhận. Hạn trả lời: ${item.dueOn.split('-').reverse().join('/')}.`)
		expect(item).toMatchObject({
			channel: 'api',
			kind: 'phan_anh',
			status: 'received',
			fieldId: fieldsA.find((f) => f.code === 'moi-truong')!.id,
			title: 'Rác thải đổ trộm ven kênh',
			content: 'Rác thải đổ trộm ven kênh\nĐã ba ngày chưa được thu gom.',
			place: 'Kênh Đông, thôn Một',
			lat: 20.95,
			long: 106.33,
			anonymous: false,
		})
		expect(item.apiClientId).not.toBeNull()
		const [contact] = await app.services.db.select().from(feedbackContacts).where(eq(feedbackContacts.itemId, item.id))
		expect(contact).toMatchObject({ fullName: 'Lê Văn Cường', phone: '0987654321', wantsUpdates: true })
	})

	test('XML answer, anonymous sender, commune from the host name, long first line cut at a word', async () => {
		const long = `${'Đường liên thôn xuống cấp nghiêm trọng '.repeat(6)}\nChi tiết ở dòng sau.`
		const res = await viaHost(`${a.commune.slug}.example.vn`, api('requests.xml'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: String(new URLSearchParams({ api_key: keyA, service_code: 'giao-thong-ha-tang', description: long })),
		})
		const { status, body } = await spec(res)
		expect(status).toBe(201)
		const code = String(body.service_requests.request.service_request_id)
		const item = await itemByCode(a.commune.id, code)
		expect(item.anonymous).toBe(true)
		expect([...item.title].length).toBeLessThanOrEqual(120)
		expect(item.title).toMatch(/^Đường liên thôn xuống cấp nghiêm trọng .*trọng…$/)
		expect(item.content).toBe(long)
	})
})

describe('reading requests', () => {
	test('the list shows the published item masked, the open item without text, and nothing private', async () => {
		const { status, raw, body } = await get(inA('requests.json'))
		expect(status).toBe(200)
		const byId = new Map<string, Json>(body.map((r: Json) => [r.service_request_id, r]))
		const pub = byId.get(published.code)!
		expect(pub).toMatchObject({
			status: 'closed',
			service_code: 'giao-thong-ha-tang',
			service_name: 'Giao thông - hạ tầng',
			agency_responsible: a.agency.name,
			// Staff did not review the place for publication: it is masked as well.
			address: `Trước ${REDACTION_MARKER}, thôn Một`,
			lat: 20.9,
			long: 106.3,
			media_url: null,
		})
		expect(pub.description).toContain(REDACTION_MARKER)
		expect(pub.description).toContain('Đèn đường')
		expect(pub.status_notes).toContain('Đã thay bóng đèn')
		const opened = byId.get(open.code)!
		expect(opened).toMatchObject({ status: 'open', description: null, status_notes: null, address: null, lat: null, long: null, agency_responsible: a.commune.name })
		expect(opened.expected_datetime).toBe(`${open.dueOn}T17:00:00+07:00`)
		expect(byId.get(withdrawn.code)).toMatchObject({ status: 'closed', description: null, status_notes: null, address: null, lat: null, long: null })
		for (const hidden of [denunciation, confidential, rejected]) expect(byId.has(hidden.code)).toBe(false)
		for (const secret of ['Nguyễn Văn An', '0912', ORIGINAL, 'OPEN-UNPUBLISHED-TEXT', 'TO-CAO-SECRET', 'MAT-SECRET', 'SPAM-TEXT', 'Trần Thị Bình', 'WITHDRAWN-']) {
			expect(raw).not.toContain(secret)
		}
		// Newest first.
		const times = body.map((r: Json) => Date.parse(String(r.requested_datetime)))
		expect([...times].sort((x, y) => y - x)).toEqual(times)
	})

	test('requests/{id} in JSON and XML; private, rejected and unknown ids are 404', async () => {
		const json = await get(inA(`requests/${published.code}.json`))
		expect(json.status).toBe(200)
		expect(json.body).toHaveLength(1)
		expect(json.body[0].service_request_id).toBe(published.code)
		expect(json.raw).not.toContain('0912')
		const xml = await get(inA(`requests/${published.code.toLowerCase()}.xml`))
		expect(xml.status).toBe(200)
		expect(xml.body.service_requests.request.service_request_id).toBe(published.code)
		expect(xml.body.service_requests.request.description).toContain(REDACTION_MARKER)
		for (const id of [denunciation.code, confidential.code, rejected.code, 'XX-26-99999']) {
			expectErrors(await get(inA(`requests/${id}.json`)), 404)
		}
	})

	test('filters: status, service_code, ids, dates', async () => {
		const openOnly = await get(inA('requests.json', '&status=open'))
		const openCodes = openOnly.body.map((r: Json) => r.service_request_id)
		expect(openCodes).toContain(open.code)
		expect(openCodes).not.toContain(published.code)
		const closed = await get(inA('requests.json', '&status=closed'))
		expect(closed.body.map((r: Json) => r.service_request_id).sort()).toEqual([published.code, withdrawn.code].sort())
		const land = await get(inA('requests.json', '&service_code=dat-dai'))
		expect(land.body).toEqual([])
		const ids = await get(inA('requests.json', `&service_request_id=${published.code},${denunciation.code},${open.code}`))
		expect(ids.body.map((r: Json) => r.service_request_id).sort()).toEqual([open.code, published.code].sort())
		const old = await get(inA('requests.json', '&start_date=2020-01-01T00:00:00%2B07:00&end_date=2020-02-01T00:00:00Z'))
		expect(old.body).toEqual([])
		expectErrors(await get(inA('requests.json', '&start_date=hom-qua')), 400)
		expectErrors(await get(inA('requests.json', '&status=maybe')), 400)
	})

	test('jurisdiction_id selects between two communes', async () => {
		const sent = await spec(await post(good({ api_key: keyB, jurisdiction_id: b.commune.slug, description: 'Cống ngầm tắc ở thôn Hai' })))
		expect(sent.status).toBe(201)
		const codeB: string = sent.body[0].service_request_id
		await itemByCode(b.commune.id, codeB)
		const listB = (await get(api(`requests.json?jurisdiction_id=${b.commune.slug}`))).body.map((r: Json) => r.service_request_id)
		const listA = (await get(inA('requests.json'))).body.map((r: Json) => r.service_request_id)
		expect(listB).toEqual([codeB])
		expect(listA).not.toContain(codeB)
		expect(listA).toContain(published.code)
		expectErrors(await get(api(`requests/${published.code}.json?jurisdiction_id=${b.commune.slug}`)), 404)
		expectErrors(await get(api('requests.json')), 400)
	})

	test('GET answers are open to any site', async () => {
		const res = await fetch(inA('requests.xml'))
		expect(res.headers.get('access-control-allow-origin')).toBe('*')
		expect((await spec(res)).status).toBe(200)
	})
})

describe('tokens', () => {
	test("tokens/{token} gives the request's id; unknown tokens are 404", async () => {
		const sent = await spec(await post(good({ description: 'Cây đổ chắn đường' })))
		const code: string = sent.body[0].service_request_id
		const item = await itemByCode(a.commune.id, code)
		const json = await get(inA(`tokens/${item.id}.json`))
		expect(json.status).toBe(200)
		expect(json.body).toEqual([{ service_request_id: code, token: item.id }])
		const xml = await get(inA(`tokens/${item.id}.xml`))
		expect(xml.body.service_requests.request).toEqual({ service_request_id: code, token: item.id })
		expectErrors(await get(inA('tokens/00000000-0000-4000-8000-000000000000.json')), 404)
		expectErrors(await get(inA('tokens/khong-phai-uuid.json')), 404)
		// A token of one commune means nothing in another, and staff-recorded items have none.
		expectErrors(await get(api(`tokens/${item.id}.json?jurisdiction_id=${b.commune.slug}`)), 404)
		expectErrors(await get(inA(`tokens/${published.id}.json`)), 404)
	})
})

describe('bad input never breaks the API', () => {
	test('script tags, control characters and NFD text are stored clean and answered safely', async () => {
		const nfd = 'Đường Nguyễn Trãi ngập nước'.normalize('NFD')
		const hostile = `<script>alert("x")</script> ${nfd}\u0000\u0001\u001b tiếp`
		const res = await spec(await post(good({ description: hostile, first_name: nfd, address_string: '<b>ngõ</b>\u0000' }), 'xml'))
		expect(res.status).toBe(201)
		const code = String(res.body.service_requests.request.service_request_id)
		const item = await itemByCode(a.commune.id, code)
		expect(item.content).toBe(`<script>alert("x")</script> ${nfd.normalize('NFC')} tiếp`)
		expect(item.content).not.toMatch(/\p{Cc}/u)
		expect(item.place).toBe('<b>ngõ</b>')
		const list = await get(inA('requests.json'))
		expect(list.raw).not.toContain('<script')
		const one = await get(inA(`requests/${code}.xml`))
		expect(one.raw).not.toContain('<script')
	})

	test('a 10 kB description: stored when within the limit, a 400 beyond it', async () => {
		const vietnamese = 'Đường hỏng 🚧🚧🚧🚧🚧🚧🚧🚧🚧🚧. '.repeat(180)
		expect(Buffer.byteLength(vietnamese)).toBeGreaterThan(10_240)
		expect([...vietnamese.trim()].length).toBeLessThanOrEqual(5000)
		const stored = await spec(await post(good({ description: vietnamese })))
		expect(stored.status).toBe(201)
		const item = await itemByCode(a.commune.id, stored.body[0].service_request_id)
		expect(item.content).toBe(vietnamese.trim())
		expect([...item.title].length).toBeLessThanOrEqual(120)
		expectErrors(await spec(await post(good({ description: 'x'.repeat(10_240) }))), 400)
	})

	test.each([
		['unknown resource', 'nothing.json', 404, 'json'],
		['unknown resource in XML', 'nothing.xml', 404, 'xml'],
		['wrong extension', 'services.html', 404, 'json'],
		['no extension', 'services', 404, 'json'],
		['too deep', 'requests/a/b.json', 404, 'json'],
		['script in the id', `requests/${encodeURIComponent('<script>alert(1)</script>')}.xml?jurisdiction_id=nguyen-luong-bang`, 404, 'xml'],
		['huge jurisdiction', `services.json?jurisdiction_id=${'x'.repeat(5000)}`, 400, 'json'],
		['empty path', '', 404, 'json'],
	])('GET %s → %i in the spec format', async (_name, path, status, format) => {
		const res = await fetch(api(path))
		expect(res.headers.get('content-type')).toContain(format === 'xml' ? 'text/xml' : 'application/json')
		expectErrors(await spec(res), status)
	})

	test('other methods: 405 with Allow, or 404 on unknown paths; OPTIONS answers without a body', async () => {
		const put = await fetch(api('requests.json'), { method: 'PUT', body: 'x=1' })
		expect(put.headers.get('allow')).toContain('POST')
		expectErrors(await spec(put), 405)
		const del = await fetch(api('services.xml'), { method: 'DELETE' })
		expect(del.headers.get('allow')).not.toContain('POST')
		const delBody = await spec(del)
		expect(delBody.status).toBe(405)
		expect(delBody.body.errors.error.code).toBe('405')
		expectErrors(await spec(await fetch(api('services.json'), { method: 'POST', body: new URLSearchParams(good()) })), 405)
		expectErrors(await spec(await fetch(api('nothing.json'), { method: 'POST', body: new URLSearchParams(good()) })), 404)
		const options = await fetch(api('requests.json'), { method: 'OPTIONS' })
		expect(options.status).toBe(204)
		expect(options.headers.get('access-control-allow-origin')).toBe('*')
	})

	test('POST with a malformed or huge body is a 4xx in the spec format', async () => {
		const broken = await fetch(api('requests.json'), { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zzz' }, body: '--zzz\r\nbroken' })
		expectErrors(await spec(broken), 400)
		const doubled = await fetch(api('requests.json'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: `${new URLSearchParams(good())}&service_code=dat-dai`,
		})
		expectErrors(await spec(doubled), 400)
		const garbage = await fetch(api('requests.xml'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '%%%&&&==%E0' })
		const answer = await spec(garbage)
		expect(answer.status).toBe(403)
		// Bigger than the 1 MB body limit: 413, still in the spec format.
		const huge = await fetch(api('requests.json'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `description=${'a'.repeat(1_200_000)}` })
		expectErrors(await spec(huge), 413)
	})

	test('a path whose percent-encoding is broken is a 400 in the spec format, JSON or XML', async () => {
		expectErrors(await spec(await fetch(api('requests/%E0%A4%A.json'))), 400)
		const xml = await spec(await fetch(api('requests/%E0%A4%A.xml')))
		expectErrors(xml, 400)
		expect(xml.raw).toMatch(/^<\?xml/)
	})
})
