import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { documentDateLine } from './document-date.ts'
import { cleanLine, splitLines, splitParagraphs } from './document-text.ts'

// The sheet posted on the notice board for a public record ("niêm yết"): an A4 PDF laid out
// as a văn bản hành chính (NĐ 30/2020/NĐ-CP, Phụ lục I; see shared/reference/domain-vn.md §5),
// ending with a QR code that leads to the online record and its attachments.
//
// The text is set in DejaVu Serif (the dejavu-fonts-ttf package), a free serif that covers
// Vietnamese; pdfkit embeds only the glyphs used. DejaVu runs about 10% wider than Times New
// Roman, so the header shrinks (12 → 10 pt) to keep the two columns on one line each.

export type NoticeSheetInput = {
	parentAgency: string // 'ỦY BAN NHÂN DÂN'
	agencyName: string // 'XÃ NGUYỄN LƯƠNG BẰNG'
	placeName: string // 'Xã Nguyễn Lương Bằng'
	kindTitle: string // 'THÔNG BÁO CÔNG KHAI' (shown above the title)
	title: string // the record's title
	reference: string | null // e.g. 'Quyết định số 15/QĐ-UBND ngày 05/01/2026', shown under the title
	body: string // plain text; every non-blank line is a paragraph; may run over many pages
	postingLines: string[] // e.g. ['Niêm yết tại trụ sở UBND xã: từ 05/01/2026 đến 04/02/2026']
	url: string // the online record; encoded in the QR code
	code: string // the record's short code, printed under the QR code
	issuedOn: string // ISO date yyyy-mm-dd for the date line
	signer: { position: string; name: string } | null // position may hold several lines ('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH')
	labels: { postingHeading: string; qrCaption: string; page: string } // UI strings: 'Thời gian công khai', 'Quét mã để xem…', 'Trang'
}

// ---------------------------------------------------------------------------------------------
// Page geometry, in PDF points (1/72 inch).

const MM = 72 / 25.4
const PAGE_WIDTH = 595.28 // A4
const PAGE_HEIGHT = 841.89
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM }
const CONTENT_LEFT = MARGIN.left
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right
const CONTENT_BOTTOM = PAGE_HEIGHT - MARGIN.bottom
const HEADER_LEFT_WIDTH = CONTENT_WIDTH * 0.38
const HEADER_RIGHT_WIDTH = CONTENT_WIDTH - HEADER_LEFT_WIDTH
const FIRST_LINE_INDENT = 1.27 * 10 * MM
const BODY_SIZE = 13
// DejaVu Serif's line height at 13 pt (1.164 em) plus the 1.5 pt line gap of the body.
const LINE_HEIGHT = 16.6
const QR_SIZE = 30 * MM

// Header fields are single lines; longer input is cut rather than allowed to run over the page.
const MAX_HEADER_CHARS = 200
const MAX_TITLE_CHARS = 2_000
const MAX_META_CHARS = 500

// ---------------------------------------------------------------------------------------------
// Fonts.

type Face = 'regular' | 'bold' | 'italic' | 'boldItalic'

const FONT_FILES: Record<Face, string> = {
	regular: 'DejaVuSerif.ttf',
	bold: 'DejaVuSerif-Bold.ttf',
	italic: 'DejaVuSerif-Italic.ttf',
	boldItalic: 'DejaVuSerif-BoldItalic.ttf',
}

/** The folder holding the DejaVu TrueType files, found through the package so any cwd works. */
export function dejaVuFontDir(): string {
	const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')
	return path.join(path.dirname(packageJson), 'ttf')
}

let fontData: Promise<Record<Face, Buffer>> | null = null

/** The four font files, read once per process. */
function loadFonts(): Promise<Record<Face, Buffer>> {
	fontData ??= (async () => {
		const dir = dejaVuFontDir()
		const entries = await Promise.all(
			(Object.keys(FONT_FILES) as Face[]).map(async (face) => [face, await readFile(path.join(dir, FONT_FILES[face]))] as const),
		)
		return Object.fromEntries(entries) as Record<Face, Buffer>
	})()
	fontData.catch(() => {
		fontData = null
	})
	return fontData
}

type GlyphTest = (codePoint: number) => boolean

// Which code points each face can draw, learnt from the first document that uses the face.
const coverage = new Map<Face, GlyphTest>()

/**
 * Whether the current font of doc has a glyph for a code point. pdfkit does not expose this, so
 * it is read from its fontkit font (doc._font.font); if that ever moves, every character passes
 * and pdfkit draws its empty box for the ones the font lacks.
 */
