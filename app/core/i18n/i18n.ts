// Languages, translation and the Vietnamese formats for dates, numbers and money.
// Vietnamese is the default; English is complete beside it (a test compares the key sets).

export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'vi'
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export type MessageParams = Record<string, string | number>
export type Dictionary = Readonly<Record<string, string>>
export type Translate = (key: string, params?: MessageParams) => string

/** Builds t(key, params) over one language's dictionary; `{name}` in a message takes params.name. */
export function createTranslator(dictionary: Dictionary, fallback?: Dictionary): Translate {
	return (key, params) => {
		const template = dictionary[key] ?? fallback?.[key]
		if (template === undefined) return key
		if (!params) return template
		return template.replace(/\{(\w+)\}/g, (match, name: string) =>
			params[name] === undefined ? match : String(params[name]),
		)
	}
}

// Vietnamese conventions whatever the UI language: dd/mm/yyyy, 24-hour time, Asia/Ho_Chi_Minh,
// "1.234.567" and "1.234.567 ₫". The English UI keeps these forms (they are what the documents use).
const dateFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' })
const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false })
const numberFormat = new Intl.NumberFormat('vi-VN')
const moneyFormat = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 })

function toDate(value: Date | string): Date {
	// A bare YYYY-MM-DD is a calendar date: show it as written, whatever the time zone.
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00+07:00`)
	return typeof value === 'string' ? new Date(value) : value
}

function dmy(date: Date): string {
	const parts = Object.fromEntries(dateFormat.formatToParts(date).map((p) => [p.type, p.value]))
	return `${parts.day}/${parts.month}/${parts.year}`
}

/** 23/11/2026 */
export function formatDate(value: Date | string): string {
	return dmy(toDate(value))
}

/** 08:05 23/11/2026 (the order used in Vietnamese documents) */
export function formatDateTime(value: Date | string): string {
	const date = toDate(value)
	return `${timeFormat.format(date)} ${dmy(date)}`
}

/** 1.234.567 */
export function formatNumber(value: number | bigint): string {
	return numberFormat.format(value)
}

/** 1.234.567 ₫ */
export function formatMoney(value: number | bigint): string {
	return moneyFormat.format(value)
}

/** Parses dd/mm/yyyy (or yyyy-mm-dd from a date input) into YYYY-MM-DD; null when not a real date. */
export function parseDateInput(value: string): string | null {
	const text = value.trim()
	let y: number, m: number, d: number
	const dmyMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
	const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
	if (dmyMatch) [d, m, y] = [Number(dmyMatch[1]), Number(dmyMatch[2]), Number(dmyMatch[3])]
	else if (isoMatch) [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])]
	else return null
	const date = new Date(Date.UTC(y, m - 1, d))
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
	if (y < 1900 || y > 2200) return null
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
