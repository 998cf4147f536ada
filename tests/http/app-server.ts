import { parseEnv } from '#app/core/env.server.ts'
import { createLogger } from '#app/core/log.server.ts'
import { signIn } from '#app/modules/platform/accounts.server.ts'
import { DEMO_PASSWORD } from '#app/modules/platform/demo-seed.server.ts'
import { sessionCookie } from '#app/modules/platform/http/request-state.server.ts'
import { startApp } from '#server/start.ts'
import { createTestDatabase } from '../setup/test-db.ts'

/** The built app on a free port over a fresh test database with the demo commune. */
export async function startTestApp(extraEnv: Record<string, string> = {}) {
	const env = parseEnv({ PORT: '0', HOST: '127.0.0.1', DEMO_SEED: 'true', LOG_LEVEL: 'silent', ...extraEnv })
	const database = await createTestDatabase()
	const app = await startApp(env, createLogger('silent'), { database })
	return {
		...app,
		/** A Cookie header for a demo user's new session. */
		async cookieFor(username: string) {
			const { token } = await signIn(app.services.db, { username, password: DEMO_PASSWORD, ip: '127.0.0.1', userAgent: 'test', sessionDays: 1 })
			return (await sessionCookie.serialize(token)).split(';')[0]!
		},
	}
}

/** A CSRF token and its cookie, as a browser gets them from any page. */
export async function csrfFor(baseUrl: string, cookie = '') {
	const res = await fetch(`${baseUrl}/`, { headers: { cookie }, redirect: 'manual' })
	const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('tt_csrf='))
	const html = await res.text()
	const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
	if (!setCookie || !token) throw new Error('no CSRF token on the home page')
	return { token, cookie: setCookie.split(';')[0]! }
}
