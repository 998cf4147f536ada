import { describe, expect, test, vi } from 'vitest'
import { nationalAdjustments, withNationalAdjustments } from './national-adjustments.ts'
import {
	addWorkingDays,
	holidaysBetween,
	isIsoDate,
	isWorkingDay,
	publicHolidays,
	toIsoDate,
	type CalendarAdjustment,
} from './working-days.ts'

// Where the expected values come from:
// - Weekdays: computed independently with Date.UTC in the first describe block, for every date the
//   other tables rely on.
// - Lunar dates: mùng 1 Tết = 17/02/2026, 06/02/2027, 26/01/2028; Giỗ Tổ (10/3 âm lịch) 2026 =
//   Sunday 26/04/2026 (thanhnien.vn, 23/02/2026: "Giỗ tổ Hùng Vương rơi vào chủ nhật (ngày 26.4)").
// - Law: Bộ luật Lao động 2019, Điều 112(1) (holidays, Tết 5 days, Quốc khánh 2/9 + 1 adjacent day)
//   and Điều 111(3) (a holiday on the weekly rest day is compensated on the next working day).
// - Government decisions: the sources cited in national-adjustments.ts.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const

function weekdayOf(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number]
	return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '?'
}

describe('calendar facts the tables below rely on (weekdays computed, not assumed)', () => {
	test.each([
		['2025-01-24', 'Fri'],
		['2025-04-25', 'Fri'],
		['2025-04-29', 'Tue'],
		['2025-12-31', 'Wed'],
		['2026-01-01', 'Thu'],
		['2026-01-02', 'Fri'],
		['2026-01-05', 'Mon'],
		['2026-01-10', 'Sat'],
		['2026-02-13', 'Fri'],
		['2026-02-16', 'Mon'],
		['2026-02-17', 'Tue'], // mùng 1 Tết Bính Ngọ
		['2026-02-20', 'Fri'],
		['2026-02-23', 'Mon'],
		['2026-03-06', 'Fri'],
		['2026-03-10', 'Tue'],
		['2026-03-14', 'Sat'],
		['2026-04-24', 'Fri'],
		['2026-04-26', 'Sun'], // Giỗ Tổ Hùng Vương 2026
		['2026-04-27', 'Mon'],
		['2026-04-30', 'Thu'],
		['2026-05-01', 'Fri'],
		['2026-05-04', 'Mon'],
		['2026-08-21', 'Fri'],
		['2026-08-22', 'Sat'],
		['2026-08-28', 'Fri'],
		['2026-08-31', 'Mon'],
		['2026-09-01', 'Tue'],
		['2026-09-02', 'Wed'],
		['2027-01-01', 'Fri'],
		['2027-02-04', 'Thu'],
		['2027-02-05', 'Fri'],
		['2027-02-06', 'Sat'], // mùng 1 Tết Đinh Mùi
		['2027-02-09', 'Tue'],
		['2027-02-12', 'Fri'],
		['2027-04-29', 'Thu'],
		['2027-05-01', 'Sat'],
		['2027-04-16', 'Fri'],
		['2027-12-31', 'Fri'],
		['2028-01-01', 'Sat'],
		['2028-01-25', 'Tue'],
		['2028-01-26', 'Wed'], // mùng 1 Tết Mậu Thân
		['2028-01-29', 'Sat'],
		['2028-01-31', 'Mon'],
		['2028-04-04', 'Tue'],
		['2028-04-30', 'Sun'],
		['2028-09-02', 'Sat'],
		['2023-04-29', 'Sat'],
		['2024-02-07', 'Wed'],
		['2024-04-26', 'Fri'],
		['2024-09-02', 'Mon'],
		['2025-09-02', 'Tue'],
		['2029-09-02', 'Sun'],
	])('%s is a %s', (date, weekday) => {
		expect(weekdayOf(date)).toBe(weekday)
	})
})

