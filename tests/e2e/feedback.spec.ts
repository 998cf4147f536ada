import { type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test'
import {
	authFile,
	DEMO_PASSWORD,
	expect,
	expectNoA11yViolations,
	expectNoHorizontalScroll,
	jsEnabled,
	open,
	submitSignIn,
	test,
	unique,
	VIEWPORTS,
} from './helpers.ts'

// The feedback module (phản ánh, kiến nghị) in the browser: the citizen's form step by step with
// a file, hostile and decomposed text; its error messages; the look-up with the secret; the back
// office's workflow from the queue to publication with personal data masked; the public answers
// and the rating. Every page on the way is checked with axe-core and for sideways scrolling, at
// desktop width and at 360 px. The item page and its print-out are checked here; the other staff
// pages of the module are in a11y.spec.ts.
//
// Budgets (per project, each has its own address): sending a form (POST …/gui/kiem-tra) 20 an
// hour, look-ups (POST …/tra-cuu) 30 per 10 minutes, sign-ins 10 a minute. This file sends 5
// forms (4 items, and one refused for want of consent), 13 look-ups and ratings, and signs in once
// (chutich, the commune's leader: approving needs feedback.approve, and no stored session has it
// but admin's, which the last rating test uses).

const BASE = '/phan-anh-kien-nghi'
const MASK = '[đã ẩn thông tin cá nhân]'

/** A valid 1×1 PNG, small enough to upload anywhere. */
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/** Citizen pages send no script, whether the browser runs JavaScript or not. */
async function expectNoScript(page: Page) {
	await expect(page.locator('script')).toHaveCount(0)
	await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0)
}

/**
 * axe-core and the reflow check on a citizen's page as it is now. These pages send no script
 * (checked first), so the page is the same whether the browser runs JavaScript or not: axe runs
 * in the 'js' project, in the page itself. The 'no-js' project keeps the reflow check; its axe
 * (a second browser window for every check) would double this file's run time for the same result.
 */
async function checkPage(page: Page, browser: Browser, testInfo: TestInfo) {
	await expectNoScript(page)
	if (jsEnabled(testInfo)) await expectNoA11yViolations(page, browser, testInfo)
	await expectNoHorizontalScroll(page)
}

/** The same for a back-office page (which does send scripts), in the 'js' project. */
async function checkStaffPage(page: Page, browser: Browser, testInfo: TestInfo) {
	await expectNoA11yViolations(page, browser, testInfo)
	await expectNoHorizontalScroll(page)
}

/** The Continue button of the form (the header's language switch is a submit button too). */
const continueButton = (page: Page) => page.getByRole('main').getByRole('button', { name: 'Tiếp tục', exact: true })

/** The value cell of one row of "check your answers". */
const answerOf = (page: Page, label: string) =>
	page
		.locator('.summary-list__row')
		.filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
		.locator('dd')
		.first()

async function textNfc(locator: Locator): Promise<string> {
	return ((await locator.textContent()) ?? '').normalize('NFC')
}

/** The error summary at the top of the page, and its link to a field, which must exist once. */
async function expectSummaryLinksTo(page: Page, message: string | RegExp, fieldId: string) {
	const summary = page.getByRole('alert')
	await expect(summary).toContainText('Có lỗi cần sửa')
	const link = summary.getByRole('link', { name: message })
	await expect(link).toHaveAttribute('href', `#${fieldId}`)
	await expect(page.locator(`[id="${fieldId}"]`)).toHaveCount(1)
}

type Sent = { code: string; secret: string }

/** Reads the confirmation page. */
async function readConfirmation(page: Page): Promise<Sent> {
	await expect(page).toHaveURL(new RegExp(`${BASE}/da-gui$`))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã gửi ý kiến')
	const code = ((await page.locator('.panel-confirm__code').first().textContent()) ?? '').trim()
	const secret = ((await page.locator('.summary-list').locator('.panel-confirm__code').textContent()) ?? '').trim()
	expect(code).toMatch(/^NLB-\d{2}-\d{5}$/)
	expect(secret).toMatch(/^\S{8}$/)
	return { code, secret }
}

