import { inflateSync } from 'node:zlib'
import { XMLValidator } from 'fast-xml-parser'
// fflate is what docx itself zips with (its dependency), so it is always there beside docx.
import { strFromU8, unzipSync } from 'fflate'
import PDFDocument from 'pdfkit'
import { describe, expect, test } from 'vitest'
import { documentDateLine, formatDayMonthYear } from './document-date.ts'
import { cleanText, splitParagraphs, truncate } from './document-text.ts'
import {
	currentFontGlyphTest,
	dejaVuFontDir,
	drawableText,
	qrMatrix,
	renderNoticeSheet,
	type NoticeSheetInput,
	type QrMatrix,
} from './notice-sheet.server.ts'
import { recipientLines, renderQuarterlyList, type QuarterlyListInput } from './quarterly-list.server.ts'

// ---------------------------------------------------------------------------------------------
// A small reader for the PDFs pdfkit writes: objects, inflated streams, and the text drawn,
// decoded through each font's ToUnicode map (the embedded fonts are subsets with their own
// glyph numbering, so the text is not in the file as characters).

type PdfObject = { id: number; dict: string; stream: Buffer | null }

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
	const source = pdf.toString('latin1')
	const objects = new Map<number, PdfObject>()
	const pattern = /(\d+) 0 obj\n([\s\S]*?)\nendobj/g
	for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
		const id = Number(match[1])
		const body = match[2] ?? ''
		const streamAt = body.indexOf('stream\n')
		if (streamAt === -1) {
			objects.set(id, { id, dict: body, stream: null })
			continue
		}
		const dict = body.slice(0, streamAt)
		const start = match.index + match[0].indexOf(body) + streamAt + 'stream\n'.length
		const end = source.lastIndexOf('\nendstream', match.index + match[0].length)
		const raw = pdf.subarray(start, end)
		objects.set(id, { id, dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw })
	}
	return objects
}

function toUnicodeMap(cmap: string): Map<number, string> {
	const map = new Map<number, string>()
	const hexText = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)))
	for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const entry of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
			const first = parseInt(entry[1] ?? '0', 16)
			const target = entry[3] ?? ''
			if (target.startsWith('[')) {
				;[...target.matchAll(/<([0-9a-f]+)>/gi)].forEach((unit, i) => map.set(first + i, hexText(unit[1] ?? '')))
			} else {
				const last = parseInt(entry[2] ?? '0', 16)
				const base = parseInt(target.slice(1, -1), 16)
				for (let code = first; code <= last; code++) map.set(code, String.fromCharCode(base + code - first))
			}
		}
	}
	return map
}

type PdfInfo = {
	objects: Map<number, PdfObject>
	pageCount: number
	pages: PdfObject[]
	/** The text of each page, one line per text-showing operation. */
	pageText: string[]
	/** Rectangles (x, y, width, height) drawn on each page. */
	pageRects: Array<Array<[number, number, number, number]>>
	info: Record<string, string>
	baseFonts: string[]
}

function decodePdfString(literal: string): string {
	// A literal string as pdfkit writes it: (…) with backslash escapes, UTF-16BE after a BOM.
	const bytes: number[] = []
	const inner = literal.slice(1, -1)
	for (let i = 0; i < inner.length; i++) {
		let char = inner.charCodeAt(i)
		if (char === 0x5c) {
			const next = inner[++i] ?? ''
			const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 }
			if (/[0-7]/.test(next)) {
				const octal = /^[0-7]{1,3}/.exec(inner.slice(i))?.[0] ?? '0'
				char = parseInt(octal, 8)
				i += octal.length - 1
			} else char = escapes[next] ?? next.charCodeAt(0)
		}
		bytes.push(char)
	}
	const buffer = Buffer.from(bytes)
	if (buffer[0] === 0xfe && buffer[1] === 0xff) return buffer.subarray(2).swap16().toString('utf16le')
	return buffer.toString('latin1')
}