describe('publicHolidays', () => {
	test.each([
		[2026, '2026-02-17'],
		[2027, '2027-02-06'],
		[2028, '2028-01-26'],
	])('mùng 1 Tết %i is %s', (year, date) => {
		expect(publicHolidays(year).find((h) => h.name === 'Tết Nguyên Đán')?.date).toBe(date)
	})

	// The five Tết days (Điều 112(1)(b)) as given by date-holidays: the eve (giao thừa) and mùng 1–4,
	// plus the compensatory days for those falling on Saturday/Sunday (Điều 111(3)).
	test.each([
		// 2026: Mon 16/02 – Fri 20/02, none on a weekend. Matches công văn 9859/VPCP-KGVX (five Tết
		// days 16–20/02, 9 days off 14–22/02 with the weekends).
		[
			2026,
			[
				['2026-02-16', 'public_holiday'],
				['2026-02-17', 'public_holiday'],
				['2026-02-18', 'public_holiday'],
				['2026-02-19', 'public_holiday'],
				['2026-02-20', 'public_holiday'],
			],
		],
		// 2027: Fri 05/02 – Tue 09/02; mùng 1 (Sat 06/02) and mùng 2 (Sun 07/02) are compensated after
		// the end of the run, on Wed 10/02 and Thu 11/02 (no government decision yet).
		[
			2027,
			[
				['2027-02-05', 'public_holiday'],
				['2027-02-06', 'public_holiday'],
				['2027-02-07', 'public_holiday'],
				['2027-02-08', 'public_holiday'],
				['2027-02-09', 'public_holiday'],
				['2027-02-10', 'compensatory'],
				['2027-02-11', 'compensatory'],
			],
		],
		// 2028: Tue 25/01 – Sat 29/01; mùng 4 (Sat 29/01) compensated on Mon 31/01.
		[
			2028,
			[
				['2028-01-25', 'public_holiday'],
				['2028-01-26', 'public_holiday'],
				['2028-01-27', 'public_holiday'],
				['2028-01-28', 'public_holiday'],
				['2028-01-29', 'public_holiday'],
				['2028-01-31', 'compensatory'],
			],
		],
	])('Tết %i', (year, expected) => {
		const tet = publicHolidays(year)
			.filter((h) => h.date >= `${year}-01-15` && h.date <= `${year}-02-28`)
			.map((h) => [h.date, h.kind])
		expect(tet).toEqual(expected)
	})

	// Quốc khánh: 2/9 and one adjacent day (Điều 112(1)(đ)). Default: the day before unless it is a
	// weekend day, then the day after; a 2/9 on a weekend is compensated (Điều 111(3)).
	test.each([
		// 2/9/2024 Monday: day before is Sunday → 3/9. Decision 2024: off 31/08 – 03/09.
		[2024, ['2024-09-02', '2024-09-03'], []],
		// 2/9/2025 Tuesday → 1/9. Decision 2025: off 30/08 – 02/09.
		[2025, ['2025-09-01', '2025-09-02'], []],
		// 2/9/2026 Wednesday → 1/9. Thông báo 9441/TB-BNV: the two days are 01/09 and 02/09.
		[2026, ['2026-09-01', '2026-09-02'], []],
		// 2/9/2028 Saturday → Friday 1/9, and 2/9 compensated on Monday 4/9.
		[2028, ['2028-09-01', '2028-09-02'], ['2028-09-04']],
		// 2/9/2029 Sunday → day before is Saturday → Monday 3/9; 2/9 compensated on Tuesday 4/9.
		[2029, ['2029-09-02', '2029-09-03'], ['2029-09-04']],
	])('Quốc khánh %i', (year, holidays, compensatory) => {
		const september = publicHolidays(year).filter((h) => h.date.slice(5, 7) === '09')
		expect(september.filter((h) => h.kind === 'public_holiday').map((h) => h.date)).toEqual(holidays)
		expect(september.filter((h) => h.kind === 'compensatory').map((h) => h.date)).toEqual(compensatory)
	})

	// Other fixed-date holidays and their compensatory days.
	test.each([
		// 1/1/2026 Thursday: no compensation.
		['2026-01-01', '2026-01-10', [['2026-01-01', 'public_holiday']]],
		// 1/1/2028 Saturday → Monday 3/1.
		[
			'2028-01-01',
			'2028-01-10',
			[
				['2028-01-01', 'public_holiday'],
				['2028-01-03', 'compensatory'],
			],
		],
		// Giỗ Tổ Sunday 26/04/2026 → Monday 27/04; 30/4 Thursday and 1/5 Friday need nothing.
		// (thanhnien.vn 23/02/2026: "nghỉ bù vào thứ hai (ngày 27.4)", then 30.4 – 3.5.)
		[
			'2026-04-01',
			'2026-05-31',
			[
				['2026-04-26', 'public_holiday'],
				['2026-04-27', 'compensatory'],
				['2026-04-30', 'public_holiday'],
				['2026-05-01', 'public_holiday'],
			],
		],
		// 2023: Giỗ Tổ Saturday 29/04, 30/4 Sunday, 1/5 Monday: the run pushes both compensatory days
		// to Tuesday 2/5 and Wednesday 3/5 (as announced in 2023, viet-jo.com citing Tuổi Trẻ).
		[
			'2023-04-01',
			'2023-05-31',
			[
				['2023-04-29', 'public_holiday'],
				['2023-04-30', 'public_holiday'],
				['2023-05-01', 'public_holiday'],
				['2023-05-02', 'compensatory'],
				['2023-05-03', 'compensatory'],
			],
		],
		// 2027: Giỗ Tổ Friday 16/04; 30/4 Friday, 1/5 Saturday → Monday 3/5.
		[
			'2027-04-01',
			'2027-05-31',
			[
				['2027-04-16', 'public_holiday'],
				['2027-04-30', 'public_holiday'],
				['2027-05-01', 'public_holiday'],
				['2027-05-03', 'compensatory'],
			],
		],
		// 2028: Giỗ Tổ Tuesday 04/04; 30/4 Sunday, 1/5 Monday → 30/4 compensated on Tuesday 2/5.
		[
			'2028-04-01',
			'2028-05-31',
			[
				['2028-04-04', 'public_holiday'],
				['2028-04-30', 'public_holiday'],
				['2028-05-01', 'public_holiday'],
				['2028-05-02', 'compensatory'],
			],
		],
	])('%s – %s', (from, to, expected) => {
		const inRange = publicHolidays(Number(from.slice(0, 4)))
			.filter((h) => h.date >= from && h.date <= to)
			.map((h) => [h.date, h.kind])
		expect(inRange).toEqual(expected)
	})

	test('11 statutory days a year (Điều 112(1)), sorted, and the result is a copy', () => {
		for (const year of [2026, 2027, 2028]) {
			const list = publicHolidays(year)
			expect(list.filter((h) => h.kind === 'public_holiday')).toHaveLength(11)
			expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort())
			expect(new Set(list.map((h) => h.date)).size).toBe(list.length)
		}
		const first = publicHolidays(2026)
		first.length = 0
		expect(publicHolidays(2026)).toHaveLength(12)
	})

	test('names compensatory days after the holiday they replace', () => {
		expect(publicHolidays(2026).find((h) => h.date === '2026-04-27')?.name).toBe('Nghỉ bù Giỗ tổ Hùng Vương (26/04)')
	})
})