/** Sends a "phản ánh" through every step without looking at the pages (the journey test does). */
async function sendFeedback(page: Page, input: { title: string; content: string; fullName: string; phone: string }): Promise<Sent> {
	await open(page, `${BASE}/gui`)
	await page.getByRole('button', { name: 'Bắt đầu' }).click()
	await page.getByRole('radio', { name: 'Phản ánh', exact: true }).check()
	await continueButton(page).click()
	await page.getByLabel('Tiêu đề', { exact: true }).fill(input.title)
	await page.getByLabel('Nội dung', { exact: true }).fill(input.content)
	await page.getByLabel(/^Lĩnh vực/).selectOption({ label: 'Giao thông - hạ tầng' })
	await page.getByLabel(/^Thôn, tổ dân phố/).selectOption({ label: 'Hàn Lâm' })
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/tep$`))
	await continueButton(page).click()
	await page.getByLabel('Họ và tên', { exact: true }).fill(input.fullName)
	await page.getByLabel(/^Số điện thoại/).fill(input.phone)
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/kiem-tra$`))
	await page.getByLabel('Tôi đồng ý').check()
	await page.getByRole('button', { name: 'Gửi ý kiến' }).click()
	return readConfirmation(page)
}

/** Opens the look-up page and sends a code with a secret (or the phone's last 4 digits). */
async function lookUp(page: Page, code: string, proof: string) {
	await open(page, `${BASE}/tra-cuu`)
	await page.getByLabel('Mã ý kiến', { exact: true }).fill(code)
	await page.getByLabel('Mã bí mật, hoặc 4 số cuối điện thoại đã khai', { exact: true }).fill(proof)
	await page.getByRole('main').getByRole('button', { name: 'Tra cứu', exact: true }).click()
}

// ---- The citizen ----------------------------------------------------------------------------

