import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createCommune } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { csrfFor, startTestApp } from './app-server.ts'

let app: Awaited<ReturnType<typeof startTestApp>>
beforeAll(async () => {
	app = await startTestApp({ BODY_LIMIT_BYTES: '65536' })
})
afterAll(async () => {
	await app?.close()
})

const form = (fields: Record<string, string>) => new URLSearchParams(fields)

async function post(path: string, fields: Record<string, string>, cookie = '') {
	const csrf = await csrfFor(app.url, cookie)
	return fetch(app.url + path, {
		method: 'POST',
		headers: { cookie: [cookie, csrf.cookie].filter(Boolean).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
		body: form({ _csrf: csrf.token, ...fields }),
		redirect: 'manual',
	})
}

describe('public portal', () => {
	test('a one-commune deployment serves its portal at / with no script at all', async () => {
		const res = await fetch(`${app.url}/`)
		expect(res.status).toBe(200)
		const html = await res.text()
		expect(html).toContain('Xã Nguyễn Lương Bằng (dữ liệu mẫu)')
		expect(html).toContain('<html lang="vi"')
		expect(html).not.toMatch(/<script/i)
		// The services lead to the answers, what is published, and the contact page.
		for (const href of ['/phan-anh-kien-nghi/gui', '/phan-anh-kien-nghi', '/cong-khai', '/lien-he']) expect(html).toContain(`href="${href}"`)
	})

	test.each(['/thanh-pho', '/dang-nhap', '/khong-co-trang-nay'])('%s carries no script', async (path) => {
		const html = await (await fetch(app.url + path)).text()
		expect(html).not.toMatch(/<script/i)
	})

	test('unknown pages are a 404 in Vietnamese', async () => {
		const res = await fetch(`${app.url}/khong-co-trang-nay`)
		expect(res.status).toBe(404)
		expect(await res.text()).toContain('Không tìm thấy trang')
	})

	test('healthz reports the database', async () => {
		const res = await fetch(`${app.url}/healthz`)
		expect(res.status).toBe(200)
		expect(await res.json()).toMatchObject({ status: 'ok' })
	})

	test('the language choice persists in a cookie', async () => {
		const res = await post('/ngon-ngu', { lang: 'en', redirectTo: '/thanh-pho' })
		expect(res.status).toBe(302)
		expect(res.headers.get('location')).toBe('/thanh-pho')
		const lang = res.headers.getSetCookie().find((c) => c.startsWith('tt_lang='))!.split(';')[0]!
		const html = await (await fetch(`${app.url}/thanh-pho`, { headers: { cookie: lang } })).text()
		expect(html).toContain('<html lang="en"')
		expect(html).toContain('Communes, wards and special zones')
	})

	test('an open redirect through the language switch is refused', async () => {
		const res = await post('/ngon-ngu', { lang: 'en', redirectTo: '//evil.example/' })
		expect(res.headers.get('location')).toBe('/')
	})

	test('with several communes, each is found by its host name and / lists them all', async () => {
		await createCommune(app.services.db, systemActor('test'), { name: 'Phường Hồng Bàng (thử)', slug: 'hong-bang-thu', kind: 'phuong', hostnames: 'hongbang.test' })
		const byHost = await (await fetch(`${app.url}/`, { headers: { host: 'hongbang.test' } })).text()
		expect(byHost).toContain('Phường Hồng Bàng (thử)')
		const city = await (await fetch(`${app.url}/`)).text()
		expect(city).toContain('Phường Hồng Bàng (thử)')
		expect(city).toContain('Xã Nguyễn Lương Bằng (dữ liệu mẫu)')
		const search = await (await fetch(`${app.url}/thanh-pho?q=${encodeURIComponent('hong bang')}`)).text()
		expect(search).toContain('Phường Hồng Bàng (thử)')
		expect(search).not.toContain('Xã Nguyễn Lương Bằng (dữ liệu mẫu)</td>')
	})
})

describe('security baseline', () => {
	test('headers: CSP without unsafe-inline, nosniff, no framing, no HSTS on plain http', async () => {
		const res = await fetch(`${app.url}/`)
		const csp = res.headers.get('content-security-policy')!
		expect(csp).toContain("frame-ancestors 'none'")
		expect(csp).toContain("script-src 'self' 'nonce-")
		expect(csp).not.toContain('unsafe-inline')
		expect(res.headers.get('x-content-type-options')).toBe('nosniff')
		expect(res.headers.get('strict-transport-security')).toBeNull()
		expect(res.headers.get('x-powered-by')).toBeNull()
	})

	test('HSTS when served over TLS (behind a trusted proxy)', async () => {
		const tls = await startTestApp({ TRUST_PROXY: 'true' })
		try {
			const res = await fetch(`${tls.url}/`, { headers: { 'x-forwarded-proto': 'https' } })
			expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
			const signIn = await fetch(`${tls.url}/dang-nhap`, { headers: { 'x-forwarded-proto': 'https' } })
			expect(signIn.headers.getSetCookie().join()).toMatch(/Secure/)
		} finally {
			await tls.close()
		}
	})

	test('a form sent without the CSRF token, or with another one, gets 403', async () => {
		const missing = await fetch(`${app.url}/dang-nhap`, { method: 'POST', body: form({ username: 'quantri', password: 'demo-than-thien' }), redirect: 'manual' })
		expect(missing.status).toBe(403)
		expect(await missing.text()).toContain('Biểu mẫu đã hết hạn')
		const csrf = await csrfFor(app.url)
		const wrong = await fetch(`${app.url}/dang-nhap`, {
			method: 'POST',
			headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
			body: form({ _csrf: 'x'.repeat(43), username: 'quantri', password: 'demo-than-thien' }),
			redirect: 'manual',
		})
		expect(wrong.status).toBe(403)
	})

	test('a staff action without the token is refused even with a valid session', async () => {
		const cookie = await app.cookieFor('quantri')
		const res = await fetch(`${app.url}/quan-tri/don-vi`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
			body: form({ intent: 'add-village', name: 'Thôn CSRF' }),
			redirect: 'manual',
		})
		expect(res.status).toBe(403)
	})

	test('a body over the limit gets 413', async () => {
		const res = await fetch(`${app.url}/dang-nhap`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: `username=${'a'.repeat(70_000)}`,
		})
		expect(res.status).toBe(413)
	})

	test('sign-in is rate limited per address', async () => {
		const limited = await startTestApp()
		try {
			const statuses: number[] = []
			for (let i = 0; i < 12; i++) {
				const csrf = await csrfFor(limited.url)
				const res = await fetch(`${limited.url}/dang-nhap`, {
					method: 'POST',
					headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
					body: form({ _csrf: csrf.token, username: `nobody${i}`, password: 'wrong password' }),
					redirect: 'manual',
				})
				statuses.push(res.status)
			}
			expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
			expect(statuses.slice(10)).toEqual([429, 429])
		} finally {
			await limited.close()
		}
	})
})

