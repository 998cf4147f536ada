import { type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test'
import { authFile, DEMO_PASSWORD, expect, expectNoA11yViolations, expectNoHorizontalScroll, jsEnabled, open, submitSignIn, test, unique, VIEWPORTS } from './helpers.ts'

// The disclosure module (công khai) in the browser: an officer records a publication with a file
// and a posting, a publisher publishes it, citizens find it without diacritics and read it (text
// escaped, the posting, the file, the A4 sheet), then it is withdrawn with a reason that the
// public page shows. The record form's errors, a posting ending before it starts, the compliance
// figures and the quarterly list (page and Word). The public pages send no script; they and the
// pages of the journey are checked with axe-core and for sideways scrolling at 1280 and 360 px.
// The other staff pages of the module are in a11y.spec.ts.
//
// Sign-ins (10 a minute per address): one per project, the programme lead (vhxh), who may publish
// and withdraw; no stored session has disclosure.publish but admin's. The economy officer (kinhte,
// stored) records, the commune's administrator (quantri) has no disclosure.record.

const PUBLIC = '/cong-khai'
const STAFF = '/quan-tri/cong-khai'

/** The demo seed's publications (app/modules/disclosure/demo-seed.server.ts). */
const DEMO = {
	poor: 'Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ tiền điện năm 2026 (mẫu)',
	poorObligation: 'Kết quả bình xét và thực hiện chính sách an sinh xã hội',
	withdrawn: 'Thông báo mức đóng góp xây dựng nhà văn hóa thôn Phạm Lâm (mẫu)',
	withdrawnReason: 'Thôn chưa họp bàn và biểu quyết mức đóng góp theo Điều 15 Luật Thực hiện dân chủ ở cơ sở; sẽ công khai lại sau khi thôn quyết định.',
	procedures: 'Danh mục thủ tục hành chính thực hiện tại Trung tâm Phục vụ hành chính công xã (mẫu)',
	draft: 'Phương án bồi thường, hỗ trợ giải phóng mặt bằng mở rộng đường trục xã đoạn qua thôn Đạo Lâm (mẫu)',
}

/** A small but real PDF (the upload check looks at the first bytes). */
const SMALL_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')

const vnDateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })

/** A day in Vietnam as the forms take it (dd/mm/yyyy), `days` from today. */
function vnDate(days = 0): string {
	return vnDateFormat.format(new Date(Date.now() + days * 86_400_000))
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function textNfc(locator: Locator): Promise<string> {
	return ((await locator.textContent()) ?? '').trim().normalize('NFC')
}

/** Citizen pages send no script, whether the browser runs JavaScript or not. */
async function expectNoScript(page: Page) {
	await expect(page.locator('script')).toHaveCount(0)
	await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0)
}

/**
 * axe-core and the reflow check on a citizen's page. These pages send no script, so axe runs in
 * the 'js' project only (as in feedback.spec.ts); the 'no-js' project keeps the reflow check.
 */
async function checkPage(page: Page, browser: Browser, testInfo: TestInfo) {
	await expectNoScript(page)
	if (jsEnabled(testInfo)) await expectNoA11yViolations(page, browser, testInfo)
	await expectNoHorizontalScroll(page)
}

/** The page as it is now, at 1280 px and at 360 px (then back to 1280). */
async function atBothWidths(page: Page, check: () => Promise<void>) {
	await check()
	await page.setViewportSize({ width: 360, height: 740 })
	try {
		await check()
	} finally {
		await page.setViewportSize({ width: 1280, height: 800 })
	}
}

/** A citizen's page at both widths. */
async function checkPublicBothWidths(page: Page, browser: Browser, testInfo: TestInfo) {
	await atBothWidths(page, () => checkPage(page, browser, testInfo))
}

/** A staff page at both widths, with JavaScript (a11y.spec.ts checks staff pages without it too). */
async function checkStaffBothWidths(page: Page, browser: Browser, testInfo: TestInfo) {
	if (!jsEnabled(testInfo)) return
	await atBothWidths(page, async () => {
		await expectNoA11yViolations(page, browser, testInfo)
		await expectNoHorizontalScroll(page)
	})
}

/** A second browser window for another person, with this project's address and JavaScript setting. */
async function newWindow(browser: Browser, testInfo: TestInfo, errors: string[], storageState?: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		baseURL: testInfo.project.use.baseURL,
		javaScriptEnabled: jsEnabled(testInfo),
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		viewport: { width: 1280, height: 800 },
		storageState,
	})
	const page = await context.newPage()
	page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
	page.on('console', (message) => {
		if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) errors.push(`${page.url()}: ${message.text()}`)
	})
	return { context, page }
}

/** A <details> section (of the page, or inside a part of it) by the start of its summary. */
function sectionOf(scope: Page | Locator, summary: string): Locator {
	const page = 'page' in scope ? scope.page() : scope
	return scope.locator('details').filter({ has: page.locator('summary', { hasText: new RegExp(`^${escapeRegExp(summary)}`) }) })
}

/** Opens a <details> section (works without JavaScript too) unless it is open. */
async function openSection(section: Locator) {
	if ((await section.getAttribute('open')) === null) await section.locator('summary').first().click()
	await expect(section).toHaveAttribute('open', '')
}

/** The success notice of a staff page. */
const doneNotice = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text })

/** The value cell of one row of a summary list. */
const rowOf = (page: Page, label: string) =>
	page
		.locator('.summary-list__row')
		.filter({ has: page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
		.locator('dd')
		.first()

/** The error summary at the top of the page (or of a form), and its link to a field, which exists once. */
async function expectSummaryLinksTo(scope: Page | Locator, message: string | RegExp, fieldId: string) {
	const summary = scope.locator('.error-summary')
	await expect(summary).toContainText('Có lỗi cần sửa')
	const link = summary.getByRole('link', { name: message })
	await expect(link).toHaveAttribute('href', `#${fieldId}`)
	const page = 'page' in scope ? scope.page() : scope
	await expect(page.locator(`[id="${fieldId}"]`)).toHaveCount(1)
	return link
}

type NewRecord = { title: string; field: string; obligation: string; decisionRef?: string; decisionDate?: string; body?: string; file?: { name: string; buffer: Buffer } }

/** Fills the new-record form, opening the obligation's field to tick it. */
async function fillRecordForm(page: Page, r: NewRecord) {
	await page.getByLabel('Tiêu đề', { exact: true }).fill(r.title)
	const field = sectionOf(page.locator('#field-obligationIds'), `${r.field} (`)
	await openSection(field)
	await field.getByRole('checkbox', { name: r.obligation, exact: true }).check()
	if (r.decisionRef !== undefined) await page.getByLabel(/^Số, ký hiệu văn bản được công khai/).fill(r.decisionRef)
	if (r.decisionDate !== undefined) await page.getByLabel(/^Ngày ban hành quyết định, văn bản/).fill(r.decisionDate)
	if (r.body !== undefined) await page.getByLabel(/^Nội dung công khai/).fill(r.body)
	if (r.file) await page.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: r.file.name, mimeType: 'application/pdf', buffer: r.file.buffer })
}

