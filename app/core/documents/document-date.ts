// Dates as Vietnamese administrative documents write them (NĐ 30/2020/NĐ-CP, Phụ lục I):
// "Xã Nguyễn Lương Bằng, ngày 05 tháng 01 năm 2026". A day below 10 and the months 1 and 2 take a
// leading zero; the other months do not ("ngày 15 tháng 3 năm 2026", "tháng 10").

type DateParts = { year: number; month: number; day: number }

/** Reads the calendar date at the start of an ISO string ("2026-01-05" or "2026-01-05T…"); null when it is not a real date. */
export function parseIsoDate(iso: string): DateParts | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(typeof iso === 'string' ? iso.trim() : '')
	if (!match) return null
	const year = Number(match[1])
	const month = Number(match[2])
	const day = Number(match[3])
	const date = new Date(Date.UTC(year, month - 1, day))
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
	return { year, month, day }
}

const pad2 = (value: number) => String(value).padStart(2, '0')

/**
 * The place and date line: "Xã Nguyễn Lương Bằng, ngày 05 tháng 01 năm 2026". placeName comes
 * capitalised as it should print. An invalid date gives the blank form ("ngày … tháng … năm …")
 * that is filled in by hand, so a document can always be printed.
 */
export function documentDateLine(placeName: string, isoDate: string): string {
	const place = typeof placeName === 'string' ? placeName.trim() : ''
	const parts = parseIsoDate(isoDate)
	const date = parts
		? `ngày ${pad2(parts.day)} tháng ${parts.month <= 2 ? pad2(parts.month) : String(parts.month)} năm ${parts.year}`
		: 'ngày … tháng … năm …'
	return place ? `${place}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1)
}

/** "05/01/2026"; '' when the date is invalid. */
export function formatDayMonthYear(isoDate: string): string {
	const parts = parseIsoDate(isoDate)
	return parts ? `${pad2(parts.day)}/${pad2(parts.month)}/${parts.year}` : ''
}
