// The feedback module's fixed lists: kinds, channels, statuses, default fields and deadline
// policies with their legal sources. Shared by the server and the pages.

export const FEEDBACK_KINDS = ['phan_anh', 'kien_nghi', 'gop_y', 'hoi_dap', 'khieu_nai', 'to_cao'] as const
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]

/** Kinds the general public form takes; khiếu nại and tố cáo have their own legal procedure. */
export const GENERAL_KINDS = ['phan_anh', 'kien_nghi', 'gop_y', 'hoi_dap'] as const satisfies readonly FeedbackKind[]
/** Kinds whose sender must give a full identity (Luật Khiếu nại Đ.8, Luật Tố cáo Đ.23). */
export const IDENTIFIED_KINDS = ['khieu_nai', 'to_cao'] as const satisfies readonly FeedbackKind[]
/** Kinds a sender may send without saying who they are. */
export const ANONYMOUS_ALLOWED_KINDS: readonly FeedbackKind[] = ['phan_anh', 'gop_y']

export const FEEDBACK_CHANNELS = ['web', 'mailbox', 'hotline', 'in_person', 'email', 'api', 'collection'] as const
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number]
/** Channels staff record by hand (the web form and the API record themselves). */
export const STAFF_CHANNELS = ['mailbox', 'hotline', 'in_person', 'email', 'collection'] as const satisfies readonly FeedbackChannel[]

export const FEEDBACK_STATUSES = [
	'received',
	'assigned',
	'in_progress',
	'drafted',
	'approved',
	'published',
	'answered_private',
	'forwarded',
	'merged',
	'rejected',
] as const
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number]

/** Statuses in which the commune still owes an answer. */
export const OPEN_STATUSES = ['received', 'assigned', 'in_progress', 'drafted', 'approved'] as const satisfies readonly FeedbackStatus[]
/** Statuses that count as answered (the sender got a reply or a referral). */
export const ANSWERED_STATUSES = ['published', 'answered_private', 'forwarded'] as const satisfies readonly FeedbackStatus[]

export const CONFIDENTIALITY_LEVELS = ['normal', 'confidential', 'state_secret'] as const
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number]

/** The fields a new commune starts with (editable per commune). */
export const DEFAULT_FIELDS: ReadonlyArray<{ code: string; name: string }> = [
	{ code: 'dat-dai', name: 'Đất đai' },
	{ code: 'moi-truong', name: 'Môi trường' },
	{ code: 'giao-thong-ha-tang', name: 'Giao thông - hạ tầng' },
	{ code: 'an-ninh-trat-tu', name: 'An ninh trật tự' },
	{ code: 'thu-tuc-hanh-chinh', name: 'Thủ tục hành chính' },
	{ code: 'thai-do-can-bo', name: 'Thái độ cán bộ' },
	{ code: 'y-te-giao-duc', name: 'Y tế - giáo dục' },
	{ code: 'chinh-sach-xa-hoi', name: 'Chính sách xã hội' },
	{ code: 'khac', name: 'Khác' },
]

export type DeadlinePolicyDefault = {
	kind: FeedbackKind
	/** Working days to accept the item (thụ lý) or forward it when the commune is not competent. */
	acceptWorkingDays: number
	answerDays: number
	answerUnit: 'working_days' | 'days'
	/** One extension, in the same unit as the answer deadline. */
	extensionDays: number
	legalBasis: string
}

/**
 * Default deadlines. Where a law sets the time it is cited; the law sets none for answering
 * phản ánh, kiến nghị, góp ý and hỏi đáp at commune level, so the default follows the 10 working
 * days of Luật Tiếp công dân 2013 Điều 28 and says so. Communes change them in the back office.
 */
export const DEFAULT_DEADLINE_POLICIES: readonly DeadlinePolicyDefault[] = [
	...(['phan_anh', 'kien_nghi', 'gop_y', 'hoi_dap'] as const).map((kind) => ({
		kind,
		acceptWorkingDays: 5,
		answerDays: 10,
		answerUnit: 'working_days' as const,
		extensionDays: 10,
		legalBasis:
			'Trả lời trong 10 ngày làm việc: mặc định của xã, theo thời hạn tại Điều 28 Luật Tiếp công dân 2013. Chuyển cơ quan có thẩm quyền trong 05 ngày làm việc: Nghị định 20/2008/NĐ-CP (sửa đổi bởi NĐ 92/2017/NĐ-CP).',
	})),
	{
		kind: 'khieu_nai',
		acceptWorkingDays: 7,
		answerDays: 30,
		answerUnit: 'days',
		extensionDays: 15,
		legalBasis:
			'Thụ lý trong 07 ngày làm việc (Điều 16 Nghị định 124/2020/NĐ-CP, sửa đổi bởi NĐ 155/2026/NĐ-CP; trước 01/7/2026: 10 ngày, Điều 27 Luật Khiếu nại 2011). Giải quyết lần đầu không quá 30 ngày kể từ ngày thụ lý, vụ việc phức tạp không quá 45 ngày (Điều 28 Luật Khiếu nại 2011).',
	},
	{
		kind: 'to_cao',
		acceptWorkingDays: 7,
		answerDays: 30,
		answerUnit: 'days',
		extensionDays: 30,
		legalBasis:
			'Tiếp nhận, thụ lý trong 07 ngày làm việc (Điều 24 Luật Tố cáo 2018). Giải quyết không quá 30 ngày kể từ ngày thụ lý, gia hạn một lần không quá 30 ngày (Điều 30 Luật Tố cáo 2018).',
	},
]

/** The back office's work queues. */
export const QUEUES = ['open', 'mine', 'agency', 'unassigned', 'due_soon', 'late', 'review', 'week', 'closed', 'all'] as const
export type Queue = (typeof QUEUES)[number]

/** Reminders go to the handler this many working days before the deadline. */
export const REMINDER_WORKING_DAYS = 2
/** "Due soon" in queues and on the dashboard. */
export const DUE_SOON_DAYS = 3