function readPdf(pdf: Buffer): PdfInfo {
	const objects = pdfObjects(pdf)
	const all = [...objects.values()]
	const ref = (dict: string, key: string) => {
		const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)
		return match ? objects.get(Number(match[1])) : undefined
	}
	const root = all.find((object) => /\/Type \/Pages\b/.test(object.dict))
	const pageCount = Number(/\/Count (\d+)/.exec(root?.dict ?? '')?.[1] ?? NaN)
	const kids = [...(/\/Kids \[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => objects.get(Number(m[1])))
	const pages = kids.filter((page): page is PdfObject => page !== undefined)

	// Font resource names (F1, F2, …) → ToUnicode maps.
	const fontMaps = new Map<string, Map<number, string>>()
	for (const object of all) {
		for (const match of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
			const font = objects.get(Number(match[2]))
			const cmap = font && ref(font.dict, 'ToUnicode')
			if (cmap?.stream) fontMaps.set(match[1] ?? '', toUnicodeMap(cmap.stream.toString('latin1')))
		}
	}

	const pageText: string[] = []
	const pageRects: PdfInfo['pageRects'] = []
	for (const page of pages) {
		const content = ref(page.dict, 'Contents')?.stream?.toString('latin1') ?? ''
		let font = new Map<number, string>()
		const lines: string[] = []
		const ops = /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[-\d.\s])*)\] TJ/gi
		for (const op of content.matchAll(ops)) {
			if (op[1]) font = fontMaps.get(op[1]) ?? new Map()
			else {
				const hex = [...(op[2] ?? '').matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1] ?? '').join('')
				lines.push((hex.match(/.{4}/g) ?? []).map((code) => font.get(parseInt(code, 16)) ?? '\uFFFD').join(''))
			}
		}
		pageText.push(lines.join('\n'))
		pageRects.push(
			[...content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => [
				Number(m[1]),
				Number(m[2]),
				Number(m[3]),
				Number(m[4]),
			]),
		)
	}

	const info: Record<string, string> = {}
	const infoObject = all.find((object) => /\/Producer \d+ 0 R/.test(object.dict))
	for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator']) {
		const value = infoObject && ref(infoObject.dict, key)
		if (value) info[key] = decodePdfString(value.dict.trim())
	}
	const baseFonts = [...new Set(all.flatMap((object) => [...object.dict.matchAll(/\/FontName \/(\w+\+[\w-]+)/g)].map((m) => m[1] ?? '')))]
	return { objects, pageCount, pages, pageText, pageRects, info, baseFonts }
}

/** Text without white space (justified lines are spaced by positioning, and lines break anywhere). */
const squeeze = (text: string) => text.replace(/[\s\u200B]+/g, '')

/** Rebuilds the QR module matrix from the rectangles drawn (one per horizontal run of dark modules). */
function matrixFromRects(rects: Array<[number, number, number, number]>, size: number): boolean[][] {
	const unit = Math.min(...rects.map((rect) => rect[3]))
	const left = Math.min(...rects.map((rect) => rect[0]))
	const top = Math.min(...rects.map((rect) => rect[1]))
	const grid = Array.from({ length: size }, () => Array.from({ length: size }, () => false))
	for (const [x, y, width] of rects) {
		const row = Math.round((y - top) / unit)
		const start = Math.round((x - left) / unit)
		for (let col = start; col < start + Math.round(width / unit); col++) grid[row]![col] = true
	}
	return grid
}

const matrixOf = (qr: QrMatrix) =>
	Array.from({ length: qr.size }, (_, row) => Array.from({ length: qr.size }, (_, col) => qr.isDark(row, col)))

// ---------------------------------------------------------------------------------------------
// Inputs.

const url = 'https://nguyenluongbang.example.vn/cong-khai/NLB-26-00015'

