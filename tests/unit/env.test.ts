import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { ConfigError, parseEnv } from '#app/core/env.server.ts'

describe('parseEnv', () => {
	test('defaults: port 3000, embedded database in ./data, demo seeding on', () => {
		const env = parseEnv({})
		expect(env.PORT).toBe(3000)
		expect(env.DEMO_SEED).toBe(true)
		expect(env.databaseUrl).toBe(`pglite://${path.resolve('data', 'db')}`)
	})

	test('DATA_DIR moves the embedded database; DATABASE_URL selects PostgreSQL', () => {
		expect(parseEnv({ DATA_DIR: '/srv/tt' }).databaseUrl).toBe('pglite:///srv/tt/db')
		expect(parseEnv({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db')
		expect(parseEnv({ DEMO_SEED: 'false' }).DEMO_SEED).toBe(false)
	})

	test('every wrong value is reported at once, by name, with what was given', () => {
		try {
			parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO_SEED: 'maybe', LOG_LEVEL: 'loud' })
			expect.unreachable()
		} catch (err) {
			expect(err).toBeInstanceOf(ConfigError)
			const problems = (err as ConfigError).problems.join('\n')
			expect(problems).toMatch(/PORT: .*\(got "abc"\)/)
			expect(problems).toMatch(/DATABASE_URL: must start with postgres/)
			expect(problems).toMatch(/DEMO_SEED: must be one of/)
			expect(problems).toMatch(/LOG_LEVEL/)
		}
	})

	test('a port out of range is refused', () => {
		expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/)
	})
})
