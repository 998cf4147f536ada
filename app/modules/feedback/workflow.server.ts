import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Db, DbOrTx, Tx } from '#app/core/db/client.server.ts'
import { containsFolded } from '#app/core/db/search.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from '#app/modules/platform/audit.server.ts'
import { workingDayDeadline } from '#app/modules/platform/calendar.server.ts'
import { addCalendarDays, toIsoDate, weekStart } from '#app/modules/platform/calendar/working-days.ts'
import { assertCan, can, type Actor, type Capability } from '#app/modules/platform/permissions.ts'
import { agencies, users, villages } from '#app/modules/platform/platform.schema.ts'
import { DUE_SOON_DAYS, OPEN_STATUSES, QUEUES, REMINDER_WORKING_DAYS, type FeedbackStatus, type Queue } from './feedback.constants.ts'
import { ZAssign, ZConfidentiality, ZDraft, ZForward, ZMerge, ZNote, ZPublish, ZReason } from './feedback.inputs.ts'
import { feedbackAttachments, feedbackContacts, feedbackEvents, feedbackFields, feedbackItems } from './feedback.schema.ts'
import { normalizeCode, type FeedbackItem } from './items.server.ts'
import { enqueueSenderNotification, enqueueStaffEmail } from './notifications.server.ts'
import { redactPersonalData } from './redaction.ts'
import { extendedDeadline, policyFor } from './setup.server.ts'

// The back office's work on an item: who sees it, queues, and each step of the workflow
// received → assigned → in progress → drafted → approved → published / answered privately, with
// forwarded, merged and rejected on the side. Every step checks the role and the current status,
// writes a timeline event and an audit row in one transaction.

type StaffActor = Extract<Actor, { kind: 'staff' }>

function isStaff(actor: Actor): actor is StaffActor {
	return actor.kind === 'staff'
}

/** Who may see an item: the commune's overview roles, its handler, its agency, whoever recorded it. */
export function canSeeItem(actor: Actor, item: Pick<FeedbackItem, 'communeId' | 'handlerId' | 'agencyId' | 'recordedBy'>): boolean {
	if (can(actor, 'feedback.viewAll', item.communeId)) return true
	if (!isStaff(actor) || actor.communeId !== item.communeId) return false
	if (item.handlerId === actor.userId || item.recordedBy === actor.userId) return true
	return can(actor, 'feedback.handle') && actor.agencyId !== null && item.agencyId === actor.agencyId
}

/** Works on an item as its handler: assigned to them, or to their agency, or an overview role. */
function canHandle(actor: Actor, item: FeedbackItem): boolean {
	if (!can(actor, 'feedback.handle', item.communeId)) return false
	if (can(actor, 'feedback.triage', item.communeId)) return true
	if (!isStaff(actor)) return true
	return item.handlerId === actor.userId || (actor.agencyId !== null && item.agencyId === actor.agencyId)
}

/** Leaders and the assigned handler see a denouncer's identity; nobody else. */
export function canSeeProtectedIdentity(actor: Actor, item: Pick<FeedbackItem, 'communeId' | 'handlerId'>): boolean {
	if (!isStaff(actor) || actor.communeId !== item.communeId) return false
	return actor.role === 'commune_leader' || item.handlerId === actor.userId
}

function visibilityFilter(actor: Actor, communeId: string): SQL | undefined {
	if (can(actor, 'feedback.viewAll', communeId)) return undefined
	if (!isStaff(actor)) return sql`false`
	const mine = [eq(feedbackItems.handlerId, actor.userId), eq(feedbackItems.recordedBy, actor.userId)]
	if (actor.agencyId && can(actor, 'feedback.handle')) mine.push(eq(feedbackItems.agencyId, actor.agencyId))
	return or(...mine)
}

// ---- Queues ----


export type QueueFilter = { queue: Queue; q?: string; kind?: string; fieldId?: string; villageId?: string; page?: number }
export const PAGE_SIZE = 25

