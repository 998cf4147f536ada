import Holidays from 'date-holidays'

// The Vietnamese working-day calendar (lịch ngày làm việc) used to compute legal deadlines
// expressed as "N ngày làm việc" (time limits of administrative procedures handled by the
// commune's one-stop shop). Pure: no database, no clock, no dependence on the process time zone.
//
// Legal basis:
// - Weekly rest (nghỉ hằng tuần) of cán bộ, công chức, viên chức: Saturday and Sunday
//   (Quyết định 188/1999/QĐ-TTg, 40-hour week), so a working day is Monday to Friday.
// - Public holidays (ngày nghỉ lễ, tết): Bộ luật Lao động 45/2019/QH14, Điều 112(1), in force
//   since 01/01/2021: Tết Dương lịch 1 day (1/1), Tết Âm lịch 5 days, Ngày Chiến thắng 1 day (30/4),
//   Quốc tế Lao động 1 day (1/5), Quốc khánh 2 days (2/9 plus one adjacent day), Giỗ Tổ Hùng Vương
//   1 day (10/3 âm lịch).
// - Compensatory days (nghỉ bù): Điều 111(3): a holiday that falls on the weekly rest day is
//   compensated on the next working day.
// - Điều 112(3): every year the Prime Minister fixes the exact days of Tết and of the adjacent
//   Quốc khánh day; the government may also swap working days (hoán đổi ngày làm việc). Those
//   decisions are NOT derived here: they are passed in as CalendarAdjustment (see
//   national-adjustments.ts), together with a commune's own adjustments.
//
// Dates are handled as integer day numbers (days since 1970-01-01 in the proleptic Gregorian
// calendar), so no Date object, and no time zone, is involved in the arithmetic.

/** A calendar date in Asia/Ho_Chi_Minh, formatted YYYY-MM-DD. */
export type IsoDate = string

/**
 * A day the national government or a commune adds to the statutory calendar: an extra day off
 * ('day_off'), or a make-up working day ('working_day', e.g. a Saturday worked in exchange for a
 * bridge day). Adjustments always win over the statutory calendar.
 */
export type CalendarAdjustment = { date: IsoDate; kind: 'day_off' | 'working_day'; name: string }

export type Holiday = { date: IsoDate; name: string; kind: 'public_holiday' | 'compensatory' | 'adjustment' }

/** Years this module accepts. date-holidays computes the lunar calendar well inside this range. */
const MIN_YEAR = 1900
const MAX_YEAR = 2200

/** The Labour Code 2019 (two days for Quốc khánh) applies from this year on. */
const LABOUR_CODE_2019_FROM = 2021

const MS_PER_DAY = 86_400_000
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

// ---------------------------------------------------------------------------------------------
// Day-number arithmetic (Howard Hinnant's days_from_civil / civil_from_days)

function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year
	const era = Math.floor(y / 400)
	const yoe = y - era * 400
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
	return era * 146_097 + doe - 719_468
}

function civilFromDays(dayNumber: number): [year: number, month: number, day: number] {
	const z = dayNumber + 719_468
	const era = Math.floor(z / 146_097)
	const doe = z - era * 146_097
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
	const mp = Math.floor((5 * doy + 2) / 153)
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1
	const month = mp < 10 ? mp + 3 : mp - 9
	return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day]
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
function weekdayOf(dayNumber: number): number {
	return (((dayNumber + 4) % 7) + 7) % 7
}

function isWeekend(dayNumber: number): boolean {
	const weekday = weekdayOf(dayNumber)
	return weekday === 0 || weekday === 6
}

function yearOf(dayNumber: number): number {
	return civilFromDays(dayNumber)[0]
}

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0')
}

function formatDay(dayNumber: number): IsoDate {
	const [year, month, day] = civilFromDays(dayNumber)
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** DD/MM, for human-readable names of compensatory days. */
function shortDay(dayNumber: number): string {
	const [, month, day] = civilFromDays(dayNumber)
	return `${pad(day, 2)}/${pad(month, 2)}`
}

function assertYear(year: number): void {
	if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
		throw new RangeError(`Year out of the supported range ${MIN_YEAR}–${MAX_YEAR}: ${String(year)}`)
	}
}