for (const { name: size, viewport } of VIEWPORTS) {
	test.describe(`citizen on ${size} ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport })

		test('sends feedback step by step with a photo and hostile text, then looks it up', async ({ page, browser }, testInfo) => {
			let dialogs = 0
			page.on('dialog', (dialog) => {
				dialogs++
				void dialog.dismiss()
			})
			const suffix = unique(testInfo)
			const road = 'Đường'.normalize('NFD')
			expect(road).not.toBe(road.normalize('NFC'))
			const title = `${road} làng ${suffix} hỏng <script>alert(1)</script>`
			const content = `${road} từ cổng làng đến chợ có ổ gà sâu.\n<img src=x onerror=alert(2)> & "ngoặc" 'đơn'`
			const place = `Ngã ba chợ ${suffix}`
			const fullName = `Trần Thị Thử ${suffix}`

			// Start.
			await open(page, `${BASE}/gui`)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gửi phản ánh, kiến nghị, góp ý')
			await checkPage(page, browser, testInfo)
			await page.getByRole('button', { name: 'Bắt đầu' }).click()

			// 1. Kind.
			await expect(page).toHaveURL(new RegExp(`${BASE}/gui/loai$`))
			await expect(page.getByText('Bước 1 / 5')).toBeVisible()
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn muốn gửi loại ý kiến nào?')
			await checkPage(page, browser, testInfo)
			await page.getByRole('radio', { name: 'Phản ánh', exact: true }).check()
			await continueButton(page).click()

			// 2. What about.
			await expect(page).toHaveURL(new RegExp(`${BASE}/gui/noi-dung$`))
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nội dung ý kiến')
			await checkPage(page, browser, testInfo)
			await page.getByLabel('Tiêu đề', { exact: true }).fill(title)
			await page.getByLabel('Nội dung', { exact: true }).fill(content)
			await page.getByLabel(/^Lĩnh vực/).selectOption({ label: 'Giao thông - hạ tầng' })
			await page.getByLabel(/^Thôn, tổ dân phố/).selectOption({ label: 'Đỗ Thượng' })
			await page.getByLabel(/^Địa điểm cụ thể/).fill(place)
			await continueButton(page).click()

			// 3. Files: a photo uploaded, listed, then on.
			await expect(page).toHaveURL(new RegExp(`${BASE}/gui/tep$`))
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ảnh, tài liệu kèm theo')
			await checkPage(page, browser, testInfo)
			await page.getByLabel(/^Chọn tệp/).setInputFiles({ name: `anh-${suffix}.png`, mimeType: 'image/png', buffer: PNG_1x1 })
			await page.getByRole('button', { name: 'Tải lên' }).click()
			await expect(page).toHaveURL(new RegExp(`${BASE}/gui/tep$`))
			await expect(page.locator('.file-list')).toContainText(`anh-${suffix}.png`)
			await expect(page.getByRole('button', { name: `Xóa anh-${suffix}.png` })).toBeVisible()
			await checkPage(page, browser, testInfo)
			await continueButton(page).click()

			// 4. Who.
			await expect(page).toHaveURL(new RegExp(`${BASE}/gui/nguoi-gui$`))
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông tin người gửi')
			await checkPage(page, browser, testInfo)
			await expect(page.getByRole('radio', { name: 'Có, ghi họ tên' })).toBeChecked()
			await page.getByLabel('Họ và tên', { exact: true }).fill(fullName)
			await page.getByLabel(/^Số điện thoại/).fill('0912 345 678')
			await continueButton(page).click()

			// 5. Check your answers: what was typed, as text.
			await expect(page).toHaveURL(new RegExp(`${BASE}/gui/kiem-tra$`))
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kiểm tra trước khi gửi')
			await expectNoScript(page)
			await expect(answerOf(page, 'Loại ý kiến')).toHaveText('Phản ánh')
			expect(await textNfc(answerOf(page, 'Tiêu đề'))).toBe(title.normalize('NFC'))
			expect(await textNfc(answerOf(page, 'Nội dung'))).toBe(content.normalize('NFC'))
			await expect(answerOf(page, 'Lĩnh vực')).toHaveText('Giao thông - hạ tầng')
			await expect(answerOf(page, 'Thôn, tổ dân phố')).toHaveText('Đỗ Thượng')
			await expect(answerOf(page, 'Địa điểm cụ thể')).toHaveText(place)
			await expect(answerOf(page, 'Ảnh, tài liệu kèm theo')).toHaveText(`anh-${suffix}.png`)
			await expect(answerOf(page, 'Họ và tên')).toHaveText(fullName)
			await expect(answerOf(page, 'Số điện thoại')).toContainText('0912')
			await expect(answerOf(page, 'Nhận thông báo')).toHaveText('Có')
			await expect(page.getByRole('link', { name: 'Thay đổi Tiêu đề' })).toHaveAttribute('href', `${BASE}/gui/noi-dung?sua=1`)
			await expect(page.locator('img[src="x"]')).toHaveCount(0)
			const html = await (await page.request.get(`${BASE}/gui/kiem-tra`)).text()
			expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
			expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;')
			expect(html).not.toMatch(/<script\b/i)
			expect(html).not.toContain('<img src=x')
			await checkPage(page, browser, testInfo)
			await page.getByLabel('Tôi đồng ý').check()
			await page.getByRole('button', { name: 'Gửi ý kiến' }).click()

			// Confirmation: the code and the secret, once.
			const { code, secret } = await readConfirmation(page)
			await checkPage(page, browser, testInfo)

			// A wrong secret: a clear message, the code kept.
			await lookUp(page, code, 'SAI-MA-1')
			await expect(page.getByRole('alert')).toContainText('Không tìm thấy ý kiến với mã và mã bí mật (hoặc số điện thoại) này.')
			await expect(page.getByLabel('Mã ý kiến', { exact: true })).toHaveValue(code)
			await expect(page.getByRole('heading', { name: 'Quá trình xử lý' })).toHaveCount(0)
			await checkPage(page, browser, testInfo)

			// The right secret: status, stored text (in NFC, as text) and the timeline.
			await lookUp(page, code, secret)
			await expect(page.getByRole('alert')).toHaveCount(0)
			await expect(answerOf(page, 'Mã')).toHaveText(code)
			await expect(answerOf(page, 'Trạng thái')).toHaveText('Đã tiếp nhận')
			await expect(answerOf(page, 'Loại ý kiến')).toHaveText('Phản ánh')
			expect((await answerOf(page, 'Tiêu đề').textContent())?.trim()).toBe(title.normalize('NFC'))
			await expect(page.getByRole('heading', { name: 'Quá trình xử lý' })).toBeVisible()
			await expect(page.locator('.timeline li').first()).toContainText('Đã tiếp nhận')
			await expect(page.getByRole('heading', { name: 'Đánh giá câu trả lời' })).toHaveCount(0)
			await checkPage(page, browser, testInfo)

			// The last 4 digits of the phone open it too.
			await lookUp(page, code, '5678')
			await expect(answerOf(page, 'Mã')).toHaveText(code)

			// The confirmation is shown once.
			await open(page, `${BASE}/da-gui`)
			await expect(page.getByText('Trang xác nhận chỉ hiện một lần.')).toBeVisible()
			await expect(page.getByText(secret)).toHaveCount(0)
			expect(dialogs).toBe(0)
		})
	})
}

test('empty steps show an error summary that links to the field, and keep what was typed', async ({ page, browser }, testInfo) => {
	const suffix = unique(testInfo)
	await open(page, `${BASE}/gui`)
	await page.getByRole('button', { name: 'Bắt đầu' }).click()

	// No kind chosen.
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/loai$`))
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/loai$`))
	await expectSummaryLinksTo(page, 'Loại ý kiến: Chọn loại ý kiến.', 'field-kind')
	await expect(page.getByRole('group', { name: 'Bạn muốn gửi loại ý kiến nào?' })).toHaveAccessibleDescription(/Chọn loại ý kiến\./)
	await checkPage(page, browser, testInfo)
	// A kiến nghị needs the sender's name.
	await page.getByRole('radio', { name: 'Kiến nghị', exact: true }).check()
	await continueButton(page).click()

	// A title but no content: the title is kept.
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/noi-dung$`))
	const title = `Kiến nghị ${suffix}`
	await page.getByLabel('Tiêu đề', { exact: true }).fill(title)
	await page.getByLabel(/^Địa điểm cụ thể/).fill(`Nhà văn hóa ${suffix}`)
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/noi-dung$`))
	const content = page.getByLabel('Nội dung', { exact: true })
	await expectSummaryLinksTo(page, /^Nội dung: /, 'field-content')
	await expect(content).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(title)
	await expect(page.getByLabel(/^Địa điểm cụ thể/)).toHaveValue(`Nhà văn hóa ${suffix}`)
	await checkPage(page, browser, testInfo)
	await content.fill('Đề nghị lắp thêm đèn đường.')
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/tep$`))
	await continueButton(page).click()

	// A wrong phone number: reported, and kept as typed.
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/nguoi-gui$`))
	await page.getByLabel('Họ và tên', { exact: true }).fill(`Lê Văn ${suffix}`)
	await page.getByLabel(/^Số điện thoại/).fill('12345')
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/nguoi-gui$`))
	await expectSummaryLinksTo(page, 'Số điện thoại: Số điện thoại không đúng (ví dụ 0912 345 678).', 'field-phone')
	await expect(page.getByLabel(/^Số điện thoại/)).toHaveValue('12345')
	await expect(page.getByLabel(/^Số điện thoại/)).toHaveAccessibleDescription(/Số điện thoại không đúng/)
	await expect(page.getByLabel('Họ và tên', { exact: true })).toHaveValue(`Lê Văn ${suffix}`)
	await checkPage(page, browser, testInfo)
	// No name (required for a kiến nghị).
	await page.getByLabel('Họ và tên', { exact: true }).fill('')
	await page.getByLabel(/^Số điện thoại/).fill('0912345678')
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/nguoi-gui$`))
	await expectSummaryLinksTo(page, 'Họ và tên: Nhập họ và tên.', 'field-fullName')
	await expect(page.getByLabel(/^Số điện thoại/)).toHaveValue('0912345678')
	await page.getByLabel('Họ và tên', { exact: true }).fill(`Lê Văn ${suffix}`)
	await continueButton(page).click()

	// Sending without consent.
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/kiem-tra$`))
	await expect(answerOf(page, 'Tiêu đề')).toHaveText(title)
	await page.getByRole('button', { name: 'Gửi ý kiến' }).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/kiem-tra$`))
	await expectSummaryLinksTo(page, 'Đồng ý xử lý thông tin: Đánh dấu "Tôi đồng ý" để gửi.', 'field-consent')
	await expect(answerOf(page, 'Tiêu đề')).toHaveText(title)
	await expect(answerOf(page, 'Họ và tên')).toHaveText(`Lê Văn ${suffix}`)
	await checkPage(page, browser, testInfo)

	// Changing an answer from the check page comes back to it.
	await page.getByRole('link', { name: 'Thay đổi Tiêu đề' }).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/noi-dung\\?sua=1$`))
	await expect(page.getByLabel('Tiêu đề', { exact: true })).toHaveValue(title)
	await page.getByLabel('Tiêu đề', { exact: true }).fill(`${title} (sửa)`)
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/kiem-tra$`))
	await expect(answerOf(page, 'Tiêu đề')).toHaveText(`${title} (sửa)`)
})

test('every mistake on the sender page is reported at once: a missing name and a wrong phone number', async ({ page }, testInfo) => {
	await open(page, `${BASE}/gui`)
	await page.getByRole('button', { name: 'Bắt đầu' }).click()
	await page.getByRole('radio', { name: 'Kiến nghị', exact: true }).check()
	await continueButton(page).click()
	await page.getByLabel('Tiêu đề', { exact: true }).fill(`Hai lỗi ${unique(testInfo)}`)
	await page.getByLabel('Nội dung', { exact: true }).fill('Đề nghị sửa cống.')
	await continueButton(page).click()
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/nguoi-gui$`))
	await page.getByLabel(/^Số điện thoại/).fill('12345')
	await continueButton(page).click()
	await expectSummaryLinksTo(page, 'Số điện thoại: Số điện thoại không đúng (ví dụ 0912 345 678).', 'field-phone')
	// Both in one go (GOV.UK pattern), not the name only after the phone is fixed.
	await expectSummaryLinksTo(page, 'Họ và tên: Nhập họ và tên.', 'field-fullName')
})

