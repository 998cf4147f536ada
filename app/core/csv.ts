// CSV for spreadsheets (RFC 4180), as Vietnamese Excel opens it: UTF-8 with a byte-order mark,
// CRLF line ends, every cell quoted. Cells that a spreadsheet would run as a formula (=, +, -, @,
// tab, CR) get a leading apostrophe, so open data cannot carry a formula injection.

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '""'
	let text = String(value)
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
	return `"${text.replace(/"/g, '""')}"`
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
	const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))]
	return `\uFEFF${lines.join('\r\n')}\r\n`
}
