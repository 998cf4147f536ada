import { describe, expect, test } from 'vitest'
import { REDACTION_MARKER as M, redactPersonalData } from './redaction.ts'

const masked = (text: string, names?: string[]) => redactPersonalData(text, { names }).text

describe('masking personal data before publication', () => {
	test.each([
		['Gọi cho tôi số 0912 345 678 nhé', `Gọi cho tôi số ${M} nhé`],
		['SĐT: 0912.345.678.', `SĐT: ${M}.`],
		['liên hệ +84 912 345 678', `liên hệ ${M}`],
		['hoặc 84912345678', `hoặc ${M}`],
		['máy bàn (0220) 3 123 456', `máy bàn ${M}`],
		['máy bàn 0220 3123 456', `máy bàn ${M}`],
	])('phone numbers: %s', (text, expected) => {
		expect(masked(text)).toBe(expected)
	})

	test.each([
		['CCCD 030095001234 cấp ngày 01/01/2021', `CCCD ${M} cấp ngày 01/01/2021`],
		['số căn cước 030 095 001 234', `số căn cước ${M}`],
		['CMND số 142345678', `CMND số ${M}`],
	])('identity numbers: %s', (text, expected) => {
		expect(masked(text)).toBe(expected)
	})

	test('e-mail addresses', () => {
		expect(masked('thư: nguyen.van.a@gmail.com, cảm ơn')).toBe(`thư: ${M}, cảm ơn`)
	})

	test.each([
		['Nhà tôi ở số 12 ngõ 34 thôn Đỗ Thượng', `Nhà tôi ở ${M} thôn Đỗ Thượng`],
		['số nhà 5A, đường Nguyễn Lương Bằng', `${M}, đường Nguyễn Lương Bằng`],
		['nhà số 7/3 hẻm 12', `${M}`],
	])('house addresses, keeping village and street: %s', (text, expected) => {
		expect(masked(text)).toBe(expected)
	})

	test('names given in the submission, with or without diacritics, any case, any Unicode form', () => {
		const text = 'Tôi là Nguyễn Thị Lan. Ông NGUYEN THI LAN đã gửi; bà nguyễn thị lan'.normalize('NFD')
		expect(masked(text, ['Nguyễn Thị Lan'])).toBe(`Tôi là ${M}. Ông ${M} đã gửi; bà ${M}`)
	})

	test('a one-word name is not used (it would mask ordinary words)', () => {
		expect(masked('Đường lên đồi lan can hỏng', ['Lan'])).toBe('Đường lên đồi lan can hỏng')
	})

	test('ordinary numbers, dates, amounts and public places stay', () => {
		const text = 'Ngày 23/11/2026 đường thôn Hàn Lâm hỏng 120 m, dự toán 1.500.000 đồng, năm 2026, Quốc lộ 38'
		expect(masked(text)).toBe(text)
	})

	test('reports what it found, with offsets into the NFC text', () => {
		const text = 'Anh Trần Văn Bình, ĐT 0987654321, email binh@example.vn'
		const result = redactPersonalData(text, { names: ['Trần Văn Bình'] })
		expect(result.redactions.map((r) => [r.kind, r.text])).toEqual([
			['name', 'Trần Văn Bình'],
			['phone', '0987654321'],
			['email', 'binh@example.vn'],
		])
		for (const r of result.redactions) expect(text.slice(r.start, r.end)).toBe(r.text)
	})

	test('hostile text is handled as text', () => {
		const text = '<script>alert(1)</script> \u202e 😀 0912345678'
		expect(masked(text)).toBe(`<script>alert(1)</script> \u202e 😀 ${M}`)
	})
})

describe('what is not personal data stays', () => {
	test.each([
		'840.000.000 đồng',
		'1.234.567.890 đồng',
		'kinh phí 025.123.456',
		'giai đoạn 2021-2025',
		'Quyết định 1376/QĐ-UBND ngày 09/4/2026',
		'mã hồ sơ 000.00.12.H23-260101-0001',
		'đường dây nóng 1900 1234',
		'đường số 5 bị ngập',
		'tổ số 5 thôn Phạm Lâm',
		'tổng 9876543210 lượt',
		'ngày 20/11/2026 lúc 08:30',
	])('%s', (text) => {
		expect(masked(text)).toBe(text)
	})

	test('a house number with a slash is an address even without a lane', () => {
		expect(masked('ở số 12/3 đường Trần Phú')).toBe(`ở ${M} đường Trần Phú`)
	})
})

test('a large amount of money is not an identity number', () => {
	expect(masked('dự toán 123.456.789.012 đồng')).toBe('dự toán 123.456.789.012 đồng')
})
