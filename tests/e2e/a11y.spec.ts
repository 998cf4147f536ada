import { type Page } from '@playwright/test'
import { expect, expectNoA11yViolations, expectNoHorizontalScroll, open, type StoredUser, test, VIEWPORTS } from './helpers.ts'

// axe-core (WCAG 2.0–2.2 A and AA rules) on every page, on a desktop and on a 360 px phone,
// with JavaScript on and off. Expected: no violation at all, and no sideways scrolling of the page.

type Visit = (page: Page) => Promise<unknown>

const PUBLIC_PAGES: ReadonlyArray<{ name: string; visit: Visit }> = [
	{ name: 'home', visit: (page) => open(page, '/') },
	{ name: 'city page', visit: (page) => open(page, '/thanh-pho') },
	{
		name: 'city page with a search that finds nothing',
		visit: async (page) => {
			await open(page, '/thanh-pho?q=xyz')
			await expect(page.getByText('0 đơn vị')).toBeVisible()
		},
	},
	{ name: 'sign-in page', visit: (page) => open(page, '/dang-nhap') },
	{
		name: 'not-found page',
		visit: async (page) => {
			await open(page, '/khong-co-trang-nay', 404)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang')
		},
	},
	{
		name: 'sign-in page with a validation error',
		visit: async (page) => {
			await open(page, '/dang-nhap')
			await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
			await expect(page.getByRole('alert')).toContainText('Vui lòng nhập tên đăng nhập và mật khẩu.')
		},
	},
]