export function currentFontGlyphTest(doc: PDFKit.PDFDocument): GlyphTest {
	type FontkitFont = { characterSet?: unknown; hasGlyphForCodePoint?: unknown }
	const font = (doc as unknown as { _font?: { font?: FontkitFont } })._font?.font
	if (font && Array.isArray(font.characterSet)) {
		const set = new Set<number>(font.characterSet as number[])
		return (codePoint) => set.has(codePoint)
	}
	if (font && typeof font.hasGlyphForCodePoint === 'function') {
		const has = font.hasGlyphForCodePoint as (codePoint: number) => boolean
		return (codePoint) => has.call(font, codePoint)
	}
	return () => true
}

// Longest run of characters without a break opportunity handed to pdfkit: its line breaker is
// quadratic in the length of a word too long for the line (100,000 letters exhaust the heap).
const MAX_UNBROKEN = 40
const ZERO_WIDTH_SPACE = '\u200B'
const MAX_MARKS = 3

/**
 * Text the face can draw: format characters (zero-width joiners, soft hyphens, …) and characters
 * the font has no glyph for (emoji, most scripts other than Latin, Greek and Cyrillic) are left
 * out, as are combining marks past the third on one letter, and the spaces they leave are
 * folded; a zero-width break opportunity goes into any run of more than MAX_UNBROKEN characters
 * without one. Input is already cleaned (cleanText or cleanLine).
 */
export function drawableText(text: string, hasGlyph: GlyphTest): string {
	let out = ''
	let marks = 0
	for (const char of text) {
		if (char === '\n' || char === ' ') {
			out += char
			marks = 0
		} else if (/\p{Cf}/u.test(char) || !hasGlyph(char.codePointAt(0) ?? 0)) {
			continue
		} else if (/\p{M}/u.test(char)) {
			// Vietnamese needs at most two marks on a letter; a pile of them ("Zalgo" text) is one
			// endless unbreakable word.
			if (++marks <= MAX_MARKS) out += char
		} else {
			out += char
			marks = 0
		}
	}
	const breakChar = hasGlyph(ZERO_WIDTH_SPACE.codePointAt(0) ?? 0) ? ZERO_WIDTH_SPACE : ' '
	// Characters left out leave their spaces behind: fold them.
	out = out
		.replace(/ {2,}/g, ' ')
		.replace(/ *\n */g, '\n')
		.trim()
	return out.replace(new RegExp(`\\S{${MAX_UNBROKEN + 1},}`, 'gu'), (word) => {
		const chars = Array.from(word)
		const pieces: string[] = []
		let piece = ''
		let count = 0
		for (const char of chars) {
			// Never break before a combining mark: it belongs to the letter before it.
			if (count >= MAX_UNBROKEN && !/\p{M}/u.test(char)) {
				pieces.push(piece)
				piece = ''
				count = 0
			}
			piece += char
			count++
		}
		pieces.push(piece)
		return pieces.join(breakChar)
	})
}

// ---------------------------------------------------------------------------------------------
// QR code.

export type QrMatrix = { size: number; version: number; isDark: (row: number, col: number) => boolean }

/** The QR code (error correction M) of a URL, or null when there is none to make (empty, or too long for a QR code). */
export function qrMatrix(url: string): QrMatrix | null {
	const text = typeof url === 'string' ? url.trim() : ''
	if (!text) return null
	try {
		const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
		const { size } = qr.modules
		return { size, version: qr.version, isDark: (row, col) => qr.modules.get(row, col) === 1 }
	} catch {
		return null
	}
}