test('a complaint started from the complaints page asks for the identity the law requires', async ({ page, browser }, testInfo) => {
	await open(page, `${BASE}/khieu-nai-to-cao`)
	await expectNoScript(page)
	await page.getByRole('button', { name: 'Gửi đơn khiếu nại' }).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/noi-dung$`))
	await expect(page.getByText('Bước 2 / 5')).toBeVisible()
	await page.getByLabel('Tiêu đề', { exact: true }).fill(`Khiếu nại ${unique(testInfo)}`)
	await page.getByLabel('Nội dung', { exact: true }).fill('Khiếu nại quyết định hành chính.')
	await continueButton(page).click()
	await continueButton(page).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui/nguoi-gui$`))
	await expect(page.getByText('Pháp luật yêu cầu đơn khiếu nại, tố cáo ghi rõ họ tên, địa chỉ và số CCCD.')).toBeVisible()
	await expect(page.getByRole('radio', { name: 'Không ghi danh' })).toHaveCount(0)
	await continueButton(page).click()
	await expectSummaryLinksTo(page, 'Họ và tên: Nhập họ và tên.', 'field-fullName')
	await expectSummaryLinksTo(page, /^Địa chỉ: Nhập địa chỉ/, 'field-address')
	await expectSummaryLinksTo(page, /^Số CCCD: Nhập số CCCD/, 'field-identityNumber')
	await checkPage(page, browser, testInfo)
})

