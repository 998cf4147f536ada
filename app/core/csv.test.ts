import { describe, expect, test } from 'vitest'
import { csvCell, toCsv } from './csv.ts'

describe('csv', () => {
	test('quotes every cell and doubles quotes inside', () => {
		expect(csvCell('a "b", c')).toBe('"a ""b"", c"')
		expect(csvCell(12)).toBe('"12"')
		expect(csvCell(null)).toBe('""')
	})

	test('neutralises cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
		expect(csvCell('+84912')).toBe('"\'+84912"')
		expect(csvCell('-1')).toBe('"\'-1"')
		expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"')
		expect(csvCell(-1)).toBe('"-1"')
	})

	test('starts with a BOM, ends lines with CRLF, keeps Vietnamese and newlines in cells', () => {
		const csv = toCsv(['Mã', 'Nội dung'], [['NLB-26-00001', 'Đường hỏng\ndòng hai']])
		expect(csv.startsWith('\uFEFF"Mã","Nội dung"\r\n')).toBe(true)
		expect(csv).toContain('"Đường hỏng\ndòng hai"\r\n')
	})
})