function queueCondition(actor: Actor, queue: Queue, today: string, soon: string): SQL | undefined {
	const open = inArray(feedbackItems.status, [...OPEN_STATUSES])
	switch (queue) {
		case 'open':
			return open
		case 'mine':
			return and(open, eq(feedbackItems.handlerId, isStaff(actor) ? actor.userId : '00000000-0000-0000-0000-000000000000'))
		case 'agency':
			return and(open, isStaff(actor) && actor.agencyId ? eq(feedbackItems.agencyId, actor.agencyId) : sql`false`)
		case 'unassigned':
			return and(open, isNull(feedbackItems.agencyId))
		case 'due_soon':
			return and(open, gte(feedbackItems.dueOn, today), lte(feedbackItems.dueOn, soon))
		case 'late':
			return and(open, lt(feedbackItems.dueOn, today))
		case 'review':
			return eq(feedbackItems.needsReview, true)
		case 'week':
			// Received since Monday of this week (Asia/Ho_Chi_Minh).
			return gte(feedbackItems.receivedAt, new Date(`${weekStart(today)}T00:00:00+07:00`))
		case 'closed':
			return sql`not ${open}`
		case 'all':
			return undefined
	}
}

export async function listQueue(db: DbOrTx, actor: Actor, communeId: string, filter: QueueFilter, now = new Date()) {
	assertCan(actor, 'backoffice.access', communeId)
	const today = toIsoDate(now)
	const soon = addCalendarDays(today, DUE_SOON_DAYS)
	const conditions = [eq(feedbackItems.communeId, communeId), visibilityFilter(actor, communeId), queueCondition(actor, filter.queue, today, soon)]
	if (filter.q) conditions.push(containsFolded(sql`${feedbackItems.code} || ' ' || ${feedbackItems.title}`, filter.q))
	if (filter.kind) conditions.push(eq(feedbackItems.kind, filter.kind as FeedbackItem['kind']))
	if (filter.fieldId && isUuid(filter.fieldId)) conditions.push(eq(feedbackItems.fieldId, filter.fieldId))
	if (filter.villageId && isUuid(filter.villageId)) conditions.push(eq(feedbackItems.villageId, filter.villageId))
	const where = and(...conditions)
	const page = Math.max(1, Math.min(filter.page ?? 1, 10000))
	const rows = await db
		.select({
			id: feedbackItems.id,
			code: feedbackItems.code,
			kind: feedbackItems.kind,
			channel: feedbackItems.channel,
			status: feedbackItems.status,
			title: feedbackItems.title,
			receivedAt: feedbackItems.receivedAt,
			dueOn: feedbackItems.dueOn,
			answeredAt: feedbackItems.answeredAt,
			needsReview: feedbackItems.needsReview,
			confidentiality: feedbackItems.confidentiality,
			agencyName: agencies.name,
			handlerName: users.fullName,
		})
		.from(feedbackItems)
		.leftJoin(agencies, eq(agencies.id, feedbackItems.agencyId))
		.leftJoin(users, eq(users.id, feedbackItems.handlerId))
		.where(where)
		.orderBy(filter.queue === 'closed' || filter.queue === 'all' ? desc(feedbackItems.receivedAt) : asc(feedbackItems.dueOn), asc(feedbackItems.code))
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
	const [total] = await db.select({ n: count() }).from(feedbackItems).where(where)
	return { rows, total: total?.n ?? 0, page, today }
}

/** How many items each queue holds for this person (the tabs of the queue page). */
export async function queueCounts(db: DbOrTx, actor: Actor, communeId: string, now = new Date()): Promise<Record<Queue, number>> {
	assertCan(actor, 'backoffice.access', communeId)
	const today = toIsoDate(now)
	const soon = addCalendarDays(today, DUE_SOON_DAYS)
	const base = and(eq(feedbackItems.communeId, communeId), visibilityFilter(actor, communeId))
	const selection = Object.fromEntries(QUEUES.map((q) => [q, sql<number>`count(*) filter (where ${queueCondition(actor, q, today, soon) ?? sql`true`})`.mapWith(Number)])) as Record<
		Queue,
		SQL.Aliased<number> | SQL<number>
	>
	const [row] = await db.select(selection).from(feedbackItems).where(base)
	return row as Record<Queue, number>
}