describe('sign-in and bad input', () => {
	test('wrong password: a clear message in Vietnamese, the username kept, never a 500', async () => {
		const res = await post('/dang-nhap', { username: 'quantri', password: 'sai mật khẩu' })
		expect(res.status).toBe(401)
		const html = await res.text()
		expect(html).toContain('Tên đăng nhập hoặc mật khẩu không đúng.')
		expect(html).toContain('value="quantri"')
	})

	test('sign-in sets an HttpOnly session cookie and lands on the back office', async () => {
		const res = await post('/dang-nhap', { username: 'QuanTri', password: 'demo-than-thien', next: '/quan-tri/don-vi' })
		expect(res.status).toBe(302)
		expect(res.headers.get('location')).toBe('/quan-tri/don-vi')
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tt_session='))!
		expect(cookie).toMatch(/HttpOnly/)
		expect(cookie).toMatch(/SameSite=Lax/)
	})

	const hostile = [
		'',
		' ',
		'x'.repeat(20_000),
		'<script>alert(1)</script>',
		"'; drop table users; --",
		'Thôn Mới'.normalize('NFD'),
		'\u0000\u0001\u202e',
		'😀'.repeat(100),
	]

	test.each(hostile.map((v, i) => [i, v] as const))('staff forms answer hostile input %i with 2xx/3xx/4xx, never 5xx', async (_i, value) => {
		const cookie = await app.cookieFor('quantri')
		const targets: Array<[string, Record<string, string>]> = [
			['/quan-tri/don-vi', { intent: 'add-village', name: value, sortOrder: value }],
			['/quan-tri/don-vi', { intent: 'add-agency', name: value, code: value, kind: value }],
			['/quan-tri/thong-tin-xa', { name: value, hotline: value, email: value, address: value }],
			['/quan-tri/nguoi-dung', { fullName: value, username: value, role: value, password: value, email: value, agencyId: value }],
			['/quan-tri/lich-lam-viec', { intent: 'add', day: value, kind: value, name: value }],
			['/quan-tri/lich-lam-viec', { intent: 'remove', id: value }],
			['/quan-tri/tai-khoan', { currentPassword: value, newPassword: value, confirmPassword: value }],
			['/dang-nhap', { username: value, password: value }],
		]
		for (const [path, fields] of targets) {
			const res = await post(path, fields, cookie)
			expect(res.status, `${path} ${JSON.stringify(fields).slice(0, 80)}`).toBeLessThan(500)
			const html = await res.text()
			expect(html).not.toContain('<script>alert(1)</script>')
		}
		for (const path of [`/quan-tri/nhat-ky?tu-ngay=${encodeURIComponent(value)}&nguoi=${encodeURIComponent(value)}`, `/quan-tri/lich-lam-viec?tu-ngay=${encodeURIComponent(value)}&so-ngay=${encodeURIComponent(value)}`, `/quan-tri/nguoi-dung/${encodeURIComponent(value || 'x')}`, `/thanh-pho?q=${encodeURIComponent(value)}`]) {
			const res = await fetch(app.url + path, { headers: { cookie } })
			expect(res.status, path.slice(0, 80)).toBeLessThan(500)
			await res.body?.cancel()
		}
	})

	test('an empty village name is answered next to the field, in Vietnamese', async () => {
		const cookie = await app.cookieFor('quantri')
		const res = await post('/quan-tri/don-vi', { intent: 'add-village', name: '   ' }, cookie)
		expect(res.status).toBe(400)
		const html = await res.text()
		expect(html).toContain('Vui lòng nhập thông tin này.')
		expect(html).toContain('Có lỗi cần sửa')
	})
})

