import { asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#app/core/db/client.server.ts'
import { renderNoticeSheet } from '#app/core/documents/notice-sheet.server.ts'
import { renderQuarterlyList } from '#app/core/documents/quarterly-list.server.ts'
import { createTranslator, formatDate } from '#app/core/i18n/i18n.ts'
import { addCalendarDays, toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import type { PublicCommune } from '#app/modules/platform/org.server.ts'
import type { Actor } from '#app/modules/platform/permissions.ts'
import { vi as viMessages } from './disclosure.messages.ts'
import { disclosureContacts } from './disclosure.schema.ts'
import { periodLabel } from './labels.ts'
import { getPublicRecord } from './public.server.ts'
import { quarterlyList } from './quarterly.server.ts'
import type { Posting } from './records.server.ts'
import type { Period } from './periods.ts'

// The module's printed documents, in Vietnamese as official documents are: the A4 sheet posted
// on the notice board for a record, and the quarterly list of what was published (Word).

const vi = createTranslator(viMessages)

/** The issuing body's header lines (NĐ 30/2020): "ỦY BAN NHÂN DÂN" / "XÃ NGUYỄN LƯƠNG BẰNG". */
export function communeHeader(commune: Pick<PublicCommune, 'name'>) {
	const placeName = commune.name.replace(/\s*\(dữ liệu mẫu\)\s*$/i, '').trim()
	return { parentAgency: 'ỦY BAN NHÂN DÂN', agencyName: placeName.toLocaleUpperCase('vi'), placeName }
}

/** The chairman as published among the commune's phone numbers, to sign for the committee. */
async function signerFor(db: DbOrTx, communeId: string) {
	const contacts = await db
		.select({ fullName: disclosureContacts.fullName, position: disclosureContacts.position })
		.from(disclosureContacts)
		.where(eq(disclosureContacts.communeId, communeId))
		.orderBy(asc(disclosureContacts.sortOrder))
	const chair = contacts.find((c) => /^chủ tịch/i.test(c.position))
	return { position: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', name: chair?.fullName ?? '' }
}

/** "Niêm yết tại nhà văn hóa thôn (Đỗ Thượng): từ 05/01/2026 đến 03/02/2026". */
export function postingLine(p: Pick<Posting, 'form' | 'place' | 'startedOn' | 'endedOn'>, minimumDays: number | null): string {
	const where = `${vi(`disclosure.channel.${p.form}`)}${p.place ? ` (${p.place})` : ''}`
	if (p.endedOn) return `${where}: từ ${formatDate(p.startedOn)} đến ${formatDate(p.endedOn)}`
	if (minimumDays && (p.form === 'notice_office' || p.form === 'notice_village')) {
		return `${where}: từ ${formatDate(p.startedOn)} đến hết ${formatDate(addCalendarDays(p.startedOn, minimumDays - 1))} (ít nhất ${minimumDays} ngày liên tục)`
	}
	return `${where}: từ ${formatDate(p.startedOn)}`
}

/** The notice-board sheet of a published record, or null when there is no such public record. */
export async function noticeSheetPdf(db: DbOrTx, commune: PublicCommune, code: string, origin: string, now = new Date()): Promise<Buffer | null> {
	const detail = await getPublicRecord(db, commune.id, code)
	if (!detail) return null
	const { record } = detail
	const minimumDays = Math.max(0, ...detail.obligations.filter((o) => o.durationKind === 'days').map((o) => o.minimumDays ?? 0)) || null
	const reference = [record.decisionRef, record.decisionDate ? `ngày ${formatDate(record.decisionDate)}` : ''].filter(Boolean).join(' ')
	return renderNoticeSheet({
		...communeHeader(commune),
		kindTitle: record.status === 'withdrawn' ? 'THÔNG BÁO CÔNG KHAI (ĐÃ RÚT LẠI)' : 'THÔNG BÁO CÔNG KHAI',
		title: record.title,
		reference: reference ? `Căn cứ: ${reference}` : record.period ? `Kỳ: ${periodLabel(vi, record.period)}` : null,
		body: record.status === 'withdrawn' ? `Nội dung này đã được rút lại: ${record.withdrawReason ?? ''}\n\n${record.body}` : record.body,
		postingLines: detail.postings.filter((p) => p.form !== 'website').map((p) => postingLine(p, minimumDays)),
		url: `${origin}/cong-khai/${record.code}`,
		code: record.code,
		issuedOn: toIsoDate(now),
		signer: await signerFor(db, commune.id),
		labels: { postingHeading: 'Thời gian, hình thức công khai', qrCaption: 'Quét mã để xem bản điện tử và tệp đính kèm', page: 'Trang' },
	})
}

/** The quarterly list as a Word document. */
export async function quarterlyListDocx(db: DbOrTx, actor: Actor, commune: PublicCommune, period: Period, now = new Date()): Promise<Buffer> {
	const rows = await quarterlyList(db, actor, commune.id, period)
	const label = periodLabel(vi, period.key)
	return renderQuarterlyList({
		...communeHeader(commune),
		documentNumber: null,
		title: `DANH SÁCH CÁC NỘI DUNG ĐÃ CÔNG KHAI ${label.toLocaleUpperCase('vi')}`,
		intro: `Thực hiện Điều 13 Luật Thực hiện dân chủ ở cơ sở năm 2022, Ủy ban nhân dân ${communeHeader(commune).placeName.replace(/^(Xã|Phường|Đặc khu) /, (m) => m.toLocaleLowerCase('vi'))} niêm yết danh sách các nội dung đã công khai trong ${label.toLocaleLowerCase('vi')} như sau:`,
		columns: { index: 'TT', content: 'Nội dung công khai', obligation: 'Thuộc nội dung phải công khai', forms: 'Hình thức', dates: 'Thời gian', note: 'Ghi chú' },
		rows: rows.map((r) => ({
			content: [r.title, r.decisionRef ? `(${r.decisionRef}${r.decisionDate ? ` ngày ${formatDate(r.decisionDate)}` : ''})` : '', r.code].filter(Boolean).join(' '),
			obligation: r.obligations.join('; '),
			forms: [...new Set(r.postings.map((p) => `${vi(`disclosure.channel.${p.form}`)}${p.place && p.form === 'notice_village' ? ` (${p.place})` : ''}`))],
			dates: r.postings.map((p) => (p.endedOn ? `${formatDate(p.startedOn)} – ${formatDate(p.endedOn)}` : `từ ${formatDate(p.startedOn)}`)),
			note: r.status === 'withdrawn' ? 'Đã rút lại' : r.status === 'ended' ? 'Đã hết thời gian công khai' : '',
		})),
		issuedOn: toIsoDate(now),
		signer: await signerFor(db, commune.id),
		recipients: ['Thường trực HĐND xã', 'Ủy ban MTTQ Việt Nam xã', 'Các thôn', 'Lưu: VT'],
		emptyText: 'Không có nội dung nào được công khai trong kỳ.',
	})
}