// ---- One item ----

async function loadItem(db: DbOrTx, actor: Actor, communeId: string, itemId: string, lock = false): Promise<FeedbackItem> {
	assertCan(actor, 'backoffice.access', communeId)
	if (!isUuid(itemId)) throw new AppError('not_found', 'error.notFound')
	const query = db
		.select()
		.from(feedbackItems)
		.where(and(eq(feedbackItems.id, itemId), eq(feedbackItems.communeId, communeId)))
		.limit(1)
	const [item] = lock ? await query.for('update') : await query
	if (!item || !canSeeItem(actor, item)) throw new AppError('not_found', 'error.notFound')
	return item
}

export const ACTIONS = [
	'assign',
	'start',
	'draft',
	'approve',
	'return',
	'publish',
	'answerPrivately',
	'forward',
	'merge',
	'reject',
	'extend',
	'note',
	'confidentiality',
	'review',
] as const
export type ItemAction = (typeof ACTIONS)[number]

type Rule = { capability: Capability; from: readonly FeedbackStatus[] | 'any'; handler?: boolean; check?: (item: FeedbackItem) => string | null }
const open = OPEN_STATUSES
const RULES: Record<ItemAction, Rule> = {
	assign: { capability: 'feedback.triage', from: ['received', 'assigned', 'in_progress'] },
	start: { capability: 'feedback.handle', from: ['assigned'], handler: true },
	draft: { capability: 'feedback.handle', from: ['assigned', 'in_progress', 'drafted'], handler: true },
	approve: { capability: 'feedback.approve', from: ['drafted'] },
	return: { capability: 'feedback.approve', from: ['drafted', 'approved'] },
	publish: {
		capability: 'feedback.publish',
		from: ['approved'],
		check: (item) => (item.confidentiality !== 'normal' ? 'feedback.publish.confidential' : null),
	},
	answerPrivately: { capability: 'feedback.publish', from: ['approved'] },
	forward: { capability: 'feedback.triage', from: ['received', 'assigned', 'in_progress'] },
	merge: { capability: 'feedback.triage', from: ['received', 'assigned', 'in_progress'] },
	reject: { capability: 'feedback.triage', from: ['received', 'assigned', 'in_progress'] },
	extend: { capability: 'feedback.triage', from: open, check: (item) => (item.extendedAt ? 'feedback.extend.once' : null) },
	note: { capability: 'feedback.handle', from: 'any', handler: true },
	confidentiality: { capability: 'feedback.triage', from: 'any' },
	review: { capability: 'feedback.approve', from: 'any', check: (item) => (item.needsReview ? null : 'feedback.review.notNeeded') },
}

function ruleProblem(actor: Actor, item: FeedbackItem, action: ItemAction): string | null {
	const rule = RULES[action]
	if (!can(actor, rule.capability, item.communeId)) return 'error.forbidden'
	if (rule.handler && !canHandle(actor, item)) return 'error.forbidden'
	if (rule.from !== 'any' && !rule.from.includes(item.status)) return 'feedback.action.wrongStatus'
	return rule.check?.(item) ?? null
}

/** The steps this person may take on this item now (the buttons of the detail page). */
export function allowedActions(actor: Actor, item: FeedbackItem): ItemAction[] {
	return ACTIONS.filter((a) => ruleProblem(actor, item, a) === null)
}