describe('isWorkingDay (statutory calendar, no adjustments)', () => {
	test.each([
		['2026-01-01', false, 'Tết Dương lịch'],
		['2026-01-02', true, 'ordinary Friday by law (the 2026 swap is a national adjustment)'],
		['2026-02-13', true, 'Friday before Tết'],
		['2026-02-14', false, 'Saturday'],
		['2026-02-15', false, 'Sunday'],
		['2026-02-16', false, 'giao thừa'],
		['2026-02-17', false, 'mùng 1'],
		['2026-02-18', false, 'mùng 2'],
		['2026-02-19', false, 'mùng 3'],
		['2026-02-20', false, 'mùng 4'],
		['2026-02-21', false, 'Saturday'],
		['2026-02-22', false, 'Sunday'],
		['2026-02-23', true, 'first working day after Tết 2026'],
		['2026-03-11', true, 'ordinary Wednesday'],
		['2026-03-14', false, 'ordinary Saturday'],
		['2026-04-26', false, 'Giỗ Tổ on a Sunday'],
		['2026-04-27', false, 'compensatory day for Giỗ Tổ'],
		['2026-04-28', true, 'between Giỗ Tổ and 30/4'],
		['2026-04-29', true, 'between Giỗ Tổ and 30/4'],
		['2026-04-30', false, 'Ngày Chiến thắng'],
		['2026-05-01', false, 'Quốc tế Lao động'],
		['2026-05-04', true, 'Monday after 30/4 – 1/5'],
		['2026-08-31', true, 'Monday: statutory working day (swapped only by national adjustment)'],
		['2026-09-01', false, 'Quốc khánh, adjacent day'],
		['2026-09-02', false, 'Quốc khánh'],
		['2026-09-03', true, 'Thursday after Quốc khánh'],
		['2027-01-01', false, 'Tết Dương lịch'],
		['2027-02-04', true, 'Thursday before Tết 2027'],
		['2027-02-05', false, 'giao thừa 2027'],
		['2027-02-08', false, 'mùng 3'],
		['2027-02-09', false, 'mùng 4'],
		['2027-02-10', false, 'compensatory for mùng 1 (Saturday)'],
		['2027-02-11', false, 'compensatory for mùng 2 (Sunday)'],
		['2027-02-12', true, 'first working day after Tết 2027'],
		['2027-04-30', false, 'Ngày Chiến thắng'],
		['2027-05-03', false, 'compensatory for 1/5 (Saturday)'],
		['2028-01-03', false, 'compensatory for 1/1 (Saturday)'],
		['2028-01-24', true, 'Monday before Tết 2028'],
		['2028-01-28', false, 'mùng 3'],
		['2028-01-31', false, 'compensatory for mùng 4 (Saturday)'],
		['2028-02-01', true, 'first working day after Tết 2028'],
		['2028-02-29', true, 'leap day, ordinary Tuesday'],
		['2028-05-02', false, 'compensatory for 30/4 (Sunday)'],
		['2028-09-01', false, 'Quốc khánh, adjacent day'],
		['2028-09-04', false, 'compensatory for 2/9 (Saturday)'],
		['2028-09-05', true, 'Tuesday after Quốc khánh'],
	])('%s → %s (%s)', (date, expected) => {
		expect(isWorkingDay(date)).toBe(expected)
	})
})