const sheetInput = (overrides: Partial<NoticeSheetInput> = {}): NoticeSheetInput => ({
	parentAgency: 'ỦY BAN NHÂN DÂN',
	agencyName: 'XÃ NGUYỄN LƯƠNG BẰNG',
	placeName: 'Xã Nguyễn Lương Bằng',
	kindTitle: 'THÔNG BÁO CÔNG KHAI',
	title: 'Kế hoạch sử dụng đất năm 2026 của xã Nguyễn Lương Bằng',
	reference: 'Quyết định số 15/QĐ-UBND ngày 05/01/2026',
	body: 'Ủy ban nhân dân xã thông báo công khai Quyết định số 15/QĐ-UBND.\n\nMọi ý kiến góp ý xin gửi về Văn phòng HĐND và UBND xã.',
	postingLines: ['Niêm yết tại trụ sở UBND xã: từ 05/01/2026 đến 04/02/2026'],
	url,
	code: 'NLB-26-00015',
	issuedOn: '2026-01-05',
	signer: { position: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', name: 'Nguyễn Văn An' },
	labels: { postingHeading: 'Thời gian công khai', qrCaption: 'Quét mã để xem bản điện tử và tệp đính kèm', page: 'Trang' },
	...overrides,
})

const paragraph =
	'Ủy ban nhân dân xã Nguyễn Lương Bằng thông báo công khai Quyết định số 15/QĐ-UBND ngày 05/01/2026 về việc phê duyệt kế hoạch sử dụng đất năm 2026 của xã. Nội dung chi tiết gồm danh mục các công trình, dự án thực hiện trong năm, diện tích các loại đất phân bổ đến từng thôn.'

// Strings a form could let through, or a caller could pass.
const hostileStrings = [
	'',
	' \n\n \t ',
	'<script>alert("x")</script> & </w:t>',
	'\u202Eevil\u202C \u2066isolate\u2069 \u200F',
	'😀👨‍👩‍👧🏳️‍🌈',
	'\u0000\u0001\u0007\b\u001B[31m\u007F\u0085\uFFFE\uFFFF',
	'\uD800 lone \uDC00 halves',
	'Nguyễn Lương Bằng'.normalize('NFD'),
	'a' + '\u0301'.repeat(5_000),
	'中文 עברית العربية ﷽ 한국어',
	'x'.repeat(100_000),
]

/** Deterministic random strings over all of Unicode (including unassigned and surrogate code points). */
function randomStrings(count: number, seed: number): string[] {
	let state = seed
	const next = () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31
		return state / 2 ** 31
	}
	return Array.from({ length: count }, () =>
		Array.from({ length: 1 + Math.floor(next() * 300) }, () => {
			const r = next()
			const codePoint = r < 0.4 ? Math.floor(next() * 0x80) : r < 0.8 ? Math.floor(next() * 0x10000) : Math.floor(next() * 0x110000)
			return codePoint >= 0xd800 && codePoint <= 0xdfff ? String.fromCharCode(codePoint) : String.fromCodePoint(codePoint)
		}).join(''),
	)
}

// ---------------------------------------------------------------------------------------------

describe('document dates', () => {
	test('writes the place and date line with NĐ 30 leading zeros', () => {
		expect(documentDateLine('Xã Nguyễn Lương Bằng', '2026-01-05')).toBe('Xã Nguyễn Lương Bằng, ngày 05 tháng 01 năm 2026')
		expect(documentDateLine('Xã Nguyễn Lương Bằng', '2026-02-28')).toBe('Xã Nguyễn Lương Bằng, ngày 28 tháng 02 năm 2026')
		expect(documentDateLine('Xã A', '2026-03-09')).toBe('Xã A, ngày 09 tháng 3 năm 2026')
		expect(documentDateLine('Xã A', '2026-10-01')).toBe('Xã A, ngày 01 tháng 10 năm 2026')
		expect(documentDateLine('Xã A', '2026-12-31')).toBe('Xã A, ngày 31 tháng 12 năm 2026')
	})

	test('reads the date part of a timestamp and leaves invalid dates blank to fill in', () => {
		expect(documentDateLine('Xã A', '2026-01-05T23:30:00Z')).toBe('Xã A, ngày 05 tháng 01 năm 2026')
		expect(documentDateLine('Xã A', '2026-02-30')).toBe('Xã A, ngày … tháng … năm …')
		expect(documentDateLine('Xã A', 'garbage')).toBe('Xã A, ngày … tháng … năm …')
		expect(documentDateLine('', '2026-01-05')).toBe('Ngày 05 tháng 01 năm 2026')
	})

	test('formats dd/mm/yyyy', () => {
		expect(formatDayMonthYear('2026-01-05')).toBe('05/01/2026')
		expect(formatDayMonthYear('2026-11-30')).toBe('30/11/2026')
		expect(formatDayMonthYear('2026-13-01')).toBe('')
		expect(formatDayMonthYear('')).toBe('')
	})
})

