import type { CalendarAdjustment } from './working-days.ts'

// Days the Vietnamese government adds or swaps by decision for cán bộ, công chức, viên chức, on top
// of the statutory calendar computed in working-days.ts (Bộ luật Lao động 2019, Điều 111–112, with
// the Tết span of date-holidays and the default rule for the adjacent Quốc khánh day).
//
// Only differences from that computed calendar are listed: a decision that gives exactly the
// computed days needs no entry (noted per year below). Each entry cites where it was found and how
// sure we are. The official texts are Government Office letters (công văn VPCP) conveying the
// Prime Minister's approval, and notices of the Ministry of Home Affairs (Bộ Nội vụ; before
// 03/2025 the Ministry of Labour, Invalids and Social Affairs, Bộ LĐTBXH); the sources quoted
// here are press reports of them, not the texts themselves.
//
// Not (yet) included:
// - Tết Âm lịch 2027 (mùng 1 = Saturday 06/02/2027) and every other 2027 holiday: no decision
//   found. The computed default is Fri 05/02 – Tue 09/02 plus compensatory Wed 10/02 and
//   Thu 11/02; the Prime Minister may choose other days (Điều 112(3)). Add the decision here once
//   published (usually in October–November of the year before).
// - Ngày Văn hóa Việt Nam (24/11): Nghị quyết 80-NQ/TW (01/2026) of the Politburo makes it a paid
//   day off in principle, and Nghị quyết 30/NQ-CP (02/2026) tasks amending Điều 112(1) of the
//   Labour Code accordingly (vneconomy.vn, 26/02/2026). No enacted amendment or decision for
//   24/11/2026 was found, so it is not a day off here. If it is enacted it belongs in
//   working-days.ts (statutory) rather than here.