describe('addWorkingDays (statutory calendar)', () => {
	test.each([
		// Tết 2026: Fri 13/02, then weekend 14–15, Tết 16–20, weekend 21–22.
		['2026-02-13', 1, '2026-02-23'],
		['2026-02-12', 1, '2026-02-13'],
		['2026-02-12', 2, '2026-02-23'],
		['2026-02-13', 5, '2026-02-27'],
		['2026-02-17', 1, '2026-02-23'], // received on a holiday
		['2026-02-14', 1, '2026-02-23'], // received on a Saturday
		// Friday → Monday; weekend start.
		['2026-03-06', 1, '2026-03-09'],
		['2026-03-07', 1, '2026-03-09'],
		['2026-03-09', 5, '2026-03-16'],
		// 20 days from Mon 02/02: 3–6/02 (4), 9–13/02 (9), [Tết], 23–27/02 (14), 2–6/03 (19), 9/03 (20).
		['2026-02-02', 20, '2026-03-09'],
		// 30 days from Mon 05/01: 6–9/01 (4), 12–16 (9), 19–23 (14), 26–30 (19), 2–6/02 (24),
		// 9–13/02 (29), [Tết], 23/02 (30).
		['2026-01-05', 30, '2026-02-23'],
		// Giỗ Tổ + 30/4 2026: weekend 25–26/04, compensatory 27/04, then 28, 29, holidays 30/4 – 1/5.
		['2026-04-24', 1, '2026-04-28'],
		['2026-04-24', 3, '2026-05-04'],
		['2026-04-29', 1, '2026-05-04'],
		// Quốc khánh 2026 without the national swap.
		['2026-08-28', 1, '2026-08-31'],
		['2026-08-31', 1, '2026-09-03'],
		// New year: 1/1/2026 Thursday.
		['2025-12-31', 1, '2026-01-02'],
		// Tết 2027: off Fri 05/02 – Thu 11/02.
		['2027-02-04', 1, '2027-02-12'],
		['2027-02-04', 2, '2027-02-15'],
		// 30/4 Fri, 1/5 Sat → compensatory Mon 3/5/2027.
		['2027-04-29', 1, '2027-05-04'],
		// 1/1/2028 Saturday → compensatory Mon 3/1; crossing the year boundary.
		['2027-12-31', 1, '2028-01-04'],
		// Tết 2028: off Tue 25/01 – Mon 31/01.
		['2028-01-24', 1, '2028-02-01'],
		// Quốc khánh 2028: Fri 1/9, Sat 2/9, compensatory Mon 4/9.
		['2028-08-31', 1, '2028-09-05'],
		// n = 0 returns the start date itself, even on a day off.
		['2026-02-17', 0, '2026-02-17'],
		['2026-02-14', 0, '2026-02-14'],
		['2026-03-11', 0, '2026-03-11'],
	])('%s + %i working days = %s', (from, n, expected) => {
		expect(addWorkingDays(from, n)).toBe(expected)
	})

	test('agrees with counting isWorkingDay day by day', () => {
		for (const from of ['2026-02-10', '2026-04-23', '2026-08-27', '2027-02-03', '2027-12-29', '2028-01-20']) {
			let day = from
			for (let n = 1; n <= 15; n++) {
				do {
					day = nextDay(day)
				} while (!isWorkingDay(day))
				expect(addWorkingDays(from, n)).toBe(day)
			}
		}
	})
})