/** Parses a strict YYYY-MM-DD calendar date into a day number; throws RangeError otherwise. */
function parseIsoDate(value: unknown, what = 'date'): number {
	if (typeof value !== 'string') throw new RangeError(`Invalid ${what}: expected YYYY-MM-DD, got ${typeof value}`)
	const match = ISO_DATE_RE.exec(value)
	if (!match) throw new RangeError(`Invalid ${what}: expected YYYY-MM-DD, got '${value}'`)
	const year = Number(match[1])
	const month = Number(match[2])
	const day = Number(match[3])
	if (year < MIN_YEAR || year > MAX_YEAR) {
		throw new RangeError(`Invalid ${what}: year out of the supported range ${MIN_YEAR}–${MAX_YEAR}: '${value}'`)
	}
	const dayNumber = daysFromCivil(year, month, day)
	const [y, m, d] = civilFromDays(dayNumber)
	if (y !== year || m !== month || d !== day) throw new RangeError(`Invalid ${what}: no such calendar day '${value}'`)
	return dayNumber
}

/** True when `value` is a real calendar day written YYYY-MM-DD within the supported years. */
export function isIsoDate(value: unknown): value is IsoDate {
	try {
		parseIsoDate(value)
		return true
	} catch {
		return false
	}
}

// ---------------------------------------------------------------------------------------------
// Statutory holidays

let holidaysLib: Holidays | undefined

function library(): Holidays {
	// Only public holidays: skipping the lunar observances (Trung thu, Vu Lan …) makes a year's
	// computation several times cheaper.
	holidaysLib ??= new Holidays('VN', { types: ['public'] })
	return holidaysLib
}

/** year → (day number → name) of the statutory days off (before compensation). */
const statutoryCache = new Map<number, Map<number, string>>()

/**
 * The statutory public holidays of a year (Điều 112(1)), as day numbers. Comes from date-holidays
 * (entries of type 'public'), plus the second Quốc khánh day that the library lacks.
 */
function statutoryDays(year: number): Map<number, string> {
	const cached = statutoryCache.get(year)
	if (cached) return cached

	type Span = { first: number; length: number; name: string }
	const spans: Span[] = []
	for (const entry of library().getHolidays(year)) {
		if (entry.type !== 'public') continue
		// `date` is the local (Asia/Ho_Chi_Minh) date as 'YYYY-MM-DD hh:mm:ss [±hh:mm]'; `start`/`end`
		// are instants and only used for the length of multi-day entries (Tết: "P5D"). Vietnam has
		// no daylight saving time, so the length is a whole number of days.
		const first = parseIsoDate(entry.date.slice(0, 10), 'holiday date from date-holidays')
		const length = Math.max(1, Math.round((entry.end.getTime() - entry.start.getTime()) / MS_PER_DAY))
		spans.push({ first, length, name: entry.name })
	}

	const days = new Map<number, string>()
	// Single-day entries first: their names are the most specific ("Tết Nguyên Đán" on mùng 1).
	for (const span of spans) if (span.length === 1) days.set(span.first, span.name)
	for (const span of spans) {
		if (span.length === 1) continue
		// Tết Âm lịch (Điều 112(1)(b), 5 days): the library gives it as one span starting on the eve
		// (giao thừa). Name each day relative to the single-day entry inside the span (mùng 1).
		const anchor = [...days.keys()].find((day) => day >= span.first && day < span.first + span.length)
		const anchorName = anchor === undefined ? undefined : days.get(anchor)
		for (let i = 0; i < span.length; i++) {
			const day = span.first + i
			if (days.has(day)) continue
			if (anchor === undefined || anchorName === undefined) days.set(day, span.name)
			else if (day === anchor - 1) days.set(day, span.name)
			else if (day < anchor) days.set(day, `Nghỉ ${anchorName}`)
			else days.set(day, `Mùng ${day - anchor + 1} ${anchorName}`)
		}
	}

	// Quốc khánh: 2 days, 2/9 and one adjacent day (Điều 112(1)(đ)), the adjacent day being chosen
	// each year by the Prime Minister (Điều 112(3)). Default rule: the day before, unless it is a
	// Saturday or Sunday, then the day after. This reproduces the decisions for 2024 (2/9 Monday,
	// off 2–3/9) and 2025 (2/9 Tuesday, off 1–2/9) and the 2026 notice (2/9 Wednesday, off 1–2/9,
	// Thông báo 9441/TB-BNV). Before 2021 (Bộ luật Lao động 2012) Quốc khánh was a single day.
	const nationalDay = daysFromCivil(year, 9, 2)
	if (!days.has(nationalDay)) days.set(nationalDay, 'Quốc khánh')
	if (year >= LABOUR_CODE_2019_FROM) {
		const adjacent = isWeekend(nationalDay - 1) ? nationalDay + 1 : nationalDay - 1
		if (!days.has(adjacent)) days.set(adjacent, 'Nghỉ lễ Quốc khánh (ngày liền kề)')
	}

	statutoryCache.set(year, days)
	return days
}