/** Staff pages, by path or by the clicks that reach them; `forbidden` users get the 403 page (checked too). */
const STAFF_PAGES: ReadonlyArray<{ name: string; path: string; visit?: Visit; forbidden?: StoredUser[] }> = [
	{ name: 'dashboard', path: '/quan-tri' },
	{ name: 'commune settings', path: '/quan-tri/thong-tin-xa' },
	{ name: 'agencies and villages', path: '/quan-tri/don-vi' },
	{
		name: 'agency edit page',
		path: '/quan-tri/don-vi',
		visit: async (page) => {
			await open(page, '/quan-tri/don-vi')
			await page.getByRole('region', { name: 'Cơ quan, đơn vị' }).getByRole('link', { name: /^Sửa / }).first().click()
			await expect(page).toHaveURL(/\/quan-tri\/don-vi\/co-quan\/[0-9a-f-]{36}$/)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sửa cơ quan, đơn vị')
		},
	},
	{
		name: 'village edit page',
		path: '/quan-tri/don-vi',
		visit: async (page) => {
			await open(page, '/quan-tri/don-vi')
			await page.getByRole('region', { name: 'Thôn, tổ dân phố' }).getByRole('link', { name: /^Sửa / }).first().click()
			await expect(page).toHaveURL(/\/quan-tri\/don-vi\/thon\/[0-9a-f-]{36}$/)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sửa thôn')
		},
	},
	{ name: 'staff accounts', path: '/quan-tri/nguoi-dung' },
	{
		name: 'account detail page',
		path: '/quan-tri/nguoi-dung',
		visit: async (page) => {
			await open(page, '/quan-tri/nguoi-dung')
			await page.getByRole('region', { name: 'Tài khoản cán bộ' }).getByRole('link').first().click()
			await expect(page).toHaveURL(/\/quan-tri\/nguoi-dung\/[0-9a-f-]{36}$/)
			await expect(page.getByText('Chi tiết tài khoản')).toBeVisible()
		},
	},
	{
		name: 'working calendar with a computed deadline',
		path: '/quan-tri/lich-lam-viec',
		visit: async (page) => {
			await open(page, '/quan-tri/lich-lam-viec')
			await page.getByLabel('Ngày tiếp nhận').fill('29/04/2026')
			await page.getByLabel('Số ngày làm việc').fill('3')
			await page.getByRole('button', { name: 'Tính hạn' }).click()
			// 30 April and 1 May are public holidays, 2–3 May a weekend.
			await expect(page.getByRole('status')).toHaveText('Hạn xử lý: 06/05/2026 (Thứ Tư)')
		},
	},
	{ name: 'audit log', path: '/quan-tri/nhat-ky' },
	{ name: 'communes', path: '/quan-tri/cac-xa', forbidden: ['quantri'] },
	{ name: 'my account', path: '/quan-tri/tai-khoan' },
	// Feedback (the item page and its print-out need an item: feedback.spec.ts checks them).
	{ name: 'feedback queues', path: '/quan-tri/y-kien', forbidden: ['quantri'] },
	{ name: 'feedback intake', path: '/quan-tri/y-kien/tiep-nhan', forbidden: ['quantri'] },
	{
		name: 'feedback intake with validation errors',
		path: '/quan-tri/y-kien/tiep-nhan',
		forbidden: ['quantri'],
		visit: async (page) => {
			await open(page, '/quan-tri/y-kien/tiep-nhan')
			await page.getByRole('main').getByRole('button', { name: 'Lưu ý kiến' }).click()
			await expect(page.getByRole('alert')).toContainText('Có lỗi cần sửa')
		},
	},
	{ name: 'weekly collection', path: '/quan-tri/thu-thap-y-kien', forbidden: ['quantri'] },
	{ name: 'weekly collection record', path: '/quan-tri/thu-thap-y-kien/tuan', forbidden: ['quantri'] },
	{ name: 'mailbox openings', path: '/quan-tri/hom-thu', forbidden: ['quantri'] },
	{ name: 'feedback settings', path: '/quan-tri/y-kien-cai-dat' },
	// Disclosure (a new record's draft and published pages are checked in disclosure.spec.ts).
	{ name: 'disclosure records', path: '/quan-tri/cong-khai' },
	{ name: 'disclosure new record', path: '/quan-tri/cong-khai/moi', forbidden: ['quantri'] },
	{
		name: 'disclosure new record with validation errors',
		path: '/quan-tri/cong-khai/moi',
		forbidden: ['quantri'],
		visit: async (page) => {
			await open(page, '/quan-tri/cong-khai/moi')
			await page.getByRole('main').getByRole('button', { name: 'Lưu bản nháp' }).click()
			await expect(page.getByRole('alert')).toContainText('Có lỗi cần sửa')
		},
	},
	...(
		[
			['published', 'Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ tiền điện năm 2026 (mẫu)'],
			['withdrawn', 'Thông báo mức đóng góp xây dựng nhà văn hóa thôn Phạm Lâm (mẫu)'],
			['draft', 'Phương án bồi thường, hỗ trợ giải phóng mặt bằng mở rộng đường trục xã đoạn qua thôn Đạo Lâm (mẫu)'],
		] as const
	).map(([state, title]) => ({
		name: `disclosure ${state} record page`,
		path: '/quan-tri/cong-khai',
		visit: async (page: Page) => {
			await open(page, `/quan-tri/cong-khai?q=${encodeURIComponent(title)}`)
			await page.getByRole('main').getByRole('link', { name: title }).click()
			await expect(page).toHaveURL(/\/quan-tri\/cong-khai\/[0-9a-f-]{36}$/)
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
		},
	})),
	{ name: 'disclosure compliance', path: '/quan-tri/cong-khai/tuan-thu' },
	{ name: 'disclosure compliance of one kind', path: '/quan-tri/cong-khai/tuan-thu?loai=short' },
	{ name: 'disclosure quarterly list', path: '/quan-tri/cong-khai/danh-sach-quy' },
	{ name: 'disclosure catalogue', path: '/quan-tri/cong-khai/danh-muc' },
	{
		name: 'disclosure obligation edit page',
		path: '/quan-tri/cong-khai/danh-muc',
		visit: async (page) => {
			await open(page, '/quan-tri/cong-khai/danh-muc')
			await page.getByRole('main').getByRole('table').first().getByRole('link').first().click()
			await expect(page).toHaveURL(/\/quan-tri\/cong-khai\/danh-muc\/[0-9a-f-]{36}$/)
			await expect(page.getByRole('main').locator('.caption')).toHaveText('Sửa nội dung phải công khai')
		},
	},
	{ name: 'disclosure new obligation', path: '/quan-tri/cong-khai/danh-muc/moi' },
	{ name: 'disclosure public facts', path: '/quan-tri/thong-tin-cong-khai' },
]

for (const { name: size, viewport } of VIEWPORTS) {
	test.describe(`${size} ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport })

		test.describe('public', () => {
			for (const p of PUBLIC_PAGES) {
				test(p.name, async ({ page, browser }, testInfo) => {
					await p.visit(page)
					await expectNoA11yViolations(page, browser, testInfo)
					await expectNoHorizontalScroll(page)
				})
			}
		})

		for (const user of ['admin', 'quantri'] as const) {
			test.describe(`staff as ${user}`, () => {
				test.use({ user })
				for (const p of STAFF_PAGES) {
					test(p.name, async ({ page, browser }, testInfo) => {
						if (p.forbidden?.includes(user)) {
							await open(page, p.path, 403)
							await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có quyền truy cập')
						} else if (p.visit) {
							await p.visit(page)
						} else {
							await open(page, p.path)
						}
						await expectNoA11yViolations(page, browser, testInfo)
						await expectNoHorizontalScroll(page)
					})
				}
			})
		}
	})
}