function nextDay(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number]
	return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

describe('national adjustments (government decisions, see national-adjustments.ts)', () => {
	test.each([
		// Tết Dương lịch 2026: Fri 02/01 off, Sat 10/01 worked (công văn 12729/VPCP-KGVX).
		['2025-12-31', 1, '2026-01-05'],
		['2026-01-09', 1, '2026-01-10'],
		// 30 days from Mon 05/01/2026 with Sat 10/01 worked: 6–9/01 (4), 10/01 (5), 12–16 (10),
		// 19–23 (15), 26–30 (20), 2–6/02 (25), 9–13/02 (30).
		['2026-01-05', 30, '2026-02-13'],
		// Tết 2026 needs no adjustment.
		['2026-02-13', 1, '2026-02-23'],
		// Quốc khánh 2026: Mon 31/08 off, Sat 22/08 worked (Thông báo 9441/TB-BNV).
		['2026-08-21', 1, '2026-08-22'],
		['2026-08-28', 1, '2026-09-03'],
		// Tết 2025: off 27–31/01, back on Mon 03/02 (no compensatory day).
		['2025-01-24', 1, '2025-02-03'],
		// 30/4 – 1/5/2025: Fri 02/05 off, Sat 26/04 worked.
		['2025-04-25', 1, '2025-04-26'],
		['2025-04-29', 1, '2025-05-05'],
		// Tết 2024: off 08–14/02, back on Thu 15/02.
		['2024-02-07', 1, '2024-02-15'],
		// 30/4 – 1/5/2024: Mon 29/04 off, Sat 04/05 worked.
		['2024-04-26', 1, '2024-05-02'],
	])('%s + %i working days = %s', (from, n, expected) => {
		expect(addWorkingDays(from, n, nationalAdjustments)).toBe(expected)
	})

	test.each([
		['2026-01-02', false],
		['2026-01-10', true],
		['2026-08-22', true],
		['2026-08-31', false],
		['2025-02-03', true],
		['2025-01-27', false],
	])('%s working = %s', (date, expected) => {
		expect(isWorkingDay(date, nationalAdjustments)).toBe(expected)
	})

	test('every entry is a valid date, unique, and actually changes the computed calendar', () => {
		const dates = nationalAdjustments.map((a) => a.date)
		expect(new Set(dates).size).toBe(dates.length)
		for (const adjustment of nationalAdjustments) {
			expect(isIsoDate(adjustment.date)).toBe(true)
			expect(adjustment.name.length).toBeGreaterThan(0)
			// A 'day_off' on a statutory working day, a 'working_day' on a statutory day off.
			expect(isWorkingDay(adjustment.date)).toBe(adjustment.kind === 'day_off')
		}
	})

	test('swaps keep the number of working days of the year unchanged', () => {
		for (const year of [2023, 2024, 2025, 2026]) {
			const offs = nationalAdjustments.filter((a) => a.date.startsWith(`${year}-`) && a.kind === 'day_off')
			const works = nationalAdjustments.filter((a) => a.date.startsWith(`${year}-`) && a.kind === 'working_day')
			expect(offs.length).toBe(works.length)
		}
	})
})

