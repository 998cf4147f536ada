import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatDate } from '#app/core/i18n/i18n.ts'
import { listObligations } from '#app/modules/disclosure/catalogue.server.ts'
import { DEFAULT_COMMITMENT, getPublicFacts } from '#app/modules/disclosure/facts.server.ts'
import { addCalendarDays, toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { localeCookie } from '#app/modules/platform/http/request-state.server.ts'
import { listAgencies, listPublicCommunes } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { csrfFor, startTestApp } from './app-server.ts'

// The back-office pages of the disclosure module's settings, over HTTP: the catalogue of
// obligations and its edit page, and the commune's fixed public facts (boxes, commitment, phones,
// receptions). Who may see them, what they change, and how they answer bad input.

let app: Awaited<ReturnType<typeof startTestApp>>
let communeId = ''
const cookies: Record<string, string> = {}
const today = toIsoDate(new Date())
const CATALOGUE = '/quan-tri/cong-khai/danh-muc'
const FACTS = '/quan-tri/thong-tin-cong-khai'
const ids = { obligation: '', agency: '' }

beforeAll(async () => {
	app = await startTestApp()
	const db = app.services.db
	communeId = (await listPublicCommunes(db))[0]!.id
	// One the catalogue tests below do not look at: it gets edited.
	ids.obligation = (await listObligations(db, communeId)).find((o) => o.key !== 'dccs-11-1-plan' && o.requiredForms.includes('notice_office'))!.id
	ids.agency = (await listAgencies(db, systemActor('test'), communeId)).find((a) => a.code === 'phong-kinh-te')!.id
	for (const user of ['quantri', 'chutich', 'kinhte', 'truongthon', 'admin']) cookies[user] = await app.cookieFor(user)
})
afterAll(async () => {
	await app?.close()
})

async function get(path: string, user: string | null, extraCookie = '') {
	const cookie = [user ? cookies[user] : '', extraCookie].filter(Boolean).join('; ')
	return fetch(app.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
}

/** A form POST; fields given as pairs may repeat a name (checkboxes). */
async function post(path: string, user: string, fields: Record<string, string> | Array<[string, string]>) {
	const cookie = cookies[user]!
	const csrf = await csrfFor(app.url, cookie)
	const pairs = Array.isArray(fields) ? fields : Object.entries(fields)
	return fetch(app.url + path, {
		method: 'POST',
		headers: { cookie: `${cookie}; ${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams([['_csrf', csrf.token], ...pairs]),
		redirect: 'manual',
	})
}

/** The page a POST redirected to, with the flash cookie it left. */
async function follow(res: Response, user: string, to: string) {
	expect(res.status).toBe(303)
	expect(res.headers.get('location')).toBe(to)
	const flash = res.headers.getSetCookie().find((c) => c.startsWith('tt_flash='))!.split(';')[0]!
	const page = await get(to, user, flash)
	expect(page.status).toBe(200)
	return page.text()
}

/** The table row (as HTML) that mentions a text. */
function rowOf(html: string, text: string): string {
	const row = html
		.split('<tr')
		.slice(1)
		.map((r) => r.split('</tr>')[0]!)
		.find((r) => r.includes(text))
	expect(row, `a row for ${text}`).toBeTruthy()
	return row!
}

/** The <input> of a checkbox or radio, by name and value. */
function inputOf(html: string, name: string, value: string): string {
	const input = html.match(/<input[^>]*>/g)?.find((i) => i.includes(` name="${name}"`) && i.includes(` value="${value}"`))
	expect(input, `an input ${name}=${value}`).toBeTruthy()
	return input!
}

/** Text as React writes it into the page. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')

/** A whole obligation form, as the edit page sends it. */
function obligationForm(fields: Record<string, string> = {}, forms: string[] = ['notice_office', 'radio']): Array<[string, string]> {
	const base: Record<string, string> = {
		title: 'Kế hoạch sử dụng đất hằng năm của xã',
		description: 'Kế hoạch sử dụng đất sau khi được phê duyệt.',
		field: 'dat-dai-du-an',
		law: 'dccs',
		legalBasis: 'Luật THDCCS 2022, Điều 11 khoản 3',
		agencyId: ids.agency,
		durationKind: 'days',
		minimumDays: '45',
		radioDays: '3',
		recurrence: 'on_decision',
		deadlineWorkingDays: '7',
		periodGraceDays: '',
		reviewMonths: '',
		note: 'Ghi chú của xã',
		active: 'on',
		...fields,
	}
	return [...Object.entries(base), ...forms.map((f): [string, string] => ['requiredForms', f])]
}

describe('who sees the pages', () => {
	test.each([
		[CATALOGUE, ['quantri', 'chutich', 'kinhte', 'admin'], ['truongthon'], 'Danh mục nội dung phải công khai'],
		[FACTS, ['quantri', 'chutich', 'admin'], ['kinhte', 'truongthon'], 'Thông tin công khai của xã'],
	])('%s: %j see it, %j get 403', async (path, allowed, refused, title) => {
		for (const user of allowed) {
			const ok = await get(path, user)
			expect(ok.status, user).toBe(200)
			expect(await ok.text(), user).toContain(`<h1 class="page-title">${title}</h1>`)
		}
		for (const user of refused) {
			const no = await get(path, user)
			expect(no.status, user).toBe(403)
			expect(await no.text()).toContain('Bạn không có quyền')
		}
		const anonymous = await get(path, null)
		expect(anonymous.status).toBe(302)
		expect(anonymous.headers.get('location')).toMatch(/^\/dang-nhap\?next=/)
	})

	test('the catalogue offers adding and editing only to those who manage it', async () => {
		const admin = await (await get(CATALOGUE, 'quantri')).text()
		expect(admin).toContain(`href="${CATALOGUE}/moi"`)
		expect(admin).toContain('Thêm nội dung phải công khai')
		expect(admin).toContain(`href="/quan-tri/cong-khai?noi-dung=${ids.obligation}"`)
		for (const user of ['chutich', 'kinhte']) {
			const html = await (await get(CATALOGUE, user)).text()
			expect(html, user).not.toContain(`href="${CATALOGUE}/moi"`)
			expect(html, user).toContain(`href="/quan-tri/cong-khai?noi-dung=${ids.obligation}"`)
			expect(html, user).toContain('người có quyền quản lý danh mục')
		}
	})

	test('the catalogue shows each obligation with its rules, grouped by field', async () => {
		const html = await (await get(CATALOGUE, 'kinhte')).text()
		const obligations = await listObligations(app.services.db, communeId)
		const plan = obligations.find((o) => o.key === 'dccs-11-1-plan')!
		const row = rowOf(html, plan.title)
		expect(row).toContain('Luật THDCCS 2022, Điều 11 khoản 1')
		expect(row).toContain('Niêm yết tại trụ sở UBND xã')
		expect(row).toContain('Ít nhất 30 ngày liên tục')
		expect(row).toContain('Mỗi khi có quyết định, văn bản')
		expect(row).toContain('Chậm nhất 5 ngày làm việc sau khi có quyết định')
		expect(row).toContain('Văn phòng HĐND và UBND')
		expect(row).toContain('tag--success">Đang áp dụng')
		expect(html).toContain('<h2 id="linh-vuc-ke-hoach">Kế hoạch kinh tế - xã hội</h2>')
		// Entries whose rules are a documented default say so, with the reason at hand.
		const byDefault = obligations.find((o) => o.certainty === 'default' && o.note)!
		const defaultRow = rowOf(html, byDefault.title)
		expect(defaultRow).toContain('Giá trị mặc định')
		expect(defaultRow).toContain('<details class="details">')
		const periodic = obligations.find((o) => o.recurrence === 'quarterly' && o.periodGraceDays)!
		expect(rowOf(html, periodic.title)).toContain(`Chậm nhất ${periodic.periodGraceDays} ngày sau khi hết kỳ`)
		const kept = obligations.find((o) => o.recurrence === 'on_change' && o.reviewMonths)!
		expect(rowOf(html, kept.title)).toContain(`Rà soát ít nhất ${kept.reviewMonths} tháng một lần`)
	})

	test('an obligation: the form for those who manage the catalogue, the facts read-only for others', async () => {
		const path = `${CATALOGUE}/${ids.obligation}`
		const admin = await get(path, 'quantri')
		expect(admin.status).toBe(200)
		const form = await admin.text()
		expect(form).toContain('name="title"')
		expect(form).toContain('Luật: ít nhất 30 ngày liên tục')
		expect(inputOf(form, 'requiredForms', 'notice_office')).toContain('checked')

		const viewer = await get(path, 'kinhte')
		expect(viewer.status).toBe(200)
		const summary = await viewer.text()
		expect(summary).not.toContain('name="title"')
		expect(summary).toContain('summary-list')
		expect(summary).toContain('Niêm yết tại trụ sở UBND xã')

		expect((await get(path, 'truongthon')).status).toBe(403)
		expect((await get(`${CATALOGUE}/moi`, 'quantri')).status).toBe(200)
		expect((await get(`${CATALOGUE}/moi`, 'kinhte')).status).toBe(403)
		expect((await get(`${CATALOGUE}/moi`, 'chutich')).status).toBe(403)
		expect((await get(`${CATALOGUE}/00000000-0000-4000-8000-000000000000`, 'quantri')).status).toBe(404)
		expect((await get(`${CATALOGUE}/khong-co`, 'quantri')).status).toBe(404)
	})

	test.each(['vi', 'en'])('every page is complete in %s: no message key left untranslated', async (lang) => {
		const langCookie = (await localeCookie.serialize(lang)).split(';')[0]!
		const pages: Array<[string, string, string]> = [
			[CATALOGUE, 'quantri', lang === 'en' ? 'Catalogue of what must be published' : 'Danh mục nội dung phải công khai'],
			[`${CATALOGUE}/${ids.obligation}`, 'kinhte', ''],
			[`${CATALOGUE}/${ids.obligation}`, 'quantri', ''],
			[`${CATALOGUE}/moi`, 'quantri', lang === 'en' ? 'Add an item to publish' : 'Thêm nội dung phải công khai'],
			[FACTS, 'quantri', lang === 'en' ? 'Commune public facts' : 'Thông tin công khai của xã'],
		]
		for (const [path, user, title] of pages) {
			const res = await get(path, user, langCookie)
			expect(res.status, path).toBe(200)
			// The page itself, without the scripts that carry module names.
			const html = (await res.text()).split('<script')[0]!
			if (title) expect(html).toContain(`<h1 class="page-title">${title}</h1>`)
			expect(html, path).not.toMatch(/[>"]\s*(disclosure|nav|form|table)\.[a-zA-Z_.-]+/)
		}
	})
})

describe('the catalogue', () => {
	test('an edited obligation shows its new rules on the catalogue', async () => {
		const res = await post(`${CATALOGUE}/${ids.obligation}`, 'quantri', obligationForm())
		const page = await follow(res, 'quantri', CATALOGUE)
		expect(page).toContain('Đã lưu nội dung “Kế hoạch sử dụng đất hằng năm của xã”.')
		const row = rowOf(page, 'Kế hoạch sử dụng đất hằng năm của xã')
		expect(row).toContain('Luật THDCCS 2022, Điều 11 khoản 3')
		expect(row).toContain('Ít nhất 45 ngày liên tục')
		expect(row).toContain('Phát loa ít nhất 3 ngày liên tục')
		expect(row).toContain('Loa truyền thanh')
		expect(row).not.toContain('Trang thông tin điện tử của xã')
		expect(row).toContain('Chậm nhất 7 ngày làm việc sau khi có quyết định')
		expect(row).toContain('Phòng Kinh tế')
		// Now in its new field.
		const section = page.split('<h2 id="linh-vuc-dat-dai-du-an">')[1]!.split('<h2')[0]!
		expect(section).toContain('Kế hoạch sử dụng đất hằng năm của xã')

		const form = await (await get(`${CATALOGUE}/${ids.obligation}`, 'quantri')).text()
		expect(inputOf(form, 'requiredForms', 'radio')).toContain('checked')
		expect(inputOf(form, 'requiredForms', 'website')).not.toContain('checked')
		expect(form).toContain('value="45"')

		// Stopped: shown as not in use.
		const stopped = obligationForm({ active: '' }).filter(([k]) => k !== 'active')
		const after = await follow(await post(`${CATALOGUE}/${ids.obligation}`, 'quantri', stopped), 'quantri', CATALOGUE)
		expect(rowOf(after, 'Kế hoạch sử dụng đất hằng năm của xã')).toContain('tag--neutral">Ngừng áp dụng')
	})

	test("the commune adds its own obligation, marked as the commune's choice", async () => {
		const res = await post(
			`${CATALOGUE}/moi`,
			'quantri',
			obligationForm({ title: 'Kết quả bình xét hộ nghèo của thôn', field: 'an-sinh', law: 'other', durationKind: 'permanent', minimumDays: '', recurrence: 'yearly', periodGraceDays: '20' }, ['notice_village']),
		)
		const page = await follow(res, 'quantri', CATALOGUE)
		const row = rowOf(page, 'Kết quả bình xét hộ nghèo của thôn')
		expect(row).toContain('Thường xuyên')
		expect(row).toContain('Hằng năm')
		expect(row).toContain('Chậm nhất 20 ngày sau khi hết kỳ')
		expect(row).toContain('Niêm yết tại nhà văn hóa thôn')
		const created = (await listObligations(app.services.db, communeId)).find((o) => o.title === 'Kết quả bình xét hộ nghèo của thôn')!
		expect(created.minimumDays).toBeNull()
		expect(created.reviewMonths).toBeNull()
	})

	test.each([
		['days without minimum days', obligationForm({ minimumDays: '' }), 'minimumDays', 'Nhập số ngày công khai tối thiểu.'],
		['an empty title', obligationForm({ title: '   ' }), 'title', 'Vui lòng nhập thông tin này.'],
		['no required form', obligationForm({}, []), 'requiredForms', 'Chọn ít nhất một hình thức công khai bắt buộc.'],
		['no field', obligationForm({ field: '' }), 'field', 'Chọn lĩnh vực.'],
		['a quarterly one without grace days', obligationForm({ recurrence: 'quarterly', periodGraceDays: '' }), 'periodGraceDays', 'Nhập số ngày sau khi hết kỳ phải công khai.'],
		['one kept current without review months', obligationForm({ recurrence: 'on_change' }), 'reviewMonths', 'Nhập chu kỳ rà soát (tháng).'],
		['a deadline that is not a number', obligationForm({ deadlineWorkingDays: 'năm' }), 'deadlineWorkingDays', 'Vui lòng nhập một số nguyên hợp lệ.'],
		['an agency of no commune', obligationForm({ agencyId: '00000000-0000-4000-8000-000000000000' }), 'agencyId', 'Giá trị không hợp lệ.'],
	])('%s: 400 with the message next to the field, what was typed kept', async (_label, fields, field, message) => {
		for (const path of [`${CATALOGUE}/${ids.obligation}`, `${CATALOGUE}/moi`]) {
			const res = await post(path, 'quantri', fields)
			expect(res.status, path).toBe(400)
			const html = await res.text()
			expect(html).toContain('Có lỗi cần sửa')
			expect(html).toContain(message)
			expect(html).toContain(`href="#field-${field}"`)
			expect(html).toContain('field--error')
			expect(html).toContain('value="Luật THDCCS 2022, Điều 11 khoản 3"')
			expect(html).toContain('Ghi chú của xã')
			const forms = fields.filter(([k]) => k === 'requiredForms').map(([, v]) => v)
			for (const f of forms) expect(inputOf(html, 'requiredForms', f)).toContain('checked')
			expect(inputOf(html, 'requiredForms', 'website')).not.toContain('checked')
		}
	})

	test('only those who manage the catalogue may change it; an unknown id is not found', async () => {
		for (const user of ['chutich', 'kinhte', 'truongthon']) {
			const res = await post(`${CATALOGUE}/${ids.obligation}`, user, obligationForm({ title: 'Sửa trái phép' }))
			expect(res.status, user).toBe(403)
			expect((await post(`${CATALOGUE}/moi`, user, obligationForm({ title: 'Thêm trái phép' }))).status, user).toBe(403)
		}
		expect((await post(`${CATALOGUE}/00000000-0000-4000-8000-000000000000`, 'quantri', obligationForm())).status).toBe(404)
		const titles = (await listObligations(app.services.db, communeId)).map((o) => o.title)
		expect(titles).not.toContain('Sửa trái phép')
		expect(titles).not.toContain('Thêm trái phép')
	})
})

describe('the public facts', () => {
	test('the form holds the facts as published (the default commitment until the commune writes its own); the commune details are read-only', async () => {
		const html = await (await get(FACTS, 'quantri')).text()
		const published = (await getPublicFacts(app.services.db, communeId))!
		expect(html).toContain(escapeHtml(published.facts.commitment || DEFAULT_COMMITMENT))
		if (published.facts.mailboxPlaces) expect(html).toContain(escapeHtml(published.facts.mailboxPlaces))
		if (published.commune.hotline) expect(html).toContain(escapeHtml(published.commune.hotline))
		expect(html).toContain('href="/quan-tri/thong-tin-xa"')
		expect(html).toContain('href="/lien-he"')
		expect(html).not.toContain('name="hotline"')
		const leader = await (await get(FACTS, 'chutich')).text()
		expect(leader).not.toContain('href="/quan-tri/thong-tin-xa"')
		expect(leader).toContain('Quản trị của xã sửa các thông tin này')
	})

	test('saved facts show on the page, and on the contact page when it exists', async () => {
		const fields = {
			intent: 'facts',
			mailboxPlaces: 'Cổng trụ sở UBND xã\nNhà văn hóa thôn Đỗ Thượng',
			commitment: 'Cán bộ xã cam kết không gây phiền hà cho người dân.',
			receptionSchedule: 'Sáng thứ Năm tuần thứ hai và thứ tư hằng tháng',
			receptionPlace: 'Phòng tiếp công dân, trụ sở UBND xã',
		}
		const page = await follow(await post(FACTS, 'chutich', fields), 'chutich', FACTS)
		expect(page).toContain('Đã lưu nơi đặt hòm thư, cam kết và lịch tiếp công dân.')
		expect(page).toContain('Nhà văn hóa thôn Đỗ Thượng')
		expect(page).toContain('Cán bộ xã cam kết không gây phiền hà cho người dân.')
		expect(page).not.toContain(DEFAULT_COMMITMENT)
		expect(page).toContain('value="Phòng tiếp công dân, trụ sở UBND xã"')

		// The public contact page is written separately: check it only when it is there.
		const contact = await get('/lien-he', null)
		if (contact.status !== 404) {
			expect(contact.status).toBe(200)
			const html = await contact.text()
			expect(html).toContain('Nhà văn hóa thôn Đỗ Thượng')
			expect(html).toContain('Sáng thứ Năm tuần thứ hai và thứ tư hằng tháng')
		} else await contact.body?.cancel()
	})

	test('a published phone number is added, edited and removed', async () => {
		const add = { intent: 'add-contact', fullName: 'Nguyễn Văn Bình', position: 'Chủ tịch UBND xã', phone: '0912 345 678', duties: 'đất đai, xây dựng', sortOrder: '10' }
		let page = await follow(await post(FACTS, 'quantri', add), 'quantri', FACTS)
		expect(page).toContain('Đã thêm số điện thoại của Nguyễn Văn Bình.')
		let row = rowOf(page, 'Nguyễn Văn Bình')
		expect(row).toContain('0912 345 678')
		expect(row).toContain('đất đai, xây dựng')
		const id = /name="id" value="([^"]+)"/.exec(row)![1]!

		page = await follow(await post(FACTS, 'quantri', { ...add, intent: 'edit-contact', id, phone: '0912 000 111' }), 'quantri', FACTS)
		expect(page).toContain('Đã lưu số điện thoại của Nguyễn Văn Bình.')
		row = rowOf(page, 'Nguyễn Văn Bình')
		expect(row).toContain('0912 000 111')

		const contact = await get('/lien-he', null)
		if (contact.status !== 404) expect(await contact.text()).toContain('0912 000 111')
		else await contact.body?.cancel()

		page = await follow(await post(FACTS, 'quantri', { intent: 'remove-contact', id }), 'quantri', FACTS)
		expect(page).toContain('Đã xóa số điện thoại của Nguyễn Văn Bình.')
		expect(page).not.toContain('0912 000 111')
		// Removed twice: not found.
		expect((await post(FACTS, 'quantri', { intent: 'remove-contact', id })).status).toBe(404)
	})

	test('a bad phone number: 400 with the message, what was typed kept, in the form that was sent', async () => {
		const res = await post(FACTS, 'quantri', { intent: 'add-contact', fullName: 'Trần Thị Cúc', position: 'Công chức địa chính', phone: '12ab', duties: '', sortOrder: '20' })
		expect(res.status).toBe(400)
		const html = await res.text()
		expect(html).toContain('Có lỗi cần sửa')
		expect(html).toContain('Nhập số điện thoại Việt Nam, ví dụ 0912 345 678.')
		expect(html).toContain('href="#field-contact-new-phone"')
		expect(html).toContain('id="field-contact-new-phone"')
		expect(html).toContain('value="Trần Thị Cúc"')
		expect(html).toContain('value="12ab"')

		const empty = await post(FACTS, 'quantri', { intent: 'add-contact', fullName: '', position: '', phone: '', duties: '', sortOrder: '' })
		expect(empty.status).toBe(400)
		const emptyHtml = await empty.text()
		expect(emptyHtml).toContain('href="#field-contact-new-fullName"')
		expect(emptyHtml).toContain('href="#field-contact-new-position"')
	})

	test('a reception session and a dialogue conference are recorded and removed', async () => {
		const fields = {
			intent: 'add-reception',
			kind: 'dialogue',
			heldOn: formatDate(today),
			host: 'Chủ tịch UBND xã Nguyễn Văn Bình',
			place: 'Hội trường UBND xã',
			attendance: '85',
			raised: 'Đường liên thôn xuống cấp.',
			outcome: 'Đưa vào kế hoạch sửa chữa năm sau.',
		}
		let page = await follow(await post(FACTS, 'chutich', fields), 'chutich', FACTS)
		expect(page).toContain(`Đã ghi nhận: Hội nghị đối thoại ngày ${formatDate(today)}.`)
		const row = rowOf(page, 'Đường liên thôn xuống cấp.')
		expect(row).toContain('Hội nghị đối thoại')
		expect(row).toContain('Hội trường UBND xã')
		expect(row).toContain('85')
		expect(row).toContain('Đưa vào kế hoạch sửa chữa năm sau.')
		const id = /name="id" value="([^"]+)"/.exec(row)![1]!

		const lastMonth = addCalendarDays(today, -30)
		page = await follow(await post(FACTS, 'chutich', { ...fields, kind: 'reception', heldOn: formatDate(lastMonth), raised: 'Cấp giấy chứng nhận quyền sử dụng đất chậm.', attendance: '' }), 'chutich', FACTS)
		expect(rowOf(page, 'Cấp giấy chứng nhận quyền sử dụng đất chậm.')).toContain('Tiếp công dân')
		// Newest first.
		expect(page.indexOf('Đường liên thôn xuống cấp.')).toBeLessThan(page.indexOf('Cấp giấy chứng nhận quyền sử dụng đất chậm.'))

		page = await follow(await post(FACTS, 'chutich', { intent: 'remove-reception', id }), 'chutich', FACTS)
		expect(page).toContain(`Đã xóa: Hội nghị đối thoại ngày ${formatDate(today)}.`)
		expect(page).not.toContain('Đường liên thôn xuống cấp.')
		expect(page).toContain('Cấp giấy chứng nhận quyền sử dụng đất chậm.')
	})

	test.each([
		['a day that has not come', { heldOn: formatDate(addCalendarDays(toIsoDate(new Date()), 2)) }, 'heldOn', 'Ngày này chưa đến; chỉ ghi những gì đã làm.'],
		['a date that is not one', { heldOn: '31/02/2026' }, 'heldOn', 'Ngày không hợp lệ'],
		['no host', { host: '' }, 'host', 'Vui lòng nhập thông tin này.'],
		['an attendance that is not a number', { attendance: 'nhiều' }, 'attendance', 'Vui lòng nhập một số nguyên hợp lệ.'],
	])('a reception with %s: 400, the message, what was typed kept', async (_label, change, field, message) => {
		const fields = { intent: 'add-reception', kind: 'dialogue', heldOn: formatDate(today), host: 'Phó Chủ tịch UBND xã', place: 'Nhà văn hóa thôn Hàn Lâm', attendance: '40', raised: 'Nước sinh hoạt', outcome: '', ...change }
		const res = await post(FACTS, 'quantri', fields)
		expect(res.status).toBe(400)
		const html = await res.text()
		expect(html).toContain(message)
		expect(html).toContain(`href="#field-reception-${field}"`)
		expect(html).toContain('value="Nhà văn hóa thôn Hàn Lâm"')
		expect(html).toContain(`value="${fields.heldOn}"`)
		expect(inputOf(html, 'kind', 'dialogue')).toContain('checked')
		expect(html).toContain('Nước sinh hoạt')
	})

	test('only those with the facts capability may change them; an unknown intent is a bad request', async () => {
		for (const user of ['kinhte', 'truongthon']) {
			expect((await post(FACTS, user, { intent: 'facts', mailboxPlaces: 'Trái phép' })).status, user).toBe(403)
			expect((await post(FACTS, user, { intent: 'add-contact', fullName: 'A', position: 'B', phone: '0912345678' })).status, user).toBe(403)
		}
		expect((await post(FACTS, 'quantri', { intent: 'something-else' })).status).toBe(400)
		expect((await post(FACTS, 'quantri', { intent: 'remove-reception', id: 'khong-co' })).status).toBe(404)
		const html = await (await get(FACTS, 'quantri')).text()
		expect(html).not.toContain('Trái phép')
	})
})
