import { addCalendarDays, type IsoDate } from '#app/modules/platform/calendar/working-days.ts'
import type { Recurrence } from './disclosure.constants.ts'

// Periods of periodic publications: a quarter (`2026-Q3`), a half year (`2026-H1`) or a year
// (`2026`), with their first and last day and the day they fall due. Pure; shared by pages.

export type Period = { key: string; start: IsoDate; end: IsoDate }

const pad = (n: number) => String(n).padStart(2, '0')

function lastDayOfMonth(year: number, month: number): IsoDate {
	return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
}

/** The period a key names, or null for a malformed key. */
export function parsePeriod(key: string): Period | null {
	const m = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(key)
	if (!m) return null
	const year = Number(m[1])
	const part = m[2]
	if (!part) return { key, start: `${year}-01-01`, end: `${year}-12-31` }
	const [firstMonth, lastMonth] = part.startsWith('Q') ? [(Number(part[1]) - 1) * 3 + 1, Number(part[1]) * 3] : part === 'H1' ? [1, 6] : [7, 12]
	return { key, start: `${year}-${pad(firstMonth)}-01`, end: lastDayOfMonth(year, lastMonth) }
}

/** The period of a recurrence that contains a day. */
export function periodContaining(recurrence: 'quarterly' | 'half_yearly' | 'yearly', day: IsoDate): Period {
	const year = Number(day.slice(0, 4))
	const month = Number(day.slice(5, 7))
	if (recurrence === 'yearly') return parsePeriod(String(year))!
	if (recurrence === 'half_yearly') return parsePeriod(`${year}-H${month <= 6 ? 1 : 2}`)!
	return parsePeriod(`${year}-Q${Math.ceil(month / 3)}`)!
}

/** The period just before the given one, of the same kind. */
export function previousPeriod(recurrence: 'quarterly' | 'half_yearly' | 'yearly', period: Period): Period {
	return periodContaining(recurrence, addCalendarDays(period.start, -1))
}

/** The day a periodic publication for the period is due: so many days after the period ends. */
export function periodDueOn(period: Period, graceDays: number): IsoDate {
	return addCalendarDays(period.end, graceDays)
}

/**
 * The periods whose publication is owed or about to be: every period that ended within the last
 * `lookbackDays` (a year by default), newest first. The period under way is not owed yet.
 */
export function recentPeriods(recurrence: Recurrence, today: IsoDate, lookbackDays = 365): Period[] {
	if (recurrence !== 'quarterly' && recurrence !== 'half_yearly' && recurrence !== 'yearly') return []
	const since = addCalendarDays(today, -lookbackDays)
	const periods: Period[] = []
	let period = previousPeriod(recurrence, periodContaining(recurrence, today))
	while (period.end >= since) {
		periods.push(period)
		period = previousPeriod(recurrence, period)
	}
	return periods
}

/** Days from one date to another, both counted (a notice up from the 1st to the 30th is up 30 days). */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

/** Adds months to a date, keeping the day where the month has it (31/01 + 1 month = 28/02 or 29/02). */
export function addMonths(day: IsoDate, months: number): IsoDate {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number]
	const total = y * 12 + (m - 1) + months
	const year = Math.floor(total / 12)
	const month = (total % 12) + 1
	const last = Number(lastDayOfMonth(year, month).slice(8, 10))
	return `${year}-${pad(month)}-${pad(Math.min(d, last))}`
}
