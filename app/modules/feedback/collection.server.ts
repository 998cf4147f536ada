import { createHash, randomBytes } from 'node:crypto'
import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import { zOptionalLongText, zText } from '#app/core/text.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from '#app/modules/platform/audit.server.ts'
import { addCalendarDays, isIsoDate, toIsoDate, weekStart } from '#app/modules/platform/calendar/working-days.ts'
import { assertCan, can, type Actor } from '#app/modules/platform/permissions.ts'
import { agencies, users, villages } from '#app/modules/platform/platform.schema.ts'
import { feedbackApiClients, feedbackCollectionReminders, feedbackCollectionSessions, feedbackMailboxOpenings } from './feedback.schema.ts'
import { enqueueStaffEmail } from './notifications.server.ts'

// The channels the commune must prove it keeps open: the weekly collection of opinions by the
// Fatherland Front, each mass organisation and each village head (at least once a week, Monday to
// Sunday), and the paper mailbox. Also the keys of other apps that send feedback through Open311.

export type Collector = { type: 'agency' | 'village'; id: string; name: string }

/** Who must collect every week: MTTQ and the mass organisations, and every active village. */
export async function listCollectors(db: DbOrTx, communeId: string): Promise<Collector[]> {
	const [orgs, places] = await Promise.all([
		db
			.select({ id: agencies.id, name: agencies.name })
			.from(agencies)
			.where(and(eq(agencies.communeId, communeId), eq(agencies.active, true), inArray(agencies.kind, ['fatherland_front', 'mass_organisation'])))
			.orderBy(asc(agencies.sortOrder), asc(agencies.name)),
		db
			.select({ id: villages.id, name: villages.name })
			.from(villages)
			.where(and(eq(villages.communeId, communeId), eq(villages.active, true)))
			.orderBy(asc(villages.sortOrder), asc(villages.name)),
	])
	return [...orgs.map((o) => ({ type: 'agency' as const, ...o })), ...places.map((v) => ({ type: 'village' as const, ...v }))]
}

/** The collectors a person may record sessions for: their own agency or village, or all for overview roles. */
export async function collectorsFor(db: DbOrTx, actor: Actor, communeId: string): Promise<Collector[]> {
	assertCan(actor, 'feedback.collect', communeId)
	const all = await listCollectors(db, communeId)
	if (can(actor, 'feedback.viewAll', communeId) || actor.kind === 'system') return all
	return all.filter((c) => (c.type === 'agency' ? c.id === actor.agencyId : c.id === actor.villageId))
}

const ZSession = z.object({
	collector: z.string({ error: 'feedback.collection.collectorRequired' }).regex(/^(agency|village):[0-9a-f-]{36}$/i, 'feedback.collection.collectorRequired'),
	heldOn: z.string({ error: 'form.date' }).refine(isIsoDate, 'form.date'),
	place: zText({ max: 200 }),
	attendees: zOptionalLongText({ max: 2000 }),
	itemCount: z.coerce.number({ error: 'form.number' }).int('form.number').min(0, 'form.number').max(1000, 'form.number'),
	note: zOptionalLongText({ max: 2000 }),
})

export async function recordCollectionSession(db: Db, actor: Actor, communeId: string, input: unknown, now = new Date()) {
	const data = parseInput(ZSession, input)
	if (data.heldOn > toIsoDate(now)) throw new InputError({ heldOn: 'feedback.intake.futureDate' })
	const [type, id] = data.collector.split(':') as ['agency' | 'village', string]
	const allowed = await collectorsFor(db, actor, communeId)
	if (!allowed.some((c) => c.type === type && c.id === id)) throw new InputError({ collector: 'feedback.collection.collectorRequired' })
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(feedbackCollectionSessions)
			.values({
				communeId,
				agencyId: type === 'agency' ? id : null,
				villageId: type === 'village' ? id : null,
				heldOn: data.heldOn,
				place: data.place,
				attendees: data.attendees,
				itemCount: data.itemCount,
				note: data.note,
				recordedBy: actor.kind === 'staff' ? actor.userId : null,
			})
			.returning()
		await writeAudit(tx, actor, { communeId, action: 'feedback_collection.create', entityType: 'feedback_collection', entityId: row!.id, after: { ...data } })
		return row!
	})
}

