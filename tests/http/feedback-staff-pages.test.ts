import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatDate } from '#app/core/i18n/i18n.ts'
import { apiClientForKey, listCollectionSessions, listMailboxOpenings } from '#app/modules/feedback/collection.server.ts'
import { listFields, listPolicies } from '#app/modules/feedback/setup.server.ts'
import { addCalendarDays, toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { listAgencies, listPublicCommunes, listVillages } from '#app/modules/platform/org.server.ts'
import { localeCookie } from '#app/modules/platform/http/request-state.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { csrfFor, startTestApp } from './app-server.ts'

// The back-office pages of weekly collection, the suggestion box and the feedback settings, over
// HTTP: who may see them, what they record, and how they answer bad input.

let app: Awaited<ReturnType<typeof startTestApp>>
let communeId = ''
const cookies: Record<string, string> = {}
const ids = { phuNu: '', mttq: '', doThuong: '', doHa: '', hanLam: '' }
const system = systemActor('test')
const today = toIsoDate(new Date())

beforeAll(async () => {
	app = await startTestApp()
	const db = app.services.db
	communeId = (await listPublicCommunes(db))[0]!.id
	const agencies = await listAgencies(db, system, communeId)
	const villages = await listVillages(db, system, communeId)
	ids.phuNu = agencies.find((a) => a.code === 'hoi-phu-nu')!.id
	ids.mttq = agencies.find((a) => a.code === 'ub-mttq')!.id
	ids.doThuong = villages.find((v) => v.name === 'Đỗ Thượng')!.id
	ids.doHa = villages.find((v) => v.name === 'Đỗ Hạ')!.id
	ids.hanLam = villages.find((v) => v.name === 'Hàn Lâm')!.id
	for (const user of ['vhxh', 'kinhte', 'motcua', 'truongthon', 'quantri', 'mttq', 'admin']) cookies[user] = await app.cookieFor(user)
})
afterAll(async () => {
	await app?.close()
})

async function get(path: string, user: string, extraCookie = '') {
	return fetch(app.url + path, { headers: { cookie: [cookies[user], extraCookie].filter(Boolean).join('; ') }, redirect: 'manual' })
}

async function post(path: string, user: string, fields: Record<string, string>) {
	const cookie = cookies[user]!
	const csrf = await csrfFor(app.url, cookie)
	return fetch(app.url + path, {
		method: 'POST',
		headers: { cookie: `${cookie}; ${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ _csrf: csrf.token, ...fields }),
		redirect: 'manual',
	})
}

/** The page a POST redirected to, with the flash cookie it left. */
async function follow(res: Response, user: string) {
	expect(res.status).toBe(303)
	const flash = res.headers.getSetCookie().find((c) => c.startsWith('tt_flash='))!.split(';')[0]!
	return (await get(res.headers.get('location')!, user, flash)).text()
}

/** The table row (as HTML) that mentions a name. */
function rowOf(html: string, name: string): string {
	const row = html.split('<tr').find((r) => r.includes(name))
	expect(row, `a row for ${name}`).toBeTruthy()
	return row!
}

const dmy = (iso: string) => formatDate(iso)
const session = (collector: string, fields: Record<string, string> = {}) => ({
	intent: 'record',
	collector,
	heldOn: dmy(today),
	place: 'Nhà văn hóa thôn',
	attendees: 'Trưởng thôn, 20 hộ dân',
	itemCount: '3',
	note: '',
	...fields,
})
const opening = (fields: Record<string, string> = {}) => ({
	intent: 'record',
	openedOn: dmy(today),
	place: 'Cổng trụ sở UBND xã',
	openedBy: 'Nguyễn Văn A (Chủ tịch UBMTTQ), Trần Thị B (Văn phòng)',
	letterCount: '2',
	note: '',
	...fields,
})

describe('who sees the pages', () => {
	test.each([
		['/quan-tri/thu-thap-y-kien', 'vhxh', 'kinhte', 'Thu thập ý kiến hằng tuần'],
		['/quan-tri/thu-thap-y-kien', 'truongthon', 'mttq', 'Thu thập ý kiến hằng tuần'],
		['/quan-tri/thu-thap-y-kien/tuan', 'vhxh', 'truongthon', 'Thu thập ý kiến theo tuần'],
		['/quan-tri/hom-thu', 'motcua', 'quantri', 'Hòm thư góp ý'],
		['/quan-tri/y-kien-cai-dat', 'quantri', 'kinhte', 'Cài đặt ý kiến'],
		['/quan-tri/y-kien-cai-dat', 'admin', 'motcua', 'Cài đặt ý kiến'],
	])('%s: %s sees it, %s gets 403', async (path, allowed, refused, title) => {
		const ok = await get(path, allowed)
		expect(ok.status).toBe(200)
		expect(await ok.text()).toContain(title)
		const no = await get(path, refused)
		expect(no.status).toBe(403)
		expect(await no.text()).toContain('Bạn không có quyền')
		const anonymous = await fetch(app.url + path, { redirect: 'manual' })
		expect(anonymous.status).toBe(302)
	})

	test.each(['vi', 'en'])('every page is complete in %s: no message key left untranslated', async (lang) => {
		const langCookie = (await localeCookie.serialize(lang)).split(';')[0]!
		const pages: Array<[string, string, string]> = [
			['/quan-tri/thu-thap-y-kien', 'vhxh', lang === 'en' ? 'Weekly opinion collection' : 'Thu thập ý kiến hằng tuần'],
			['/quan-tri/thu-thap-y-kien/tuan', 'vhxh', lang === 'en' ? 'Weekly collection record' : 'Thu thập ý kiến theo tuần'],
			['/quan-tri/hom-thu', 'motcua', lang === 'en' ? 'Suggestion box' : 'Hòm thư góp ý'],
			['/quan-tri/y-kien-cai-dat', 'quantri', lang === 'en' ? 'Feedback settings' : 'Cài đặt ý kiến'],
		]
		for (const [path, user, title] of pages) {
			const html = await (await get(path, user, langCookie)).text()
			expect(html).toContain(`<h1 class="page-title">${title}</h1>`)
			expect(html).not.toMatch(/>\s*(nav|collection|mailbox|feedbackSettings)\.[a-zA-Z.]+/)
		}
	})

	test('the navigation shows the new entries to those who may use them', async () => {
		const lead = await (await get('/quan-tri', 'vhxh')).text()
		expect(lead).toContain('href="/quan-tri/thu-thap-y-kien"')
		expect(lead).toContain('href="/quan-tri/hom-thu"')
		expect(lead).toContain('href="/quan-tri/y-kien-cai-dat"')
		const officer = await (await get('/quan-tri', 'kinhte')).text()
		expect(officer).not.toContain('href="/quan-tri/thu-thap-y-kien"')
		expect(officer).not.toContain('href="/quan-tri/y-kien-cai-dat"')
	})

	test('the collection page links to intake, and to the weekly record only for overview roles', async () => {
		const lead = await (await get('/quan-tri/thu-thap-y-kien', 'vhxh')).text()
		expect(lead).toContain('href="/quan-tri/y-kien/tiep-nhan?kenh=collection"')
		expect(lead).toContain('href="/quan-tri/thu-thap-y-kien/tuan"')
		const head = await (await get('/quan-tri/thu-thap-y-kien', 'truongthon')).text()
		expect(head).toContain('href="/quan-tri/y-kien/tiep-nhan?kenh=collection"')
		expect(head).not.toContain('href="/quan-tri/thu-thap-y-kien/tuan"')
	})
})

describe('weekly collection', () => {
	test('a recorded session shows on the list and counts as done for its week', async () => {
		const res = await post('/quan-tri/thu-thap-y-kien', 'vhxh', session(`agency:${ids.phuNu}`, { place: 'Hội trường xã' }))
		expect(res.headers.get('location')).toBe('/quan-tri/thu-thap-y-kien')
		const page = await follow(res, 'vhxh')
		expect(page).toContain(`Đã ghi nhận buổi thu thập ngày ${dmy(today)}.`)
		expect(rowOf(page, 'Hội trường xã')).toContain('Hội Liên hiệp Phụ nữ')

		const compliance = await (await get('/quan-tri/thu-thap-y-kien/tuan', 'vhxh')).text()
		const row = rowOf(compliance, 'Hội Liên hiệp Phụ nữ')
		expect(row).toContain('scope="row"')
		// The current week is the first column.
		expect(row.indexOf('Đã thu thập (3 ý kiến)')).toBeLessThan(row.indexOf('tag--danger'))
		expect(rowOf(compliance, 'Thúy Lâm')).toContain('Chưa có (tuần này)')
		expect(rowOf(compliance, 'Thúy Lâm')).toContain('tag--danger')
		expect(compliance).toMatch(/\d+\/12 đơn vị đã thu thập tuần này/)
		expect(compliance).toContain('<caption class="table__caption">Tình hình thu thập ý kiến, 8 tuần gần nhất</caption>')
		expect(compliance).toContain('scope="col"')
	})

	test('a session with no opinions counts, in the week it was held', async () => {
		const lastWeek = addCalendarDays(today, -7)
		const res = await post('/quan-tri/thu-thap-y-kien', 'vhxh', session(`village:${ids.hanLam}`, { heldOn: dmy(lastWeek), itemCount: '0' }))
		expect(res.status).toBe(303)
		const compliance = await (await get('/quan-tri/thu-thap-y-kien/tuan?tuan=4', 'vhxh')).text()
		const row = rowOf(compliance, 'Hàn Lâm')
		expect(row).toContain('Chưa có (tuần này)')
		expect(row).toContain('Đã thu thập (0 ý kiến)')
		expect(compliance).toContain('4 tuần gần nhất</caption>')
		const list = await (await get('/quan-tri/thu-thap-y-kien', 'vhxh')).text()
		expect(rowOf(list, dmy(lastWeek))).toContain('Không có ý kiến')
	})

	test('?thieu=1 lists only the collectors missing this week; an unknown week count falls back to 8', async () => {
		const missing = await (await get('/quan-tri/thu-thap-y-kien/tuan?thieu=1&tuan=999', 'vhxh')).text()
		expect(missing).not.toContain('Hội Liên hiệp Phụ nữ')
		expect(missing).toContain('Hàn Lâm')
		expect(missing).toContain('Đơn vị chưa thu thập ý kiến tuần này, 8 tuần gần nhất')
		expect(missing).toMatch(/<input[^>]*name="thieu"[^>]*checked/)
	})

	test('a village head records for their own village only', async () => {
		const page = await (await get('/quan-tri/thu-thap-y-kien', 'truongthon')).text()
		expect(page).toContain(`value="village:${ids.doThuong}"`)
		expect(page).not.toContain(`value="village:${ids.doHa}"`)
		expect(page).not.toContain(`value="agency:${ids.mttq}"`)
		// Sessions of other collectors are not theirs to see.
		expect(page).not.toContain('Hội trường xã')

		const other = await post('/quan-tri/thu-thap-y-kien', 'truongthon', session(`village:${ids.doHa}`, { place: 'Sân đình Đỗ Hạ' }))
		expect(other.status).toBe(400)
		const html = await other.text()
		expect(html).toContain('Có lỗi cần sửa')
		expect(html).toContain('Chọn đơn vị thu thập (MTTQ, đoàn thể hoặc thôn) mà bạn phụ trách.')
		expect(html).toContain('value="Sân đình Đỗ Hạ"')

		const own = await post('/quan-tri/thu-thap-y-kien', 'truongthon', session(`village:${ids.doThuong}`, { place: 'Nhà văn hóa Đỗ Thượng'.normalize('NFD') }))
		expect(own.status).toBe(303)
		const sessions = await listCollectionSessions(app.services.db, system, communeId)
		expect(sessions.find((s) => s.villageId === ids.doThuong)?.place).toBe('Nhà văn hóa Đỗ Thượng')
		expect(sessions.some((s) => s.villageId === ids.doHa)).toBe(false)
	})
})

describe('suggestion box', () => {
	test('an opening is recorded and links to recording each letter', async () => {
		const res = await post('/quan-tri/hom-thu', 'motcua', opening())
		expect(res.headers.get('location')).toBe('/quan-tri/hom-thu')
		const page = await follow(res, 'motcua')
		const [saved] = await listMailboxOpenings(app.services.db, system, communeId)
		expect(saved).toMatchObject({ openedOn: today, letterCount: 2, place: 'Cổng trụ sở UBND xã' })
		expect(page).toContain(`Đã ghi nhận lần mở hòm thư ngày ${dmy(today)}.`)
		expect(page).toContain(`href="/quan-tri/y-kien/tiep-nhan?kenh=mailbox&amp;hom-thu=${saved!.id}"`)
		expect(rowOf(page, 'Nguyễn Văn A (Chủ tịch UBMTTQ)')).toContain('Ghi từng thư')
	})
})

describe('feedback settings', () => {
	test('a field is added (in NFC), then edited and set aside', async () => {
		const res = await post('/quan-tri/y-kien-cai-dat', 'quantri', { intent: 'add-field', name: 'Cây xanh đô thị'.normalize('NFD'), sortOrder: '95' })
		const page = await follow(res, 'quantri')
		expect(page).toContain('Đã lưu lĩnh vực.')
		expect(page).toContain('Cây xanh đô thị')
		const field = (await listFields(app.services.db, communeId)).find((f) => f.name === 'Cây xanh đô thị')!
		expect(field).toMatchObject({ sortOrder: 95, active: true })

		const edited = await post('/quan-tri/y-kien-cai-dat', 'quantri', { intent: 'edit-field', id: field.id, name: 'Cây xanh, công viên', sortOrder: '96', active: 'no' })
		expect(rowOf(await follow(edited, 'quantri'), 'Cây xanh, công viên')).toContain('tag--neutral">Ngừng dùng')
		expect((await listFields(app.services.db, communeId, { activeOnly: true })).some((f) => f.id === field.id)).toBe(false)
	})

	test('a deadline policy is edited', async () => {
		const policy = (await listPolicies(app.services.db, communeId)).find((p) => p.kind === 'phan_anh' && !p.fieldId)!
		const res = await post('/quan-tri/y-kien-cai-dat', 'quantri', {
			intent: 'policy',
			id: policy.id,
			acceptWorkingDays: '3',
			answerDays: '15',
			answerUnit: 'days',
			extensionDays: '5',
			legalBasis: 'Quyết định số 12/2026/QĐ-UBND của UBND xã'.normalize('NFD'),
		})
		const page = await follow(res, 'quantri')
		expect(page).toContain('Đã lưu thời hạn xử lý.')
		const after = (await listPolicies(app.services.db, communeId)).find((p) => p.id === policy.id)!
		expect(after).toMatchObject({ acceptWorkingDays: 3, answerDays: 15, answerUnit: 'days', extensionDays: 5, legalBasis: 'Quyết định số 12/2026/QĐ-UBND của UBND xã' })
		expect(rowOf(page, 'Quyết định số 12/2026/QĐ-UBND')).toContain('15 ngày')
	})

	test('a new API key is shown once, not in a cookie or a URL, works, and is revoked', async () => {
		const res = await post('/quan-tri/y-kien-cai-dat', 'quantri', { intent: 'create-key', name: 'Ứng dụng công dân thử' })
		expect(res.status).toBe(200)
		expect(res.headers.get('location')).toBeNull()
		expect(res.headers.get('cache-control')).toBe('no-store')
		expect(res.headers.getSetCookie().some((c) => c.startsWith('tt_flash='))).toBe(false)
		const html = await res.text()
		const key = /<code>(tt_[A-Za-z0-9_-]{32})<\/code>/.exec(html)?.[1]
		expect(key).toMatch(/^tt_[A-Za-z0-9_-]{32}$/)
		expect(html).toContain('Hãy sao chép khóa ngay bây giờ')
		expect(html).toContain('/open311/v2/discovery.json')
		expect(await apiClientForKey(app.services.db, communeId, key!)).toMatchObject({ name: 'Ứng dụng công dân thử' })

		const again = await (await get('/quan-tri/y-kien-cai-dat', 'quantri')).text()
		expect(again).not.toContain(key!)
		const row = rowOf(again, 'Ứng dụng công dân thử')
		expect(row).toContain(`${key!.slice(0, 7)}…`)
		expect(row).toContain('tag--success">Đang dùng')
		const clientId = /name="id" value="([0-9a-f-]{36})"/.exec(row)?.[1]
		expect(clientId).toBeTruthy()

		const revoked = await post('/quan-tri/y-kien-cai-dat', 'quantri', { intent: 'revoke-key', id: clientId! })
		const page = await follow(revoked, 'quantri')
		expect(page).toContain('Đã thu hồi khóa.')
		expect(rowOf(page, 'Ứng dụng công dân thử')).toContain(`Đã thu hồi ${dmy(today)}`)
		expect(await apiClientForKey(app.services.db, communeId, key!)).toBeNull()
	})
})

describe('bad input: 400 with the summary and the values kept, never 500', () => {
	const script = '<script>alert(1)</script>'
	const long = 'x'.repeat(10_000)
	const nfd = 'Thôn Mới Đầu Lâm'.normalize('NFD')

	test.each([
		['empty collector', { collector: '' }, 'Chọn đơn vị thu thập'],
		['impossible date', { heldOn: '31/02/2026' }, 'Ngày không hợp lệ'],
		['future date', { heldOn: dmy(addCalendarDays(today, 2)) }, 'Ngày này chưa tới.'],
		['empty place', { place: '   ' }, 'Vui lòng nhập thông tin này.'],
		['10k place', { place: long }, 'Nội dung quá dài.'],
		['place on two lines', { place: 'a\nb' }, 'Chỉ nhập trên một dòng.'],
		['negative count', { itemCount: '-1', place: script }, 'Vui lòng nhập một số nguyên hợp lệ.'],
		['huge count', { itemCount: '99999999999999999999', place: nfd }, 'Vui lòng nhập một số nguyên hợp lệ.'],
		['blank count', { itemCount: '' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
		['fractional count', { itemCount: '2.5' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
		['10k note', { note: long, attendees: script }, 'Nội dung quá dài.'],
		['forged collector', { collector: `village:${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}` }, 'Chọn đơn vị thu thập'],
	] as Array<[string, Record<string, string>, string]>)('collection: %s', async (_name, fields, message) => {
		const res = await post('/quan-tri/thu-thap-y-kien', 'vhxh', session(`village:${ids.hanLam}`, fields))
		expect(res.status).toBe(400)
		const html = await res.text()
		expect(html).toContain('Có lỗi cần sửa')
		expect(html).toContain(message)
		expect(html).not.toContain(script)
		if (fields.place === script) expect(html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"')
		if (fields.place === nfd) expect(html).toContain(`value="${nfd}"`)
		if (fields.heldOn) expect(html).toContain(`value="${fields.heldOn}"`)
	})

	test.each([
		['impossible date', { openedOn: '31/02/2026' }, 'Ngày không hợp lệ'],
		['text as date', { openedOn: script }, 'Ngày không hợp lệ'],
		['empty opened by', { openedBy: '' }, 'Vui lòng nhập thông tin này.'],
		['10k place', { place: long }, 'Nội dung quá dài.'],
		['negative letters', { letterCount: '-3', openedBy: nfd }, 'Vui lòng nhập một số nguyên hợp lệ.'],
		['huge letters', { letterCount: '1e30' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
		['blank letters', { letterCount: ' ' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
	] as Array<[string, Record<string, string>, string]>)('mailbox: %s', async (_name, fields, message) => {
		const res = await post('/quan-tri/hom-thu', 'motcua', opening(fields))
		expect(res.status).toBe(400)
		const html = await res.text()
		expect(html).toContain('Có lỗi cần sửa')
		expect(html).toContain(message)
		expect(html).not.toContain(script)
		if (fields.openedBy === nfd) expect(html).toContain(`value="${nfd}"`)
	})

	test('settings forms', async () => {
		const policy = (await listPolicies(app.services.db, communeId)).find((p) => p.kind === 'gop_y' && !p.fieldId)!
		const field = (await listFields(app.services.db, communeId))[0]!
		const good = { acceptWorkingDays: '5', answerDays: '10', answerUnit: 'working_days', extensionDays: '10', legalBasis: '' }
		const cases: Array<[Record<string, string>, string]> = [
			[{ intent: 'add-field', name: '', sortOrder: '10' }, 'Vui lòng nhập thông tin này.'],
			[{ intent: 'add-field', name: long, sortOrder: '10' }, 'Nội dung quá dài.'],
			[{ intent: 'add-field', name: script, sortOrder: '-5' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
			[{ intent: 'edit-field', id: field.id, name: nfd, sortOrder: '99999999999999999999', active: 'yes' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
			[{ intent: 'policy', id: policy.id, ...good, answerDays: '0' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
			[{ intent: 'policy', id: policy.id, ...good, acceptWorkingDays: '99999999999999999999' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
			[{ intent: 'policy', id: policy.id, ...good, extensionDays: '' }, 'Vui lòng nhập một số nguyên hợp lệ.'],
			[{ intent: 'policy', id: policy.id, ...good, answerUnit: 'weeks' }, 'Giá trị không hợp lệ.'],
			[{ intent: 'policy', id: policy.id, ...good, legalBasis: long }, 'Nội dung quá dài.'],
			[{ intent: 'create-key', name: '' }, 'Vui lòng nhập thông tin này.'],
			[{ intent: 'create-key', name: long }, 'Nội dung quá dài.'],
		]
		for (const [fields, message] of cases) {
			const res = await post('/quan-tri/y-kien-cai-dat', 'quantri', fields)
			const label = JSON.stringify(fields).slice(0, 100)
			expect(res.status, label).toBe(400)
			const html = await res.text()
			expect(html, label).toContain('Có lỗi cần sửa')
			expect(html, label).toContain(message)
			expect(html, label).not.toContain(script)
			expect(html, label).not.toMatch(/<code>tt_[A-Za-z0-9_-]{32}<\/code>/)
			if (fields.name === nfd) expect(html, label).toContain(`value="${nfd}"`)
			if (fields.name === script) expect(html, label).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"')
		}
		// The policy is unchanged.
		expect((await listPolicies(app.services.db, communeId)).find((p) => p.id === policy.id)).toMatchObject({ answerDays: policy.answerDays })
	})

	test('forged ids and unknown intents are 4xx', async () => {
		const statuses: number[] = []
		const forged: Array<Record<string, string>> = [
			{ intent: 'policy', id: 'not-a-uuid', acceptWorkingDays: '5', answerDays: '10', answerUnit: 'days', extensionDays: '10' },
			{ intent: 'edit-field', id: script, name: 'A', sortOrder: '1' },
			{ intent: 'revoke-key', id: '' },
			{ intent: script },
			{},
		]
		for (const fields of forged) {
			const res = await post('/quan-tri/y-kien-cai-dat', 'quantri', fields)
			await res.body?.cancel()
			statuses.push(res.status)
		}
		for (const [path, user] of [
			['/quan-tri/thu-thap-y-kien', 'vhxh'],
			['/quan-tri/hom-thu', 'motcua'],
		] as const) {
			const res = await post(path, user, { intent: 'nothing' })
			await res.body?.cancel()
			statuses.push(res.status)
		}
		expect(statuses).toEqual([404, 404, 404, 400, 400, 400, 400])
	})

	test('hostile query strings on the weekly record', async () => {
		for (const q of [`tuan=${encodeURIComponent(script)}&thieu=${encodeURIComponent(long)}`, 'tuan=-4', 'tuan=1e3', `tuan=${nfd}`]) {
			const res = await get(`/quan-tri/thu-thap-y-kien/tuan?${q}`, 'vhxh')
			expect(res.status, q.slice(0, 60)).toBe(200)
			expect(await res.text()).toContain('8 tuần gần nhất</caption>')
		}
	})
})
