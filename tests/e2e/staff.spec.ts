import { type Page } from '@playwright/test'
import { expect, open, test, unique } from './helpers.ts'

// The back office as the commune's administrator: villages (Unicode, search, errors, hostile
// input), staff accounts, the audit log, and printing. Every test makes its own named data.

test.use({ user: 'quantri' })

const villageForm = (page: Page) => page.locator('form:has(input[name="intent"][value="add-village"])')
const villageTable = (page: Page) => page.getByRole('region', { name: 'Thôn, tổ dân phố' })
/** The name cells of the villages table (the edit link's cell repeats the name for screen readers). */
const villageNames = (page: Page, text: string) => villageTable(page).locator('tbody td:first-child').filter({ hasText: text })

/** Opens "Add a village" (a <details>, so without JavaScript too) and sends the name. */
async function sendVillage(page: Page, name: string) {
	const form = villageForm(page)
	if (!(await form.isVisible())) await page.locator('summary', { hasText: 'Thêm thôn' }).click()
	await form.getByLabel('Tên', { exact: true }).fill(name)
	await form.getByRole('button', { name: 'Thêm', exact: true }).click()
}

async function addVillage(page: Page, name: string) {
	await open(page, '/quan-tri/don-vi')
	await sendVillage(page, name)
	await expect(page.getByRole('status')).toHaveText('Đã lưu.')
	await expect(villageNames(page, name.normalize('NFC'))).toHaveCount(1)
}

test('a village typed in decomposed Unicode is saved in NFC and found without diacritics', async ({ page }, testInfo) => {
	const suffix = unique(testInfo)
	const typed = `${'Thôn Mới'.normalize('NFD')} ${suffix}`
	expect(typed).not.toBe(typed.normalize('NFC'))
	await addVillage(page, typed)
	const stored = await villageNames(page, suffix).textContent()
	expect(stored?.trim()).toBe(`Thôn Mới ${suffix}`.normalize('NFC'))

	await page.getByRole('searchbox', { name: 'Tìm thôn' }).fill(`thon moi ${suffix}`)
	await page.getByRole('button', { name: 'Tìm kiếm' }).click()
	await expect(page).toHaveURL(/\?q=thon\+moi\+/)
	const rows = villageTable(page).locator('tbody tr')
	await expect(rows).toHaveCount(1)
	await expect(rows.first()).toContainText(`Thôn Mới ${suffix}`.normalize('NFC'))
	await expect(villageTable(page)).not.toContainText('Đỗ Thượng')
})

test('the same village name twice is refused, whatever its Unicode form', async ({ page }, testInfo) => {
	const name = `Thôn Trùng ${unique(testInfo)}`
	await addVillage(page, name.normalize('NFD'))
	await sendVillage(page, name.normalize('NFC'))
	await expect(page.getByRole('alert')).toContainText(`Thôn "${name.normalize('NFC')}" đã có trong danh sách.`)
	await expect(villageNames(page, name)).toHaveCount(1)
})

test('an empty name is shown as an error next to the field and in the summary', async ({ page }) => {
	await open(page, '/quan-tri/don-vi')
	await sendVillage(page, '   ')
	const form = villageForm(page)
	const field = form.getByLabel('Tên', { exact: true })
	await expect(field).toHaveAttribute('aria-invalid', 'true')
	await expect(form.locator('.field--error')).toContainText('Vui lòng nhập thông tin này.')
	await expect(field).toHaveAccessibleDescription(/Vui lòng nhập thông tin này\./)

	const summary = page.getByRole('alert')
	await expect(summary).toContainText('Có lỗi cần sửa')
	const link = summary.getByRole('link', { name: /Vui lòng nhập thông tin này\./ })
	const id = await field.getAttribute('id')
	await expect(link).toHaveAttribute('href', `#${id}`)
	// The summary's link leads to this form's field, not to a field of the same name elsewhere.
	await expect(page.locator(`[id="${id}"]`)).toHaveCount(1)
})

test('a 10,000-character name is refused as too long, not a crash', async ({ page }) => {
	await open(page, '/quan-tri/don-vi')
	await page.locator('summary', { hasText: 'Thêm thôn' }).click()
	const field = villageForm(page).getByLabel('Tên', { exact: true })
	// The browser stops at maxlength; a crafted request would not.
	await field.evaluate((input) => input.removeAttribute('maxlength'))
	await field.fill('Thôn '.padEnd(10_000, 'x'))
	const answer = page.waitForResponse((r) => r.request().method() === 'POST')
	await villageForm(page).getByRole('button', { name: 'Thêm', exact: true }).click()
	expect((await answer).status()).toBe(400)
	await expect(villageForm(page).locator('.field--error')).toContainText('Nội dung quá dài.')
	await expect(page.getByRole('alert')).toContainText('Nội dung quá dài.')
})