// ---- The back office, then the public answers and the rating ----------------------------------

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

/** A <details> section of the staff item page, by its summary. */
const sectionOf = (page: Page, title: string) => page.locator('details').filter({ has: page.locator('summary', { hasText: new RegExp(`^${title}$`) }) })

/** Opens a <details> section of the page (works without JavaScript too) unless it is open. */
async function openSection(section: Locator) {
	if ((await section.getAttribute('open')) === null) await section.locator('summary').click()
	await expect(section).toHaveAttribute('open', '')
}

/** One workflow step of the staff item page: opens its section, fills it, sends it, sees it done. */
async function itemStep(page: Page, title: string, done: string, fill?: (section: Locator) => Promise<unknown>) {
	const section = sectionOf(page, title)
	await openSection(section)
	if (fill) await fill(section)
	await section.getByRole('button', { name: title, exact: true }).click()
	await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible()
}

/**
 * axe and reflow on the staff page at desktop width and at 360 px. With JavaScript only: the HTML
 * is the same without it (and a11y.spec.ts checks the staff pages in both projects).
 */
async function checkBothWidths(page: Page, browser: Browser, testInfo: TestInfo) {
	if (!jsEnabled(testInfo)) return
	await checkStaffPage(page, browser, testInfo)
	await page.setViewportSize({ width: 360, height: 740 })
	try {
		await checkStaffPage(page, browser, testInfo)
	} finally {
		await page.setViewportSize({ width: 1280, height: 800 })
	}
}

