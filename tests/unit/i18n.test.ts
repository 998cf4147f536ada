import { describe, expect, test } from 'vitest'
import { createTranslator, formatDate, formatDateTime, formatMoney, formatNumber, parseDateInput } from '#app/core/i18n/i18n.ts'
import { foldForSearch, normalizeText, zText } from '#app/core/text.ts'

describe('Vietnamese formats', () => {
	test('dates are dd/mm/yyyy in Asia/Ho_Chi_Minh', () => {
		// 17:30 UTC on 31/12 is already 1 January in Vietnam (UTC+7).
		expect(formatDate(new Date('2026-12-31T17:30:00Z'))).toBe('01/01/2027')
		expect(formatDate('2026-02-17')).toBe('17/02/2026')
		expect(formatDateTime(new Date('2026-11-23T01:05:00Z'))).toBe('08:05 23/11/2026')
	})

	test('numbers and money in vi-VN form', () => {
		expect(formatNumber(1234567)).toBe('1.234.567')
		expect(formatMoney(1234567).replace(/\s/g, ' ')).toBe('1.234.567 ₫')
	})

	test('date input accepts dd/mm/yyyy and ISO, refuses impossible dates', () => {
		expect(parseDateInput('23/11/2026')).toBe('2026-11-23')
		expect(parseDateInput('1/2/2026')).toBe('2026-02-01')
		expect(parseDateInput('2026-11-23')).toBe('2026-11-23')
		expect(parseDateInput('31/02/2026')).toBeNull()
		expect(parseDateInput('hôm nay')).toBeNull()
		expect(parseDateInput('')).toBeNull()
	})

	test('translator fills parameters and falls back', () => {
		const t = createTranslator({ a: 'Xin chào {name}' }, { b: 'fallback' })
		expect(t('a', { name: 'Lan' })).toBe('Xin chào Lan')
		expect(t('b')).toBe('fallback')
		expect(t('missing')).toBe('missing')
	})
})

describe('text input', () => {
	const decomposed = 'Nguyễn Lương Bằng'.normalize('NFD')

	test('is brought to NFC, trimmed, without control characters', () => {
		expect(decomposed).not.toBe('Nguyễn Lương Bằng')
		expect(normalizeText(`  ${decomposed}\u0000\r\n`)).toBe('Nguyễn Lương Bằng')
	})

	test('fold ignores diacritics and đ', () => {
		expect(foldForSearch('Đỗ Thượng')).toBe('do thuong')
		expect(foldForSearch(decomposed)).toBe('nguyen luong bang')
	})

	test('zText answers with message keys', () => {
		const schema = zText({ max: 5 })
		expect(schema.safeParse('   ').error?.issues[0]?.message).toBe('form.required')
		expect(schema.safeParse('abcdefgh').error?.issues[0]?.message).toBe('form.tooLong')
		expect(schema.safeParse('a\nb').error?.issues[0]?.message).toBe('form.singleLine')
		expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe('form.required')
	})
})
