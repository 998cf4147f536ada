import { expect, open, test } from './helpers.ts'

// The citizens' pages: no JavaScript at all, a language switch that is a plain form, and a
// print-out without the page's controls.

const PUBLIC_PAGES = [
	{ path: '/', status: 200 },
	{ path: '/thanh-pho', status: 200 },
	{ path: '/thanh-pho?q=xyz', status: 200 },
	{ path: '/dang-nhap', status: 200 },
	{ path: '/dang-nhap?next=%2Fquan-tri%2Fnhat-ky', status: 200 },
	{ path: '/khong-co-trang-nay', status: 404 },
]

test.describe('public pages send no script', () => {
	for (const { path, status } of PUBLIC_PAGES) {
		test(path, async ({ page }) => {
			const raw = await page.request.get(path)
			expect(raw.status()).toBe(status)
			expect(raw.headers()['content-type']).toContain('text/html')
			const html = await raw.text()
			expect(html).not.toMatch(/<script\b/i)
			expect(html).not.toMatch(/rel="modulepreload"/i)
			expect(html).not.toMatch(/\son[a-z]+=/i)

			await open(page, path, status)
			await expect(page.locator('script')).toHaveCount(0)
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		})
	}

})

test('the language switch changes to English, is remembered, and changes back', async ({ page }) => {
	await open(page, '/thanh-pho?q=xyz')
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
	await page.getByRole('button', { name: 'English' }).click()

	// Back on the same page, in English.
	await expect(page).toHaveURL(/\/thanh-pho\?q=xyz$/)
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Communes, wards and special zones')

	// Remembered on the next pages.
	await open(page, '/')
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Portal of /)
	await open(page, '/dang-nhap')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff sign-in')
	await expect(page.getByLabel('Username', { exact: true })).toBeVisible()

	// And back to Vietnamese.
	await page.getByRole('button', { name: 'Tiếng Việt' }).click()
	await expect(page).toHaveURL(/\/dang-nhap$/)
	await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập dành cho cán bộ')
	await open(page, '/')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Cổng thông tin của /)
})

test.describe('printing', () => {
	test.beforeEach(async ({ page }) => {
		await page.emulateMedia({ media: 'print' })
	})

	test('the home page prints its content without the controls', async ({ page }) => {
		await open(page, '/')
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		await expect(page.getByRole('heading', { name: 'Liên hệ', exact: true })).toBeVisible()
		await expect(page.getByRole('button', { name: 'English' })).toBeHidden()
		await expect(page.locator('.skip-link')).toBeHidden()
		await expect(page.locator('.demo-banner')).toBeHidden()
	})

	test('the city page prints the list without the search form', async ({ page }) => {
		await open(page, '/thanh-pho')
		await expect(page.getByRole('table')).toBeVisible()
		await expect(page.getByRole('search')).toBeHidden()
		await expect(page.getByRole('searchbox')).toBeHidden()
	})

	test('the sign-in page prints without its form', async ({ page }) => {
		await open(page, '/dang-nhap')
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		await expect(page.getByLabel('Tên đăng nhập', { exact: true })).toBeHidden()
		await expect(page.getByRole('button', { name: 'Đăng nhập', exact: true })).toBeHidden()
	})
})
