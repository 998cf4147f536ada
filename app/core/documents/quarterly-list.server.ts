import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	LineRuleType,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	Table,
	TableBorders,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlignTable,
	WidthType,
} from 'docx'
import { documentDateLine } from './document-date.ts'
import { cleanLine, splitLines, splitParagraphs } from './document-text.ts'

// The quarterly list of what was made public ("Danh sách các nội dung đã công khai quý …"), as a
// Word document the commune office can still edit, number and sign. Laid out per NĐ 30/2020/NĐ-CP
// (see shared/reference/domain-vn.md §5): Times New Roman 13 pt (Word substitutes a metric-
// compatible font where it is missing), the two-column header as a borderless table, "Nơi nhận"
// at the bottom left and the signature at the right.
//
// The page is A4 landscape: NĐ 30 asks for portrait, but also lets a table that is too wide for it
// be set on landscape pages, and six columns (contents, obligation, forms, dates, note) do not fit
// 150 mm of portrait width at a readable size.

export type QuarterlyListInput = {
	parentAgency: string // 'ỦY BAN NHÂN DÂN'
	agencyName: string // 'XÃ NGUYỄN LƯƠNG BẰNG'
	placeName: string // 'Xã Nguyễn Lương Bằng'
	documentNumber: string | null // '12/DS-UBND' → 'Số: 12/DS-UBND'; null → 'Số:      /DS-UBND', to fill in by hand
	title: string // 'DANH SÁCH CÁC NỘI DUNG ĐÃ CÔNG KHAI QUÝ III NĂM 2026'
	intro: string | null // one paragraph
	columns: { index: string; content: string; obligation: string; forms: string; dates: string; note: string } // headings, in the UI language
	rows: Array<{ content: string; obligation: string; forms: string[]; dates: string[]; note: string }>
	issuedOn: string // ISO date yyyy-mm-dd
	signer: { position: string; name: string } | null // position may hold several lines ('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH')
	recipients: string[] // 'Nơi nhận' lines: ['HĐND xã', 'UB MTTQ Việt Nam xã', 'Lưu: VT']
	emptyText: string // shown as the one row when there are no rows
}

// ---------------------------------------------------------------------------------------------
// Geometry, in twips (1/20 pt). A4 is given portrait; docx swaps the sides for landscape.

const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4)
const A4_WIDTH = 11906 // 210 mm, as Word writes it
const A4_HEIGHT = 16838 // 297 mm
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }
const CONTENT_WIDTH = A4_HEIGHT - MARGIN.left - MARGIN.right
const HEADER_COLUMNS = [Math.round(CONTENT_WIDTH * 0.4), CONTENT_WIDTH - Math.round(CONTENT_WIDTH * 0.4)] as const
// Index, content, obligation, forms, dates, note.
const LIST_SHARES = [0.05, 0.31, 0.17, 0.18, 0.17, 0.12]
const LIST_COLUMNS = LIST_SHARES.slice(0, -1).map((share) => Math.round(CONTENT_WIDTH * share))
LIST_COLUMNS.push(CONTENT_WIDTH - LIST_COLUMNS.reduce((sum, width) => sum + width, 0))
const FIRST_LINE_INDENT = mm(12.7)

// Font sizes are in half-points: 13 pt text, 14 pt title, 12 pt in the table (six columns), 12/11 pt 'Nơi nhận'.
const SIZE = { body: 26, title: 28, header: 26, motto: 26, table: 24, recipientsHeading: 24, recipients: 22 }

// ---------------------------------------------------------------------------------------------
// Building blocks.

type RunStyle = { bold?: boolean; italics?: boolean; size?: number }

function line(
	text: string,
	style: RunStyle,
	alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
	spacing?: { before?: number; after?: number },
) {
	return new Paragraph({
		alignment,
		spacing: { before: spacing?.before ?? 0, after: spacing?.after ?? 0 },
		children: text ? [new TextRun({ text, ...style })] : [],
	})
}

/** A short horizontal rule: the bottom border of an almost empty paragraph, centred in a cell of the given width. */
function rule(cellWidth: number, ruleWidth: number) {
	const indent = Math.max(0, Math.round((cellWidth - Math.min(ruleWidth, cellWidth)) / 2))
	return new Paragraph({
		indent: { left: indent, right: indent },
		spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
		border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
		children: [],
	})
}

