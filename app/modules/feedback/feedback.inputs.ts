import { z } from 'zod'
import { isIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { zLongText, zOptionalLongText, zOptionalText, zText } from '#app/core/text.ts'
import { isUuid } from '#app/core/validation.ts'
import { ANONYMOUS_ALLOWED_KINDS, CONFIDENTIALITY_LEVELS, FEEDBACK_KINDS, STAFF_CHANNELS } from './feedback.constants.ts'

// What may enter the feedback module, checked at the boundary. Messages are i18n keys.

export const LIMITS = { title: 200, content: 5000, place: 200, name: 120, address: 300, answer: 10000, note: 2000 } as const

const zUuidOrEmpty = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim())
	.refine((v) => v === '' || isUuid(v), 'form.invalid')
	.transform((v) => (v === '' ? null : v))

/** Vietnamese phone numbers: 0 + 9 or 10 digits, or +84; spaces, dots and dashes allowed. */
export const zPhone = zOptionalText({ max: 20 })
	.transform((v) => v.replace(/[\s.\-()]/g, ''))
	.refine((v) => v === '' || /^(\+?84|0)\d{9,10}$/.test(v), 'feedback.form.phoneInvalid')

export const zEmail = zOptionalText({ max: 200 }).refine((v) => v === '' || z.email().safeParse(v).success, 'feedback.form.emailInvalid')

/** CCCD: 12 digits; old CMND: 9 digits. */
const zIdentityNumber = zOptionalText({ max: 20 })
	.transform((v) => v.replace(/\s/g, ''))
	.refine((v) => v === '' || /^(\d{9}|\d{12})$/.test(v), 'feedback.form.identityInvalid')

export const ZKind = z.enum(FEEDBACK_KINDS, { error: 'feedback.form.kindRequired' })

/** Who sent it. Rules depend on the kind: see refineSender. */
export const ZSender = z.object({
	anonymous: z
		.string()
		.optional()
		.transform((v) => v === 'yes'),
	fullName: zOptionalText({ max: LIMITS.name }),
	phone: zPhone,
	email: zEmail,
	address: zOptionalText({ max: LIMITS.address }),
	identityNumber: zIdentityNumber,
	wantsUpdates: z
		.string()
		.optional()
		.transform((v) => v === 'yes'),
})
export type Sender = z.output<typeof ZSender>

/** Kind-dependent rules on the sender, as the laws ask (named sender for khiếu nại and tố cáo). */
export function senderProblems(kind: (typeof FEEDBACK_KINDS)[number], sender: Sender): Record<string, string> {
	const problems: Record<string, string> = {}
	if (sender.anonymous && !ANONYMOUS_ALLOWED_KINDS.includes(kind)) problems.anonymous = 'feedback.form.anonymousNotAllowed'
	if (!sender.anonymous && !sender.fullName) problems.fullName = 'feedback.form.nameRequired'
	if (kind === 'khieu_nai' || kind === 'to_cao') {
		if (!sender.address) problems.address = 'feedback.form.addressRequired'
		if (!sender.identityNumber) problems.identityNumber = 'feedback.form.identityRequired'
	}
	if (sender.wantsUpdates && !sender.phone && !sender.email) problems.phone = 'feedback.form.contactRequired'
	return problems
}

/** The subject of an item, common to every channel. */
export const ZSubject = z.object({
	kind: ZKind,
	fieldId: zUuidOrEmpty,
	villageId: zUuidOrEmpty,
	place: zOptionalText({ max: LIMITS.place }),
	title: zText({ max: LIMITS.title }),
	content: zLongText({ max: LIMITS.content }),
})

/** An item recorded by staff from a channel other than the web form or the API. */
export const ZIntake = ZSubject.extend({
	channel: z.enum(STAFF_CHANNELS, { error: 'feedback.form.channelRequired' }),
	receivedOn: z
		.string()
		.optional()
		.refine((v) => !v || isIsoDate(v), 'form.date'),
	confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('normal'),
	collectionSessionId: zUuidOrEmpty,
	mailboxOpeningId: zUuidOrEmpty,
}).extend(ZSender.shape)
export type IntakeInput = z.input<typeof ZIntake>

export const ZAssign = z.object({
	agencyId: z.string().refine(isUuid, 'feedback.form.agencyRequired'),
	handlerId: zUuidOrEmpty,
	note: zOptionalLongText({ max: LIMITS.note }),
})

export const ZNote = z.object({ note: zLongText({ max: LIMITS.note }) })
export const ZReason = z.object({ reason: zLongText({ max: LIMITS.note }) })
export const ZDraft = z.object({ answer: zLongText({ max: LIMITS.answer }) })
export const ZForward = z.object({
	forwardedTo: zText({ max: LIMITS.place }),
	guidance: zLongText({ max: LIMITS.answer }),
})
export const ZMerge = z.object({ intoCode: zText({ max: 30 }), note: zOptionalLongText({ max: LIMITS.note }) })
export const ZPublish = z.object({
	publicTitle: zText({ max: LIMITS.title }),
	publicContent: zLongText({ max: LIMITS.content }),
	publicAnswer: zLongText({ max: LIMITS.answer }),
})
export const ZRating = z.object({
	satisfied: z.enum(['yes', 'no'], { error: 'feedback.rate.choose' }).transform((v) => v === 'yes'),
	comment: zOptionalLongText({ max: LIMITS.note }),
})
export const ZConfidentiality = z.object({ confidentiality: z.enum(CONFIDENTIALITY_LEVELS, { error: 'form.invalid' }) })
