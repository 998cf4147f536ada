import { DEMO_PASSWORD, expect, open, submitSignIn, test } from './helpers.ts'

// Staff sign-in and sign-out, the way back to the page asked for, and the 403 page.
// The sign-in form allows 10 attempts a minute per address: each project makes 8 in all
// (3 in global-setup.ts, 2 in a11y.spec.ts, 3 here), so add new sign-ins with care.

test('a wrong password shows the error in Vietnamese and keeps the username', async ({ page }) => {
	await open(page, '/dang-nhap')
	await submitSignIn(page, 'mttq', 'khong-phai-mat-khau')
	await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.')
	await expect(page).toHaveURL(/\/dang-nhap$/)
	await expect(page.getByLabel('Tên đăng nhập', { exact: true })).toHaveValue('mttq')
	await expect(page.getByLabel('Mật khẩu', { exact: true })).toHaveValue('')
	await expect(page.locator('script')).toHaveCount(0)
})

test('signing in shows the back office; signing out ends the session', async ({ page }) => {
	await open(page, '/dang-nhap')
	await submitSignIn(page, 'chutich', DEMO_PASSWORD)
	await expect(page).toHaveURL(/\/quan-tri$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tổng quan')
	await expect(page.getByText('Xin chào, Chủ tịch UBND xã (mẫu).')).toBeVisible()
	await expect(page.getByText('Đang đăng nhập: Chủ tịch UBND xã (mẫu)')).toBeVisible()

	await page.getByRole('button', { name: 'Đăng xuất' }).click()
	await expect(page).toHaveURL(/\/dang-nhap\?da-dang-xuat$/)
	await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất.')

	await page.goto('/quan-tri')
	await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-tri$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập dành cho cán bộ')
})

test('a staff page without a session asks to sign in, then comes back to it', async ({ page }) => {
	await page.goto('/quan-tri/lich-lam-viec?nam=2027')
	await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-tri%2Flich-lam-viec%3Fnam%3D2027$/)
	await submitSignIn(page, 'vhxh', DEMO_PASSWORD)
	await expect(page).toHaveURL(/\/quan-tri\/lich-lam-viec\?nam=2027$/)
	await expect(page.getByRole('heading', { name: 'Ngày nghỉ lễ, Tết năm 2027' })).toBeVisible()
})

test.describe('without the capability', () => {
	test.use({ user: 'kinhte' })

	test('an agency officer gets the 403 page in Vietnamese on the accounts page', async ({ page }) => {
		await open(page, '/quan-tri/nguoi-dung', 403)
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập')
		await expect(page.getByText('Bạn không có quyền thực hiện việc này.')).toBeVisible()
		await expect(page.getByText('Mã lỗi: 403')).toBeVisible()
		await page.getByRole('link', { name: 'Về trang chủ' }).click()
		await expect(page).toHaveURL(/\/$/)
	})

	test('the agency officer does not see the link to it either', async ({ page }) => {
		await open(page, '/quan-tri')
		const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
		await expect(nav.getByRole('link', { name: 'Tổng quan' })).toBeVisible()
		await expect(nav.getByRole('link', { name: 'Tài khoản cán bộ' })).toHaveCount(0)
	})
})
