// The disclosure (công khai) module's fixed lists: the forms of publication the law names, how long
// a publication must last, how often an obligation recurs, record states, and the fields used to
// group obligations. Shared by the server and the pages (no zod, no server imports).

import type { AgencyKind } from '#app/modules/platform/org.constants.ts'

/**
 * Forms of publication (hình thức công khai), Luật Thực hiện dân chủ ở cơ sở 2022 Điều 12, with the
 * two places of niêm yết of Điều 13 khoản 2 kept apart because the law asks for both.
 */
export const DISCLOSURE_FORMS = [
	'notice_office', // niêm yết tại trụ sở HĐND, UBND xã (Đ.12 a, Đ.13 k2)
	'notice_village', // niêm yết tại nhà văn hóa, điểm sinh hoạt cộng đồng ở thôn (Đ.13 k2)
	'website', // cổng / trang thông tin điện tử của xã (Đ.12 b, Đ.13 k1)
	'radio', // hệ thống truyền thanh cấp xã (Đ.12 c, Đ.13 k3)
	'village_head', // qua Trưởng thôn, Tổ trưởng tổ dân phố (Đ.12 d, Đ.13 k4)
	'document', // gửi văn bản đến cơ quan, tổ chức, cá nhân có liên quan (Đ.12 đ)
	'dialogue', // hội nghị đối thoại giữa UBND và Nhân dân (Đ.12 e)
	'meeting', // tiếp công dân, tiếp xúc cử tri, họp báo, người phát ngôn (Đ.12 g)
	'front', // qua Mặt trận Tổ quốc, tổ chức chính trị - xã hội (Đ.12 h)
	'social_network', // mạng viễn thông, mạng xã hội hợp pháp (Đ.12 i)
	'other', // hình thức khác (Đ.12 k)
] as const
export type DisclosureForm = (typeof DISCLOSURE_FORMS)[number]

/** Forms whose start and end dates are counted against a minimum duration. */
export const TIMED_FORMS: readonly DisclosureForm[] = ['notice_office', 'notice_village', 'website', 'radio']

/**
 * How long a publication must stay up. `days`: at least that many consecutive days (e.g. 30 for
 * niêm yết, Đ.13 k2); `permanent`: kept posted and updated whenever the content changes (Đ.13 k2);
 * `none`: the law sets no duration (one-off forms such as sending a document).
 */
export const DURATION_KINDS = ['days', 'permanent', 'none'] as const
export type DurationKind = (typeof DURATION_KINDS)[number]

/**
 * How often an obligation falls due. `on_decision`: each time a decision or document is issued,
 * within the deadline after it (5 working days, Đ.12 k3); periodic ones once per period, due a
 * number of days after the period ends; `on_change`: kept current (reviewed at least every so many
 * months).
 */
export const RECURRENCES = ['on_decision', 'quarterly', 'half_yearly', 'yearly', 'on_change'] as const
export type Recurrence = (typeof RECURRENCES)[number]
export const PERIODIC_RECURRENCES = ['quarterly', 'half_yearly', 'yearly'] as const satisfies readonly Recurrence[]

export const RECORD_STATUSES = ['draft', 'published', 'ended', 'withdrawn'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]

/** What the compliance view can find wrong or coming up. */
export const FINDING_KINDS = [
	'overdue', // a periodic or kept-current publication that is owed and missing
	'late', // published later than the deadline after the decision (or the period's due day)
	'short', // a posting that came down before the minimum duration
	'forms', // a published record missing a form its obligation requires
	'review', // a kept-current publication not reviewed within its cycle
	'due_soon', // a deadline within the next days with nothing published yet
	'never', // an obligation with no publication at all so far (decision-driven: may be fine)
] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

/** Laws an obligation can come from. */
export const LAWS = ['dccs', 'pctn', 'other'] as const
export type Law = (typeof LAWS)[number]
export const LAW_NAMES: Record<Law, string> = {
	dccs: 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15',
	pctn: 'Luật Phòng, chống tham nhũng số 36/2018/QH14',
	other: 'Văn bản khác',
}

/** Topics the public list can be filtered by; each obligation belongs to one. */
export const DISCLOSURE_FIELDS = [
	'ke-hoach', // kế hoạch phát triển kinh tế - xã hội
	'ngan-sach', // ngân sách, tài chính
	'dat-dai-du-an', // dự án, công trình, đất đai, quy hoạch
	'to-chuc-can-bo', // tổ chức bộ máy, cán bộ, quy chế, quy tắc ứng xử
	'quy-dong-gop', // quỹ, tài trợ, đóng góp của Nhân dân
	'tai-san-cong', // tài sản công
	'an-sinh', // chính sách an sinh xã hội, hỗ trợ, thiên tai
	'quan-su', // nghĩa vụ quân sự, công an nhân dân
	'thanh-tra', // thanh tra, kiểm tra, phòng chống tham nhũng, tín nhiệm
	'lay-y-kien', // lấy ý kiến Nhân dân
	'phi-le-phi', // phí, lệ phí, nghĩa vụ tài chính
	'thu-tuc-hanh-chinh', // thủ tục hành chính
	'khac',
] as const
export type DisclosureField = (typeof DISCLOSURE_FIELDS)[number]

/** One obligation of the seeded catalogue (danh mục nội dung phải công khai). */
export type CatalogueEntry = {
	/** Stable key, unique in the catalogue, e.g. `dccs-11-2-quarter`; never shown to citizens. */
	key: string
	/** What must be published, as a commune official would say it (Vietnamese). */
	title: string
	/** One or two sentences: what exactly, for whom, anything the law adds (Vietnamese). */
	description: string
	field: DisclosureField
	law: Law
	/** The article (0 when the source is not a law, e.g. the commune's plan); see `clause`. */
	article: number
	clause: string
	/** Full citation shown to staff and citizens, e.g. `Luật THDCCS 2022, Điều 11 k2; Điều 13 k1`. */
	legalBasis: string
	responsibleAgencyKind: AgencyKind
	requiredForms: DisclosureForm[]
	durationKind: DurationKind
	/** Minimum consecutive days of niêm yết when durationKind is `days`. */
	minimumDays: number | null
	/** Minimum consecutive days on the radio (3 for Điều 11 k7–k12, Đ.13 k3), null when not required. */
	radioDays: number | null
	recurrence: Recurrence
	/** Working days after the decision (on_decision), usually 5 (Đ.12 k3). */
	deadlineWorkingDays: number
	/** Days after a period ends by which a periodic obligation is due; null when not periodic. */
	periodGraceDays: number | null
	/** Months after which a kept-current (on_change) publication must be reviewed; null otherwise. */
	reviewMonths: number | null
	/** How sure the entry is: `confirmed` read in the law text, `default` a documented choice. */
	certainty: 'confirmed' | 'default'
	/** Where the entry's rules come from and which of them are defaults the commune may change. */
	note: string
}
