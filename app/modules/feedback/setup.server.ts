import { and, asc, eq, isNull, or } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { AppError } from '#app/core/errors.ts'
import { foldForSearch, zText } from '#app/core/text.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from '#app/modules/platform/audit.server.ts'
import { workingDayDeadline } from '#app/modules/platform/calendar.server.ts'
import { addCalendarDays } from '#app/modules/platform/calendar/working-days.ts'
import { assertCan, type Actor } from '#app/modules/platform/permissions.ts'
import { communes } from '#app/modules/platform/platform.schema.ts'
import { z } from 'zod'
import { DEFAULT_DEADLINE_POLICIES, DEFAULT_FIELDS, type FeedbackKind } from './feedback.constants.ts'
import { feedbackDeadlinePolicies, feedbackFields, feedbackSettings } from './feedback.schema.ts'

// A commune's feedback set-up: its fields (lĩnh vực), deadline policies and reference-code prefix.
// Seeded the first time the commune uses the module, then edited by the commune.

export type FeedbackField = typeof feedbackFields.$inferSelect
export type DeadlinePolicy = typeof feedbackDeadlinePolicies.$inferSelect

/** Initials of the commune's proper name: "Xã Nguyễn Lương Bằng" gives NLB. */
export function codePrefixFor(communeName: string): string {
	const name = foldForSearch(communeName.replace(/\(.*?\)/g, ''))
		.replace(/^\s*(xa|phuong|dac khu|thi tran)\s+/, '')
		.replace(/[^a-z0-9\s]/g, ' ')
	const initials = name
		.split(/\s+/)
		.filter(Boolean)
		.map((w) => (/^\d+$/.test(w) ? w : w[0]))
		.join('')
		.toUpperCase()
		.slice(0, 5)
	return initials.length >= 2 ? initials : `X${initials || 'A'}`
}

/** Seeds fields, policies and settings for a commune the first time; does nothing after. */
export async function ensureFeedbackSetup(db: DbOrTx, communeId: string): Promise<{ codePrefix: string }> {
	const [existing] = await db.select().from(feedbackSettings).where(eq(feedbackSettings.communeId, communeId)).limit(1)
	if (existing) return { codePrefix: existing.codePrefix }
	const [commune] = await db.select({ name: communes.name }).from(communes).where(eq(communes.id, communeId)).limit(1)
	if (!commune) throw new AppError('not_found', 'error.notFound')
	const codePrefix = codePrefixFor(commune.name)
	await db
		.insert(feedbackFields)
		.values(DEFAULT_FIELDS.map((f, i) => ({ ...f, communeId, sortOrder: (i + 1) * 10 })))
		.onConflictDoNothing()
	const [anyPolicy] = await db.select({ id: feedbackDeadlinePolicies.id }).from(feedbackDeadlinePolicies).where(eq(feedbackDeadlinePolicies.communeId, communeId)).limit(1)
	if (!anyPolicy) await db.insert(feedbackDeadlinePolicies).values(DEFAULT_DEADLINE_POLICIES.map((p) => ({ ...p, communeId, fieldId: null })))
	await db.insert(feedbackSettings).values({ communeId, codePrefix }).onConflictDoNothing()
	const [row] = await db.select().from(feedbackSettings).where(eq(feedbackSettings.communeId, communeId)).limit(1)
	return { codePrefix: row!.codePrefix }
}

/** Fields of a commune, for forms (active only) or for the settings page (all). */
export async function listFields(db: DbOrTx, communeId: string, options: { activeOnly?: boolean } = {}): Promise<FeedbackField[]> {
	await ensureFeedbackSetup(db, communeId)
	return db
		.select()
		.from(feedbackFields)
		.where(options.activeOnly ? and(eq(feedbackFields.communeId, communeId), eq(feedbackFields.active, true)) : eq(feedbackFields.communeId, communeId))
		.orderBy(asc(feedbackFields.sortOrder), asc(feedbackFields.name))
}

const ZField = z.object({
	name: zText({ max: 120 }),
	sortOrder: z.coerce.number({ error: 'form.number' }).int('form.number').min(0, 'form.number').max(100000, 'form.number').default(0),
	active: z
		.string()
		.optional()
		.transform((v) => v !== 'no'),
})

export async function saveField(db: Db, actor: Actor, communeId: string, fieldId: string | null, input: unknown): Promise<FeedbackField> {
	assertCan(actor, 'feedback.settings', communeId)
	const data = parseInput(ZField, input)
	await ensureFeedbackSetup(db, communeId)
	return db.transaction(async (tx) => {
		if (fieldId) {
			if (!isUuid(fieldId)) throw new AppError('not_found', 'error.notFound')
			const [before] = await tx.select().from(feedbackFields).where(and(eq(feedbackFields.id, fieldId), eq(feedbackFields.communeId, communeId))).limit(1)
			if (!before) throw new AppError('not_found', 'error.notFound')
			const [row] = await tx.update(feedbackFields).set({ ...data, updatedAt: new Date() }).where(eq(feedbackFields.id, fieldId)).returning()
			await writeAudit(tx, actor, { communeId, action: 'feedback_field.update', entityType: 'feedback_field', entityId: fieldId, before: { name: before.name, active: before.active }, after: data })
			return row!
		}
		const code = `${foldForSearch(data.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'linh-vuc'}-${Date.now().toString(36)}`
		const [row] = await tx.insert(feedbackFields).values({ ...data, code, communeId }).returning()
		await writeAudit(tx, actor, { communeId, action: 'feedback_field.create', entityType: 'feedback_field', entityId: row!.id, after: data })
		return row!
	})
}

