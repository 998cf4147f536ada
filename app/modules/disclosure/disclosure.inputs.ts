import { z } from 'zod'
import { zLongText, zOptionalLongText, zOptionalText, zText } from '#app/core/text.ts'
import { isUuid } from '#app/core/validation.ts'
import { isIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { DISCLOSURE_FIELDS, DISCLOSURE_FORMS, DURATION_KINDS, LAWS, RECURRENCES } from './disclosure.constants.ts'

// What may enter the disclosure module, checked at the boundary. Messages are i18n keys. Dates
// arrive as YYYY-MM-DD (routes turn dd/mm/yyyy into that first).

export const DISCLOSURE_LIMITS = { title: 300, body: 50_000, ref: 120, place: 200, note: 2000, url: 500, reason: 2000 } as const

const zOptionalDate = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim())
	.refine((v) => v === '' || isIsoDate(v), 'form.date')
	.transform((v) => (v === '' ? null : v))

const zRequiredDate = z.string({ error: 'form.date' }).refine(isIsoDate, 'form.date')

const zUuidList = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
	.pipe(z.array(z.string().refine(isUuid, 'form.invalid')).max(20, 'form.invalid'))

/** `2026-Q3`, `2026-H1` or `2026`; blank for publications that are not periodic. */
export const zPeriod = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim().toUpperCase())
	.refine((v) => v === '' || /^(20\d\d)(-Q[1-4]|-H[12])?$/.test(v), 'disclosure.form.periodInvalid')
	.transform((v) => (v === '' ? null : v))

export const ZRecord = z.object({
	title: zText({ max: DISCLOSURE_LIMITS.title }),
	body: zOptionalLongText({ max: DISCLOSURE_LIMITS.body }),
	obligationIds: zUuidList.refine((ids) => ids.length > 0, 'disclosure.form.obligationRequired'),
	decisionRef: zOptionalText({ max: DISCLOSURE_LIMITS.ref }),
	decisionDate: zOptionalDate,
	period: zPeriod,
	agencyId: z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim())
		.refine((v) => v === '' || isUuid(v), 'form.invalid')
		.transform((v) => (v === '' ? null : v)),
})
export type RecordInput = z.input<typeof ZRecord>

/** A change to a published record needs a reason, kept with the earlier version. */
export const ZChangeReason = z.object({ reason: zLongText({ max: DISCLOSURE_LIMITS.reason }) })

export const ZPosting = z
	.object({
		form: z.enum(DISCLOSURE_FORMS, { error: 'disclosure.form.formRequired' }),
		place: zOptionalText({ max: DISCLOSURE_LIMITS.place }),
		villageId: z
			.string()
			.optional()
			.transform((v) => (v ?? '').trim())
			.refine((v) => v === '' || isUuid(v), 'form.invalid')
			.transform((v) => (v === '' ? null : v)),
		startedOn: zRequiredDate,
		endedOn: zOptionalDate,
		proofNote: zOptionalLongText({ max: DISCLOSURE_LIMITS.note }),
		proofUrl: zOptionalText({ max: DISCLOSURE_LIMITS.url }).refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'disclosure.form.urlInvalid'),
	})
	.superRefine((p, ctx) => {
		if (p.endedOn && p.endedOn < p.startedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'disclosure.form.endBeforeStart' })
	})

export const ZEndPosting = z.object({ endedOn: zRequiredDate })

export const ZWithdraw = z.object({ reason: zLongText({ max: DISCLOSURE_LIMITS.reason }) })

/** A whole number from 1 to max, or blank (null); a number or null passes too (use cases called directly). */
const zOptionalCount = (max: number) =>
	z
		.union([z.string(), z.number(), z.null()])
		.optional()
		.transform((v) => (v === null || v === undefined ? '' : String(v)).trim())
		.refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= max), 'form.number')
		.transform((v) => (v === '' ? null : Number(v)))