describe('document text', () => {
	test('normalises to NFC and drops controls, bidi overrides and lone surrogates', () => {
		expect(cleanText('Nguye\u0302\u0303n')).toBe('Nguyễn')
		expect(cleanText('a\u0000b\u202Ec\uD800d\r\ne\tf\u0085g')).toBe('abcd\ne f\ng')
		expect(splitParagraphs('  one \n\n\n two\nthree  ')).toEqual(['one', 'two', 'three'])
		expect(truncate('Nguyễn Lương Bằng', 7)).toBe('Nguyễn…')
		expect(truncate('😀😀😀', 2)).toBe('😀…')
	})

	test('keeps only what the font draws, and breaks endless words', () => {
		const latinOnly = (codePoint: number) => codePoint < 0x2000 || codePoint === 0x200b || (codePoint >= 0x1e00 && codePoint <= 0x1eff)
		expect(drawableText(' Bằng 😀 ok\u200D ', latinOnly)).toBe('Bằng ok')
		const broken = drawableText('a'.repeat(100), latinOnly)
		expect(broken.split('\u200B').map((piece) => piece.length)).toEqual([40, 40, 20])
		// Marks stay with their letter, and a pile of them is cut to three.
		expect(drawableText('a' + '\u0301'.repeat(50), latinOnly)).toBe('a\u0301\u0301\u0301')
	})

	test('reads glyph coverage from the embedded DejaVu font', () => {
		const doc = new PDFDocument({ autoFirstPage: false })
		doc.registerFont('serif', `${dejaVuFontDir()}/DejaVuSerif.ttf`)
		doc.font('serif')
		const hasGlyph = currentFontGlyphTest(doc)
		for (const char of 'ỦỄẰƯƠĐđ') expect(hasGlyph(char.codePointAt(0)!)).toBe(true)
		expect(hasGlyph(0x1f600)).toBe(false) // 😀
		expect(hasGlyph(0x4e2d)).toBe(false) // 中
	})
})

describe('QR code', () => {
	test('encodes the url at error correction M', () => {
		// 50 bytes: version 3 holds 53 at level L but only 42 at M, so M needs version 4.
		const fifty = 'https://xa.example.vn/cong-khai/NLB-26-00015?x=123'
		expect(fifty).toHaveLength(50)
		const qr = qrMatrix(fifty)
		expect(qr?.version).toBe(4)
		expect(qr?.size).toBe(33)
		// The three finder patterns: dark corners, with the light ring inside them.
		for (const [row, col] of [
			[0, 0],
			[0, 32],
			[32, 0],
			[6, 6],
			[3, 3],
		] as const)
			expect(qr?.isDark(row, col)).toBe(true)
		expect(qr?.isDark(1, 1)).toBe(false)
	})

	test('gives no code for an empty or oversized url', () => {
		expect(qrMatrix('')).toBeNull()
		expect(qrMatrix('   ')).toBeNull()
		expect(qrMatrix('h'.repeat(5_000))).toBeNull()
	})
})