/** Saves the new-record form and reads the new draft's code and address. */
async function saveDraft(page: Page): Promise<{ code: string; path: string }> {
	await page.getByRole('main').getByRole('button', { name: 'Lưu bản nháp' }).click()
	await expect(page).toHaveURL(new RegExp(`${STAFF}/[0-9a-f-]{36}$`))
	const code = ((await page.getByRole('main').locator('.caption').first().textContent()) ?? '').trim()
	expect(code).toMatch(/^CK-\d{2}-\d{4}$/)
	await expect(doneNotice(page, `Đã lưu bản nháp ${code}.`)).toBeVisible()
	return { code, path: new URL(page.url()).pathname }
}

/** Adds a posting from the record page's "Ghi thêm hình thức công khai" form. */
async function fillPosting(page: Page, p: { form: string; place: string; startedOn: string; endedOn?: string }) {
	const section = sectionOf(page, 'Ghi thêm hình thức công khai')
	await openSection(section)
	await section.getByLabel('Hình thức', { exact: true }).selectOption({ label: p.form })
	await section.getByLabel(/^Nơi công khai/).fill(p.place)
	await section.getByLabel('Ngày bắt đầu', { exact: true }).fill(p.startedOn)
	await section.getByLabel(/^Ngày kết thúc/).fill(p.endedOn ?? '')
	await section.getByRole('button', { name: 'Lưu', exact: true }).click()
	return section
}

/** The public address of a demo publication, found in the public list by its title. */
async function demoRecordPath(page: Page, title: string): Promise<string> {
	const html = await (await page.request.get(`${PUBLIC}?q=${encodeURIComponent(title)}`)).text()
	const href = new RegExp(`<a href="(/cong-khai/CK-\\d{2}-\\d{4})"><bdi>${escapeRegExp(title)}</bdi>`).exec(html)?.[1]
	expect(href, `the public list links to "${title}"`).toBeTruthy()
	return href!
}

// ---- The journey: recorded, posted, published, read, withdrawn -------------------------------