/** A rough width of bold capitals or text in Times New Roman, in twips, to size the rules under them. */
function estimatedWidth(text: string, halfPoints: number, em: number) {
	return Array.from(text).length * em * (halfPoints / 2) * 20
}

const NO_BORDERS = TableBorders.NONE

function borderlessTable(columns: readonly number[], rows: TableRow[]) {
	return new Table({
		rows,
		width: { size: columns.reduce((sum, w) => sum + w, 0), type: WidthType.DXA },
		columnWidths: [...columns],
		layout: TableLayoutType.FIXED,
		borders: NO_BORDERS,
	})
}

function cell(width: number, children: Paragraph[], options: { columnSpan?: number } = {}) {
	return new TableCell({
		width: { size: width, type: WidthType.DXA },
		children: children.length > 0 ? children : [new Paragraph({ children: [] })],
		...options,
	})
}

const upper = (text: string) => text.toLocaleUpperCase('vi')

/** 'Nơi nhận' lines as NĐ 30 writes them: "- HĐND xã;" … "- Lưu: VT." */
export function recipientLines(recipients: readonly string[]): string[] {
	const items = recipients
		.map((item) =>
			cleanLine(item)
				.replace(/^[-–•+]\s*/, '')
				.replace(/[\s;.,]+$/, ''),
		)
		.filter(Boolean)
	return items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : ';'}`)
}

// ---------------------------------------------------------------------------------------------
// The document.

/** Renders the quarterly list as a .docx file. Text is cleaned of characters XML cannot hold. */
export async function renderQuarterlyList(input: QuarterlyListInput): Promise<Buffer> {
	const parentAgency = upper(cleanLine(input.parentAgency))
	const agencyName = upper(cleanLine(input.agencyName))
	const title = upper(cleanLine(input.title))
	const number = cleanLine(input.documentNumber)
	const columns = input.columns
	const rows = Array.isArray(input.rows) ? input.rows : []

	// Header: agency | national name and motto; number | place and date.
	const [leftWidth, rightWidth] = HEADER_COLUMNS
	const agencyRuleWidth = estimatedWidth(agencyName, SIZE.header, 0.7) * 0.4
	const mottoRuleWidth = estimatedWidth('Độc lập - Tự do - Hạnh phúc', SIZE.motto, 0.48)
	const header = borderlessTable(HEADER_COLUMNS, [
		new TableRow({
			children: [
				cell(leftWidth, [
					line(parentAgency, { size: SIZE.header }, AlignmentType.CENTER),
					line(agencyName, { bold: true, size: SIZE.header }, AlignmentType.CENTER),
					...(agencyName ? [rule(leftWidth, agencyRuleWidth)] : []),
				]),
				cell(rightWidth, [
					line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE.header }, AlignmentType.CENTER),
					line('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE.motto }, AlignmentType.CENTER),
					rule(rightWidth, mottoRuleWidth),
				]),
			],
		}),
		new TableRow({
			children: [
				cell(leftWidth, [line(`Số: ${number || '      /DS-UBND'}`, { size: SIZE.body }, AlignmentType.CENTER, { before: 160 })]),
				cell(rightWidth, [
					line(documentDateLine(cleanLine(input.placeName), input.issuedOn), { italics: true, size: SIZE.body }, AlignmentType.CENTER, {
						before: 160,
					}),
				]),
			],
		}),
	])

	// The list, its heading row repeated at the top of every page.
	const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
	const listCell = (width: number, paragraphs: Paragraph[], options: { columnSpan?: number; center?: boolean } = {}) =>
		new TableCell({
			width: { size: width, type: WidthType.DXA },
			columnSpan: options.columnSpan,
			verticalAlign: options.center ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
			margins: { top: 60, bottom: 60, left: 100, right: 100 },
			children: paragraphs.length > 0 ? paragraphs : [new Paragraph({ children: [] })],
		})
	const cellText = (
		text: string,
		style: RunStyle = {},
		alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
	) => splitLines(text).map((part) => line(part, { size: SIZE.table, ...style }, alignment))
	// Several forms or dates in one cell are set as a dashed list, one a line.
	const cellList = (items: unknown) => {
		const lines = (Array.isArray(items) ? items : []).map((item) => cleanLine(item)).filter(Boolean)
		return lines.flatMap((item) => cellText(lines.length > 1 && !/^[-–•+]/.test(item) ? `- ${item}` : item))
	}

	const headings = [columns?.index, columns?.content, columns?.obligation, columns?.forms, columns?.dates, columns?.note]
	const headingRow = new TableRow({
		tableHeader: true,
		cantSplit: true,
		children: headings.map((heading, i) =>
			listCell(LIST_COLUMNS[i] ?? 0, cellText(cleanLine(heading), { bold: true }, AlignmentType.CENTER), { center: true }),
		),
	})
	const bodyRows =
		rows.length > 0
			? rows.map(
					(row, i) =>
						new TableRow({
							children: [
								listCell(LIST_COLUMNS[0] ?? 0, cellText(String(i + 1), {}, AlignmentType.CENTER)),
								listCell(LIST_COLUMNS[1] ?? 0, cellText(row?.content ?? '')),
								listCell(LIST_COLUMNS[2] ?? 0, cellText(row?.obligation ?? '')),
								listCell(LIST_COLUMNS[3] ?? 0, cellList(row?.forms)),
								listCell(LIST_COLUMNS[4] ?? 0, cellList(row?.dates)),
								listCell(LIST_COLUMNS[5] ?? 0, cellText(row?.note ?? '')),
							],
						}),
				)
			: [
					new TableRow({
						children: [
							listCell(CONTENT_WIDTH, cellText(cleanLine(input.emptyText), { italics: true }, AlignmentType.CENTER), { columnSpan: 6 }),
						],
					}),
				]
	const list = new Table({
		rows: [headingRow, ...bodyRows],
		width: { size: CONTENT_WIDTH, type: WidthType.DXA },
		columnWidths: LIST_COLUMNS,
		layout: TableLayoutType.FIXED,
		borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
	})

	// Closing: 'Nơi nhận' on the left, the signature on the right, kept on one page.
	const recipients = recipientLines(Array.isArray(input.recipients) ? input.recipients : [])
	const signer = input.signer ? { position: splitLines(input.signer.position).map(upper), name: cleanLine(input.signer.name) } : null
	const halfWidth = Math.round(CONTENT_WIDTH / 2)
	const closing = borderlessTable(
		[halfWidth, CONTENT_WIDTH - halfWidth],
		[
			new TableRow({
				cantSplit: true,
				children: [
					cell(
						halfWidth,
						recipients.length > 0
							? [
									line('Nơi nhận:', { bold: true, italics: true, size: SIZE.recipientsHeading }, AlignmentType.LEFT),
									...recipients.map((item) => line(item, { size: SIZE.recipients }, AlignmentType.LEFT)),
								]
							: [],
					),
					cell(
						CONTENT_WIDTH - halfWidth,
						signer
							? [
									...signer.position.map((part) => line(part, { bold: true, size: SIZE.body }, AlignmentType.CENTER)),
									// Room for the signature and the seal.
									new Paragraph({ spacing: { before: 0, after: 0, line: 1400, lineRule: LineRuleType.EXACT }, children: [] }),
									line(signer.name, { bold: true, size: SIZE.body }, AlignmentType.CENTER),
								]
							: [],
					),
				],
			}),
		],
	)

	const intro = splitParagraphs(input.intro ?? '').map(
		(text) =>
			new Paragraph({
				alignment: AlignmentType.JUSTIFIED,
				indent: { firstLine: FIRST_LINE_INDENT },
				spacing: { after: 120 },
				children: [new TextRun({ text })],
			}),
	)

	const document = new Document({
		title: title || undefined,
		creator: cleanLine(`${parentAgency} ${agencyName}`) || undefined,
		styles: {
			default: {
				document: {
					run: { font: 'Times New Roman', size: SIZE.body, language: { value: 'vi-VN' } },
					paragraph: { spacing: { before: 0, after: 0 } },
				},
			},
		},
		sections: [
			{
				properties: {
					page: {
						size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: PageOrientation.LANDSCAPE },
						margin: { ...MARGIN, header: mm(10), footer: mm(10) },
					},
					// Page numbers from page 2 on, centred in the top margin (NĐ 30).
					titlePage: true,
				},
				headers: {
					default: new Header({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.body })],
							}),
						],
					}),
					first: new Header({ children: [new Paragraph({ children: [] })] }),
				},
				children: [
					header,
					line(title, { bold: true, size: SIZE.title }, AlignmentType.CENTER, { before: 360, after: 240 }),
					...intro,
					new Paragraph({ spacing: { after: 120 }, children: [] }),
					list,
					new Paragraph({ spacing: { after: 240 }, children: [] }),
					closing,
				],
			},
		],
	})
	return Packer.toBuffer(document)
}