function isStatutory(dayNumber: number): boolean {
	return statutoryDays(yearOf(dayNumber)).has(dayNumber)
}

type DayOff = { name: string; kind: 'public_holiday' | 'compensatory' }

/** year → sorted holidays (statutory days and their compensatory days), the public shape. */
const holidayCache = new Map<number, readonly Readonly<Holiday>[]>()
/** day number → why it is a day off; filled year by year by indexYear(). */
const dayOffIndex = new Map<number, DayOff>()
const indexedYears = new Set<number>()

function computeHolidays(year: number): readonly Readonly<Holiday>[] {
	const cached = holidayCache.get(year)
	if (cached) return cached

	const statutory = statutoryDays(year)
	const sorted = [...statutory.keys()].sort((a, b) => a - b)
	const result: Holiday[] = sorted.map((day) => ({
		date: formatDay(day),
		name: statutory.get(day) ?? '',
		kind: 'public_holiday',
	}))

	// Nghỉ bù (Điều 111(3)): every holiday on a Saturday or Sunday gives one day off on the next
	// working day, i.e. the next Monday–Friday that is neither a holiday nor already a compensatory
	// day. Processing holidays in date order handles runs: Tết 2027 (Fri 5/2 – Tue 9/2, mùng 1–2 on
	// the weekend) is compensated on Wed 10/2 and Thu 11/2, after the end of the Tết run.
	const compensatory = new Set<number>()
	for (const day of sorted) {
		if (!isWeekend(day)) continue
		let candidate = day + 1
		while (isWeekend(candidate) || isStatutory(candidate) || compensatory.has(candidate)) candidate++
		compensatory.add(candidate)
		result.push({
			date: formatDay(candidate),
			name: `Nghỉ bù ${statutory.get(day) ?? ''} (${shortDay(day)})`,
			kind: 'compensatory',
		})
	}

	result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
	const frozen = Object.freeze(result.map((holiday) => Object.freeze(holiday)))
	holidayCache.set(year, frozen)
	return frozen
}

function indexYear(year: number): void {
	if (indexedYears.has(year)) return
	for (const holiday of computeHolidays(year)) {
		if (holiday.kind === 'adjustment') continue
		dayOffIndex.set(parseIsoDate(holiday.date), { name: holiday.name, kind: holiday.kind })
	}
	indexedYears.add(year)
}

/** The statutory reason a day is off (holiday or compensatory day), ignoring weekends and adjustments. */
function statutoryDayOff(dayNumber: number): DayOff | undefined {
	const year = yearOf(dayNumber)
	if (year < MIN_YEAR || year > MAX_YEAR) {
		throw new RangeError(`Date out of the supported range ${MIN_YEAR}–${MAX_YEAR}: ${formatDay(dayNumber)}`)
	}
	indexYear(year)
	// A compensatory day of a late-December holiday would fall in early January of the next year
	// (none today, but the lookup must not depend on that).
	if (year > MIN_YEAR && dayNumber < daysFromCivil(year, 1, 20)) indexYear(year - 1)
	return dayOffIndex.get(dayNumber)
}

/**
 * Statutory public holidays of Vietnam for `year` (Bộ luật Lao động 2019, Điều 112), including
 * days that fall on a weekend (kind 'public_holiday') and the compensatory days they give
 * (kind 'compensatory', Điều 111(3)). Sorted by date. Government decisions that move days (the
 * exact Tết days, swaps of working days) are not included: see national-adjustments.ts.
 */
export function publicHolidays(year: number): Holiday[] {
	assertYear(year)
	return computeHolidays(year).map((holiday) => ({ ...holiday }))
}

// ---------------------------------------------------------------------------------------------
// Working days

type AdjustmentIndex = ReadonlyMap<number, CalendarAdjustment>

/** Indexes adjustments by day; when several target the same day, the last one wins. */
function indexAdjustments(adjustments: readonly CalendarAdjustment[] | undefined): AdjustmentIndex {
	const index = new Map<number, CalendarAdjustment>()
	if (!adjustments) return index
	for (const adjustment of adjustments) {
		if (adjustment.kind !== 'day_off' && adjustment.kind !== 'working_day') {
			throw new RangeError(`Invalid calendar adjustment kind: '${String(adjustment.kind)}'`)
		}
		index.set(parseIsoDate(adjustment.date, 'calendar adjustment date'), adjustment)
	}
	return index
}

