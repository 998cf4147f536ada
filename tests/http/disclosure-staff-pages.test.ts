import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatDate } from '#app/core/i18n/i18n.ts'
import { listObligations } from '#app/modules/disclosure/catalogue.server.ts'
import { listPublicCommunes } from '#app/modules/platform/org.server.ts'
import { addCalendarDays, toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { csrfFor, startTestApp } from './app-server.ts'

// The back-office pages of publication records over HTTP: a draft with a document, postings with
// proof, publishing, the public page and notice-board sheet, compliance, the quarterly list and
// its Word file, withdrawing; who may do what; bad input answered next to its field.

let app: Awaited<ReturnType<typeof startTestApp>>
let communeId = ''
const cookies: Record<string, string> = {}
const obligation = { id: '', title: '' }
const today = toIsoDate(new Date())

beforeAll(async () => {
	app = await startTestApp()
	const db = app.services.db
	communeId = (await listPublicCommunes(db))[0]!.id
	const social = (await listObligations(db, communeId)).find((o) => o.key === 'dccs-11-7-results')!
	obligation.id = social.id
	obligation.title = social.title
	for (const user of ['vhxh', 'kinhte', 'mttq', 'truongthon', 'chutich']) cookies[user] = await app.cookieFor(user)
})
afterAll(async () => {
	await app?.close()
})

async function get(path: string, user: string | null, extraCookie = '') {
	return fetch(app.url + path, { headers: { cookie: [user ? cookies[user] : '', extraCookie].filter(Boolean).join('; ') }, redirect: 'manual' })
}

/** A form POST, as multipart (the record pages carry files) with the CSRF token. */
async function post(path: string, user: string, fields: Record<string, string | string[]>, files: Array<{ field: string; name: string; bytes: Uint8Array; type: string }> = []) {
	const cookie = cookies[user]!
	const csrf = await csrfFor(app.url, cookie)
	const body = new FormData()
	body.append('_csrf', csrf.token)
	for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one)
	for (const f of files) body.append(f.field, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name)
	return fetch(app.url + path, { method: 'POST', headers: { cookie: `${cookie}; ${csrf.cookie}` }, body, redirect: 'manual' })
}

async function follow(res: Response, user: string) {
	expect(res.status).toBe(303)
	const flash = res.headers.getSetCookie().find((c) => c.startsWith('tt_flash='))?.split(';')[0] ?? ''
	return (await get(res.headers.get('location')!, user, flash)).text()
}

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const png = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082', 'hex'))

