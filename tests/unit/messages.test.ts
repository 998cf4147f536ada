import { describe, expect, test } from 'vitest'
import { MESSAGE_SOURCES, MESSAGES } from '#app/messages.ts'

describe('messages', () => {
	test.each(MESSAGE_SOURCES.map((s, i) => [i, s] as const))('source %i has the same keys in Vietnamese and English', (_i, source) => {
		const vi = Object.keys(source.vi).sort()
		const en = Object.keys(source.en).sort()
		expect(en.filter((k) => !vi.includes(k)), 'keys only in English').toEqual([])
		expect(vi.filter((k) => !en.includes(k)), 'keys only in Vietnamese').toEqual([])
	})

	test('no message is empty, and placeholders match between languages', () => {
		for (const key of Object.keys(MESSAGES.vi)) {
			const vi = MESSAGES.vi[key]!
			const en = MESSAGES.en[key]!
			expect(vi.trim(), key).not.toBe('')
			expect(en.trim(), key).not.toBe('')
			const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
			expect(params(en), key).toEqual(params(vi))
		}
	})

	test('no key is defined by two modules', () => {
		const seen = new Map<string, number>()
		MESSAGE_SOURCES.forEach((s, i) => {
			for (const key of Object.keys(s.vi)) {
				expect(seen.has(key), `${key} in sources ${seen.get(key)} and ${i}`).toBe(false)
				seen.set(key, i)
			}
		})
	})

	test('every message key used in the code exists', async () => {
		const { readdirSync, readFileSync } = await import('node:fs')
		const files = (readdirSync('app', { recursive: true }) as string[])
			.filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
			.map((f) => `app/${f}`)
		const missing: string[] = []
		for (const file of files) {
			const text = readFileSync(file, 'utf8')
			for (const m of text.matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)) {
				if (!(m[1]! in MESSAGES.vi)) missing.push(`${file}: ${m[1]}`)
			}
			for (const m of text.matchAll(/AppError\('\w+', '([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)) {
				if (!(m[1]! in MESSAGES.vi)) missing.push(`${file}: ${m[1]}`)
			}
			for (const m of text.matchAll(/'((?:form|password|error)\.[a-zA-Z]+)'/g)) {
				if (!(m[1]! in MESSAGES.vi)) missing.push(`${file}: ${m[1]}`)
			}
		}
		expect(missing).toEqual([])
	})
})
