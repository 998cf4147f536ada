import http from 'node:http'
import { and, eq, isNotNull } from 'drizzle-orm'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CheckedUpload } from '#app/core/files/uploads.server.ts'
import { formatDate } from '#app/core/i18n/i18n.ts'
import { listObligations, type Obligation } from '#app/modules/disclosure/catalogue.server.ts'
import { disclosureAttachments } from '#app/modules/disclosure/disclosure.schema.ts'
import { recordReception, saveContact, saveFacts } from '#app/modules/disclosure/facts.server.ts'
import { getPublicRecord, listPublicRecords, publicCatalogue } from '#app/modules/disclosure/public.server.ts'
import {
	addPosting,
	addRecordFiles,
	createRecord,
	endRecord,
	publishRecord,
	updateRecord,
	withdrawRecord,
	type DisclosureRecord,
} from '#app/modules/disclosure/records.server.ts'
import { addCalendarDays, toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { localeCookie } from '#app/modules/platform/http/request-state.server.ts'
import { listPublicCommunes } from '#app/modules/platform/org.server.ts'
import { seedCommune, seedStaff } from '#tests/db/factories.ts'
import { startTestApp } from './app-server.ts'

// The public pages of the disclosure module (công khai) over HTTP: the list with its search and
// filters, a record with its postings, documents and history, the catalogue as proof of
// coverage, the contact page, the Atom feed, the JSON open data and the document downloads.
// Drafts and the proof of postings never show; hostile text is shown as text; bad addresses are
// 404; no public page carries a script.

// A parsed feed: its shape is what the assertions check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Parsed = any

let app: Awaited<ReturnType<typeof startTestApp>>
let communeId = ''
let obligations: Obligation[] = []
const byKey = (key: string) => obligations.find((o) => o.key === key)!
const rec: Record<'plan' | 'poor' | 'settlement' | 'draft' | 'hostile', DisclosureRecord> = {} as never
const files = { doc: '', sheet: '', proof: '', draft: '' }
/** What the demo commune holds once the records below are added (the demo seed has its own). */
const expected = { total: 0, covered: 0 }

const today = toIsoDate(new Date())
const HOSTILE_TITLE = '<script>alert("x")</script> Thông báo \u202Egnol\u202C <b>đậm</b>'
const NFD_BODY = 'Kênh mương nội đồng thôn Đỗ Thượng'.normalize('NFD')
const png = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'))
const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'))
const xlsx = new Uint8Array(Buffer.from('504b0304140000000800', 'hex'))

const upload = (fileName: string, mime: string, bytes: Uint8Array): CheckedUpload => ({
	fileName,
	mime,
	ext: fileName.split('.').pop()!,
	size: bytes.byteLength,
	bytes,
	isImage: mime.startsWith('image/'),
})

beforeAll(async () => {
	app = await startTestApp()
	const db = app.services.db
	communeId = (await listPublicCommunes(db))[0]!.id
	const { actor } = await seedStaff(db, 'programme_lead', communeId)
	obligations = await listObligations(db, communeId, { activeOnly: true })
	const create = (fields: Record<string, unknown>) => createRecord(db, actor, communeId, { body: '', decisionRef: '', decisionDate: '', period: '', ...fields })

	// A plan: published with documents, posted at the office (with proof), then changed.
	rec.plan = await create({
		title: 'Kế hoạch phát triển kinh tế - xã hội năm 2027',
		body: `${NFD_BODY}: nạo vét 3 km.\nOLD-VERSION-TEXT đường liên thôn.`,
		obligationIds: [byKey('dccs-11-1-plan').id],
		decisionRef: '15/NQ-HĐND',
		decisionDate: addCalendarDays(today, -20),
	})
	await addRecordFiles(db, actor, communeId, rec.plan.id, [
		upload('Kế hoạch 2027.pdf', 'application/pdf', pdf),
		upload('Dự toán chi tiết.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx),
	])
	await publishRecord(db, actor, communeId, rec.plan.id)
	await addPosting(
		db,
		actor,
		communeId,
		rec.plan.id,
		{ form: 'notice_office', place: 'Bảng tin trụ sở UBND xã', startedOn: addCalendarDays(today, -3), proofNote: 'PROOF-NOTE-SECRET ông Ba dán lúc 7 giờ' },
		[upload('anh-niem-yet.png', 'image/png', png)],
	)
	await addPosting(db, actor, communeId, rec.plan.id, { form: 'radio', place: 'Đài truyền thanh xã', startedOn: addCalendarDays(today, -3), endedOn: addCalendarDays(today, -1) })
	await updateRecord(
		db,
		actor,
		communeId,
		rec.plan.id,
		{ title: rec.plan.title, body: `${NFD_BODY}: nạo vét 5 km.\nCứng hóa đường liên thôn.`, obligationIds: [byKey('dccs-11-1-plan').id], decisionRef: '15/NQ-HĐND', decisionDate: rec.plan.decisionDate },
		{ reason: 'Điều chỉnh theo Nghị quyết bổ sung số 18/NQ-HĐND.' },
	)
	const shown = (await getPublicRecord(db, communeId, rec.plan.code))!
	files.doc = shown.files.find((f) => f.mime === 'application/pdf')!.id
	files.sheet = shown.files.find((f) => f.fileName.endsWith('.xlsx'))!.id
	const [proof] = await db
		.select({ id: disclosureAttachments.id })
		.from(disclosureAttachments)
		.where(and(eq(disclosureAttachments.recordId, rec.plan.id), isNotNull(disclosureAttachments.postingId)))
	files.proof = proof!.id

	// Withdrawn, with its reason.
	rec.poor = await create({ title: 'Danh sách hộ nghèo, hộ cận nghèo năm 2026', body: 'Danh sách theo thôn.', obligationIds: [byKey('dccs-11-8-support').id] })
	await publishRecord(db, actor, communeId, rec.poor.id)
	await withdrawRecord(db, actor, communeId, rec.poor.id, { reason: 'Danh sách có sai sót ở thôn Hàn Lâm; sẽ công khai lại.' })

	// Ended.
	rec.settlement = await create({ title: 'Quyết toán ngân sách xã năm 2025', body: 'Tổng thu, tổng chi.', obligationIds: [byKey('dccs-11-2-settlement').id], period: '2025' })
	await publishRecord(db, actor, communeId, rec.settlement.id)
	await endRecord(db, actor, communeId, rec.settlement.id)

	// A draft, with a document: never public.
	rec.draft = await create({ title: 'DRAFT-SECRET dự thảo quy chế', body: 'DRAFT-SECRET', obligationIds: [byKey('dccs-11-4-regulation').id] })
	await addRecordFiles(db, actor, communeId, rec.draft.id, [upload('du-thao.pdf', 'application/pdf', pdf)])
	const [draftFile] = await db.select({ id: disclosureAttachments.id }).from(disclosureAttachments).where(eq(disclosureAttachments.recordId, rec.draft.id))
	files.draft = draftFile!.id

	// Hostile text: tags, a right-to-left override, decomposed Vietnamese.
	rec.hostile = await create({ title: HOSTILE_TITLE, body: `<img src=x onerror=alert(1)> ${NFD_BODY}`, obligationIds: [byKey('dccs-11-14-other').id], decisionRef: '<i>01</i>/TB-UBND' })
	await publishRecord(db, actor, communeId, rec.hostile.id)

	// The contact page's facts.
	await saveFacts(db, actor, communeId, {
		mailboxPlaces: 'Cổng trụ sở UBND xã\n\nNhà văn hóa thôn Đỗ Thượng',
		commitment: 'CAM-KET: không gây phiền hà, sách nhiễu, tiêu cực.',
		receptionSchedule: 'Sáng thứ Năm hằng tuần',
		receptionPlace: 'Phòng tiếp công dân, trụ sở UBND xã',
	})
	await saveContact(db, actor, communeId, null, { fullName: 'Nguyễn Văn Hùng', position: 'Chủ tịch UBND xã', phone: '0912 345 678', duties: 'Chỉ đạo chung', sortOrder: 1 })
	await saveContact(db, actor, communeId, null, { fullName: 'Trần Thị Lan', position: 'Công chức Văn phòng', phone: '+84 236 3812 345', duties: '<b>Một cửa</b>', sortOrder: 2 })
	await recordReception(db, actor, communeId, {
		kind: 'dialogue',
		heldOn: addCalendarDays(today, -10),
		host: 'Chủ tịch UBND xã Nguyễn Văn Hùng',
		place: 'Hội trường UBND xã',
		attendance: '85',
		raised: 'Đường vào thôn Hàn Lâm xuống cấp.',
		outcome: 'Đưa vào kế hoạch sửa chữa quý III.',
	})
	await recordReception(db, actor, communeId, { kind: 'reception', heldOn: addCalendarDays(today, -500), host: 'OLD-RECEPTION-HOST', raised: 'Cũ' })

	expected.total = (await listPublicRecords(db, communeId)).total
	expected.covered = (await publicCatalogue(db, communeId)).filter((r) => r.current).length
})
afterAll(async () => {
	await app?.close()
})

async function get(path: string, cookie = '') {
	return fetch(app.url + path, { headers: { cookie }, redirect: 'manual' })
}

async function page(path: string, cookie = '') {
	const res = await get(path, cookie)
	expect(res.status, path).toBe(200)
	const html = await res.text()
	expect(html, path).not.toContain('<script')
	return html
}

/** The list item (as HTML) that mentions a text. */
function itemOf(html: string, text: string): string {
	const item = html.split('<li').find((r) => r.includes(text))
	expect(item, `an item for ${text}`).toBeTruthy()
	return item!
}

const escapedTitle = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'

describe('the list', () => {
	test('shows published, ended and withdrawn records, never drafts, newest first', async () => {
		const html = await page('/cong-khai')
		expect(html).toContain('<h1 class="page-title">Công khai thông tin</h1>')
		expect(html).toContain(`${expected.total} bản công khai`)
		expect(html).not.toContain('DRAFT-SECRET')
		expect(html).toContain('href="/cong-khai/danh-muc"')
		expect(html).toContain('href="/cong-khai/nguon-tin.atom"')
		expect(html).toContain('href="/cong-khai/du-lieu.json"')
		expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/cong-khai\/nguon-tin.atom"/)

		const plan = itemOf(html, rec.plan.code)
		expect(plan).toContain(`href="/cong-khai/${rec.plan.code}"`)
		expect(plan).toContain('Kế hoạch kinh tế - xã hội')
		expect(plan).toContain(byKey('dccs-11-1-plan').title)
		expect(plan).toContain(`Công khai ngày ${formatDate(new Date())}`)
		expect(plan).toContain('tag--success')
		expect(plan).toContain('Đang công khai')

		const poor = itemOf(html, rec.poor.code)
		expect(poor).toContain('tag--danger')
		expect(poor).toContain(`Đã rút lại ngày ${formatDate(new Date())}`)
		expect(itemOf(html, rec.settlement.code)).toContain('tag--neutral')
	})

	test('search ignores diacritics and case; filters by field, year and obligation', async () => {
		const codes = async (query: string) => {
			const html = await page(`/cong-khai?${query}`)
			return [rec.plan, rec.poor, rec.settlement, rec.hostile].filter((r) => html.includes(`href="/cong-khai/${r.code}"`)).map((r) => r.code)
		}
		expect(await codes('q=KENH+MUONG+noi+dong')).toEqual([rec.plan.code, rec.hostile.code])
		expect(await codes('q=ho+can+ngheo')).toEqual([rec.poor.code])
		expect(await codes(`q=${encodeURIComponent('hộ cận nghèo'.normalize('NFD'))}`)).toEqual([rec.poor.code])
		expect(await codes('linh-vuc=ngan-sach')).toEqual([rec.settlement.code])
		expect(await codes(`noi-dung=${byKey('dccs-11-8-support').id}`)).toEqual([rec.poor.code])
		expect(await codes(`nam=${today.slice(0, 4)}`)).toHaveLength(4)
		expect(await codes('nam=2001')).toEqual([])
		const empty = await page('/cong-khai?q=khong-co-gi-ca-xyz')
		expect(empty).toContain('0 bản công khai')
		expect(empty).toContain('Không có bản công khai nào phù hợp')
		// The year select lists the years that have publications; the obligation select the catalogue.
		const html = await page('/cong-khai')
		expect(html).toContain(`<option value="${today.slice(0, 4)}">${today.slice(0, 4)}</option>`)
		expect(html).toContain(`<option value="${byKey('dccs-11-8-support').id}">`)
	})

	test('nonsense in the filters is ignored, never an error', async () => {
		const script = encodeURIComponent('<script>alert(1)</script>')
		for (const query of [`linh-vuc=${script}`, `nam=${script}`, 'nam=99999', `noi-dung=${script}`, 'trang=-1', 'trang=1e9', `trang=${script}`, `q=${'a'.repeat(5000)}`, 'q=%25%5F%5C', 'q=%E0%A4%A', 'linh-vuc=%C3']) {
			const html = await page(`/cong-khai?${query}`)
			expect(html, query).not.toContain('alert(1)</script>')
		}
		const far = await page('/cong-khai?trang=99')
		expect(far).toContain(`${expected.total} bản công khai`)
	})

	test('hostile text is shown as text', async () => {
		const html = await page('/cong-khai')
		expect(html).toContain(escapedTitle)
		expect(html).not.toContain('<b>đậm</b>')
		expect(html).toContain('&lt;i&gt;01&lt;/i&gt;/TB-UBND')
	})
})

describe('a record', () => {
	test('shows its text, decision, obligations, documents, postings, history and the notice sheet link', async () => {
		const html = await page(`/cong-khai/${rec.plan.code}`)
		expect(html).toContain('Kế hoạch phát triển kinh tế - xã hội năm 2027')
		expect(html).toContain(rec.plan.code)
		expect(html).toContain('15/NQ-HĐND')
		expect(html).toContain(`ngày ${formatDate(addCalendarDays(today, -20))}`)
		expect(html).toContain(byKey('dccs-11-1-plan').legalBasis)
		expect(html).toContain('nạo vét 5 km')
		expect(html).toContain('dir="auto"')
		// Documents link to the public download; the proof photo is not among them.
		expect(html).toContain(`href="/cong-khai/${rec.plan.code}/tep/${files.doc}"`)
		expect(html).toContain(`href="/cong-khai/${rec.plan.code}/tep/${files.sheet}"`)
		expect(html).toContain('Kế hoạch 2027.pdf')
		expect(html).not.toContain(files.proof)
		expect(html).not.toContain('anh-niem-yet.png')
		// Postings: website (on publishing), the office board still up, the radio with its end.
		expect(html).toContain('Hình thức và thời gian công khai')
		expect(html).toContain('Bảng tin trụ sở UBND xã')
		expect(html).toContain('Niêm yết tại trụ sở UBND xã')
		expect(html).toContain('Loa truyền thanh')
		expect(html).toContain('đang niêm yết')
		expect(html).toContain(formatDate(addCalendarDays(today, -1)))
		expect(html).not.toContain('PROOF-NOTE-SECRET')
		expect(html).not.toContain('Ghi tự động')
		// The history keeps the earlier text and the reason.
		expect(html).toContain('Lịch sử thay đổi')
		expect(html).toContain('Phiên bản 1')
		expect(html).toContain('Điều chỉnh theo Nghị quyết bổ sung số 18/NQ-HĐND.')
		expect(html).toMatch(/<details[^>]*>[\s\S]*OLD-VERSION-TEXT[\s\S]*<\/details>/)
		expect(html).toContain(`href="/cong-khai/${rec.plan.code}/to-niem-yet.pdf"`)
		expect(html).toContain('In tờ niêm yết (PDF)')
	})

	test('the code is found in lower case too', async () => {
		expect(await page(`/cong-khai/${rec.plan.code.toLowerCase()}`)).toContain('Kế hoạch phát triển kinh tế - xã hội năm 2027')
	})

	test('a withdrawn record says so plainly, with the date and the reason', async () => {
		const html = await page(`/cong-khai/${rec.poor.code}`)
		expect(html).toContain('notice--warning')
		expect(html).toContain(`Bản công khai này đã được rút lại ngày ${formatDate(new Date())}.`)
		expect(html).toContain('Danh sách có sai sót ở thôn Hàn Lâm; sẽ công khai lại.')
		expect(html).toContain('tag--danger')
	})

	test('an ended record says so, with its period', async () => {
		const html = await page(`/cong-khai/${rec.settlement.code}`)
		expect(html).toContain('Đã hết thời gian công khai')
		expect(html).toContain('Năm 2025')
	})

	test('hostile title and text are escaped; NFD text is shown composed', async () => {
		const html = await page(`/cong-khai/${rec.hostile.code}`)
		expect(html).toContain(escapedTitle)
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
		expect(html).not.toContain('<img src=x')
		expect(html).toContain('Kênh mương nội đồng thôn Đỗ Thượng'.normalize('NFC'))
		expect(html).toContain('<bdi>')
	})

	test.each([
		['a draft', () => `/cong-khai/${rec.draft.code}`],
		['an unknown code', () => '/cong-khai/CK-26-9999'],
		['a malformed code', () => '/cong-khai/khong-phai-ma'],
		['a script', () => `/cong-khai/${encodeURIComponent('<script>alert(1)</script>')}`],
		['a very long code', () => `/cong-khai/CK-26-${'1'.repeat(5000)}`],
		['a percent sign', () => '/cong-khai/%25'],
	])('%s: 404, never 500', async (_label, path) => {
		const res = await get(path())
		expect(res.status).toBe(404)
		const html = await res.text()
		expect(html).not.toContain('DRAFT-SECRET')
		expect(html).not.toContain('<script>alert')
	})
})

describe('an address whose percent-encoding is not UTF-8', () => {
	// The server refuses it before any route runs (server/http-app.ts): a 400 page, never a 500.
	test.each(['/cong-khai/%E0%A4%A', '/cong-khai/%E0%A4%A/tep/x', '/cong-khai/CK-26-0001/tep/%C3'])('%s', async (path) => {
		const res = await get(path)
		expect(res.status).toBe(400)
		expect(await res.text()).toContain('Yêu cầu không hợp lệ.')
	})
})

describe('the catalogue', () => {
	test('every active obligation by field, with its publication or plainly "Chưa công khai"', async () => {
		const html = await page('/cong-khai/danh-muc')
		expect(html).toContain('<h1 class="page-title">Danh mục nội dung phải công khai</h1>')
		expect(html).toContain(`<span class="figure__value">${obligations.length}</span>`)
		// A withdrawn publication does not cover its obligation; an ended one does.
		expect(html).toContain(`<span class="figure__value">${expected.covered}</span>`)
		expect(html).toContain(`<span class="figure__value">${obligations.length - expected.covered}</span>`)
		expect(html).toMatch(/<h2[^>]*>Kế hoạch kinh tế - xã hội<\/h2>/)
		expect(html).toMatch(/<h2[^>]*>Ngân sách, tài chính<\/h2>/)

		const plan = itemOf(html, byKey('dccs-11-1-plan').title)
		expect(plan).toContain(`href="/cong-khai/${rec.plan.code}"`)
		expect(plan).toContain('Đang công khai')
		expect(plan).toContain(byKey('dccs-11-1-plan').legalBasis)
		expect(plan).not.toContain('Chưa công khai')

		expect(itemOf(html, byKey('other-cqtt-feedback-results').title)).toContain('Chưa công khai')
		// A withdrawn publication does not count as the obligation's publication.
		expect(itemOf(html, byKey('dccs-11-8-support').title)).toContain('Chưa công khai')
		expect(itemOf(html, byKey('dccs-11-2-settlement').title)).toContain(`href="/cong-khai/${rec.settlement.code}"`)
		// The commune's own plan is cited by its text, never as "Điều 0".
		expect(itemOf(html, byKey('other-cqtt-commitment').title)).toContain(byKey('other-cqtt-commitment').legalBasis)
		expect(html).not.toContain('Điều 0')
		expect(html).toContain('Ít nhất 30 ngày liên tục')
		expect(html).toContain('Niêm yết tại trụ sở UBND xã')
	})
})

describe('contact, feedback and commitment', () => {
	test('hotline, boxes, commitment, leaders’ phones as tel: links, reception schedule and sessions', async () => {
		const html = await page('/lien-he')
		expect(html).toContain('<h1 class="page-title">Liên hệ, góp ý và cam kết</h1>')
		expect(html).toContain('href="/phan-anh-kien-nghi/gui"')
		expect(html).toMatch(/href="tel:[0-9+]+"/)
		expect(html).toContain('<li><bdi>Cổng trụ sở UBND xã</bdi></li>')
		expect(html).toContain('<li><bdi>Nhà văn hóa thôn Đỗ Thượng</bdi></li>')
		expect(html).toContain('CAM-KET: không gây phiền hà, sách nhiễu, tiêu cực.')
		expect(html).toContain('Nguyễn Văn Hùng')
		expect(html).toContain('href="tel:0912345678"')
		expect(html).toContain('href="tel:+842363812345"')
		expect(html).toContain('&lt;b&gt;Một cửa&lt;/b&gt;')
		expect(html).toContain('Sáng thứ Năm hằng tuần')
		expect(html).toContain('Phòng tiếp công dân, trụ sở UBND xã')
		expect(html).toContain(formatDate(addCalendarDays(today, -10)))
		expect(html).toContain('Hội nghị đối thoại')
		expect(html).toContain('Đường vào thôn Hàn Lâm xuống cấp.')
		expect(html).toContain('Đưa vào kế hoạch sửa chữa quý III.')
		expect(html).toContain('85')
		// Sessions older than a year are no longer listed.
		expect(html).not.toContain('OLD-RECEPTION-HOST')
	})
})

describe('open data', () => {
	test('Atom: well-formed, newest first, escaped, withdrawn items say so, drafts absent', async () => {
		const res = await get('/cong-khai/nguon-tin.atom')
		expect(res.status).toBe(200)
		expect(res.headers.get('content-type')).toContain('application/atom+xml')
		const xml = await res.text()
		expect(XMLValidator.validate(xml)).toBe(true)
		expect(xml).not.toContain('<script')
		expect(xml).not.toContain('<img')
		expect(xml).not.toContain('DRAFT-SECRET')
		const feed: Parsed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed
		const entries: Parsed[] = Array.isArray(feed.entry) ? feed.entry : [feed.entry]
		expect(entries).toHaveLength(Math.min(expected.total, 50))
		const titles = entries.map((e) => String(e.title['#text']))
		expect(titles.find((t) => t.includes(rec.poor.code))).toMatch(/^\[Đã rút lại\]/)
		const poor = entries.find((e) => String(e.title['#text']).includes(rec.poor.code))
		expect(poor.content['#text']).toContain('Danh sách có sai sót ở thôn Hàn Lâm')
		const hostile = entries.find((e) => String(e.title['#text']).includes(rec.hostile.code))
		expect(hostile.title['#text']).toContain('&lt;script&gt;')
		expect(hostile.link['@_href']).toMatch(new RegExp(`/cong-khai/${rec.hostile.code}$`))
	})

	test('JSON: the records with their fields, open to other sites, cached five minutes', async () => {
		const res = await get('/cong-khai/du-lieu.json')
		expect(res.status).toBe(200)
		expect(res.headers.get('access-control-allow-origin')).toBe('*')
		expect(res.headers.get('cache-control')).toContain('max-age=300')
		// Shared caches keep it: it must not carry anyone's cookie.
		expect(res.headers.get('set-cookie')).toBeNull()
		const body = (await res.json()) as { count: number; items: Array<Record<string, unknown>> }
		expect(body.count).toBe(expected.total)
		expect(body.items).toHaveLength(expected.total)
		expect(JSON.stringify(body)).not.toContain('DRAFT-SECRET')
		const poor = body.items.find((i) => i.code === rec.poor.code)!
		expect(poor).toMatchObject({
			title: 'Danh sách hộ nghèo, hộ cận nghèo năm 2026',
			field: 'an-sinh',
			status: 'withdrawn',
			withdraw_reason: 'Danh sách có sai sót ở thôn Hàn Lâm; sẽ công khai lại.',
			obligations: [byKey('dccs-11-8-support').title],
			ended_at: null,
			period: null,
		})
		expect(poor.url).toBe(`${app.url}/cong-khai/${rec.poor.code}`)
		expect(Date.parse(String(poor.published_at))).not.toBeNaN()
		expect(Date.parse(String(poor.withdrawn_at))).not.toBeNaN()
		const plan = body.items.find((i) => i.code === rec.plan.code)!
		expect(plan).toMatchObject({ decision_ref: '15/NQ-HĐND', decision_date: addCalendarDays(today, -20), status: 'published', withdrawn_at: null })
		expect(body.items.find((i) => i.code === rec.hostile.code)!.title).toBe(HOSTILE_TITLE)
	})
})

describe('document downloads', () => {
	test('a PDF opens inline, a spreadsheet downloads; both sandboxed, never sniffed', async () => {
		const doc = await get(`/cong-khai/${rec.plan.code}/tep/${files.doc}`)
		expect(doc.status).toBe(200)
		expect(doc.headers.get('content-type')).toBe('application/pdf')
		expect(doc.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('Kế hoạch 2027.pdf')}`)
		expect(doc.headers.get('x-content-type-options')).toBe('nosniff')
		expect(doc.headers.get('content-security-policy')).toContain('sandbox')
		expect(new Uint8Array(await doc.arrayBuffer())).toEqual(pdf)

		const sheet = await get(`/cong-khai/${rec.plan.code.toLowerCase()}/tep/${files.sheet}`)
		expect(sheet.status).toBe(200)
		expect(sheet.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Dự toán chi tiết.xlsx')}`)
		await sheet.arrayBuffer()
	})

	test.each([
		['a posting’s proof photo', () => `/cong-khai/${rec.plan.code}/tep/${files.proof}`],
		['a draft’s file', () => `/cong-khai/${rec.draft.code}/tep/${files.draft}`],
		['a file under another record’s code', () => `/cong-khai/${rec.poor.code}/tep/${files.doc}`],
		['an unknown file', () => `/cong-khai/${rec.plan.code}/tep/00000000-0000-4000-8000-000000000000`],
		['a file id that is not one', () => `/cong-khai/${rec.plan.code}/tep/${encodeURIComponent('<script>')}`],
	])('%s: 404', async (_label, path) => {
		const res = await get(path())
		expect(res.status).toBe(404)
		expect(await res.text()).not.toContain('%PDF')
	})
})

describe('every page', () => {
	test.each(['vi', 'en'])('is complete in %s: no message key left untranslated, no script', async (lang) => {
		const cookie = (await localeCookie.serialize(lang)).split(';')[0]!
		const pages: Array<[string, string]> = [
			['/cong-khai', lang === 'en' ? 'Public disclosure' : 'Công khai thông tin'],
			[`/cong-khai/${rec.plan.code}`, 'Kế hoạch phát triển kinh tế - xã hội năm 2027'],
			[`/cong-khai/${rec.poor.code}`, 'Danh sách hộ nghèo, hộ cận nghèo năm 2026'],
			['/cong-khai/danh-muc', lang === 'en' ? 'What the commune must publish' : 'Danh mục nội dung phải công khai'],
			['/lien-he', lang === 'en' ? 'Contact, feedback and commitment' : 'Liên hệ, góp ý và cam kết'],
		]
		for (const [path, title] of pages) {
			const html = await page(path, cookie)
			expect(html, path).toContain(title)
			expect(html, path).not.toMatch(/disclosure\.[a-zA-Z]+\.[a-zA-Z]/)
		}
	})

	test('the contact page answers when the commune has published nothing yet', async () => {
		const db = app.services.db
		const other = await seedCommune(db, 'Xã Chưa Công Bố')
		const host = `${other.commune.slug}.example.vn`
		const res = await viaHost(host, '/lien-he')
		expect(res.status).toBe(200)
		const html = await res.text()
		expect(html).toContain('Xã chưa công bố số điện thoại của lãnh đạo, cán bộ.')
		expect(html).toContain('Xã chưa công bố nơi đặt hòm thư góp ý.')
		expect(html).toContain('Xã chưa công bố lịch tiếp công dân.')
		expect(html).not.toContain('<script')
		const list = await viaHost(host, '/cong-khai')
		expect(await list.text()).toContain('Xã chưa đăng bản công khai nào trên trang này.')
		const catalogue = await (await viaHost(host, '/cong-khai/danh-muc')).text()
		expect(catalogue).toContain('<span class="figure__value">0</span>')
		// Another commune's host never serves this commune's records or documents.
		expect((await viaHost(host, `/cong-khai/${rec.plan.code}`)).status).toBe(404)
		expect((await viaHost(host, `/cong-khai/${rec.plan.code}/tep/${files.doc}`)).status).toBe(404)
		const json = (await (await viaHost(host, '/cong-khai/du-lieu.json')).json()) as { count: number }
		expect(json.count).toBe(0)
	})
})

/** A request with another Host header (fetch does not let one set it). */
function viaHost(host: string, path: string): Promise<Response> {
	const target = new URL(app.url)
	return new Promise((resolve, reject) => {
		const req = http.request({ host: target.hostname, port: target.port, path, method: 'GET', headers: { host } }, (res) => {
			const chunks: Buffer[] = []
			res.on('data', (c: Buffer) => chunks.push(c))
			res.on('end', () => {
				const headers = new Headers()
				for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v)
				resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }))
			})
		})
		req.on('error', reject)
		req.end()
	})
}

