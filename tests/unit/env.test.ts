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

	test('notifications: e-mail off and SMS to the log unless configured', () => {
		const env = parseEnv({})
		expect(env.SMTP_URL).toBeUndefined()
		expect(env.MAIL_FROM).toBe('Thân Thiện <no-reply@localhost>')
		expect(env.SMS_DRIVER).toBe('log')
		expect(env.SMS_HTTP_URL).toBeUndefined()
	})

	test('notifications: SMTP_URL, MAIL_FROM and the HTTP SMS gateway are read', () => {
		const env = parseEnv({
			SMTP_URL: 'smtps://xa.an-binh:p%40ss@mail.example.vn:465',
			MAIL_FROM: '"UBND xã An Bình" <no-reply@anbinh.gov.vn>',
			SMS_DRIVER: 'http',
			SMS_HTTP_URL: 'https://sms.example.vn/v1/send',
			SMS_HTTP_TOKEN: 'tok',
		})
		expect(env).toMatchObject({ SMTP_URL: 'smtps://xa.an-binh:p%40ss@mail.example.vn:465', SMS_DRIVER: 'http', SMS_HTTP_TOKEN: 'tok' })
		expect(parseEnv({ SMTP_URL: 'smtp://localhost:1025' }).SMTP_URL).toBe('smtp://localhost:1025')
		expect(parseEnv({ MAIL_FROM: 'no-reply@anbinh.gov.vn' }).MAIL_FROM).toBe('no-reply@anbinh.gov.vn')
		expect(parseEnv({ MAIL_FROM: 'Xã An Bình <no-reply@anbinh.gov.vn>' }).MAIL_FROM).toBe('Xã An Bình <no-reply@anbinh.gov.vn>')
	})

	test('notifications: wrong values are refused by name, passwords and tokens not echoed', () => {
		const problemsOf = (source: Record<string, string>) => {
			try {
				parseEnv(source)
			} catch (err) {
				expect(err).toBeInstanceOf(ConfigError)
				return (err as ConfigError).problems
			}
			return expect.unreachable()
		}
		const problems = problemsOf({
			SMTP_URL: 'http://xa:hunter2@mail.example.vn',
			MAIL_FROM: 'no reply',
			SMS_DRIVER: 'twilio',
			SMS_HTTP_URL: 'ftp://sms.example.vn',
		}).join('\n')
		expect(problems).toMatch(/SMTP_URL: must be smtp:\/\/.*\(got "http:\/\/\*\*\*@mail\.example\.vn"\)/)
		expect(problems).not.toContain('hunter2')
		expect(problems).toMatch(/MAIL_FROM: must be an e-mail address or "Name <address>"/)
		expect(problems).toMatch(/SMS_DRIVER: must be log .* or http/)
		expect(problems).toMatch(/SMS_HTTP_URL: must be an http:\/\/ or https:\/\/ URL/)

		// A line break in MAIL_FROM would let it write other headers.
		expect(problemsOf({ MAIL_FROM: 'a@b.vn\r\nBcc: x@y.vn' })).toHaveLength(1)
		expect(problemsOf({ SMTP_URL: 'smtp://' })).toHaveLength(1)
		expect(problemsOf({ SMTP_URL: 'smtp//user:pw@host' }).join()).not.toContain('pw')
	})

	test('SMS_DRIVER=http needs SMS_HTTP_URL: one clear line, reported with the other problems', () => {
		try {
			parseEnv({ SMS_DRIVER: 'http', SMS_HTTP_TOKEN: 'tok', PORT: 'abc' })
			expect.unreachable()
		} catch (err) {
			expect(err).toBeInstanceOf(ConfigError)
			const problems = (err as ConfigError).problems
			expect(problems).toHaveLength(2)
			expect(problems).toContain('SMS_HTTP_URL: is required when SMS_DRIVER=http (the gateway URL SMS are POSTed to)')
			expect(problems.join('\n')).toMatch(/PORT/)
		}
		expect(() => parseEnv({ SMS_DRIVER: 'http', SMS_HTTP_URL: '' })).toThrow(/SMS_HTTP_URL: is required/)
	})
})