export async function listCollectionSessions(db: DbOrTx, actor: Actor, communeId: string, options: { limit?: number } = {}) {
	assertCan(actor, 'feedback.collect', communeId)
	const mine = await collectorsFor(db, actor, communeId)
	const agencyIds = mine.filter((c) => c.type === 'agency').map((c) => c.id)
	const villageIds = mine.filter((c) => c.type === 'village').map((c) => c.id)
	const rows = await db
		.select({
			id: feedbackCollectionSessions.id,
			heldOn: feedbackCollectionSessions.heldOn,
			place: feedbackCollectionSessions.place,
			attendees: feedbackCollectionSessions.attendees,
			itemCount: feedbackCollectionSessions.itemCount,
			note: feedbackCollectionSessions.note,
			agencyId: feedbackCollectionSessions.agencyId,
			villageId: feedbackCollectionSessions.villageId,
			agencyName: agencies.name,
			villageName: villages.name,
		})
		.from(feedbackCollectionSessions)
		.leftJoin(agencies, eq(agencies.id, feedbackCollectionSessions.agencyId))
		.leftJoin(villages, eq(villages.id, feedbackCollectionSessions.villageId))
		.where(eq(feedbackCollectionSessions.communeId, communeId))
		.orderBy(desc(feedbackCollectionSessions.heldOn), desc(feedbackCollectionSessions.createdAt))
		.limit(options.limit ?? 100)
	return rows.filter((r) => (r.agencyId ? agencyIds.includes(r.agencyId) : villageIds.includes(r.villageId ?? '')))
}

export type ComplianceWeek = { start: string; end: string }
export type ComplianceRow = Collector & { weeks: Array<{ start: string; sessions: number; items: number; done: boolean; current: boolean }> }

/** Per collector and per week (Monday–Sunday) of the last `weeks` weeks: done or missing. */
export async function collectionCompliance(db: DbOrTx, actor: Actor, communeId: string, options: { weeks?: number; now?: Date } = {}) {
	assertCan(actor, 'feedback.viewAll', communeId)
	const today = toIsoDate(options.now ?? new Date())
	const current = weekStart(today)
	const n = Math.min(Math.max(options.weeks ?? 8, 1), 52)
	const weeks: ComplianceWeek[] = []
	for (let i = n - 1; i >= 0; i--) {
		const start = addCalendarDays(current, -7 * i)
		weeks.push({ start, end: addCalendarDays(start, 6) })
	}
	const collectors = await listCollectors(db, communeId)
	const sessions = await db
		.select({ agencyId: feedbackCollectionSessions.agencyId, villageId: feedbackCollectionSessions.villageId, heldOn: feedbackCollectionSessions.heldOn, itemCount: feedbackCollectionSessions.itemCount })
		.from(feedbackCollectionSessions)
		.where(and(eq(feedbackCollectionSessions.communeId, communeId), gte(feedbackCollectionSessions.heldOn, weeks[0]!.start), lte(feedbackCollectionSessions.heldOn, weeks[weeks.length - 1]!.end)))
	const rows: ComplianceRow[] = collectors.map((c) => ({
		...c,
		weeks: weeks.map((w) => {
			const mine = sessions.filter((s) => (c.type === 'agency' ? s.agencyId === c.id : s.villageId === c.id) && s.heldOn >= w.start && s.heldOn <= w.end)
			return { start: w.start, sessions: mine.length, items: mine.reduce((a, s) => a + s.itemCount, 0), done: mine.length > 0, current: w.start === current }
		}),
	}))
	const missingThisWeek = rows.filter((r) => !r.weeks[r.weeks.length - 1]!.done)
	return { weeks, rows, currentWeek: current, missingThisWeek }
}

/**
 * Before the week ends (run on Friday and Saturday), e-mails the staff of each collector with no
 * session this week. Returns how many were reminded.
 */
export async function remindMissingCollections(db: Db, communeId: string, now = new Date()): Promise<number> {
	const { missingThisWeek, currentWeek } = await collectionCompliance(db, { kind: 'system', label: 'collection reminder', ip: '' }, communeId, { weeks: 1, now })
	let reminded = 0
	for (const collector of missingThisWeek) {
		const staff = await db
			.select({ email: users.email })
			.from(users)
			.where(and(eq(users.communeId, communeId), isNull(users.disabledAt), collector.type === 'agency' ? eq(users.agencyId, collector.id) : eq(users.villageId, collector.id)))
		await db.transaction(async (tx) => {
			// Once per collector and day, whatever restarts or how many app processes run the job.
			const fresh = await tx
				.insert(feedbackCollectionReminders)
				.values({ communeId, collector: `${collector.type}:${collector.id}`, sentOn: toIsoDate(now) })
				.onConflictDoNothing()
				.returning()
			if (!fresh.length) return
			for (const s of staff) {
				await enqueueStaffEmail(
					tx,
					communeId,
					s.email,
					`Nhắc ghi nhận thu thập ý kiến tuần ${currentWeek.split('-').reverse().join('/')}`,
					`${collector.name} chưa ghi nhận buổi thu thập ý kiến nào trong tuần này (thứ Hai ${currentWeek.split('-').reverse().join('/')} đến Chủ nhật). Vui lòng ghi nhận trước khi hết tuần, kể cả khi không nhận được ý kiến nào.`,
				)
				if (s.email) reminded++
			}
		})
	}
	return reminded
}