test('an officer records a publication with a file and a posting, a publisher publishes it, citizens find and read it, then it is withdrawn with a reason', async ({ page, browser }, testInfo) => {
	test.setTimeout(90_000)
	let dialogs = 0
	page.on('dialog', (dialog) => {
		dialogs++
		void dialog.dismiss()
	})
	const suffix = unique(testInfo)
	const road = 'Đường'.normalize('NFD')
	expect(road).not.toBe(road.normalize('NFC'))
	const title = `Lấy ý kiến về ${road} làng ${suffix} <script>alert(1)</script>`
	const body = `Dự thảo mở rộng ${road} làng qua thôn Hàn Lâm.\n<img src=x onerror=alert(2)> & "ngoặc" 'đơn'`
	const fileName = `du-thao-${suffix}.pdf`
	const place = `Bảng tin trụ sở UBND xã ${suffix}`
	const today = vnDate()
	const reason = `Nhầm số quyết định ${suffix}; sẽ đăng lại <b>sau</b>.`

	const errors: string[] = []
	const windows: BrowserContext[] = []
	try {
		// The economy officer writes the draft.
		const officerWindow = await newWindow(browser, testInfo, errors, authFile(testInfo.project.name, 'kinhte'))
		windows.push(officerWindow.context)
		const officer = officerWindow.page
		officer.on('dialog', (dialog) => {
			dialogs++
			void dialog.dismiss()
		})
		await open(officer, STAFF)
		await officer.getByRole('main').getByRole('link', { name: 'Bản công khai mới' }).click()
		await expect(officer).toHaveURL(new RegExp(`${STAFF}/moi$`))
		await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Bản công khai mới')
		await checkStaffBothWidths(officer, browser, testInfo)
		await fillRecordForm(officer, {
			title,
			field: 'Lấy ý kiến Nhân dân',
			obligation: 'Kế hoạch và nội dung lấy ý kiến Nhân dân',
			decisionRef: `${suffix}/QĐ-UBND`,
			decisionDate: today,
			body,
			file: { name: fileName, buffer: SMALL_PDF },
		})
		const { code, path: recordPath } = await saveDraft(officer)

		// The draft: the title as text (in NFC), the state, the file; no publish button for an officer.
		expect(await textNfc(officer.getByRole('heading', { level: 1 }))).toBe(title.normalize('NFC'))
		await expect(rowOf(officer, 'Trạng thái')).toHaveText('Bản nháp')
		await expect(rowOf(officer, 'Nội dung phải công khai mà bản này đáp ứng')).toContainText('Kế hoạch và nội dung lấy ý kiến Nhân dân')
		await expect(rowOf(officer, 'Quyết định, văn bản')).toHaveText(`${suffix}/QĐ-UBND · ${today}`)
		await expect(officer.getByRole('button', { name: 'Công bố', exact: true })).toHaveCount(0)
		expect((await page.request.get(`${PUBLIC}/${code}`)).status(), 'a draft is not public').toBe(404)
		const staffFile = officer.locator('section[aria-labelledby="documents"]').getByRole('link', { name: fileName })
		await expect(staffFile).toBeVisible()
		const staffFileAnswer = await officer.request.get((await staffFile.getAttribute('href'))!)
		expect(staffFileAnswer.status()).toBe(200)
		expect(staffFileAnswer.headers()['content-type']).toContain('application/pdf')
		await expect(officer.locator('img[src="x"]')).toHaveCount(0)
		const staffHtml = await (await officer.request.get(recordPath)).text()
		expect(staffHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
		expect(staffHtml).not.toContain('<script>alert(1)')
		expect(staffHtml).not.toContain('<img src=x')
		await checkStaffBothWidths(officer, browser, testInfo)

		// A posting on the notice board at the commune office, from today.
		const posting = sectionOf(officer, 'Ghi thêm hình thức công khai')
		await openSection(posting)
		await expect(posting.getByLabel('Ngày bắt đầu', { exact: true })).toHaveValue(today)
		await fillPosting(officer, { form: 'Niêm yết tại trụ sở UBND xã', place, startedOn: today })
		await expect(doneNotice(officer, 'Đã ghi hình thức công khai.')).toBeVisible()
		const postingRow = officer.getByRole('row').filter({ hasText: place })
		await expect(postingRow).toContainText('Niêm yết tại trụ sở UBND xã')
		await expect(postingRow).toContainText(today)
		await expect(postingRow).toContainText('Đang công khai')

		// The programme lead signs in and publishes.
		const publisherWindow = await newWindow(browser, testInfo, errors)
		windows.push(publisherWindow.context)
		const publisher = publisherWindow.page
		publisher.on('dialog', (dialog) => {
			dialogs++
			void dialog.dismiss()
		})
		await open(publisher, `/dang-nhap?next=${encodeURIComponent(recordPath)}`)
		await submitSignIn(publisher, 'vhxh', DEMO_PASSWORD)
		await expect(publisher).toHaveURL(new RegExp(`${recordPath}$`))
		await publisher.getByRole('button', { name: 'Công bố', exact: true }).click()
		await expect(doneNotice(publisher, `Đã công bố ${code} trên trang công khai.`)).toBeVisible()
		await expect(rowOf(publisher, 'Trạng thái')).toHaveText('Đang công khai')
		const publicPage = rowOf(publisher, 'Trang công khai')
		await expect(publicPage.getByRole('link', { name: `${PUBLIC}/${code}` })).toHaveAttribute('href', `${PUBLIC}/${code}`)
		await expect(publicPage.getByRole('link', { name: 'Tờ niêm yết (PDF)' })).toHaveAttribute('href', `${PUBLIC}/${code}/to-niem-yet.pdf`)
		// Publishing records the website form by itself.
		await expect(publisher.getByRole('row').filter({ hasText: 'Trang thông tin điện tử của xã' })).toContainText(today)
		await checkStaffBothWidths(publisher, browser, testInfo)

		// Citizens find it without diacritics.
		await open(page, PUBLIC)
		const search = page.getByRole('search')
		await search.getByLabel('Tìm theo tên, số văn bản hoặc nội dung').fill(`lay y kien ve duong lang ${suffix}`)
		await search.getByRole('button', { name: 'Lọc' }).click()
		await expect(page).toHaveURL(/\/cong-khai\?q=lay\+y\+kien/)
		await expect(page.getByRole('status')).toHaveText('1 bản công khai')
		const item = page.locator('.item-list__item')
		await expect(item).toHaveCount(1)
		expect(await textNfc(item.getByRole('heading', { level: 3 }))).toBe(title.normalize('NFC'))
		await expect(item).toContainText(code)
		await expect(item).toContainText('Đang công khai')
		await checkPage(page, browser, testInfo)
		await item.getByRole('link').first().click()

		// Its page: the text as text, the posting, the file, the sheet.
		await expect(page).toHaveURL(new RegExp(`${PUBLIC}/${code}$`))
		expect(await textNfc(page.getByRole('heading', { level: 1 }))).toBe(title.normalize('NFC'))
		expect(await textNfc(page.locator('main .prewrap').first())).toBe(body.normalize('NFC'))
		await expect(page.locator('img[src="x"]')).toHaveCount(0)
		const html = await (await page.request.get(`${PUBLIC}/${code}`)).text()
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
		expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;')
		expect(html).not.toMatch(/<script\b/i)
		expect(html).not.toContain('<img src=x')
		const publicPosting = page.getByRole('row').filter({ hasText: place })
		await expect(publicPosting).toContainText('Niêm yết tại trụ sở UBND xã')
		await expect(publicPosting).toContainText(`${today} – đang niêm yết`)
		await expect(page.getByRole('row').filter({ hasText: 'Trang thông tin điện tử của xã' })).toHaveCount(1)
		const fileLink = page.locator('.file-list').getByRole('link', { name: fileName })
		await expect(fileLink).toHaveAttribute('href', new RegExp(`^${PUBLIC}/${code}/tep/[0-9a-f-]{36}$`))
		await expect(page.locator('.file-list li').filter({ hasText: fileName })).toContainText('(PDF, 1 KB)')
		const file = await page.request.get((await fileLink.getAttribute('href'))!)
		expect(file.status()).toBe(200)
		expect(file.headers()['content-type']).toContain('application/pdf')
		expect((await file.body()).subarray(0, 8).toString()).toBe('%PDF-1.4')
		const sheetLink = page.getByRole('link', { name: 'In tờ niêm yết (PDF)' })
		await expect(sheetLink).toHaveAttribute('href', `${PUBLIC}/${code}/to-niem-yet.pdf`)
		const sheet = await page.request.get(`${PUBLIC}/${code}/to-niem-yet.pdf`)
		expect(sheet.status()).toBe(200)
		expect(sheet.headers()['content-type']).toBe('application/pdf')
		expect((await sheet.body()).subarray(0, 5).toString()).toBe('%PDF-')
		await checkPublicBothWidths(page, browser, testInfo)

		// The feeds carry it, escaped.
		const atom = await page.request.get(`${PUBLIC}/nguon-tin.atom`)
		expect(atom.headers()['content-type']).toContain('application/atom+xml')
		const atomText = await atom.text()
		expect(atomText).toContain(`${code}: Lấy ý kiến về Đường làng ${suffix} &lt;script&gt;alert(1)&lt;/script&gt;`)
		expect(atomText).not.toContain('<script>')
		const json = (await (await page.request.get(`${PUBLIC}/du-lieu.json`)).json()) as { items: Array<{ code: string; title: string; status: string }> }
		expect(json.items.find((i) => i.code === code)).toMatchObject({ title: title.normalize('NFC'), status: 'published' })

		// The officer corrects the published text, with a reason; the earlier version stays public.
		const correctedBody = `${body}\nBổ sung: thời gian lấy ý kiến 30 ngày.`
		const changeReason = `Bổ sung thời gian lấy ý kiến ${suffix}`
		await open(officer, recordPath)
		const edit = sectionOf(officer, 'Sửa bản công khai')
		await openSection(edit)
		await edit.getByLabel(/^Nội dung công khai/).fill(correctedBody)
		await edit.getByLabel('Lý do sửa đổi', { exact: true }).fill(changeReason)
		await edit.getByRole('button', { name: 'Lưu thay đổi' }).click()
		await expect(doneNotice(officer, 'Đã lưu thay đổi.')).toBeVisible()
		await expect(officer.getByRole('heading', { name: 'Các phiên bản trước' })).toBeVisible()
		await open(page, `${PUBLIC}/${code}`)
		expect(await textNfc(page.locator('main .prewrap').first())).toBe(correctedBody.normalize('NFC'))
		await expect(rowOf(page, 'Phiên bản').getByRole('link', { name: `Phiên bản 2, sửa đổi lần cuối ngày ${today}` })).toHaveAttribute('href', '#lich-su')
		await expect(page.getByRole('heading', { name: 'Lịch sử thay đổi', level: 2 })).toBeVisible()
		const earlier = page.locator('.item-list__item').filter({ has: page.getByRole('heading', { name: `Phiên bản 1, được thay ngày ${today}`, level: 3 }) })
		await expect(earlier).toContainText(`Lý do thay đổi: ${changeReason}`)
		await openSection(sectionOf(earlier, 'Xem nội dung phiên bản 1'))
		expect(await textNfc(earlier.locator('details .prewrap'))).toBe(body.normalize('NFC'))
		await checkPublicBothWidths(page, browser, testInfo)

		// The publisher withdraws it, with a reason.
		const withdraw = sectionOf(publisher, 'Rút lại bản công khai')
		await openSection(withdraw)
		await withdraw.getByLabel('Lý do rút lại', { exact: true }).fill(reason)
		await withdraw.getByRole('button', { name: 'Rút lại bản công khai', exact: true }).click()
		await expect(doneNotice(publisher, 'Đã rút lại bản công khai.')).toBeVisible()
		await expect(rowOf(publisher, 'Trạng thái')).toHaveText('Đã rút lại')
		await expect(publisher.getByText(`Đã rút lại ngày ${today}. Lý do: ${reason}`)).toBeVisible()
		await expect(publisher.getByRole('button', { name: 'Công bố', exact: true })).toHaveCount(0)
		await expect(sectionOf(publisher, 'Ghi thêm hình thức công khai')).toHaveCount(0)
		await checkStaffBothWidths(publisher, browser, testInfo)
		await publisherWindow.context.close()
		await officerWindow.context.close()
		expect(errors, 'errors in the staff browser windows').toEqual([])

		// The public page says so, with the reason; the postings ended today.
		await open(page, `${PUBLIC}/${code}`)
		await expect(rowOf(page, 'Trạng thái')).toHaveText('Đã rút lại')
		const notice = page.locator('.notice').filter({ hasText: 'Bản công khai này đã được rút lại' })
		await expect(notice).toContainText(`Bản công khai này đã được rút lại ngày ${today}.`)
		await expect(notice).toContainText(`Lý do rút lại: ${reason}`)
		await expect(notice).toContainText('không còn hiệu lực công khai')
		await expect(page.getByRole('row').filter({ hasText: place })).toContainText(`${today} – ${today}`)
		await checkPublicBothWidths(page, browser, testInfo)
		await open(page, `${PUBLIC}?q=${encodeURIComponent(suffix)}`)
		await expect(page.locator('.item-list__item')).toContainText(`Đã rút lại ngày ${today}`)
		const atomAfter = await (await page.request.get(`${PUBLIC}/nguon-tin.atom`)).text()
		expect(atomAfter).toContain(`[Đã rút lại] ${code}:`)
	} finally {
		for (const context of windows) await context.close()
	}
	expect(dialogs).toBe(0)
})

// ---- The record form's errors -------------------------------------------------------------------

test.describe('the economy officer', () => {
	test.use({ user: 'kinhte' })

	test('the new-record form sent empty lists every error next to its field and in a summary, and keeps what was typed', async ({ page, browser }, testInfo) => {
		const suffix = unique(testInfo)
		await open(page, `${STAFF}/moi`)
		const decisionRef = page.getByLabel(/^Số, ký hiệu văn bản được công khai/)
		const period = page.getByLabel(/^Kỳ công khai/)
		const body = page.getByLabel(/^Nội dung công khai/)
		await decisionRef.fill(`${suffix}/TB-UBND`)
		await period.fill('2026-Q3')
		await body.fill(`Nội dung ${suffix}`)
		await page.getByRole('main').getByRole('button', { name: 'Lưu bản nháp' }).click()

		await expect(page).toHaveURL(new RegExp(`${STAFF}/moi$`))
		await expectSummaryLinksTo(page, 'Tiêu đề: Vui lòng nhập thông tin này.', 'field-title')
		await expectSummaryLinksTo(page, 'Nội dung phải công khai mà bản này đáp ứng: Chọn ít nhất một nội dung phải công khai trong danh mục.', 'field-obligationIds')
		await expect(page.locator('.error-summary li')).toHaveCount(2)
		const title = page.getByLabel('Tiêu đề', { exact: true })
		await expect(title).toHaveAttribute('aria-invalid', 'true')
		await expect(title).toHaveAccessibleDescription('Vui lòng nhập thông tin này.')
		const obligations = page.getByRole('group', { name: 'Nội dung phải công khai mà bản này đáp ứng' })
		await expect(obligations).toHaveAccessibleDescription('Chọn ít nhất một nội dung phải công khai trong danh mục.')
		await expect(decisionRef).toHaveValue(`${suffix}/TB-UBND`)
		await expect(period).toHaveValue('2026-Q3')
		await expect(body).toHaveValue(`Nội dung ${suffix}`)
		await checkStaffBothWidths(page, browser, testInfo)

		// An obligation ticked but still no title: the tick is kept and its field starts open.
		const field = sectionOf(page.locator('#field-obligationIds'), 'Tổ chức, cán bộ, quy chế (')
		await openSection(field)
		await field.getByRole('checkbox', { name: 'Quy chế thực hiện dân chủ ở xã', exact: true }).check()
		await page.getByRole('main').getByRole('button', { name: 'Lưu bản nháp' }).click()
		await expectSummaryLinksTo(page, 'Tiêu đề: Vui lòng nhập thông tin này.', 'field-title')
		await expect(page.locator('.error-summary li')).toHaveCount(1)
		const fieldAgain = sectionOf(page.locator('#field-obligationIds'), 'Tổ chức, cán bộ, quy chế (')
		await expect(fieldAgain).toHaveAttribute('open', '')
		await expect(fieldAgain.locator('summary')).toHaveText(/đã chọn 1\/\d+/)
		await expect(fieldAgain.getByRole('checkbox', { name: 'Quy chế thực hiện dân chủ ở xã', exact: true })).toBeChecked()
		await expect(decisionRef).toHaveValue(`${suffix}/TB-UBND`)

		// With a title it is saved.
		await title.fill(`Quy chế dân chủ ${suffix}`)
		await saveDraft(page)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Quy chế dân chủ ${suffix}`)
	})

	// App bug with JavaScript (see the report): following a link of the error summary is a hash
	// navigation that React Router treats as a new navigation, which drops the action's answer: the
	// summary, the messages and the error state vanish, and the next link is gone.
	test("the error summary's links move focus to the field, the obligations' fieldset included, and the errors stay on the page", async ({ page }) => {
		await open(page, `${STAFF}/moi`)
		await page.getByRole('main').getByRole('button', { name: 'Lưu bản nháp' }).click()
		const titleLink = await expectSummaryLinksTo(page, 'Tiêu đề: Vui lòng nhập thông tin này.', 'field-title')
		const title = page.getByLabel('Tiêu đề', { exact: true })
		await titleLink.click()
		await expect(title).toBeFocused()
		await expect(page.locator('.error-summary'), 'the error summary is still there after following its first link').toBeVisible()
		await expect(title).toHaveAttribute('aria-invalid', 'true')
		const obligationsLink = await expectSummaryLinksTo(page, /^Nội dung phải công khai mà bản này đáp ứng: /, 'field-obligationIds')
		await obligationsLink.click()
		await expect(page.locator('#field-obligationIds')).toBeFocused()
		await expect(page.getByRole('group', { name: 'Nội dung phải công khai mà bản này đáp ứng' })).toHaveAccessibleDescription('Chọn ít nhất một nội dung phải công khai trong danh mục.')
	})

	// App bug (see the report): a wrong decision date is answered alone; the missing title and
	// obligation and the wrong period only show after the date is fixed (the feedback form reports
	// every mistake at once, GOV.UK pattern).
	test('a wrong decision date is reported together with the other mistakes of the new-record form', async ({ page }) => {
		await open(page, `${STAFF}/moi`)
		await page.getByLabel(/^Ngày ban hành quyết định, văn bản/).fill('31/02/2026')
		await page.getByLabel(/^Kỳ công khai/).fill('2026-Q5')
		await page.getByRole('main').getByRole('button', { name: 'Lưu bản nháp' }).click()
		await expectSummaryLinksTo(page, /^Ngày ban hành quyết định, văn bản: Ngày không hợp lệ/, 'field-decisionDate')
		await expectSummaryLinksTo(page, 'Tiêu đề: Vui lòng nhập thông tin này.', 'field-title')
		await expectSummaryLinksTo(page, /^Nội dung phải công khai mà bản này đáp ứng: /, 'field-obligationIds')
		await expectSummaryLinksTo(page, /^Kỳ công khai: Nhập kỳ dạng 2026-Q3/, 'field-period')
	})

	test('a posting that ends before it starts is refused with the message next to the field, and what was typed is kept', async ({ page, browser }, testInfo) => {
		const suffix = unique(testInfo)
		await open(page, `${STAFF}/moi`)
		await fillRecordForm(page, { title: `Niêm yết sai ngày ${suffix}`, field: 'Thủ tục hành chính', obligation: 'Thủ tục hành chính do xã trực tiếp thực hiện' })
		await saveDraft(page)

		const place = `Nhà văn hóa ${suffix}`
		const today = vnDate()
		const yesterday = vnDate(-1)
		const section = await fillPosting(page, { form: 'Niêm yết tại trụ sở UBND xã', place, startedOn: today, endedOn: yesterday })

		// The form comes back open, with the error in its own summary and next to the field.
		await expect(section).toHaveAttribute('open', '')
		await expectSummaryLinksTo(section, 'Ngày kết thúc: Ngày kết thúc không được trước ngày bắt đầu.', 'field-posting-endedOn')
		const endedOn = section.getByLabel(/^Ngày kết thúc/)
		await expect(endedOn).toHaveAttribute('aria-invalid', 'true')
		await expect(endedOn).toHaveAccessibleDescription(/Ngày kết thúc không được trước ngày bắt đầu\./)
		await expect(section.locator('.field--error').filter({ has: page.locator('#field-posting-endedOn') })).toContainText('Ngày kết thúc không được trước ngày bắt đầu.')
		await expect(endedOn).toHaveValue(yesterday)
		await expect(section.getByLabel('Ngày bắt đầu', { exact: true })).toHaveValue(today)
		await expect(section.getByLabel(/^Nơi công khai/)).toHaveValue(place)
		await expect(section.getByLabel('Hình thức', { exact: true })).toHaveValue('notice_office')
		await expect(page.getByRole('row').filter({ hasText: place })).toHaveCount(0)
		await checkStaffBothWidths(page, browser, testInfo)

		// Corrected, it is recorded.
		await endedOn.fill(today)
		await section.getByRole('button', { name: 'Lưu', exact: true }).click()
		await expect(doneNotice(page, 'Đã ghi hình thức công khai.')).toBeVisible()
		await expect(page.getByRole('row').filter({ hasText: place })).toContainText(today)
	})

	test('a draft is deleted from its page and is gone from the list', async ({ page }, testInfo) => {
		const suffix = unique(testInfo)
		await open(page, `${STAFF}/moi`)
		await fillRecordForm(page, { title: `Bản nháp để xóa ${suffix}`, field: 'Phí, lệ phí', obligation: 'Đối tượng, mức thu phí, lệ phí và nghĩa vụ tài chính do xã trực tiếp thu' })
		const { code } = await saveDraft(page)
		await page.getByRole('button', { name: 'Xóa bản nháp' }).click()
		await expect(page).toHaveURL(new RegExp(`${STAFF}$`))
		await expect(doneNotice(page, 'Đã xóa bản nháp.')).toBeVisible()
		await open(page, `${STAFF}?q=${encodeURIComponent(suffix)}`)
		await expect(page.getByRole('status').filter({ hasText: 'bản công khai' })).toHaveText('0 bản công khai')
		expect((await page.request.get(`${PUBLIC}/${code}`)).status()).toBe(404)
	})

	test('every compliance figure is a link that filters to its kind; the radio broadcast of 2 days out of 3 is listed as too short', async ({ page, browser }, testInfo) => {
		await open(page, `${STAFF}/tuan-thu`)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tình hình thực hiện công khai')
		const figures = page.locator('ul.figures > li')
		const kinds = [
			['overdue', 'Quá hạn, chưa công khai'],
			['late', 'Công khai muộn'],
			['short', 'Công khai chưa đủ thời gian'],
			['forms', 'Thiếu hình thức bắt buộc'],
			['review', 'Quá hạn rà soát'],
			['due_soon', 'Sắp đến hạn'],
			['never', 'Chưa từng công khai'],
		] as const
		await expect(figures).toHaveCount(kinds.length)
		for (const [i, [kind, label]] of kinds.entries()) {
			await expect(figures.nth(i).getByRole('link')).toHaveAccessibleName(new RegExp(`^\\d+ ?${escapeRegExp(label)}$`))
			await expect(figures.nth(i).getByRole('link')).toHaveAttribute('href', `${STAFF}/tuan-thu?loai=${kind}`)
		}
		await checkStaffBothWidths(page, browser, testInfo)

		for (const [kind, label] of kinds) {
			await page.locator('ul.figures').getByRole('link', { name: label }).click()
			await expect(page).toHaveURL(new RegExp(`${STAFF}/tuan-thu\\?loai=${kind}$`))
			const figure = page.locator('ul.figures').getByRole('link', { name: label })
			await expect(figure).toHaveAttribute('aria-current', 'true')
			await expect(page.locator('ul.figures [aria-current]')).toHaveCount(1)
			const value = ((await figure.locator('.figure__value').textContent()) ?? '').trim()
			const sections = page.getByRole('main').getByRole('heading', { level: 2 })
			await expect(sections).toHaveCount(1)
			await expect(sections).toHaveText(`${label} (${value})`)
			// One line per finding (an empty table has one line saying so).
			const rows = page.getByRole('main').getByRole('table').locator('tbody tr')
			if (value === '0') await expect(rows.locator('td[colspan="4"]')).toHaveCount(1)
			else await expect(rows).toHaveCount(Number(value.replace(/\D/g, '')))
		}

		// The demo's list of poor households: on the radio for 2 days, 3 required.
		await page.locator('ul.figures').getByRole('link', { name: 'Công khai chưa đủ thời gian' }).click()
		const poor = page.getByRole('row').filter({ hasText: DEMO.poor })
		await expect(poor).toContainText('Loa truyền thanh: 2 ngày, cần ít nhất 3 ngày')
		await expect(poor.getByRole('link', { name: DEMO.poorObligation })).toHaveAttribute('href', /\/quan-tri\/cong-khai\?noi-dung=[0-9a-f-]{36}$/)
		await checkStaffBothWidths(page, browser, testInfo)
		await poor.getByRole('link', { name: new RegExp(escapeRegExp(DEMO.poor)) }).click()
		await expect(page).toHaveURL(new RegExp(`${STAFF}/[0-9a-f-]{36}$`))
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.poor)
		await expect(page.getByRole('row').filter({ hasText: 'Loa truyền thanh' })).toContainText('Sổ nhật ký phát thanh')

		// And back to every kind.
		await open(page, `${STAFF}/tuan-thu?loai=short`)
		await page.getByRole('link', { name: 'Xem tất cả' }).click()
		await expect(page).toHaveURL(new RegExp(`${STAFF}/tuan-thu\\??$`))
		await expect(page.locator('ul.figures [aria-current]')).toHaveCount(0)
	})

	test('the quarterly list changes quarter with a plain form and downloads as Word', async ({ page, browser }, testInfo) => {
		// The demo's procedures have been posted at the one-stop centre since 60 days ago.
		const [, startMonth, startYear] = vnDate(-60).split('/').map(Number) as [number, number, number]
		const postedQuarter = Math.ceil(startMonth / 3)
		const before = postedQuarter === 1 ? { year: startYear - 1, quarter: 4 } : { year: startYear, quarter: postedQuarter - 1 }
		const roman = ['I', 'II', 'III', 'IV']

		await open(page, `${STAFF}/danh-sach-quy`)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách nội dung đã công khai theo quý')
		const [, month, year] = vnDate().split('/').map(Number) as [number, number, number]
		await expect(page.getByRole('main').locator('.caption')).toHaveText(`Quý ${roman[Math.ceil(month / 3) - 1]} năm ${year}`)
		await expect(page.getByRole('row').filter({ hasText: DEMO.procedures })).toHaveCount(1)
		await checkStaffBothWidths(page, browser, testInfo)

		// The quarter before: not yet posted.
		await page.getByLabel('Năm', { exact: true }).selectOption(String(before.year))
		await page.getByLabel('Quý', { exact: true }).selectOption({ label: roman[before.quarter - 1]! })
		await page.getByRole('main').getByRole('button', { name: 'Xem', exact: true }).click()
		await expect(page).toHaveURL(new RegExp(`${STAFF}/danh-sach-quy\\?nam=${before.year}&quy=${before.quarter}$`))
		await expect(page.getByRole('main').locator('.caption')).toHaveText(`Quý ${roman[before.quarter - 1]} năm ${before.year}`)
		await expect(page.getByLabel('Quý', { exact: true })).toHaveValue(String(before.quarter))
		await expect(page.getByRole('row').filter({ hasText: DEMO.procedures })).toHaveCount(0)

		// The quarter it was first posted in.
		await page.getByLabel('Năm', { exact: true }).selectOption(String(startYear))
		await page.getByLabel('Quý', { exact: true }).selectOption({ label: roman[postedQuarter - 1]! })
		await page.getByRole('main').getByRole('button', { name: 'Xem', exact: true }).click()
		await expect(page).toHaveURL(new RegExp(`${STAFF}/danh-sach-quy\\?nam=${startYear}&quy=${postedQuarter}$`))
		const row = page.getByRole('row').filter({ hasText: DEMO.procedures })
		await expect(row).toContainText('Niêm yết tại trụ sở UBND xã')
		await expect(row).toContainText(`${vnDate(-60)} – Đang công khai`)
		await expect(page.getByRole('row').filter({ hasText: DEMO.draft })).toHaveCount(0)

		// The Word document of that quarter.
		const word = page.getByRole('link', { name: 'Tải bản Word (.docx)' })
		const href = `${STAFF}/danh-sach-quy.docx?nam=${startYear}&quy=${postedQuarter}`
		await expect(word).toHaveAttribute('href', href)
		const answer = await page.request.get(href)
		expect(answer.status()).toBe(200)
		expect(answer.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
		expect(answer.headers()['content-disposition']).toBe(`attachment; filename="danh-sach-cong-khai-${startYear}-Q${postedQuarter}.docx"`)
		expect((await answer.body()).subarray(0, 2).toString()).toBe('PK')
		const download = page.waitForEvent('download')
		await word.click()
		expect((await download).suggestedFilename()).toBe(`danh-sach-cong-khai-${startYear}-Q${postedQuarter}.docx`)
	})
})

test.describe("the commune's administrator", () => {
	test.use({ user: 'quantri' })

	test('sees the records but may not write one: no button, and the new-record page is 403', async ({ page }) => {
		await open(page, STAFF)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Công khai thông tin')
		await expect(page.getByRole('link', { name: 'Bản công khai mới' })).toHaveCount(0)
		await page.getByRole('link', { name: DEMO.poor }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.poor)
		await expect(page.getByRole('button', { name: 'Kết thúc công khai' })).toHaveCount(0)
		await expect(page.locator('summary', { hasText: 'Ghi thêm hình thức công khai' })).toHaveCount(0)
		await open(page, `${STAFF}/moi`, 403)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập')
	})
})

// ---- Public pages --------------------------------------------------------------------------------

test('the public list finds demo records without diacritics and filters by field, year and obligation', async ({ page }) => {
	await open(page, PUBLIC)
	const search = page.getByRole('search')
	await search.getByLabel('Tìm theo tên, số văn bản hoặc nội dung').fill('ho can ngheo duoc ho tro tien dien')
	await search.getByRole('button', { name: 'Lọc' }).click()
	await expect(page.getByRole('status')).toHaveText('1 bản công khai')
	await expect(page.locator('.item-list__item h3')).toHaveText([DEMO.poor])
	await expect(search.getByLabel('Tìm theo tên, số văn bản hoặc nội dung')).toHaveValue('ho can ngheo duoc ho tro tien dien')

	// Field, year and obligation together.
	const year = vnDate().slice(-4)
	await search.getByLabel('Tìm theo tên, số văn bản hoặc nội dung').fill('')
	await search.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: 'Chính sách xã hội, hỗ trợ' })
	await search.getByLabel('Năm công khai', { exact: true }).selectOption(year)
	await search.getByLabel('Nội dung phải công khai', { exact: true }).selectOption({ label: DEMO.poorObligation })
	await search.getByRole('button', { name: 'Lọc' }).click()
	await expect(page).toHaveURL(new RegExp(`linh-vuc=an-sinh&nam=${year}&noi-dung=[0-9a-f-]{36}`))
	await expect(page.locator('.item-list__item').filter({ hasText: DEMO.poor })).toHaveCount(1)
	for (const meta of await page.locator('.item-list__item').all()) await expect(meta).toContainText('Chính sách xã hội, hỗ trợ')
	await expect(search.getByLabel('Lĩnh vực', { exact: true })).toHaveValue('an-sinh')
	await page.getByRole('link', { name: 'Xóa bộ lọc' }).click()
	await expect(page).toHaveURL(new RegExp(`${PUBLIC}$`))

	// Drafts never; withdrawn ones marked.
	await expect(page.getByText(DEMO.draft)).toHaveCount(0)
	await expect(page.locator('.item-list__item').filter({ hasText: DEMO.withdrawn })).toContainText(/Đã rút lại ngày \d{2}\/\d{2}\/\d{4}/)
	await open(page, `${PUBLIC}?q=${encodeURIComponent('giai phong mat bang duong truc')}`)
	await expect(page.getByRole('status')).toHaveText('0 bản công khai')
	await expect(page.getByText('Không có bản công khai nào phù hợp với điều kiện tìm.')).toBeVisible()
})

// App bug (see the report): past the last page the list says the commune has published nothing,
// next to a count that says otherwise, and offers no way back.
test('a page number past the last page of the public list does not claim there is nothing, and leads back', async ({ page }) => {
	await open(page, `${PUBLIC}?trang=50`)
	await expect(page.getByRole('status')).toHaveText(/^[1-9]\d* bản công khai$/)
	await expect(page.getByText('Xã chưa đăng bản công khai nào trên trang này.')).toHaveCount(0)
	// Either the records of the last page, or a link back to them.
	const back = page.getByRole('navigation', { name: 'Các trang kết quả' }).getByRole('link', { name: /Trang trước/ })
	await expect(page.locator('.item-list__item').or(back).first()).toBeVisible()
})

test('a withdrawn demo record says so with its reason; an unknown code is not found', async ({ page }) => {
	await open(page, await demoRecordPath(page, DEMO.withdrawn))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.withdrawn)
	await expect(rowOf(page, 'Trạng thái')).toHaveText('Đã rút lại')
	await expect(page.locator('.notice')).toContainText(`Lý do rút lại: ${DEMO.withdrawnReason}`)
	await open(page, `${PUBLIC}/CK-00-9999`, 404)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang')
	expect((await page.request.get(`${PUBLIC}/CK-00-9999/to-niem-yet.pdf`)).status()).toBe(404)
})

test('the public catalogue lists every obligation with its current record or "Chưa công khai"', async ({ page }) => {
	await open(page, `${PUBLIC}/danh-muc`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh mục nội dung phải công khai')
	const figure = async (label: string) => Number(((await page.locator('.figure').filter({ hasText: label }).locator('.figure__value').textContent()) ?? '').replace(/\D/g, ''))
	const total = await figure('Nội dung phải công khai')
	expect(total).toBeGreaterThan(30)
	expect((await figure('Đã có bản công khai')) + (await figure('Chưa công khai'))).toBe(total)
	const items = page.locator('section .item-list__item')
	await expect(items).toHaveCount(total)
	const poor = items.filter({ has: page.getByRole('heading', { name: DEMO.poorObligation, exact: true }) })
	await expect(poor.getByRole('link', { name: DEMO.poor })).toHaveAttribute('href', /^\/cong-khai\/CK-\d{2}-\d{4}$/)
	await expect(poor).toContainText('Đang công khai')
	// A withdrawn record is not current: its obligation has nothing published.
	const contributions = items.filter({ has: page.getByRole('heading', { name: 'Các khoản huy động Nhân dân đóng góp', exact: true }) })
	await expect(contributions).toContainText('Chưa công khai')
	await expect(contributions.getByRole('link', { name: DEMO.withdrawn })).toHaveCount(0)
	// Each field is reachable from the list of fields.
	await page.getByRole('navigation', { name: 'Các lĩnh vực' }).getByRole('link', { name: 'Chính sách xã hội, hỗ trợ' }).click()
	await expect(page).toHaveURL(/#linh-vuc-an-sinh$/)
})

test('the contact page shows the hotline, the feedback boxes, the commitment, the phones, the reception schedule and sessions', async ({ page }) => {
	await open(page, '/lien-he')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liên hệ, góp ý và cam kết')
	await expect(page.getByRole('main').getByRole('link', { name: '0220 3 000 000' })).toHaveAttribute('href', 'tel:02203000000')
	await expect(page.getByRole('main').getByRole('link', { name: 'Gửi phản ánh, kiến nghị' })).toHaveAttribute('href', '/phan-anh-kien-nghi/gui')
	await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Nhà văn hóa thôn Đỗ Thượng' })).toHaveCount(1)
	await expect(page.getByRole('heading', { name: 'Cam kết không gây phiền hà, sách nhiễu' })).toBeVisible()
	await expect(page.locator('.notice--success')).not.toBeEmpty()
	const phone = page.getByRole('row').filter({ hasText: 'Nguyễn Văn An (mẫu)' })
	await expect(phone).toContainText('Chủ tịch UBND xã')
	await expect(phone.getByRole('link', { name: '0912 000 001' })).toHaveAttribute('href', 'tel:0912000001')
	await expect(rowOf(page, 'Lịch tiếp')).toContainText('sáng thứ Năm hằng tuần')
	await expect(rowOf(page, 'Địa điểm')).toHaveText('Phòng tiếp công dân, trụ sở UBND xã')
	const sessions = page.locator('.item-list__item')
	await expect(sessions.filter({ hasText: 'Tiếp công dân' }).first()).toContainText('Giao Phòng Kinh tế rà soát hồ sơ đất')
	await expect(sessions.filter({ hasText: 'Hội nghị đối thoại' })).toContainText('Số người dự: 120')
})

/** Every public page of the module: by path, or a demo record found by its title. */
const PUBLIC_DISCLOSURE_PAGES: ReadonlyArray<{ name: string; path: string | ((page: Page) => Promise<string>); status: number }> = [
	{ name: 'list', path: PUBLIC, status: 200 },
	{ name: 'list searched without diacritics', path: `${PUBLIC}?q=${encodeURIComponent('ho ngheo')}`, status: 200 },
	{ name: 'list filtered by field and year', path: `${PUBLIC}?linh-vuc=an-sinh&nam=${vnDate().slice(-4)}`, status: 200 },
	{ name: 'list with a search that finds nothing', path: `${PUBLIC}?q=${encodeURIComponent('không có gì')}`, status: 200 },
	{ name: 'a published record', path: (page) => demoRecordPath(page, DEMO.poor), status: 200 },
	{ name: 'a withdrawn record', path: (page) => demoRecordPath(page, DEMO.withdrawn), status: 200 },
	{ name: 'catalogue', path: `${PUBLIC}/danh-muc`, status: 200 },
	{ name: 'contact page', path: '/lien-he', status: 200 },
	{ name: 'an unknown code', path: `${PUBLIC}/CK-00-9999`, status: 404 },
]

const pathOf = async (page: Page, p: (typeof PUBLIC_DISCLOSURE_PAGES)[number]) => (typeof p.path === 'string' ? p.path : p.path(page))

test.describe('public disclosure pages send no script', () => {
	for (const p of PUBLIC_DISCLOSURE_PAGES) {
		test(p.name, async ({ page }) => {
			const path = await pathOf(page, p)
			const raw = await page.request.get(path)
			expect(raw.status()).toBe(p.status)
			expect(raw.headers()['content-type']).toContain('text/html')
			const html = await raw.text()
			expect(html).not.toMatch(/<script\b/i)
			expect(html).not.toMatch(/rel="modulepreload"/i)
			expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i)

			await open(page, path, p.status)
			await expectNoScript(page)
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		})
	}
})

for (const { name: size, viewport } of VIEWPORTS) {
	test.describe(`public disclosure pages on ${size} ${viewport.width}×${viewport.height}: axe and reflow`, () => {
		test.use({ viewport })
		for (const p of PUBLIC_DISCLOSURE_PAGES) {
			test(p.name, async ({ page, browser }, testInfo) => {
				await open(page, await pathOf(page, p), p.status)
				await checkPage(page, browser, testInfo)
			})
		}
	})
}