function isWorkingDayNumber(dayNumber: number, adjustments: AdjustmentIndex): boolean {
	const adjustment = adjustments.get(dayNumber)
	if (adjustment) return adjustment.kind === 'working_day'
	if (isWeekend(dayNumber)) return false
	return statutoryDayOff(dayNumber) === undefined
}

/**
 * Whether `date` is a working day: Monday to Friday, not a public holiday nor a compensatory day.
 * Adjustments win: 'working_day' makes any day a working day, 'day_off' makes it a day off. Pass
 * the national adjustments and the commune's together (national first: the last entry for a day
 * wins), e.g. `[...nationalAdjustments, ...communeAdjustments]`.
 */
export function isWorkingDay(date: IsoDate, adjustments?: readonly CalendarAdjustment[]): boolean {
	const dayNumber = parseIsoDate(date)
	return isWorkingDayNumber(dayNumber, indexAdjustments(adjustments))
}

/**
 * The deadline `n` working days after `from`. Day 1 is the first working day strictly after
 * `from` (a request received on a Friday with n = 1 is due the following Monday if that is a
 * working day), whatever `from` itself is. n = 0 returns `from` unchanged.
 * Throws RangeError for a malformed date or an n that is not a non-negative integer.
 */
export function addWorkingDays(from: IsoDate, n: number, adjustments?: readonly CalendarAdjustment[]): IsoDate {
	const start = parseIsoDate(from, 'start date')
	if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
		throw new RangeError(`Invalid number of working days: expected a non-negative integer, got ${String(n)}`)
	}
	if (n === 0) return from
	const index = indexAdjustments(adjustments)
	let day = start
	let remaining = n
	while (remaining > 0) {
		day++
		if (isWorkingDayNumber(day, index)) remaining--
	}
	return formatDay(day)
}

/** The date `n` calendar days after (or, for negative n, before) a date ("trong N ngày"). */
export function addCalendarDays(from: IsoDate, n: number): IsoDate {
	const d = new Date(`${from}T00:00:00Z`)
	d.setUTCDate(d.getUTCDate() + n)
	return d.toISOString().slice(0, 10)
}

/** Monday of the week of a date (weeks run Monday to Sunday). */
export function weekStart(date: IsoDate): IsoDate {
	const shift = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
	return addCalendarDays(date, -shift)
}

/**
 * For display: the days in [from, to] (inclusive) that differ from the plain Monday–Friday week,
 * i.e. weekdays that are not working days (public holidays, compensatory days, adjustments) and
 * weekend days that are working days (make-up days). Holidays that fall on a weekend are not
 * listed themselves; their compensatory day is. Empty when `to` is before `from`.
 */
export function holidaysBetween(from: IsoDate, to: IsoDate, adjustments?: readonly CalendarAdjustment[]): Holiday[] {
	const first = parseIsoDate(from, 'start date')
	const last = parseIsoDate(to, 'end date')
	const index = indexAdjustments(adjustments)
	const result: Holiday[] = []
	for (let day = first; day <= last; day++) {
		const weekend = isWeekend(day)
		const adjustment = index.get(day)
		if (adjustment) {
			const working = adjustment.kind === 'working_day'
			if (working === weekend) result.push({ date: formatDay(day), name: adjustment.name, kind: 'adjustment' })
			continue
		}
		if (weekend) continue
		const dayOff = statutoryDayOff(day)
		if (dayOff) result.push({ date: formatDay(day), name: dayOff.name, kind: dayOff.kind })
	}
	return result
}

// ---------------------------------------------------------------------------------------------
// Instants

const vietnamDateFormat = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Asia/Ho_Chi_Minh',
	calendar: 'gregory',
	numberingSystem: 'latn',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
})

/** The calendar date of an instant in Asia/Ho_Chi_Minh (UTC+7), whatever the process time zone. */
export function toIsoDate(instant: Date): IsoDate {
	if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant')
	let year = 0
	let month = 0
	let day = 0
	for (const part of vietnamDateFormat.formatToParts(instant)) {
		if (part.type === 'year') year = Number(part.value)
		else if (part.type === 'month') month = Number(part.value)
		else if (part.type === 'day') day = Number(part.value)
	}
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}