describe('notice sheet PDF', () => {
	test('is a one-page A4 PDF with the DejaVu fonts, metadata, the text and the QR code', async () => {
		const pdf = await renderNoticeSheet(sheetInput())
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
		expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF')
		const read = readPdf(pdf)
		expect(read.pageCount).toBe(1)
		expect(read.pages).toHaveLength(1)
		expect(read.pages[0]?.dict).toContain('/MediaBox [0 0 595.28 841.89]')

		// Embedded (FontFile2) subsets of the serif faces that were used.
		expect(read.baseFonts.map((name) => name.replace(/^\w+\+/, '')).sort()).toEqual([
			'DejaVuSerif',
			'DejaVuSerif-Bold',
			'DejaVuSerif-Italic',
		])
		expect(read.baseFonts.every((name) => /^[A-Z]{6}\+/.test(name))).toBe(true)
		expect([...read.objects.values()].filter((object) => object.dict.includes('/FontFile2'))).toHaveLength(3)
		expect(pdf.length).toBeLessThan(80_000) // the full regular face alone is 380 kB

		expect(read.info.Title).toBe('Kế hoạch sử dụng đất năm 2026 của xã Nguyễn Lương Bằng')
		expect(read.info.Author).toBe('ỦY BAN NHÂN DÂN XÃ NGUYỄN LƯƠNG BẰNG')

		const text = squeeze(read.pageText[0] ?? '')
		for (const expected of [
			'ỦY BAN NHÂN DÂN',
			'XÃ NGUYỄN LƯƠNG BẰNG',
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'Xã Nguyễn Lương Bằng, ngày 05 tháng 01 năm 2026',
			'THÔNG BÁO CÔNG KHAI',
			'Kế hoạch sử dụng đất năm 2026 của xã Nguyễn Lương Bằng',
			'Quyết định số 15/QĐ-UBND ngày 05/01/2026',
			'Mọi ý kiến góp ý xin gửi về Văn phòng HĐND và UBND xã.',
			'Thời gian công khai:',
			'- Niêm yết tại trụ sở UBND xã: từ 05/01/2026 đến 04/02/2026',
			'TM. ỦY BAN NHÂN DÂN',
			'CHỦ TỊCH',
			'Nguyễn Văn An',
			'Quét mã để xem bản điện tử và tệp đính kèm',
			'NLB-26-00015',
		]) {
			expect(text).toContain(squeeze(expected))
		}
		expect(text).not.toContain('\uFFFD')
		expect(read.pageText[0]).not.toMatch(/Trang/) // no number on page 1

		// The rectangles drawn are exactly the QR code of the url.
		const qr = qrMatrix(url)!
		expect(matrixFromRects(read.pageRects[0] ?? [], qr.size)).toEqual(matrixOf(qr))
	})

	test('flows a long body over numbered pages, the QR code on the last', async () => {
		const body = Array.from({ length: 120 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n\n')
		const pdf = await renderNoticeSheet(sheetInput({ body }))
		const read = readPdf(pdf)
		// 120 paragraphs of about 5 lines at about 40 lines a page.
		expect(read.pageCount).toBeGreaterThanOrEqual(14)
		expect(read.pageCount).toBeLessThanOrEqual(22)
		expect(read.pages).toHaveLength(read.pageCount)
		expect([...read.objects.values()].filter((object) => /\/Type \/Page\b/.test(object.dict))).toHaveLength(read.pageCount)
		for (const page of read.pages) expect(page.dict).toContain('/MediaBox [0 0 595.28 841.89]')
		read.pageText.forEach((text, i) => {
			if (i === 0) expect(text).not.toMatch(/Trang/)
			else expect(text.split('\n')).toContain(`Trang ${i + 1}/${read.pageCount}`)
		})
		const all = squeeze(read.pageText.join(''))
		for (const n of [1, 60, 120]) expect(all).toContain(squeeze(`${n}. ${paragraph}`))
		// The QR code and the signature come once, on the last page.
		expect(read.pageRects.slice(0, -1).every((rects) => rects.length === 0)).toBe(true)
		expect(read.pageRects.at(-1)?.length).toBeGreaterThan(0)
		expect(squeeze(read.pageText.at(-1) ?? '')).toContain('NguyễnVănAn')
	})

	test('leaves out the QR code, not the sheet, when the url cannot be encoded', async () => {
		for (const badUrl of ['', 'h'.repeat(5_000)]) {
			const read = readPdf(await renderNoticeSheet(sheetInput({ url: badUrl })))
			expect(read.pageCount).toBe(1)
			expect(read.pageRects[0]).toEqual([])
			expect(squeeze(read.pageText[0] ?? '')).toContain('NLB-26-00015')
		}
	})

	test('never throws on hostile text, and draws only what the font has', { timeout: 60_000 }, async () => {
		for (const hostile of hostileStrings) {
			const pdf = await renderNoticeSheet({
				parentAgency: hostile,
				agencyName: hostile,
				placeName: hostile,
				kindTitle: hostile,
				title: hostile,
				reference: hostile,
				body: hostile,
				postingLines: [hostile, hostile],
				url: hostile,
				code: hostile,
				issuedOn: hostile,
				signer: { position: hostile, name: hostile },
				labels: { postingHeading: hostile, qrCaption: hostile, page: hostile },
			})
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
			const read = readPdf(pdf)
			expect(read.pageCount).toBeGreaterThanOrEqual(1)
			const text = read.pageText.join('\n')
			// eslint-disable-next-line no-control-regex
			expect(text).not.toMatch(/[\u202E\u2066\u0000-\u0008\uFFFD]|\p{Extended_Pictographic}/u)
		}
		const read = readPdf(
			await renderNoticeSheet(sheetInput({ title: '<script>alert("x")</script>', body: 'Nguyễn Lương Bằng'.normalize('NFD') })),
		)
		const text = squeeze(read.pageText[0] ?? '')
		expect(text).toContain('<script>alert("x")</script>') // drawn as text, nothing more
		expect(text).toContain('NguyễnLươngBằng') // NFD in, composed letters out
		for (const random of randomStrings(25, 7)) {
			const pdf = await renderNoticeSheet(
				sheetInput({ title: random, body: random, code: random, url: random, signer: { position: random, name: random } }),
			)
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
		}
	})
})

// ---------------------------------------------------------------------------------------------

const listInput = (overrides: Partial<QuarterlyListInput> = {}): QuarterlyListInput => ({
	parentAgency: 'ỦY BAN NHÂN DÂN',
	agencyName: 'XÃ NGUYỄN LƯƠNG BẰNG',
	placeName: 'Xã Nguyễn Lương Bằng',
	documentNumber: '12/DS-UBND',
	title: 'DANH SÁCH CÁC NỘI DUNG ĐÃ CÔNG KHAI QUÝ III NĂM 2026',
	intro: 'Ủy ban nhân dân xã tổng hợp các nội dung đã công khai trong quý III năm 2026 như sau:',
	columns: {
		index: 'STT',
		content: 'Nội dung công khai',
		obligation: 'Căn cứ',
		forms: 'Hình thức công khai',
		dates: 'Thời gian công khai',
		note: 'Ghi chú',
	},
	rows: [
		{
			content: 'Kế hoạch sử dụng đất năm 2026',
			obligation: 'Điều 11',
			forms: ['Niêm yết tại trụ sở UBND xã', 'Trang thông tin điện tử'],
			dates: ['05/01/2026 – 04/02/2026'],
			note: '',
		},
		{
			content: 'Dự toán ngân sách <b>&"',
			obligation: 'Khoản 2 Điều 11',
			forms: ['Niêm yết'],
			dates: ['10/01/2026 – 09/02/2026'],
			note: 'Đã tiếp thu 3 ý kiến',
		},
	],
	issuedOn: '2026-10-05',
	signer: { position: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', name: 'Nguyễn Văn An' },
	recipients: ['HĐND xã', 'UB MTTQ Việt Nam xã', 'Lưu: VT'],
	emptyText: 'Không có nội dung công khai trong quý.',
	...overrides,
})

async function docxParts(input: QuarterlyListInput) {
	const docx = await renderQuarterlyList(input)
	expect(docx.subarray(0, 2).toString('latin1')).toBe('PK')
	const files = unzipSync(new Uint8Array(docx))
	const part = (name: string) => {
		const file = files[name]
		if (!file) throw new Error(`${name} is missing`)
		return strFromU8(file)
	}
	return {
		document: part('word/document.xml'),
		styles: part('word/styles.xml'),
		headers: Object.keys(files)
			.filter((name) => /^word\/header\d+\.xml$/.test(name))
			.map(part),
	}
}

/** The text of each w:t element, in order. */
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '')

describe('quarterly list DOCX', () => {
	test('holds the header, title, rows (escaped), recipients and signer', async () => {
		const { document, styles, headers } = await docxParts(listInput())
		expect(XMLValidator.validate(document)).toBe(true)
		const words = texts(document)
		for (const expected of [
			'ỦY BAN NHÂN DÂN',
			'XÃ NGUYỄN LƯƠNG BẰNG',
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'Số: 12/DS-UBND',
			'Xã Nguyễn Lương Bằng, ngày 05 tháng 10 năm 2026',
			'DANH SÁCH CÁC NỘI DUNG ĐÃ CÔNG KHAI QUÝ III NĂM 2026',
			'Kế hoạch sử dụng đất năm 2026',
			'- Niêm yết tại trụ sở UBND xã',
			'- Trang thông tin điện tử',
			'Nơi nhận:',
			'- HĐND xã;',
			'- UB MTTQ Việt Nam xã;',
			'- Lưu: VT.',
			'TM. ỦY BAN NHÂN DÂN',
			'CHỦ TỊCH',
			'Nguyễn Văn An',
		]) {
			expect(words).toContain(expected)
		}
		expect(document).toContain('>Dự toán ngân sách &lt;b&gt;&amp;&quot;</w:t>')
		expect(document).not.toContain('<b>')
		// Heading row repeated on each page, and no row split across pages.
		expect(document).toMatch(/<w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/)
		expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(1)
		// A4 landscape, NĐ 30 margins, numbered pages except the first.
		expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
		expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/)
		expect(document).toContain('<w:titlePg/>')
		expect(headers.some((header) => header.includes('PAGE'))).toBe(true)
		expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/)
		expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:sz w:val="26"\/>/)
	})

	test('prints the empty text as one row, and a blank number to fill in', async () => {
		const { document } = await docxParts(listInput({ rows: [], documentNumber: null }))
		const words = texts(document)
		expect(words).toContain('Không có nội dung công khai trong quý.')
		expect(words).toContain('Số:       /DS-UBND')
		expect(document).toContain('<w:gridSpan w:val="6"/>')
		expect(words).toContain('STT')
	})

	test('writes NĐ 30 recipient punctuation once', () => {
		expect(recipientLines(['HĐND xã;', '- UB MTTQ Việt Nam xã', ' ', 'Lưu: VT.'])).toEqual([
			'- HĐND xã;',
			'- UB MTTQ Việt Nam xã;',
			'- Lưu: VT.',
		])
		expect(recipientLines([])).toEqual([])
	})

	test('stays valid XML whatever the text', { timeout: 30_000 }, async () => {
		for (const hostile of [...hostileStrings, ...randomStrings(10, 11)]) {
			const { document } = await docxParts({
				parentAgency: hostile,
				agencyName: hostile,
				placeName: hostile,
				documentNumber: hostile,
				title: hostile,
				intro: hostile,
				columns: { index: hostile, content: hostile, obligation: hostile, forms: hostile, dates: hostile, note: hostile },
				rows: [{ content: hostile, obligation: hostile, forms: [hostile, hostile], dates: [hostile], note: hostile }],
				issuedOn: hostile,
				signer: { position: hostile, name: hostile },
				recipients: [hostile],
				emptyText: hostile,
			})
			expect(XMLValidator.validate(document)).toBe(true)
			// eslint-disable-next-line no-control-regex
			expect(document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202E]/)
		}
	})
})