export async function getItemForStaff(db: DbOrTx, actor: Actor, communeId: string, itemId: string) {
	const item = await loadItem(db, actor, communeId, itemId)
	const [names] = await db
		.select({ field: feedbackFields.name, village: villages.name, agency: agencies.name, handler: users.fullName })
		.from(feedbackItems)
		.leftJoin(feedbackFields, eq(feedbackFields.id, feedbackItems.fieldId))
		.leftJoin(villages, eq(villages.id, feedbackItems.villageId))
		.leftJoin(agencies, eq(agencies.id, feedbackItems.agencyId))
		.leftJoin(users, eq(users.id, feedbackItems.handlerId))
		.where(eq(feedbackItems.id, item.id))
	const events = await db.select().from(feedbackEvents).where(eq(feedbackEvents.itemId, item.id)).orderBy(asc(feedbackEvents.at))
	const files = await db
		.select({ id: feedbackAttachments.id, fileName: feedbackAttachments.fileName, mime: feedbackAttachments.mime, size: feedbackAttachments.size })
		.from(feedbackAttachments)
		.where(eq(feedbackAttachments.itemId, item.id))
		.orderBy(asc(feedbackAttachments.createdAt))
	const [contact] = await db.select().from(feedbackContacts).where(eq(feedbackContacts.itemId, item.id)).limit(1)
	const identity = !contact
		? { state: 'none' as const }
		: contact.protected
			? { state: 'protected' as const, mayView: canSeeProtectedIdentity(actor, item) }
			: { state: 'visible' as const, contact: publicContact(contact) }
	let mergedIntoCode: string | null = null
	if (item.mergedIntoId) {
		const [target] = await db.select({ code: feedbackItems.code }).from(feedbackItems).where(eq(feedbackItems.id, item.mergedIntoId)).limit(1)
		mergedIntoCode = target?.code ?? null
	}
	return { item, names: names!, events, files, identity, mergedIntoCode, actions: allowedActions(actor, item) }
}

function publicContact(c: typeof feedbackContacts.$inferSelect) {
	return { fullName: c.fullName, phone: c.phone, email: c.email, address: c.address, identityNumber: c.identityNumber, wantsUpdates: c.wantsUpdates }
}

/** A denouncer's identity, for the leader or the handler only; the view itself is audited. */
export async function viewProtectedIdentity(db: Db, actor: Actor, communeId: string, itemId: string) {
	return db.transaction(async (tx) => {
		const item = await loadItem(tx, actor, communeId, itemId)
		const [contact] = await tx.select().from(feedbackContacts).where(eq(feedbackContacts.itemId, item.id)).limit(1)
		if (!contact) throw new AppError('not_found', 'error.notFound')
		if (contact.protected) {
			if (!canSeeProtectedIdentity(actor, item)) throw new AppError('forbidden', 'error.forbidden')
			await writeAudit(tx, actor, { communeId, action: 'feedback.identity_view', entityType: 'feedback_item', entityId: item.id })
			await tx.insert(feedbackEvents).values({ communeId, itemId: item.id, type: 'identity_viewed', ...by(actor) })
		}
		return publicContact(contact)
	})
}

export async function getAttachment(db: DbOrTx, actor: Actor, communeId: string, itemId: string, attachmentId: string) {
	const item = await loadItem(db, actor, communeId, itemId)
	if (!isUuid(attachmentId)) throw new AppError('not_found', 'error.notFound')
	const [file] = await db
		.select()
		.from(feedbackAttachments)
		.where(and(eq(feedbackAttachments.id, attachmentId), eq(feedbackAttachments.itemId, item.id)))
		.limit(1)
	if (!file) throw new AppError('not_found', 'error.notFound')
	return file
}

function by(actor: Actor) {
	return { actorUserId: actor.kind === 'staff' ? actor.userId : null, actorLabel: actor.kind === 'staff' ? actor.name : actor.label }
}

/** Runs one step: loads and locks the item, checks the rule, applies the change, records it. */
async function step(
	db: Db,
	actor: Actor,
	communeId: string,
	itemId: string,
	action: ItemAction,
	apply: (tx: Tx, item: FeedbackItem) => Promise<{ set?: Partial<typeof feedbackItems.$inferInsert>; event: Omit<typeof feedbackEvents.$inferInsert, 'communeId' | 'itemId'> }>,
): Promise<FeedbackItem> {
	return db.transaction(async (tx) => {
		const item = await loadItem(tx, actor, communeId, itemId, true)
		const problem = ruleProblem(actor, item, action)
		if (problem === 'error.forbidden') throw new AppError('forbidden', problem)
		if (problem) throw new AppError('conflict', problem)
		const { set, event } = await apply(tx, item)
		const [updated] = set ? await tx.update(feedbackItems).set({ ...set, updatedAt: new Date() }).where(eq(feedbackItems.id, item.id)).returning() : [item]
		await tx.insert(feedbackEvents).values({ ...by(actor), ...event, communeId, itemId: item.id })
		await writeAudit(tx, actor, {
			communeId,
			action: `feedback.${action}`,
			entityType: 'feedback_item',
			entityId: item.id,
			before: { status: item.status },
			after: { status: updated!.status, ...(event.data ?? {}) },
		})
		return updated!
	})
}