test('staff take an item from the queue to a published answer with the phone masked; the sender rates it', async ({ page, browser }, testInfo) => {
	test.setTimeout(60_000)
	const suffix = unique(testInfo)
	const phone = '0987 654 321'
	const title = `Đường làng ${suffix} ngập nước`
	const sent = await sendFeedback(page, {
		title,
		content: `Sau mưa đường ngập sâu. Cần liên hệ thì gọi ${phone} (ông Tư).`,
		fullName: `Phạm Văn Tư ${suffix}`,
		phone: '0912 000 111',
	})

	const errors: string[] = []
	const windows: BrowserContext[] = []
	try {
		// The commune's leader signs in (no stored session) and finds the item in the queue.
		const leader = await newWindow(browser, testInfo, errors)
		windows.push(leader.context)
		const chutich = leader.page
		await open(chutich, '/dang-nhap?next=%2Fquan-tri%2Fy-kien')
		await submitSignIn(chutich, 'chutich', DEMO_PASSWORD)
		await expect(chutich).toHaveURL(/\/quan-tri\/y-kien$/)
		await expect(chutich.getByRole('heading', { level: 1 })).toHaveText('Phản ánh, kiến nghị')
		await chutich.getByRole('search').getByLabel('Tìm theo mã hoặc tiêu đề').fill(suffix)
		await chutich.getByRole('search').getByRole('button', { name: 'Lọc' }).click()
		await expect(chutich).toHaveURL(new RegExp(`q=${suffix}`))
		const row = chutich.getByRole('row').filter({ hasText: sent.code })
		await expect(row).toContainText(title)
		await expect(row).toContainText('Đã tiếp nhận')
		await row.getByRole('link', { name: sent.code }).click()
		await expect(chutich).toHaveURL(/\/quan-tri\/y-kien\/[0-9a-f-]{36}$/)
		const itemUrl = new URL(chutich.url()).pathname
		await expect(chutich.getByRole('heading', { level: 1 })).toHaveText(title)
		await expect(chutich.locator('.prewrap').filter({ hasText: phone })).toBeVisible()

		// Assigned to the economy office and its officer.
		await openSection(sectionOf(chutich, 'Giao xử lý'))
		await checkBothWidths(chutich, browser, testInfo)
		await itemStep(chutich, 'Giao xử lý', 'Đã giao xử lý.', async (section) => {
			await section.getByLabel('Cơ quan xử lý', { exact: true }).selectOption({ label: 'Phòng Kinh tế' })
			await section.getByLabel(/^Người xử lý/).selectOption({ label: 'Công chức Phòng Kinh tế (mẫu)' })
		})
		await expect(answerOf(chutich, 'Cơ quan xử lý')).toHaveText('Phòng Kinh tế · Công chức Phòng Kinh tế (mẫu)')
		await expect(answerOf(chutich, 'Trạng thái')).toContainText('Đã giao xử lý')

		// The officer starts and drafts the answer.
		const officer = await newWindow(browser, testInfo, errors, authFile(testInfo.project.name, 'kinhte'))
		windows.push(officer.context)
		const kinhte = officer.page
		await open(kinhte, '/quan-tri/y-kien?hang=mine')
		await kinhte.getByRole('row').filter({ hasText: sent.code }).getByRole('link', { name: sent.code }).click()
		await expect(kinhte).toHaveURL(new RegExp(`${itemUrl}$`))
		await itemStep(kinhte, 'Bắt đầu xử lý', 'Đã bắt đầu xử lý.')
		const answer = `UBND xã đã giao Phòng Kinh tế khơi thông rãnh thoát nước ${suffix} trong tuần này.`
		await openSection(sectionOf(kinhte, 'Dự thảo câu trả lời'))
		await checkBothWidths(kinhte, browser, testInfo)
		await itemStep(kinhte, 'Dự thảo câu trả lời', 'Đã lưu dự thảo.', (section) => section.getByLabel('Câu trả lời', { exact: true }).fill(answer))
		await expect(kinhte.locator('.answer')).toHaveText(answer)
		await expect(kinhte.locator('summary', { hasText: /^Duyệt câu trả lời$/ })).toHaveCount(0)

		// The leader approves; the publication form shows the phone number masked.
		await open(chutich, itemUrl)
		await itemStep(chutich, 'Duyệt câu trả lời', 'Đã duyệt.')
		const publish = sectionOf(chutich, 'Công khai câu trả lời')
		await openSection(publish)
		await expect(publish.getByText(/^Đã tự động ẩn [1-9]\d* chỗ có thông tin cá nhân\./)).toBeVisible()
		const publicContent = publish.getByLabel('Nội dung', { exact: true })
		await expect(publicContent).toHaveValue(new RegExp(MASK.replace(/[[\]]/g, '\\$&')))
		await expect(publicContent).not.toHaveValue(/0987|654 321/)
		await expect(publish.getByLabel('Câu trả lời', { exact: true })).toHaveValue(answer)
		await checkBothWidths(chutich, browser, testInfo)
		await itemStep(chutich, 'Công khai câu trả lời', 'Đã công khai câu trả lời.')
		await expect(answerOf(chutich, 'Trạng thái')).toContainText('Đã trả lời công khai')
		await expect(chutich.getByRole('link', { name: 'Xem trang công khai' })).toHaveAttribute('href', `${BASE}/y-kien/${sent.code}`)
		await checkBothWidths(chutich, browser, testInfo)

		// The print-out.
		await open(chutich, `${itemUrl}/in`)
		await expect(chutich.getByRole('heading', { level: 1 })).toHaveText(`Phiếu theo dõi ý kiến ${sent.code}`)
		await expect(chutich.getByRole('main')).toContainText(answer)
		await checkBothWidths(chutich, browser, testInfo)

		// The commune's administrator has no feedback capability: 403, not the item.
		const admin = await newWindow(browser, testInfo, errors, authFile(testInfo.project.name, 'quantri'))
		windows.push(admin.context)
		await open(admin.page, itemUrl, 403)
		await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập')
		await expect(admin.page.getByText(title)).toHaveCount(0)
	} finally {
		for (const context of windows) await context.close()
	}
	expect(errors, 'errors in the staff browser windows').toEqual([])

	// Public: in the list (found without diacritics), on its own page, without the phone number.
	await open(page, `${BASE}?q=${encodeURIComponent(`duong lang ${suffix}`)}`)
	await expect(page.getByRole('status')).toHaveText('1 câu trả lời')
	const item = page.locator('.item-list__item')
	await expect(item).toHaveCount(1)
	await expect(item.getByRole('heading', { level: 3 })).toHaveText(title)
	await expect(item).toContainText(sent.code)
	await checkPage(page, browser, testInfo)
	const listHtml = await (await page.request.get(`${BASE}?q=${encodeURIComponent(suffix)}`)).text()
	expect(listHtml).toContain(sent.code)
	expect(listHtml).toContain(MASK)
	expect(listHtml).not.toMatch(/0987|654 321|0912 000 111/)

	await item.getByRole('link', { name: title }).click()
	await expect(page).toHaveURL(new RegExp(`${BASE}/y-kien/${sent.code}$`))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
	await expect(page.getByRole('main')).toContainText(MASK)
	await expect(page.getByRole('main')).toContainText('khơi thông rãnh thoát nước')
	await expect(page.getByRole('main')).not.toContainText('0987')
	await checkPage(page, browser, testInfo)
	const itemHtml = await (await page.request.get(`${BASE}/y-kien/${sent.code}`)).text()
	expect(itemHtml).not.toMatch(/<script\b/i)
	expect(itemHtml).not.toMatch(/0987|654 321|0912 000 111|Phạm Văn Tư/)

	// The sender sees the answer and rates it.
	await lookUp(page, sent.code, sent.secret)
	await expect(answerOf(page, 'Trạng thái')).toHaveText('Đã trả lời công khai')
	await expect(page.locator('.answer')).toContainText('khơi thông rãnh thoát nước')
	await expect(page.locator('.timeline')).toContainText('Đã trả lời công khai')
	// Sending the rating without choosing.
	await page.getByRole('button', { name: 'Gửi đánh giá' }).click()
	await expectSummaryLinksTo(page, 'Chọn hài lòng hoặc không hài lòng.', 'field-satisfied')
	await checkPage(page, browser, testInfo)
	await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check()
	await page.getByLabel(/^Nhận xét/).fill('Cảm ơn xã đã xử lý nhanh.')
	await page.getByRole('button', { name: 'Gửi đánh giá' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã đánh giá.' })).toBeVisible()
	await expect(page.getByText('Đánh giá của bạn:')).toContainText('Hài lòng')
	await expect(page.getByRole('button', { name: 'Gửi đánh giá' })).toHaveCount(0)
	await checkPage(page, browser, testInfo)
})

/** An item sent on the web and published by the system administrator, who may take every step. */
async function publishedItem(page: Page, browser: Browser, testInfo: TestInfo, title: string): Promise<Sent> {
	const sent = await sendFeedback(page, { title, content: 'Cống thoát nước bị tắc.', fullName: `Vũ Thị Lan ${unique(testInfo)}`, phone: '0912 222 333' })
	const errors: string[] = []
	const { context, page: admin } = await newWindow(browser, testInfo, errors, authFile(testInfo.project.name, 'admin'))
	try {
		await open(admin, `/quan-tri/y-kien?hang=all&q=${sent.code}`)
		await admin.getByRole('link', { name: sent.code }).click()
		await expect(admin.getByRole('heading', { level: 1 })).toHaveText(title)
		await itemStep(admin, 'Giao xử lý', 'Đã giao xử lý.', (section) => section.getByLabel('Cơ quan xử lý', { exact: true }).selectOption({ label: 'Phòng Kinh tế' }))
		await itemStep(admin, 'Dự thảo câu trả lời', 'Đã lưu dự thảo.', (section) => section.getByLabel('Câu trả lời', { exact: true }).fill('Đã thông cống.'))
		await itemStep(admin, 'Duyệt câu trả lời', 'Đã duyệt.')
		await itemStep(admin, 'Công khai câu trả lời', 'Đã công khai câu trả lời.')
	} finally {
		await context.close()
	}
	expect(errors, 'errors in the staff browser window').toEqual([])
	return sent
}

test('a second rating from another tab is refused, and the page says why', async ({ page, browser }, testInfo) => {
	const sent = await publishedItem(page, browser, testInfo, `Hai thẻ ${unique(testInfo)}`)
	// Two tabs on the same answer, as people do.
	await lookUp(page, sent.code, sent.secret)
	const otherTab = await page.context().newPage()
	await lookUp(otherTab, sent.code, sent.secret)
	await expect(otherTab.getByRole('button', { name: 'Gửi đánh giá' })).toBeVisible()

	await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check()
	await page.getByRole('button', { name: 'Gửi đánh giá' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Cảm ơn bạn đã đánh giá.' })).toBeVisible()

	// The other tab rates too: refused (the first rating stands), and the page must say so.
	await otherTab.getByRole('radio', { name: 'Không hài lòng', exact: true }).check()
	const refused = otherTab.waitForResponse((r) => r.request().method() === 'POST')
	await otherTab.getByRole('button', { name: 'Gửi đánh giá' }).click()
	expect((await refused).status()).toBe(409)
	await expect(otherTab.getByText('Đánh giá của bạn:')).toContainText('Hài lòng')
	await expect(otherTab.getByText('Ý kiến này chưa có câu trả lời để đánh giá, hoặc đã được đánh giá.')).toBeVisible()
	await otherTab.close()
})

// ---- Public pages: no script, and their accessibility -------------------------------------------

const PUBLIC_FEEDBACK_PAGES = [
	{ path: BASE, status: 200 },
	{ path: `${BASE}?q=${encodeURIComponent('không có gì')}&loai=phan_anh&nam=2026&dung-han=yes`, status: 200 },
	{ path: `${BASE}/gui`, status: 200 },
	{ path: `${BASE}/da-gui`, status: 200 },
	{ path: `${BASE}/tra-cuu`, status: 200 },
	{ path: `${BASE}/khieu-nai-to-cao`, status: 200 },
	{ path: `${BASE}/y-kien/NLB-26-99999`, status: 404 },
]

test.describe('public feedback pages send no script', () => {
	for (const { path, status } of PUBLIC_FEEDBACK_PAGES) {
		test(path, async ({ page }) => {
			const raw = await page.request.get(path)
			expect(raw.status()).toBe(status)
			expect(raw.headers()['content-type']).toContain('text/html')
			const html = await raw.text()
			expect(html).not.toMatch(/<script\b/i)
			expect(html).not.toMatch(/rel="modulepreload"/i)
			// An event handler attribute in a tag (escaped text such as "&lt;img onerror=…" is fine).
			expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i)

			await open(page, path, status)
			await expectNoScript(page)
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		})
	}
})

for (const { name: size, viewport } of VIEWPORTS) {
	test.describe(`public feedback pages on ${size} ${viewport.width}×${viewport.height}: axe and reflow`, () => {
		test.use({ viewport })
		for (const { path, status } of PUBLIC_FEEDBACK_PAGES) {
			test(path, async ({ page, browser }, testInfo) => {
				await open(page, path, status)
				await checkPage(page, browser, testInfo)
			})
		}
	})
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 } })

	test("the answers page's send button does not cover the look-up link next to it", async ({ page }) => {
		await open(page, BASE)
		const button = await page.getByRole('main').getByRole('link', { name: 'Gửi phản ánh, kiến nghị, góp ý' }).boundingBox()
		const link = await page.getByRole('main').getByRole('link', { name: 'Tra cứu kết quả bằng mã' }).boundingBox()
		expect(button && link).toBeTruthy()
		const overlap = Math.min(button!.y + button!.height, link!.y + link!.height) - Math.max(button!.y, link!.y)
		const side = Math.min(button!.x + button!.width, link!.x + link!.width) - Math.max(button!.x, link!.x)
		expect(overlap > 0 && side > 0 ? overlap : 0, `the button ${JSON.stringify(button)} covers the link ${JSON.stringify(link)}`).toBe(0)
	})
})

test('the expired-form notice appears when a step is opened without a form in progress', async ({ page }) => {
	await open(page, `${BASE}/gui/kiem-tra`)
	await expect(page).toHaveURL(new RegExp(`${BASE}/gui\\?het-han=1$`))
	await expect(page.getByText('Phiên gửi ý kiến đã hết hạn (sau 24 giờ). Vui lòng bắt đầu lại.')).toBeVisible()
})