describe('commune adjustments', () => {
	const stormDay: CalendarAdjustment = { date: '2026-03-10', kind: 'day_off', name: 'Nghỉ phòng chống bão' }
	const makeUpSaturday: CalendarAdjustment = { date: '2026-03-14', kind: 'working_day', name: 'Làm bù' }

	test('a day_off makes a weekday non-working and pushes deadlines', () => {
		expect(isWorkingDay('2026-03-10')).toBe(true)
		expect(isWorkingDay('2026-03-10', [stormDay])).toBe(false)
		expect(addWorkingDays('2026-03-09', 1, [stormDay])).toBe('2026-03-11')
		expect(addWorkingDays('2026-03-06', 2, [stormDay])).toBe('2026-03-11')
		// No state leaks between calls.
		expect(addWorkingDays('2026-03-09', 1)).toBe('2026-03-10')
	})

	test('a working_day makes a Saturday a working day', () => {
		expect(isWorkingDay('2026-03-14')).toBe(false)
		expect(isWorkingDay('2026-03-14', [makeUpSaturday])).toBe(true)
		expect(addWorkingDays('2026-03-13', 1, [makeUpSaturday])).toBe('2026-03-14')
		expect(addWorkingDays('2026-03-13', 2, [makeUpSaturday])).toBe('2026-03-16')
	})

	test('adjustments win over public holidays, and the last entry for a day wins', () => {
		expect(isWorkingDay('2026-04-30', [{ date: '2026-04-30', kind: 'working_day', name: 'Trực' }])).toBe(true)
		const overridden = withNationalAdjustments([{ date: '2026-08-31', kind: 'working_day', name: 'Xã làm việc' }])
		expect(isWorkingDay('2026-08-31', overridden)).toBe(true)
		expect(addWorkingDays('2026-08-28', 1, overridden)).toBe('2026-08-31')
		expect(isWorkingDay('2026-08-31', withNationalAdjustments())).toBe(false)
	})

	test('a day_off on a weekend changes nothing', () => {
		const weekendOff: CalendarAdjustment = { date: '2026-03-07', kind: 'day_off', name: 'x' }
		expect(addWorkingDays('2026-03-06', 1, [weekendOff])).toBe('2026-03-09')
	})
})

describe('holidaysBetween', () => {
	test('Tết 2026', () => {
		expect(holidaysBetween('2026-02-09', '2026-02-28')).toEqual([
			{ date: '2026-02-16', name: 'Giao thừa Tết Nguyên Đán', kind: 'public_holiday' },
			{ date: '2026-02-17', name: 'Tết Nguyên Đán', kind: 'public_holiday' },
			{ date: '2026-02-18', name: 'Mùng 2 Tết Nguyên Đán', kind: 'public_holiday' },
			{ date: '2026-02-19', name: 'Mùng 3 Tết Nguyên Đán', kind: 'public_holiday' },
			{ date: '2026-02-20', name: 'Mùng 4 Tết Nguyên Đán', kind: 'public_holiday' },
		])
	})

	test('Tết 2027: weekend holidays are not listed, their compensatory days are', () => {
		expect(holidaysBetween('2027-02-01', '2027-02-14').map((h) => [h.date, h.kind])).toEqual([
			['2027-02-05', 'public_holiday'],
			['2027-02-08', 'public_holiday'],
			['2027-02-09', 'public_holiday'],
			['2027-02-10', 'compensatory'],
			['2027-02-11', 'compensatory'],
		])
	})

	test('Giỗ Tổ and 30/4 – 1/5 2026', () => {
		expect(holidaysBetween('2026-04-20', '2026-05-10').map((h) => [h.date, h.kind])).toEqual([
			['2026-04-27', 'compensatory'],
			['2026-04-30', 'public_holiday'],
			['2026-05-01', 'public_holiday'],
		])
	})

	test('Quốc khánh 2026 with the national swap: the worked Saturday is listed too', () => {
		expect(holidaysBetween('2026-08-15', '2026-09-06', nationalAdjustments).map((h) => [h.date, h.kind])).toEqual([
			['2026-08-22', 'adjustment'],
			['2026-08-31', 'adjustment'],
			['2026-09-01', 'public_holiday'],
			['2026-09-02', 'public_holiday'],
		])
	})

	test('empty for an ordinary month and for a reversed range', () => {
		expect(holidaysBetween('2026-03-01', '2026-03-31')).toEqual([])
		expect(holidaysBetween('2026-02-28', '2026-02-01')).toEqual([])
	})
})