export async function assignItem(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZAssign, input)
	return step(db, actor, communeId, itemId, 'assign', async (tx, item) => {
		const [agency] = await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(and(eq(agencies.id, data.agencyId), eq(agencies.communeId, communeId))).limit(1)
		if (!agency) throw new InputError({ agencyId: 'feedback.form.agencyRequired' })
		if (data.handlerId) {
			const [handler] = await tx
				.select({ id: users.id })
				.from(users)
				.where(and(eq(users.id, data.handlerId), eq(users.communeId, communeId), isNull(users.disabledAt)))
				.limit(1)
			if (!handler) throw new InputError({ handlerId: 'form.invalid' })
		}
		return {
			set: { agencyId: agency.id, handlerId: data.handlerId, status: item.status === 'in_progress' ? 'in_progress' : 'assigned' },
			event: { type: 'assigned', public: true, note: data.note, data: { agency: agency.name, handlerId: data.handlerId } },
		}
	})
}

export async function startWork(db: Db, actor: Actor, communeId: string, itemId: string) {
	return step(db, actor, communeId, itemId, 'start', async () => ({ set: { status: 'in_progress' }, event: { type: 'started', public: true } }))
}

export async function draftAnswer(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZDraft, input)
	return step(db, actor, communeId, itemId, 'draft', async () => ({ set: { answer: data.answer, status: 'drafted' }, event: { type: 'drafted' } }))
}

export async function approveAnswer(db: Db, actor: Actor, communeId: string, itemId: string) {
	return step(db, actor, communeId, itemId, 'approve', async () => ({ set: { status: 'approved' }, event: { type: 'approved' } }))
}

export async function returnDraft(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZReason, input)
	return step(db, actor, communeId, itemId, 'return', async () => ({ set: { status: 'in_progress' }, event: { type: 'returned', note: data.reason } }))
}

/** The masked text proposed for publication: names given by the sender, phones, e-mails, ids, addresses. */
export async function publicationPreview(db: DbOrTx, actor: Actor, communeId: string, itemId: string) {
	const item = await loadItem(db, actor, communeId, itemId)
	const [contact] = await db.select({ fullName: feedbackContacts.fullName }).from(feedbackContacts).where(eq(feedbackContacts.itemId, item.id)).limit(1)
	const names = contact?.fullName ? [contact.fullName] : []
	const title = redactPersonalData(item.title, { names })
	const content = redactPersonalData(item.content, { names })
	const answer = redactPersonalData(item.answer, { names })
	return {
		publicTitle: item.publicTitle ?? title.text,
		publicContent: item.publicContent ?? content.text,
		publicAnswer: item.publicAnswer ?? answer.text,
		found: title.redactions.length + content.redactions.length + answer.redactions.length,
	}
}

function answeredSet(item: FeedbackItem) {
	// A new answer after a reopening may be rated again.
	return { answeredAt: new Date(), needsReview: false, ...(item.satisfied === false ? { satisfied: null, ratingComment: null, ratedAt: null } : {}) }
}

export async function publishAnswer(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZPublish, input)
	return step(db, actor, communeId, itemId, 'publish', async (tx, item) => {
		await enqueueSenderNotification(tx, item, 'answered')
		return {
			set: { ...data, status: 'published', publishedAt: item.publishedAt ?? new Date(), ...answeredSet(item) },
			event: { type: 'published', public: true },
		}
	})
}

export async function answerPrivately(db: Db, actor: Actor, communeId: string, itemId: string) {
	return step(db, actor, communeId, itemId, 'answerPrivately', async (tx, item) => {
		await enqueueSenderNotification(tx, item, 'answered')
		return { set: { status: 'answered_private', ...answeredSet(item) }, event: { type: 'answered_private', public: true } }
	})
}