describe('post, redirect, get', () => {
	test('a password reset shows the one-time password once; reloading neither resets again nor shows it', async () => {
		const { listAccounts } = await import('#app/modules/platform/accounts.server.ts')
		const { getPublicCommuneBySlug } = await import('#app/modules/platform/org.server.ts')
		const commune = await getPublicCommuneBySlug(app.services.db, 'nguyen-luong-bang')
		const target = (await listAccounts(app.services.db, systemActor('test'), commune!.id)).find((a) => a.username === 'motcua')!
		const cookie = await app.cookieFor('quantri')
		const res = await post(`/quan-tri/nguoi-dung/${target.id}`, { intent: 'reset' }, cookie)
		expect(res.status).toBe(303)
		expect(res.headers.get('location')).toBe(`/quan-tri/nguoi-dung/${target.id}`)
		const flash = res.headers.getSetCookie().find((c) => c.startsWith('tt_flash='))!.split(';')[0]!
		const page = await fetch(`${app.url}/quan-tri/nguoi-dung/${target.id}`, { headers: { cookie: `${cookie}; ${flash}` } })
		const html = await page.text()
		const password = /Mật khẩu tạm thời mới: ([A-Za-z0-9-]+)/.exec(html)?.[1]
		expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/)
		expect(page.headers.getSetCookie().join()).toMatch(/tt_flash=;.*Max-Age=0/)
		const again = await (await fetch(`${app.url}/quan-tri/nguoi-dung/${target.id}`, { headers: { cookie } })).text()
		expect(again).not.toContain(password!)
		const { signIn } = await import('#app/modules/platform/accounts.server.ts')
		await expect(signIn(app.services.db, { username: 'motcua', password: password!, ip: '', userAgent: '', sessionDays: 1 })).resolves.toMatchObject({
			user: { mustChangePassword: true },
		})
	})
})

describe('body size', () => {
	test('a chunked body over the limit gets 413 too, and the server carries on', async () => {
		const big = 'a'.repeat(70_000)
		const stream = new ReadableStream({
			start(controller) {
				for (let i = 0; i < big.length; i += 1000) controller.enqueue(new TextEncoder().encode(big.slice(i, i + 1000)))
				controller.close()
			},
		})
		const res = await fetch(`${app.url}/dang-nhap`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: stream,
			duplex: 'half',
		} as RequestInit)
		expect(res.status).toBe(413)
		expect(await res.text()).toContain('Dữ liệu gửi lên quá lớn.')
		expect((await fetch(`${app.url}/healthz`)).status).toBe(200)
	})
})

describe('deployment-wide staff', () => {
	test('a system admin chooses the commune to work on, and the back office follows the choice', async () => {
		await createCommune(app.services.db, systemActor('test'), { name: 'Xã Chọn Thử', slug: 'xa-chon-thu', hostnames: 'chonthu.test' })
		const cookie = await app.cookieFor('admin')
		const chose = await post('/quan-tri/cac-xa', { intent: 'choose', slug: 'xa-chon-thu' }, cookie)
		expect(chose.status).toBe(302)
		const choice = chose.headers.getSetCookie().find((c) => c.startsWith('tt_commune='))!.split(';')[0]!
		const page = await (await fetch(`${app.url}/quan-tri/don-vi`, { headers: { cookie: `${cookie}; ${choice}` } })).text()
		expect(page).toContain('Xã Chọn Thử')
		// A commune-bound person cannot switch.
		const refused = await post('/quan-tri/cac-xa', { intent: 'choose', slug: 'xa-chon-thu' }, await app.cookieFor('quantri'))
		expect(refused.status).toBe(403)
	})
})