/**
 * Draws the QR code as filled black squares (vector, no image), one rectangle per horizontal run
 * of dark modules, in a square of side `side` at (x, y). The quiet zone is the white paper around
 * it. Returns the number of rectangles drawn.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, qr: QrMatrix, x: number, y: number, side: number): number {
	const unit = side / qr.size
	let rectangles = 0
	doc.save()
	for (let row = 0; row < qr.size; row++) {
		let col = 0
		while (col < qr.size) {
			if (!qr.isDark(row, col)) {
				col++
				continue
			}
			const start = col
			while (col < qr.size && qr.isDark(row, col)) col++
			doc.rect(x + start * unit, y + row * unit, (col - start) * unit, unit)
			rectangles++
		}
	}
	if (rectangles > 0) doc.fill('#000000')
	doc.restore()
	return rectangles
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers.

type TextOptions = PDFKit.Mixins.TextOptions

class Sheet {
	constructor(readonly doc: PDFKit.PDFDocument) {}

	/** Selects face and size; returns text reduced to what the face can draw. */
	use(face: Face, size: number, text = ''): string {
		this.doc.font(face).fontSize(size)
		let test = coverage.get(face)
		if (!test) {
			test = currentFontGlyphTest(this.doc)
			coverage.set(face, test)
		}
		return text ? drawableText(text, test) : ''
	}

	width(face: Face, size: number, text: string): number {
		const drawable = this.use(face, size, text)
		return drawable ? this.doc.widthOfString(drawable) : 0
	}

	height(face: Face, size: number, text: string, options: TextOptions): number {
		const drawable = this.use(face, size, text)
		return drawable ? this.doc.heightOfString(drawable, options) : 0
	}

	/** Draws text at (x, y); returns the y below it. Blank text draws nothing. */
	text(face: Face, size: number, text: string, x: number, y: number, options: TextOptions): number {
		const drawable = this.use(face, size, text)
		if (!drawable.trim()) return y
		this.doc.text(drawable, x, y, options)
		return this.doc.y
	}

	/** Largest size from max down to min (half-point steps) at which text fits in width. */
	fitSize(face: Face, text: string, width: number, max: number, min: number): number {
		for (let size = max; size > min; size -= 0.5) {
			if (this.width(face, size, text) <= width) return size
		}
		return min
	}

	rule(x1: number, x2: number, y: number) {
		if (x2 - x1 <= 0) return
		this.doc.save().lineWidth(0.6).moveTo(x1, y).lineTo(x2, y).stroke('#000000').restore()
	}

	/** Starts a new page when fewer than `needed` points remain on this one; returns the y to draw at. */
	ensureSpace(y: number, needed: number): number {
		if (y + needed <= CONTENT_BOTTOM) return y
		this.doc.addPage()
		return MARGIN.top
	}
}

const upper = (text: string) => text.toLocaleUpperCase('vi')

// ---------------------------------------------------------------------------------------------
// The sheet.

/** Renders the notice sheet. Never throws on its input: odd characters are dropped, not drawn. */
export async function renderNoticeSheet(input: NoticeSheetInput): Promise<Buffer> {
	const fonts = await loadFonts()
	const parentAgency = upper(cleanLine(input.parentAgency, MAX_HEADER_CHARS))
	const agencyName = upper(cleanLine(input.agencyName, MAX_HEADER_CHARS))
	const placeName = cleanLine(input.placeName, MAX_HEADER_CHARS)
	const kindTitle = upper(cleanLine(input.kindTitle, MAX_HEADER_CHARS))
	const title = cleanLine(input.title, MAX_TITLE_CHARS)
	const reference = cleanLine(input.reference, MAX_TITLE_CHARS)
	const code = cleanLine(input.code, MAX_HEADER_CHARS)
	const labels = {
		postingHeading: cleanLine(input.labels?.postingHeading, MAX_HEADER_CHARS),
		qrCaption: cleanLine(input.labels?.qrCaption, MAX_HEADER_CHARS),
		page: cleanLine(input.labels?.page, 40),
	}
	const signer = input.signer
		? {
				position: splitLines(input.signer.position, MAX_HEADER_CHARS).map(upper).slice(0, 6),
				name: cleanLine(input.signer.name, MAX_HEADER_CHARS),
			}
		: null
	const author = cleanLine(`${parentAgency} ${agencyName}`, MAX_META_CHARS)

	const doc = new PDFDocument({
		size: 'A4',
		margins: MARGIN,
		bufferPages: true,
		pdfVersion: '1.7',
		lang: 'vi-VN',
		displayTitle: true,
		info: {
			Title: cleanLine(title || kindTitle, MAX_META_CHARS),
			Author: author,
			Subject: cleanLine(kindTitle, MAX_META_CHARS),
			Keywords: code,
			Creator: 'Thân Thiện',
		},
	})
	const chunks: Buffer[] = []
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk))
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	for (const face of Object.keys(FONT_FILES) as Face[]) doc.registerFont(face, fonts[face])

	const sheet = new Sheet(doc)
	let y = drawHeader(sheet, { parentAgency, agencyName, dateLine: documentDateLine(placeName, input.issuedOn) })

	// Kind and title (trích yếu), centred and bold, with the reference in italics and a short rule.
	y += 26
	const center: TextOptions = { width: CONTENT_WIDTH, align: 'center' }
	y = sheet.text('bold', 14, kindTitle, CONTENT_LEFT, y, center)
	if (title) y = sheet.text('bold', BODY_SIZE, title, CONTENT_LEFT, y + 4, center)
	if (reference) y = sheet.text('italic', 12, reference, CONTENT_LEFT, y + 3, center)
	if (kindTitle || title || reference) {
		const ruleWidth = Math.min(CONTENT_WIDTH, sheet.width('bold', BODY_SIZE, title || kindTitle)) / 3
		y = sheet.ensureSpace(y + 5, 1)
		sheet.rule(CONTENT_LEFT + (CONTENT_WIDTH - ruleWidth) / 2, CONTENT_LEFT + (CONTENT_WIDTH + ruleWidth) / 2, y)
	}
	y += 16

	// Body: justified paragraphs with a first-line indent; pdfkit adds pages as the text runs on.
	const paragraph: TextOptions = { width: CONTENT_WIDTH, align: 'justify', indent: FIRST_LINE_INDENT, paragraphGap: 6, lineGap: 1.5 }
	for (const text of splitParagraphs(input.body))
		y = sheet.text('regular', BODY_SIZE, text, CONTENT_LEFT, sheet.ensureSpace(y, 2 * LINE_HEIGHT), paragraph)

	// When and where the record is posted.
	const postingLines = (Array.isArray(input.postingLines) ? input.postingLines : [])
		.map((line) => cleanLine(line, MAX_TITLE_CHARS))
		.filter(Boolean)
	if (postingLines.length > 0) {
		y = sheet.ensureSpace(y + 6, 40)
		if (labels.postingHeading)
			y = sheet.text('bold', BODY_SIZE, labels.postingHeading.replace(/[:：]?$/, ':'), CONTENT_LEFT, y, { ...paragraph, align: 'left' })
		for (const line of postingLines) {
			const item = /^[-–•+]/.test(line) ? line : `- ${line}`
			y = sheet.text('regular', BODY_SIZE, item, CONTENT_LEFT, sheet.ensureSpace(y, 2 * LINE_HEIGHT), { ...paragraph, align: 'left' })
		}
	}

	drawClosing(sheet, y + 14, { qr: qrMatrix(cleanLine(input.url)), caption: labels.qrCaption, code, signer })
	drawPageNumbers(sheet, labels.page)

	doc.end()
	return done
}