describe('a publication from draft to withdrawn', () => {
	let recordPath = ''
	let code = ''

	test('a draft with a document; bad input is answered next to its field with what was typed kept', async () => {
		const empty = await post('/quan-tri/cong-khai/moi', 'kinhte', { title: '', decisionDate: '31/02/2026' })
		expect(empty.status).toBe(400)
		const html = await empty.text()
		expect(html).toContain('Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm')
		const noObligation = await post('/quan-tri/cong-khai/moi', 'kinhte', { title: 'Danh sách <script>alert(1)</script> hộ nghèo' })
		expect(noObligation.status).toBe(400)
		const page = await noObligation.text()
		expect(page).toContain('Chọn ít nhất một nội dung phải công khai trong danh mục.')
		expect(page).toContain('Danh sách &lt;script&gt;alert(1)&lt;/script&gt; hộ nghèo')
		expect(page).not.toContain('<script>alert(1)')

		const created = await post(
			'/quan-tri/cong-khai/moi',
			'kinhte',
			{ title: 'Danh sách hộ nghèo được hỗ trợ năm 2026', obligationIds: [obligation.id], decisionRef: '21/QĐ-UBND', decisionDate: formatDate(today), body: 'Danh sách gồm 35 hộ.'.normalize('NFD') },
			[{ field: 'files', name: 'danh-sach.pdf', bytes: pdf, type: 'application/pdf' }],
		)
		expect(created.status).toBe(303)
		recordPath = created.headers.get('location')!
		expect(recordPath).toMatch(/^\/quan-tri\/cong-khai\/[0-9a-f-]{36}$/)
		const shown = await follow(created, 'kinhte')
		code = /CK-\d{2}-\d{4}/.exec(shown)![0]
		expect(shown).toContain(`Đã lưu bản nháp ${code}.`)
		expect(shown).toContain('danh-sach.pdf')
		expect(shown).toContain('Danh sách gồm 35 hộ.'.normalize('NFC'))
		// A draft is not public yet.
		expect((await get(`/cong-khai/${code}/to-niem-yet.pdf`, null)).status).toBe(404)
	})

	test('postings with proof; a date in the future or before the start is refused', async () => {
		const future = await post(recordPath, 'kinhte', { intent: 'posting', form: 'notice_office', startedOn: formatDate(addCalendarDays(today, 3)) })
		expect(future.status).toBe(400)
		expect(await future.text()).toContain('Ngày này chưa đến')
		const noForm = await post(recordPath, 'kinhte', { intent: 'posting', form: '', startedOn: formatDate(today), place: 'Bảng tin' })
		expect(noForm.status).toBe(400)
		expect(await noForm.text()).toContain('Chọn hình thức công khai.')
		const posted = await post(recordPath, 'kinhte', { intent: 'posting', form: 'notice_office', startedOn: formatDate(today), place: 'Bảng tin trụ sở', proofNote: 'Ảnh chụp bảng tin' }, [
			{ field: 'proofFiles', name: 'anh.png', bytes: png, type: 'image/png' },
		])
		const page = await follow(posted, 'kinhte')
		expect(page).toContain('Đã ghi hình thức công khai.')
		expect(page).toContain('Bảng tin trụ sở')
		expect(page).toContain('anh.png')
	})

	test('an officer may not publish; the programme lead does, and the public page and PDF sheet appear', async () => {
		const refused = await post(recordPath, 'kinhte', { intent: 'publish' })
		expect(refused.status).toBe(403)
		const published = await follow(await post(recordPath, 'vhxh', { intent: 'publish' }), 'vhxh')
		expect(published).toContain(`Đã công bố ${code} trên trang công khai.`)
		const sheet = await get(`/cong-khai/${code}/to-niem-yet.pdf`, null)
		expect(sheet.status).toBe(200)
		expect(sheet.headers.get('content-type')).toBe('application/pdf')
		expect(new TextDecoder().decode((await sheet.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
	})

	test('compliance names the missing forms of this record, each linked to it', async () => {
		const page = await (await get('/quan-tri/cong-khai/tuan-thu?loai=forms', 'mttq')).text()
		expect(page).toContain('Thiếu hình thức bắt buộc')
		expect(page).toContain(`${recordPath}`)
		expect(page).toContain('Chưa có: Niêm yết tại nhà văn hóa thôn')
		expect(page).not.toContain('Chưa có: Niêm yết tại trụ sở UBND xã')
		const all = await (await get('/quan-tri/cong-khai/tuan-thu', 'mttq')).text()
		expect(all).toMatch(/href="\/quan-tri\/cong-khai\/tuan-thu\?loai=overdue"/)
	})

	test('the quarterly list shows it, as a page and as a Word file', async () => {
		const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))]
		const quarter = Math.ceil(month / 3)
		const page = await (await get(`/quan-tri/cong-khai/danh-sach-quy?nam=${year}&quy=${quarter}`, 'mttq')).text()
		expect(page).toContain('Danh sách hộ nghèo được hỗ trợ năm 2026')
		expect(page).toContain('Niêm yết tại trụ sở UBND xã')
		const docx = await get(`/quan-tri/cong-khai/danh-sach-quy.docx?nam=${year}&quy=${quarter}`, 'mttq')
		expect(docx.status).toBe(200)
		expect(docx.headers.get('content-disposition')).toContain(`danh-sach-cong-khai-${year}-Q${quarter}.docx`)
		expect(new TextDecoder().decode((await docx.arrayBuffer()).slice(0, 2))).toBe('PK')
		const other = await (await get(`/quan-tri/cong-khai/danh-sach-quy?nam=${year - 3}&quy=1`, 'mttq')).text()
		expect(other).toContain('Không có nội dung nào được công khai trong quý.')
		expect((await get('/quan-tri/cong-khai/danh-sach-quy', 'truongthon')).status).toBe(403)
	})

	test('a change after publication needs a reason; withdrawing needs one too and is final', async () => {
		const noReason = await post(recordPath, 'kinhte', { intent: 'update', title: 'Danh sách hộ nghèo (sửa)', obligationIds: [obligation.id] })
		expect(noReason.status).toBe(400)
		const changed = await follow(await post(recordPath, 'kinhte', { intent: 'update', title: 'Danh sách hộ nghèo (sửa)', obligationIds: [obligation.id], reason: 'Bổ sung 2 hộ' }), 'kinhte')
		expect(changed).toContain('Phiên bản 1')
		expect((await post(recordPath, 'vhxh', { intent: 'withdraw', reason: '' })).status).toBe(400)
		const withdrawn = await follow(await post(recordPath, 'vhxh', { intent: 'withdraw', reason: 'Danh sách lập sai' }), 'vhxh')
		expect(withdrawn).toContain('Danh sách lập sai')
		expect((await post(recordPath, 'kinhte', { intent: 'update', title: 'X', obligationIds: [obligation.id], reason: 'x' })).status).toBe(409)
		const list = await (await get(`/quan-tri/cong-khai?trang-thai=withdrawn&q=${encodeURIComponent('ho ngheo')}`, 'mttq')).text()
		expect(list).toContain(code)
	})
})

describe('who sees what', () => {
	test.each([
		['/quan-tri/cong-khai', 'mttq', 200],
		['/quan-tri/cong-khai', 'truongthon', 403],
		['/quan-tri/cong-khai/moi', 'mttq', 403],
		['/quan-tri/cong-khai/moi', 'kinhte', 200],
		['/quan-tri/cong-khai/tuan-thu', 'chutich', 200],
		['/quan-tri/cong-khai/00000000-0000-4000-8000-000000000000', 'vhxh', 404],
		['/quan-tri/cong-khai/khong-phai-id', 'vhxh', 404],
	])('%s as %s: %i', async (path, user, status) => {
		const res = await get(path, user)
		expect(res.status).toBe(status)
		await res.body?.cancel()
	})
})