export const ZObligation = z
	.object({
		title: zText({ max: DISCLOSURE_LIMITS.title }),
		description: zOptionalLongText({ max: DISCLOSURE_LIMITS.note }),
		field: z.enum(DISCLOSURE_FIELDS, { error: 'disclosure.form.fieldRequired' }),
		law: z.enum(LAWS, { error: 'form.invalid' }),
		legalBasis: zText({ max: 500 }),
		agencyId: z
			.string()
			.optional()
			.transform((v) => (v ?? '').trim())
			.refine((v) => v === '' || isUuid(v), 'form.invalid')
			.transform((v) => (v === '' ? null : v)),
		requiredForms: z
			.union([z.string(), z.array(z.string())])
			.optional()
			.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
			.pipe(z.array(z.enum(DISCLOSURE_FORMS, { error: 'form.invalid' })).min(1, 'disclosure.form.formsRequired')),
		durationKind: z.enum(DURATION_KINDS, { error: 'form.invalid' }),
		minimumDays: zOptionalCount(3650),
		radioDays: zOptionalCount(365),
		recurrence: z.enum(RECURRENCES, { error: 'form.invalid' }),
		deadlineWorkingDays: z.coerce.number({ error: 'form.number' }).int('form.number').min(1, 'form.number').max(365, 'form.number'),
		periodGraceDays: zOptionalCount(365),
		reviewMonths: zOptionalCount(120),
		note: zOptionalLongText({ max: DISCLOSURE_LIMITS.note }),
		active: z
			.string()
			.optional()
			.transform((v) => v === 'yes' || v === 'on'),
	})
	.superRefine((o, ctx) => {
		for (const [field, message] of Object.entries(obligationRuleProblems(o))) ctx.addIssue({ code: 'custom', path: [field], message })
	})

/**
 * The rules between an obligation's fields, on raw form values or parsed ones: days of posting
 * when the duration is in days, days after the period when periodic, a review cycle when kept current.
 */
export function obligationRuleProblems(input: unknown): Record<string, string> {
	const o = (input ?? {}) as Record<string, unknown>
	const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === ''
	const problems: Record<string, string> = {}
	if (o.durationKind === 'days' && blank(o.minimumDays)) problems.minimumDays = 'disclosure.form.minimumDaysRequired'
	if (['quarterly', 'half_yearly', 'yearly'].includes(String(o.recurrence)) && blank(o.periodGraceDays)) problems.periodGraceDays = 'disclosure.form.graceRequired'
	if (o.recurrence === 'on_change' && blank(o.reviewMonths)) problems.reviewMonths = 'disclosure.form.reviewRequired'
	return problems
}

export const ZFacts = z.object({
	mailboxPlaces: zOptionalLongText({ max: 2000 }),
	commitment: zOptionalLongText({ max: 5000 }),
	receptionSchedule: zOptionalLongText({ max: 1000 }),
	receptionPlace: zOptionalText({ max: 300 }),
})

/** Vietnamese phone numbers as published: digits with spaces, dots or dashes; 0 or +84 first. */
const zPublicPhone = zText({ max: 20 }).refine((v) => /^(\+?84|0)\d{8,10}$/.test(v.replace(/[\s.\-()]/g, '')), 'disclosure.form.phoneInvalid')

export const ZContact = z.object({
	fullName: zText({ max: 120 }),
	position: zText({ max: 200 }),
	phone: zPublicPhone,
	duties: zOptionalText({ max: 300 }),
	sortOrder: z.coerce.number({ error: 'form.number' }).int('form.number').min(0, 'form.number').max(10000, 'form.number').default(0),
})

export const ZReception = z.object({
	kind: z.enum(['reception', 'dialogue'], { error: 'form.invalid' }),
	heldOn: zRequiredDate,
	host: zText({ max: 200 }),
	place: zOptionalText({ max: 300 }),
	attendance: zOptionalCount(100_000),
	raised: zOptionalLongText({ max: 10_000 }),
	outcome: zOptionalLongText({ max: 10_000 }),
})