/**
 * The two-column header: agency on the left (parent upper case, issuing unit upper case bold,
 * short rule), national name and motto on the right (bold, rule as long as the motto), then the
 * place and date line in italics under the right column. Returns the y below it.
 */
function drawHeader(sheet: Sheet, header: { parentAgency: string; agencyName: string; dateLine: string }): number {
	const nationalName = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
	const motto = 'Độc lập - Tự do - Hạnh phúc'
	const leftX = CONTENT_LEFT
	const rightX = CONTENT_LEFT + HEADER_LEFT_WIDTH
	// One size for the agency and the national name, as NĐ 30 sets both at 12–13 pt.
	const size = Math.min(
		sheet.fitSize('regular', header.parentAgency, HEADER_LEFT_WIDTH - 4, 12, 10),
		sheet.fitSize('bold', header.agencyName, HEADER_LEFT_WIDTH - 4, 12, 10),
		sheet.fitSize('bold', nationalName, HEADER_RIGHT_WIDTH, 12, 10),
	)
	const left: TextOptions = { width: HEADER_LEFT_WIDTH, align: 'center' }
	const right: TextOptions = { width: HEADER_RIGHT_WIDTH, align: 'center' }
	const top = MARGIN.top

	let leftY = sheet.text('regular', size, header.parentAgency, leftX, top, left)
	leftY = sheet.text('bold', size, header.agencyName, leftX, leftY, left)
	if (header.agencyName) {
		const ruleWidth = Math.min(HEADER_LEFT_WIDTH, sheet.width('bold', size, header.agencyName)) * 0.4
		leftY += 5
		sheet.rule(leftX + (HEADER_LEFT_WIDTH - ruleWidth) / 2, leftX + (HEADER_LEFT_WIDTH + ruleWidth) / 2, leftY)
	}

	let rightY = sheet.text('bold', size, nationalName, rightX, top, right)
	const mottoSize = Math.min(size + 1, sheet.fitSize('bold', motto, HEADER_RIGHT_WIDTH, 13, 10))
	rightY = sheet.text('bold', mottoSize, motto, rightX, rightY, right)
	const mottoWidth = sheet.width('bold', mottoSize, motto)
	rightY += 5
	sheet.rule(rightX + (HEADER_RIGHT_WIDTH - mottoWidth) / 2, rightX + (HEADER_RIGHT_WIDTH + mottoWidth) / 2, rightY)

	// The date line centres under the right column; a longer one goes below both columns, moving
	// left as far as the left margin and at last wrapping.
	const dateSize = 12.5
	const dateWidth = sheet.width('italic', dateSize, header.dateLine)
	let dateBottom: number
	if (dateWidth <= HEADER_RIGHT_WIDTH) {
		const dateY = rightY + 9
		dateBottom = sheet.text('italic', dateSize, header.dateLine, rightX, dateY, right)
	} else if (dateWidth <= CONTENT_WIDTH) {
		const dateY = Math.max(leftY, rightY) + 9
		const x = Math.min(rightX + (HEADER_RIGHT_WIDTH - dateWidth) / 2, CONTENT_LEFT + CONTENT_WIDTH - dateWidth)
		dateBottom = sheet.text('italic', dateSize, header.dateLine, x, dateY, { width: dateWidth + 1, lineBreak: false })
		dateBottom = Math.max(dateBottom, dateY + sheet.doc.currentLineHeight(true))
	} else {
		const dateY = Math.max(leftY, rightY) + 9
		dateBottom = sheet.text('italic', dateSize, header.dateLine, CONTENT_LEFT, dateY, { width: CONTENT_WIDTH, align: 'right' })
	}
	return Math.max(leftY, dateBottom)
}