// ---- Paper mailbox ----

const ZMailbox = z.object({
	openedOn: z.string({ error: 'form.date' }).refine(isIsoDate, 'form.date'),
	place: zText({ max: 200 }),
	openedBy: zText({ max: 500 }),
	letterCount: z.coerce.number({ error: 'form.number' }).int('form.number').min(0, 'form.number').max(1000, 'form.number'),
	note: zOptionalLongText({ max: 2000 }),
})

export async function recordMailboxOpening(db: Db, actor: Actor, communeId: string, input: unknown, now = new Date()) {
	assertCan(actor, 'feedback.intake', communeId)
	const data = parseInput(ZMailbox, input)
	if (data.openedOn > toIsoDate(now)) throw new InputError({ openedOn: 'feedback.intake.futureDate' })
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(feedbackMailboxOpenings)
			.values({ ...data, communeId, recordedBy: actor.kind === 'staff' ? actor.userId : null })
			.returning()
		await writeAudit(tx, actor, { communeId, action: 'feedback_mailbox.create', entityType: 'feedback_mailbox', entityId: row!.id, after: { ...data } })
		return row!
	})
}

export async function listMailboxOpenings(db: DbOrTx, actor: Actor, communeId: string) {
	assertCan(actor, 'feedback.intake', communeId)
	return db
		.select()
		.from(feedbackMailboxOpenings)
		.where(eq(feedbackMailboxOpenings.communeId, communeId))
		.orderBy(desc(feedbackMailboxOpenings.openedOn))
		.limit(100)
}

// ---- Open311 API keys ----

export function hashApiKey(key: string): string {
	return createHash('sha256').update(key).digest('hex')
}

const ZApiClient = z.object({ name: zText({ max: 120 }) })

/** Issues a key for another app; the key is shown once and only its hash is kept. */
export async function createApiClient(db: Db, actor: Actor, communeId: string, input: unknown): Promise<{ id: string; key: string }> {
	assertCan(actor, 'feedback.settings', communeId)
	const data = parseInput(ZApiClient, input)
	const key = `tt_${randomBytes(24).toString('base64url')}`
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(feedbackApiClients)
			.values({ communeId, name: data.name, keyHash: hashApiKey(key), keyPrefix: key.slice(0, 7), createdBy: actor.kind === 'staff' ? actor.userId : null })
			.returning({ id: feedbackApiClients.id })
		await writeAudit(tx, actor, { communeId, action: 'feedback_api_client.create', entityType: 'feedback_api_client', entityId: row!.id, after: { name: data.name } })
		return { id: row!.id, key }
	})
}

export async function listApiClients(db: DbOrTx, actor: Actor, communeId: string) {
	assertCan(actor, 'feedback.settings', communeId)
	return db
		.select({ id: feedbackApiClients.id, name: feedbackApiClients.name, keyPrefix: feedbackApiClients.keyPrefix, createdAt: feedbackApiClients.createdAt, revokedAt: feedbackApiClients.revokedAt, lastUsedAt: feedbackApiClients.lastUsedAt })
		.from(feedbackApiClients)
		.where(eq(feedbackApiClients.communeId, communeId))
		.orderBy(desc(feedbackApiClients.createdAt))
}

export async function revokeApiClient(db: Db, actor: Actor, communeId: string, clientId: string): Promise<void> {
	assertCan(actor, 'feedback.settings', communeId)
	if (!isUuid(clientId)) throw new AppError('not_found', 'error.notFound')
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(feedbackApiClients)
			.set({ revokedAt: new Date(), updatedAt: new Date() })
			.where(and(eq(feedbackApiClients.id, clientId), eq(feedbackApiClients.communeId, communeId), isNull(feedbackApiClients.revokedAt)))
			.returning({ id: feedbackApiClients.id })
		if (!row) throw new AppError('not_found', 'error.notFound')
		await writeAudit(tx, actor, { communeId, action: 'feedback_api_client.revoke', entityType: 'feedback_api_client', entityId: clientId })
	})
}

/** The client of a key, for the commune the request is for; null for unknown or revoked keys. */
export async function apiClientForKey(db: DbOrTx, communeId: string, key: string): Promise<{ id: string; name: string } | null> {
	if (!key || key.length > 200) return null
	const [row] = await db
		.select({ id: feedbackApiClients.id, name: feedbackApiClients.name })
		.from(feedbackApiClients)
		.where(and(eq(feedbackApiClients.keyHash, hashApiKey(key)), eq(feedbackApiClients.communeId, communeId), isNull(feedbackApiClients.revokedAt)))
		.limit(1)
	if (row) await db.update(feedbackApiClients).set({ lastUsedAt: new Date() }).where(eq(feedbackApiClients.id, row.id))
	return row ?? null
}