export async function listPolicies(db: DbOrTx, communeId: string): Promise<DeadlinePolicy[]> {
	await ensureFeedbackSetup(db, communeId)
	return db.select().from(feedbackDeadlinePolicies).where(eq(feedbackDeadlinePolicies.communeId, communeId)).orderBy(asc(feedbackDeadlinePolicies.kind))
}

const zDays = (max: number) => z.coerce.number({ error: 'form.number' }).int('form.number').min(1, 'form.number').max(max, 'form.number')
const ZPolicy = z.object({
	acceptWorkingDays: zDays(60),
	answerDays: zDays(120),
	answerUnit: z.enum(['working_days', 'days'], { error: 'form.invalid' }),
	extensionDays: zDays(120),
	legalBasis: z.string().max(2000, 'form.tooLong').default(''),
})

export async function updatePolicy(db: Db, actor: Actor, communeId: string, policyId: string, input: unknown): Promise<DeadlinePolicy> {
	assertCan(actor, 'feedback.settings', communeId)
	if (!isUuid(policyId)) throw new AppError('not_found', 'error.notFound')
	const data = parseInput(ZPolicy, input)
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(feedbackDeadlinePolicies)
			.where(and(eq(feedbackDeadlinePolicies.id, policyId), eq(feedbackDeadlinePolicies.communeId, communeId)))
			.limit(1)
		if (!before) throw new AppError('not_found', 'error.notFound')
		const [row] = await tx.update(feedbackDeadlinePolicies).set({ ...data, updatedAt: new Date() }).where(eq(feedbackDeadlinePolicies.id, policyId)).returning()
		await writeAudit(tx, actor, {
			communeId,
			action: 'feedback_policy.update',
			entityType: 'feedback_policy',
			entityId: policyId,
			before: { acceptWorkingDays: before.acceptWorkingDays, answerDays: before.answerDays, answerUnit: before.answerUnit, extensionDays: before.extensionDays },
			after: data,
		})
		return row!
	})
}

/** The policy in force for a kind and field: the field's own, else the kind's. */
export async function policyFor(db: DbOrTx, communeId: string, kind: FeedbackKind, fieldId: string | null): Promise<DeadlinePolicy> {
	const rows = await db
		.select()
		.from(feedbackDeadlinePolicies)
		.where(
			and(
				eq(feedbackDeadlinePolicies.communeId, communeId),
				eq(feedbackDeadlinePolicies.kind, kind),
				fieldId ? or(isNull(feedbackDeadlinePolicies.fieldId), eq(feedbackDeadlinePolicies.fieldId, fieldId)) : isNull(feedbackDeadlinePolicies.fieldId),
			),
		)
	const own = rows.find((r) => r.fieldId !== null)
	const general = rows.find((r) => r.fieldId === null)
	const policy = own ?? general
	if (policy) return policy
	// A commune that deleted its policy row still gets the documented default.
	const fallback = DEFAULT_DEADLINE_POLICIES.find((p) => p.kind === kind)!
	return { ...fallback, id: '', communeId, fieldId: null, createdAt: new Date(0), updatedAt: new Date(0) }
}

/**
 * The two deadlines of an item received at `receivedAt`: to accept or forward it, and to answer.
 * Answers counted in plain days (khiếu nại, tố cáo) run from the last day allowed for accepting.
 */
export async function deadlinesFor(
	db: DbOrTx,
	communeId: string,
	kind: FeedbackKind,
	fieldId: string | null,
	receivedAt: Date,
): Promise<{ acceptDue: string; dueOn: string; policy: DeadlinePolicy }> {
	const policy = await policyFor(db, communeId, kind, fieldId)
	const acceptDue = await workingDayDeadline(db, communeId, receivedAt, policy.acceptWorkingDays)
	const dueOn =
		policy.answerUnit === 'working_days' ? await workingDayDeadline(db, communeId, receivedAt, policy.answerDays) : addCalendarDays(acceptDue, policy.answerDays)
	return { acceptDue, dueOn, policy }
}

/** The new deadline after the one extension a policy allows. */
export async function extendedDeadline(db: DbOrTx, communeId: string, policy: DeadlinePolicy, dueOn: string): Promise<string> {
	return policy.answerUnit === 'working_days' ? workingDayDeadline(db, communeId, dueOn, policy.extensionDays) : addCalendarDays(dueOn, policy.extensionDays)
}