/**
 * The end of the sheet: on the left the QR code, with its caption and the record's code beside
 * it; on the right the signature block. Both are kept together, on a new page if the last one is
 * too full.
 */
function drawClosing(
	sheet: Sheet,
	startY: number,
	closing: { qr: QrMatrix | null; caption: string; code: string; signer: { position: string[]; name: string } | null },
) {
	const qrColumnWidth = CONTENT_WIDTH * 0.45
	const signerX = CONTENT_LEFT + qrColumnWidth
	const signerWidth = CONTENT_WIDTH - qrColumnWidth
	// Without a QR code the code stands alone at the left of the column.
	const labelX = closing.qr ? CONTENT_LEFT + QR_SIZE + 8 : CONTENT_LEFT
	const labelOptions: TextOptions = { width: CONTENT_LEFT + qrColumnWidth - 12 - labelX, align: 'left' }
	const signerOptions: TextOptions = { width: signerWidth, align: 'center' }
	const signatureSpace = 70

	const caption = closing.qr ? closing.caption : ''
	const labelHeight =
		sheet.height('italic', 9.5, caption, labelOptions) + (closing.code ? sheet.height('bold', 11, closing.code, labelOptions) + 4 : 0)
	const qrHeight = Math.max(closing.qr ? QR_SIZE : 0, labelHeight)
	const position = closing.signer?.position.join('\n') ?? ''
	const signerHeight = closing.signer
		? sheet.height('bold', BODY_SIZE, position, signerOptions) +
			signatureSpace +
			sheet.height('bold', BODY_SIZE, closing.signer.name, signerOptions)
		: 0
	if (qrHeight === 0 && signerHeight === 0) return
	const y = sheet.ensureSpace(startY, Math.max(qrHeight, signerHeight))

	if (closing.signer) {
		const below = sheet.text('bold', BODY_SIZE, position, signerX, y, signerOptions)
		sheet.text('bold', BODY_SIZE, closing.signer.name, signerX, Math.max(below, y) + signatureSpace, signerOptions)
	}
	if (closing.qr) drawQrCode(sheet.doc, closing.qr, CONTENT_LEFT, y, QR_SIZE)
	// Caption and code sit at the foot of the QR code's column when they are shorter than it.
	const labelY = closing.qr ? y + Math.max(0, QR_SIZE - labelHeight) : y
	const below = sheet.text('italic', 9.5, caption, labelX, labelY, labelOptions)
	sheet.text('bold', 11, closing.code, labelX, (caption ? below : labelY) + 4, labelOptions)
}

/** Page numbers in the top margin, centred, from page 2 on (NĐ 30 leaves page 1 unnumbered). */
function drawPageNumbers(sheet: Sheet, label: string) {
	const { start, count } = sheet.doc.bufferedPageRange()
	for (let index = 1; index < count; index++) {
		sheet.doc.switchToPage(start + index)
		const text = `${label ? `${label} ` : ''}${index + 1}/${count}`
		sheet.text('regular', 12, text, CONTENT_LEFT, 10 * MM, { width: CONTENT_WIDTH, align: 'center', lineBreak: false })
	}
}
