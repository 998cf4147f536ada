import { defineConfig } from '@playwright/test'

// Browser tests: the built app (run `npm run build` first) driven by Debian's Chromium, once
// with JavaScript on and once with it off. Both projects share one server with a fresh data
// folder; tests make their own uniquely named data and never depend on each other.
//
// The two projects reach the server through different loopback addresses (127.0.0.1 and ::1).
// The sign-in form allows 10 attempts a minute per address; each project stays within its own
// budget that way, as two people on two machines would.

const PORT = Number(process.env.E2E_PORT ?? 3210)

const chromium = {
	viewport: { width: 1280, height: 800 },
	launchOptions: {
		executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	},
}

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '*.spec.ts',
	outputDir: 'test-results',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	workers: 2,
	retries: 0,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	globalSetup: './tests/e2e/global-setup.ts',
	use: {
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		trace: 'off',
		screenshot: 'only-on-failure',
	},
	projects: [
		{ name: 'js', use: { ...chromium, baseURL: `http://127.0.0.1:${PORT}`, javaScriptEnabled: true } },
		{ name: 'no-js', use: { ...chromium, baseURL: `http://[::1]:${PORT}`, javaScriptEnabled: false } },
	],
	webServer: {
		command: 'node --import tsx tests/e2e/serve.ts',
		url: `http://127.0.0.1:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		env: {
			PORT: String(PORT),
			// Both stacks, so that each project can use its own loopback address.
			HOST: '::',
			DATA_DIR: '.cache/e2e-data',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			DEMO_SEED: 'true',
		},
	},
})