export async function forwardItem(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZForward, input)
	return step(db, actor, communeId, itemId, 'forward', async (tx, item) => {
		await enqueueSenderNotification(tx, item, 'answered')
		return {
			set: { status: 'forwarded', forwardedTo: data.forwardedTo, answer: data.guidance, ...answeredSet(item) },
			event: { type: 'forwarded', public: true, data: { to: data.forwardedTo } },
		}
	})
}

export async function mergeItem(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZMerge, input)
	return step(db, actor, communeId, itemId, 'merge', async (tx, item) => {
		const code = normalizeCode(data.intoCode)
		const [target] = await tx
			.select({ id: feedbackItems.id, code: feedbackItems.code })
			.from(feedbackItems)
			.where(and(eq(feedbackItems.communeId, communeId), eq(feedbackItems.code, code), ne(feedbackItems.id, item.id), isNull(feedbackItems.mergedIntoId)))
			.limit(1)
		if (!target) throw new InputError({ intoCode: 'feedback.merge.targetNotFound' })
		return { set: { status: 'merged', mergedIntoId: target.id }, event: { type: 'merged', public: true, note: data.note, data: { into: target.code } } }
	})
}

export async function rejectItem(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZReason, input)
	return step(db, actor, communeId, itemId, 'reject', async () => ({
		set: { status: 'rejected', rejectionReason: data.reason },
		event: { type: 'rejected', public: true, note: data.reason },
	}))
}

export async function extendDeadline(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZReason, input)
	return step(db, actor, communeId, itemId, 'extend', async (tx, item) => {
		const policy = await policyFor(tx, communeId, item.kind, item.fieldId)
		const dueOn = await extendedDeadline(tx, communeId, policy, item.dueOn)
		return {
			set: { dueOn, extendedAt: new Date(), extensionReason: data.reason, escalatedAt: null },
			event: { type: 'extended', public: true, note: data.reason, data: { from: item.dueOn, to: dueOn } },
		}
	})
}

export async function addNote(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZNote, input)
	return step(db, actor, communeId, itemId, 'note', async () => ({ event: { type: 'note', note: data.note } }))
}

export async function setConfidentiality(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZConfidentiality, input)
	return step(db, actor, communeId, itemId, 'confidentiality', async (tx, item) => {
		if (data.confidentiality !== 'normal' && item.status === 'published') {
			// Taking a published answer back: it leaves the public pages at once.
			return {
				set: { confidentiality: data.confidentiality, status: 'answered_private', publishedAt: null },
				event: { type: 'note', note: `confidentiality: ${data.confidentiality}`, data: { unpublished: true } },
			}
		}
		return { set: { confidentiality: data.confidentiality }, event: { type: 'note', note: `confidentiality: ${data.confidentiality}` } }
	})
}

/** The leader has looked at a reopened item again. */
export async function markReviewed(db: Db, actor: Actor, communeId: string, itemId: string, input: unknown) {
	const data = parseInput(ZNote, input)
	return step(db, actor, communeId, itemId, 'review', async () => ({ set: { needsReview: false }, event: { type: 'note', note: data.note, data: { reviewed: true } } }))
}

// ---- Deadlines: reminders before, escalation after ----

/**
 * Reminds handlers of items due within REMINDER_WORKING_DAYS working days (once a day) and escalates
 * late items to the commune's leaders (once per deadline). Run by the server on a timer.
 */