export const nationalAdjustments: readonly CalendarAdjustment[] = Object.freeze([
	// --- 2023 ---------------------------------------------------------------------------------
	// Tết Quý Mão: off Fri 20/01/2023 – Thu 26/01/2023 (29 tháng Chạp – mùng 5), "five days off for
	// the Lunar New Year and two days off to compensate". The computed calendar (Tết Sat 21/01 –
	// Wed 25/01, compensatory Thu 26 and Fri 27/01) differs on two days.
	// Source: en.sggp.org.vn "MoLISA suggests not to abuse prolong Lunar New Year holiday"
	// (08/12/2022), quoting the plan approved by the Government. Confidence: high.
	{ date: '2023-01-20', kind: 'day_off', name: 'Nghỉ Tết Nguyên Đán (29 tháng Chạp)' },
	{ date: '2023-01-27', kind: 'working_day', name: 'Làm việc (Tết Nguyên Đán 2023 kết thúc 26/01)' },

	// --- 2024 ---------------------------------------------------------------------------------
	// Tết Giáp Thìn: off Thu 08/02/2024 – Wed 14/02/2024 (7 days), approved by the Prime Minister.
	// The computed calendar (Tết Fri 09/02 – Tue 13/02, compensatory Wed 14 and Thu 15/02) differs
	// on two days. Source: vietnamnews.vn "One week break approved for Tết holiday in 2024"
	// (05/11/2023). Confidence: high for the range (hence for the working days around it).
	{ date: '2024-02-08', kind: 'day_off', name: 'Nghỉ Tết Nguyên Đán (29 tháng Chạp)' },
	{ date: '2024-02-15', kind: 'working_day', name: 'Làm việc (Tết Nguyên Đán 2024 kết thúc 14/02)' },
	// 30/4–1/5/2024: Monday 29/04 swapped with Saturday 04/05 (5 days off 27/04 – 01/05).
	// Source: công văn 2450/VPCP-KGVX as reported by en.sggp.org.vn (12/04/2024) and the HCMC
	// People's Committee notice (en.sggp.org.vn: "workers will take the day off on April 29 and
	// instead work on May 4"). Confidence: high.
	{ date: '2024-04-29', kind: 'day_off', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/05/2024)' },
	{ date: '2024-05-04', kind: 'working_day', name: 'Làm bù cho thứ Hai 29/04/2024' },
	// Quốc khánh 2024 (off 31/08 – 03/09): matches the computed 02/09 + 03/09, no entry.

	// --- 2025 ---------------------------------------------------------------------------------
	// Tết Ất Tỵ: the five Tết days are Mon 27/01 – Fri 31/01/2025 (28 tháng Chạp – mùng 3), so 9 days
	// off from Sat 25/01 to Sun 02/02. The library's span is Tue 28/01 – Sat 01/02, which would
	// give a compensatory Mon 03/02: 27/01 is added, 03/02 is a working day.
	// Source: PM approval reported by vietnamnews.vn "PM approves proposal for 9-day continuous Tết
	// holiday in 2025" (27/11/2024) and en.sggp.org.vn (27/11/2024). Confidence: high.
	{ date: '2025-01-27', kind: 'day_off', name: 'Nghỉ Tết Nguyên Đán (28 tháng Chạp)' },
	{ date: '2025-02-03', kind: 'working_day', name: 'Làm việc (Tết Nguyên Đán 2025 kết thúc 31/01)' },
	// 30/4–1/5/2025: off Wed 30/04 – Sun 04/05, Friday 02/05 swapped with Saturday 26/04.
	// Source: en.baochinhphu.vn "Three days off in celebration for Hung Kings Commemoration Day"
	// (04/03/2025): "five consecutive days off from April 30-May 4 ... compensated by working on
	// April 26". Confidence: high.
	{ date: '2025-04-26', kind: 'working_day', name: 'Làm bù cho thứ Sáu 02/05/2025' },
	{ date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)' },
	// Giỗ Tổ 2025 (Mon 07/04) and Quốc khánh 2025 (off 30/08 – 02/09, i.e. 01/09 + 02/09): match the
	// computed calendar, no entry.

	// --- 2026 ---------------------------------------------------------------------------------
	// Tết Dương lịch 2026: off Thu 01/01 – Sun 04/01; Friday 02/01 swapped with Saturday 10/01.
	// Source: công văn 12729/VPCP-KGVX (25/12/2025), Deputy PM Phạm Thị Thanh Trà approving the
	// Bộ Nội vụ proposal, as reported in the press the same day (e.g. tracuuquyhoach.com: "Chính phủ
	// đồng ý nghỉ Tết Dương lịch 4 ngày"; the quoted release says "hoán đổi từ ngày làm việc thứ sáu
	// (ngày 2/1/2026) sang ngày nghỉ hằng tuần thứ bảy (ngày 10/1/2026)"); consistent with
	// thanhnien.vn (13/01/2026): "4 ngày dịp tết Dương lịch". Confidence: high.
	{ date: '2026-01-02', kind: 'day_off', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)' },
	{ date: '2026-01-10', kind: 'working_day', name: 'Làm bù cho thứ Sáu 02/01/2026' },
	// Tết Bính Ngọ 2026: 9 days off Sat 14/02 – Sun 22/02 (27 tháng Chạp – mùng 6), the five Tết
	// days being Mon 16/02 – Fri 20/02 (29 tháng Chạp – mùng 4). That is exactly the library's span,
	// so no entry. Source: công văn 9859/VPCP-KGVX (13/10/2025, PM approval) and Thông báo
	// 9441/TB-BNV (16/10/2025), reported by en.baochinhphu.vn, vietnamnews.vn and vnanet.vn.
	// Confidence: high.
	// Giỗ Tổ 2026 (Sunday 26/04, compensatory Monday 27/04) and 30/4–1/5/2026 (Thu–Fri, off
	// 30/04 – 03/05): no swap, the computed calendar gives exactly this (thanhnien.vn, 23/02/2026;
	// thanhnien.vn 13/01/2026 counts "3 ngày dịp Giỗ tổ, 4 ngày dịp 30/4 – 1/5"). Confidence: high.
	// Quốc khánh 2026: the two days are Tue 01/09 and Wed 02/09 (the computed default); Monday 31/08
	// is swapped with Saturday 22/08, giving 5 days off 29/08 – 02/09.
	// Source: Thông báo 9441/TB-BNV (16/10/2025) after công văn 9859/VPCP-KGVX, reported by
	// vietnamnews.vn "Ministry of Home Affairs announces 2026 holiday schedule" (17/10/2025) and the
	// Hải Phòng People's Committee notice (baohaiphong.vn via vietnam.vn). Confidence: high.
	{ date: '2026-08-22', kind: 'working_day', name: 'Làm bù cho thứ Hai 31/08/2026' },
	{ date: '2026-08-31', kind: 'day_off', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)' },
])

/**
 * National adjustments followed by a commune's own ones: the list to pass to isWorkingDay,
 * addWorkingDays and holidaysBetween. The commune's entries come last so they win for a day both
 * mention.
 */
export function withNationalAdjustments(communeAdjustments: readonly CalendarAdjustment[] = []): CalendarAdjustment[] {
	return [...nationalAdjustments, ...communeAdjustments]
}