test('hostile input is shown as text', async ({ page }, testInfo) => {
	let dialogs = 0
	page.on('dialog', (dialog) => {
		dialogs++
		void dialog.dismiss()
	})
	const name = `<script>alert(1)</script><img src=x onerror=alert(2)> ${unique(testInfo)}`
	await addVillage(page, name)
	await expect(villageNames(page, name)).toBeVisible()
	await expect(page.locator('script', { hasText: 'alert(1)' })).toHaveCount(0)
	await expect(page.locator('img[src="x"]')).toHaveCount(0)

	const html = await (await page.request.get('/quan-tri/don-vi')).text()
	expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;')
	expect(html).not.toContain('<script>alert(1)')
	expect(html).not.toContain('<img src=x')
	expect(dialogs).toBe(0)
})

test('a new staff account, then a password reset with a one-time password', async ({ page }, testInfo) => {
	const suffix = unique(testInfo)
	const username = `thu.${suffix}`
	const fullName = `Cán bộ Thử Nghiệm ${suffix}`
	await open(page, '/quan-tri/nguoi-dung')
	await page.getByLabel('Họ và tên', { exact: true }).fill(fullName)
	await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username)
	await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Công chức một cửa' })
	await page.getByLabel('Mật khẩu ban đầu', { exact: true }).fill('mot cau rat de nho 2026')
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click()

	await expect(page).toHaveURL(new RegExp(`\\?tao-moi=${username.replace('.', '\\.')}$`))
	await expect(page.getByRole('status')).toHaveText(`Đã tạo tài khoản ${username}.`)
	const row = page.getByRole('region', { name: 'Tài khoản cán bộ' }).getByRole('row').filter({ hasText: username })
	await expect(row).toContainText('Công chức một cửa')
	await expect(row).toContainText('Đang hoạt động')

	await row.getByRole('link', { name: fullName }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName)
	await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click()
	const notice = page.getByText(/^Mật khẩu tạm thời mới: /)
	await expect(notice).toBeVisible()
	const password = /^Mật khẩu tạm thời mới: (\S+) — /.exec((await notice.textContent()) ?? '')?.[1]
	expect(password?.length).toBeGreaterThanOrEqual(10)

	// Shown once: the page opened again no longer has it.
	await open(page, new URL(page.url()).pathname)
	await expect(page.getByText(/^Mật khẩu tạm thời mới: /)).toHaveCount(0)
	await expect(page.getByRole('region', { name: 'Lịch sử thay đổi' })).toContainText('user.reset_password')
})

test('the audit log lists the creation of a village', async ({ page }, testInfo) => {
	const name = `Thôn Nhật Ký ${unique(testInfo)}`
	await addVillage(page, name)
	const href = await villageTable(page).getByRole('row').filter({ hasText: name }).getByRole('link').getAttribute('href')
	const id = /\/thon\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1]
	expect(id, `edit link of ${name}`).toBeTruthy()

	await open(page, '/quan-tri/nhat-ky')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhật ký thay đổi')
	await page.getByLabel('Mã đối tượng', { exact: true }).fill(id!)
	await page.getByRole('button', { name: 'Lọc' }).click()
	await expect(page).toHaveURL(new RegExp(`ma=${id}`))
	const rows = page.getByRole('region', { name: 'Nhật ký thay đổi' }).locator('tbody tr')
	await expect(rows).toHaveCount(1)
	await expect(rows.first()).toContainText('village.create')
	await expect(rows.first()).toContainText('Quản trị của xã (mẫu)')
	await rows.first().locator('summary', { hasText: 'Sau' }).click()
	await expect(rows.first().locator('pre')).toContainText(name)
})

test('a back-office page prints without navigation and forms', async ({ page }) => {
	await open(page, '/quan-tri/don-vi')
	await page.emulateMedia({ media: 'print' })
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	await expect(villageTable(page)).toBeVisible()
	await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeHidden()
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeHidden()
	await expect(page.getByRole('searchbox', { name: 'Tìm thôn' })).toBeHidden()
	await expect(page.locator('.skip-link')).toBeHidden()
})
