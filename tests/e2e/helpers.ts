import path from 'node:path'
import { test as base, expect, type Browser, type Page, type TestInfo } from '@playwright/test'
import axe from 'axe-core'

// Shared parts of the browser tests: signed-in users, unique names, the accessibility check.

export const DEMO_PASSWORD = 'demo-than-thien'

/** Demo users signed in once per project by global-setup.ts. */
export const STORED_USERS = ['admin', 'quantri', 'kinhte'] as const
export type StoredUser = (typeof STORED_USERS)[number]

export function authFile(project: string, user: string): string {
	return path.resolve('.cache/e2e-auth', `${project}-${user}.json`)
}

export const VIEWPORTS = [
	{ name: 'desktop', viewport: { width: 1280, height: 800 } },
	{ name: 'phone', viewport: { width: 360, height: 740 } },
] as const

/** Console messages a page may log: the browser's own line about a 4xx answer the test expects. */
const EXPECTED_CONSOLE = /^Failed to load resource: the server responded with a status of 4\d\d/

/**
 * `test.use({ user: 'quantri' })` starts each test signed in as that demo user. Every test also
 * fails on a script error or a console error in the page (a CSP refusal, a hydration mismatch …).
 */
export const test = base.extend<{ user: StoredUser | null; pageErrors: void }>({
	user: [null, { option: true }],
	storageState: async ({ user, storageState }, use, testInfo) => {
		await use(user ? authFile(testInfo.project.name, user) : storageState)
	},
	pageErrors: [
		async ({ page }, use) => {
			const errors: string[] = []
			page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
			page.on('console', (message) => {
				if (message.type() === 'error' && !EXPECTED_CONSOLE.test(message.text())) errors.push(`${page.url()}: ${message.text()}`)
			})
			await use()
			expect(errors, 'errors in the browser console').toEqual([])
		},
		{ auto: true },
	],
})

export { expect }

/** A suffix no other test (nor the other project) uses: names stay unique on the shared server. */
export function unique(testInfo: TestInfo): string {
	const project = testInfo.project.name.replace(/[^a-z]/g, '')
	return `${project}${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`
}

export function jsEnabled(testInfo: TestInfo): boolean {
	return testInfo.project.use.javaScriptEnabled !== false
}

/** Opens a path and checks the HTTP status of the page itself. */
export async function open(page: Page, url: string, status = 200) {
	const response = await page.goto(url)
	expect(response, `no response for ${url}`).not.toBeNull()
	expect(response!.status(), `HTTP status of ${url}`).toBe(status)
	return response!
}

/** WCAG 1.4.10 Reflow: the page itself never scrolls sideways (wide tables scroll in their own box). */
export async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }))
	expect(overflow.page, `page wider than the ${overflow.viewport} px viewport at ${page.url()}`).toBeLessThanOrEqual(overflow.viewport)
}

/** Fills and sends the sign-in form of the page that is open. */
export async function submitSignIn(page: Page, username: string, password: string) {
	await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username)
	await page.getByLabel('Mật khẩu', { exact: true }).fill(password)
	await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

declare global {
	interface Window {
		axe: typeof axe
	}
}

async function runAxe(page: Page): Promise<axe.Result[]> {
	await page.evaluate(axe.source)
	const results = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS)
	return results.violations
}

/**
 * Runs axe-core on the page as it is now and fails with every violation listed.
 *
 * axe is injected with evaluate, which the CSP allows (a <script> tag would be blocked). With
 * JavaScript off, Chromium runs no timers or microtasks in the page, and axe needs them: the
 * page's HTML as the browser has it is then checked in a second page at the same address and
 * size, with its <script> elements removed so that it stays exactly what a no-JS visitor sees.
 */
export async function expectNoA11yViolations(page: Page, browser: Browser, testInfo: TestInfo) {
	const url = page.url()
	let violations: axe.Result[]
	if (jsEnabled(testInfo)) {
		violations = await runAxe(page)
	} else {
		const html = (await page.content())
			.replace(/<script\b[\s\S]*?<\/script>/gi, '')
			.replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '')
		const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true, locale: 'vi-VN' })
		try {
			const copy = await context.newPage()
			const address = url.split('#')[0]
			await copy.route(
				(u) => u.href === address,
				(route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
			)
			await copy.goto(address!)
			violations = await runAxe(copy)
		} finally {
			await context.close()
		}
	}
	const report = violations.map(
		(v) =>
			`${v.id} [${v.impact ?? '?'}] ${v.help} (${v.helpUrl})\n` +
			v.nodes.map((n) => `      at ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`).join('\n'),
	)
	expect(report.length, `accessibility violations on ${url}:\n\n${report.join('\n\n')}\n`).toBe(0)
}