describe('invalid input', () => {
	test.each([
		['2026-2-13', 1],
		['2026-02-30', 1],
		['2026-02-29', 1], // 2026 is not a leap year
		['2026-13-01', 1],
		['13/02/2026', 1],
		['', 1],
		['2026-02-13T00:00:00Z', 1],
		[' 2026-02-13', 1],
		['2026-02-13', -1],
		['2026-02-13', 1.5],
		['2026-02-13', Number.NaN],
		['2026-02-13', Number.POSITIVE_INFINITY],
		['2026-02-13', '3' as unknown as number],
	])('addWorkingDays(%j, %j) throws RangeError', (from, n) => {
		expect(() => addWorkingDays(from, n)).toThrow(RangeError)
	})

	test('other functions reject malformed input with RangeError', () => {
		expect(() => isWorkingDay('2026-02-29')).toThrow(RangeError)
		expect(() => isWorkingDay(undefined as unknown as string)).toThrow(RangeError)
		expect(() => holidaysBetween('2026-01-01', '2026-1-31')).toThrow(RangeError)
		expect(() => addWorkingDays('2026-03-06', 1, [{ date: '2026-3-9', kind: 'day_off', name: 'x' }])).toThrow(
			RangeError,
		)
		expect(() =>
			addWorkingDays('2026-03-06', 1, [{ date: '2026-03-09', kind: 'holiday' as 'day_off', name: 'x' }]),
		).toThrow(RangeError)
		expect(() => publicHolidays(2026.5)).toThrow(RangeError)
		expect(() => toIsoDate(new Date('not a date'))).toThrow(RangeError)
		expect(isIsoDate('2028-02-29')).toBe(true)
		expect(isIsoDate('2027-02-29')).toBe(false)
	})
})

describe('toIsoDate (Asia/Ho_Chi_Minh, UTC+7)', () => {
	test.each([
		['2026-02-16T16:59:59.999Z', '2026-02-16'], // 23:59:59.999 in Hà Nội
		['2026-02-16T17:00:00.000Z', '2026-02-17'], // midnight in Hà Nội
		['2026-02-17T02:00:00.000Z', '2026-02-17'], // still 16/02 in New York
		['2025-12-31T17:00:00.000Z', '2026-01-01'],
		['2026-03-08T07:00:00.000Z', '2026-03-08'], // US daylight saving switch
		['2026-11-01T05:30:00.000Z', '2026-11-01'],
	])('%s → %s', (instant, expected) => {
		expect(toIsoDate(new Date(instant))).toBe(expected)
	})
})

describe('independence from the process time zone', () => {
	const zones: [string, number][] = [
		['America/New_York', 300],
		['Pacific/Kiritimati', -840],
		['Pacific/Pago_Pago', 660],
		['Asia/Ho_Chi_Minh', -420],
	]
	test.each(zones)('same results with TZ=%s', async (zone, offset) => {
		const expectedHolidays = [2026, 2027, 2028].map((year) => publicHolidays(year))
		const saved = process.env.TZ
		try {
			process.env.TZ = zone
			// Make sure the zone really took effect in this process, otherwise the test proves nothing.
			expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(offset)
			vi.resetModules()
			const fresh = await import('./working-days.ts')
			expect([2026, 2027, 2028].map((year) => fresh.publicHolidays(year))).toEqual(expectedHolidays)
			expect(fresh.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23')
			expect(fresh.addWorkingDays('2027-02-04', 1)).toBe('2027-02-12')
			expect(fresh.isWorkingDay('2026-04-27')).toBe(false)
			expect(fresh.toIsoDate(new Date('2026-02-16T17:00:00.000Z'))).toBe('2026-02-17')
			expect(fresh.toIsoDate(new Date('2026-02-16T16:59:59.999Z'))).toBe('2026-02-16')
		} finally {
			if (saved === undefined) delete process.env.TZ
			else process.env.TZ = saved
		}
	})
})

describe('performance', () => {
	test('1,000 deadlines of 30 working days take well under 100 ms', () => {
		for (const year of [2025, 2026, 2027, 2028]) publicHolidays(year) // warm the per-year cache
		const starts: string[] = []
		let day = '2025-06-01'
		for (let i = 0; i < 1000; i++) {
			starts.push(day)
			day = nextDay(day)
		}
		const adjustments = withNationalAdjustments([{ date: '2026-03-10', kind: 'day_off', name: 'x' }])
		const t0 = performance.now()
		let last = ''
		for (const start of starts) last = addWorkingDays(start, 30, adjustments)
		const elapsed = performance.now() - t0
		expect(last > '2028-01-01').toBe(true)
		expect(elapsed).toBeLessThan(100)
	})
})