export async function runDeadlineChecks(db: Db, now = new Date()): Promise<{ reminded: number; escalated: number }> {
	const today = toIsoDate(now)
	const open = inArray(feedbackItems.status, [...OPEN_STATUSES])
	let reminded = 0
	let escalated = 0
	const candidates = await db
		.select({ id: feedbackItems.id, communeId: feedbackItems.communeId, dueOn: feedbackItems.dueOn })
		.from(feedbackItems)
		.where(and(open, gte(feedbackItems.dueOn, today), or(isNull(feedbackItems.lastReminderOn), lt(feedbackItems.lastReminderOn, today)), isNotNull(feedbackItems.handlerId)))
		.limit(1000)
	// The reminder horizon depends only on the commune's calendar: once per commune, not per item.
	const horizons = new Map<string, string>()
	for (const c of candidates) {
		let limit = horizons.get(c.communeId)
		if (!limit) horizons.set(c.communeId, (limit = await workingDayDeadline(db, c.communeId, today, REMINDER_WORKING_DAYS)))
		if (c.dueOn > limit) continue
		await db.transaction(async (tx) => {
			const [row] = await tx
				.select({ code: feedbackItems.code, email: users.email, dueOn: feedbackItems.dueOn })
				.from(feedbackItems)
				.innerJoin(users, eq(users.id, feedbackItems.handlerId))
				.where(eq(feedbackItems.id, c.id))
			await tx.update(feedbackItems).set({ lastReminderOn: today }).where(eq(feedbackItems.id, c.id))
			await tx.insert(feedbackEvents).values({ communeId: c.communeId, itemId: c.id, type: 'reminded', actorLabel: 'system', data: { dueOn: c.dueOn } })
			if (row) await enqueueStaffEmail(tx, c.communeId, row.email, `Sắp đến hạn: ${row.code}`, `Ý kiến ${row.code} phải được trả lời trước hết ngày ${row.dueOn.split('-').reverse().join('/')}.`, c.id)
		})
		reminded++
	}
	const late = await db
		.select({ id: feedbackItems.id, communeId: feedbackItems.communeId, code: feedbackItems.code, dueOn: feedbackItems.dueOn })
		.from(feedbackItems)
		.where(and(open, lt(feedbackItems.dueOn, today), isNull(feedbackItems.escalatedAt)))
		.limit(1000)
	for (const item of late) {
		await db.transaction(async (tx) => {
			await tx.update(feedbackItems).set({ escalatedAt: now }).where(eq(feedbackItems.id, item.id))
			await tx.insert(feedbackEvents).values({ communeId: item.communeId, itemId: item.id, type: 'escalated', actorLabel: 'system', data: { dueOn: item.dueOn } })
			const leaders = await tx
				.select({ email: users.email })
				.from(users)
				.where(and(eq(users.communeId, item.communeId), eq(users.role, 'commune_leader'), isNull(users.disabledAt)))
			for (const leader of leaders) {
				await enqueueStaffEmail(tx, item.communeId, leader.email, `Quá hạn: ${item.code}`, `Ý kiến ${item.code} đã quá hạn trả lời (hạn ${item.dueOn.split('-').reverse().join('/')}).`, item.id)
			}
		})
		escalated++
	}
	return { reminded, escalated }
}

/** The leader's figures: each one links to the queue of the items behind it. */
export async function dashboardFigures(db: DbOrTx, actor: Actor, communeId: string, now = new Date()) {
	const counts = await queueCounts(db, actor, communeId, now)
	const since = new Date(now.getTime() - 90 * 24 * 3600_000)
	const [rating] = await db
		.select({ rated: sql<number>`count(${feedbackItems.satisfied})`.mapWith(Number), satisfied: sql<number>`count(*) filter (where ${feedbackItems.satisfied})`.mapWith(Number) })
		.from(feedbackItems)
		.where(and(eq(feedbackItems.communeId, communeId), gte(feedbackItems.ratedAt, since), visibilityFilter(actor, communeId)))
	return { counts, rated: rating?.rated ?? 0, satisfied: rating?.satisfied ?? 0 }
}

/** Staff of the commune who can be given an item to handle (for the assign form). */
export async function listHandlers(db: DbOrTx, actor: Actor, communeId: string) {
	assertCan(actor, 'feedback.triage', communeId)
	const rows = await db
		.select({ id: users.id, name: users.fullName, role: users.role })
		.from(users)
		.where(and(eq(users.communeId, communeId), isNull(users.disabledAt)))
		.orderBy(asc(users.fullName))
	return rows.filter((r) => can({ kind: 'staff', userId: r.id, role: r.role, communeId, agencyId: null, villageId: null, name: r.name, ip: '' }, 'feedback.handle', communeId))
}
