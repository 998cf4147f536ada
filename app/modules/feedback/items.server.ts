import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import { normalizeText } from '#app/core/text.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from '#app/modules/platform/audit.server.ts'
import { toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { assertCan, can, type Actor } from '#app/modules/platform/permissions.ts'
import { villages } from '#app/modules/platform/platform.schema.ts'
import { ANSWERED_STATUSES, GENERAL_KINDS, type FeedbackChannel, type FeedbackKind } from './feedback.constants.ts'
import { ZIntake, ZRating, ZSender, ZSubject, senderProblems, type Sender } from './feedback.inputs.ts'
import {
	feedbackAttachments,
	feedbackCollectionSessions,
	feedbackContacts,
	feedbackCounters,
	feedbackDrafts,
	feedbackEvents,
	feedbackFields,
	feedbackItems,
	feedbackMailboxOpenings,
} from './feedback.schema.ts'
import { enqueueSenderNotification } from './notifications.server.ts'
import { deadlinesFor, ensureFeedbackSetup } from './setup.server.ts'

// Items coming in: the citizen's public form (through a draft kept between its steps), staff
// intake for every other channel, other apps through Open311; and the citizen's own look-up
// with its rating.

export type FeedbackItem = typeof feedbackItems.$inferSelect
export type Attachment = { fileName: string; mime: string; size: number; bytes: Uint8Array }

/** Letters and digits that cannot be confused when read out or typed from paper (no 0/O, 1/I/L). */
const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const SECRET_LENGTH = 8

export function newSecret(): string {
	let s = ''
	for (let i = 0; i < SECRET_LENGTH; i++) s += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)]
	return s
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(normalizeSecret(secret)).digest('hex')
}

function normalizeSecret(secret: string): string {
	return secret.toUpperCase().replace(/[\s-]/g, '')
}

/** A reference code as typed: spaces and case ignored, dashes optional ("nlb 26 123" works). */
export function normalizeCode(input: string): string {
	const cleaned = normalizeText(input).toUpperCase().replace(/\s+/g, '-')
	const match = /^([A-Z][A-Z0-9]{1,4}?)-?(\d{2})-?0*(\d{1,7})$/.exec(cleaned.replace(/-+/g, '-'))
	if (!match) return cleaned
	return `${match[1]}-${match[2]}-${match[3]!.padStart(5, '0')}`
}

/** The next reference code of a commune for the year of `at`, taken inside the caller's transaction. */
async function nextCode(tx: DbOrTx, communeId: string, prefix: string, at: Date): Promise<string> {
	const year = Number(toIsoDate(at).slice(0, 4))
	const [row] = await tx
		.insert(feedbackCounters)
		.values({ communeId, year, lastSeq: 1 })
		.onConflictDoUpdate({ target: [feedbackCounters.communeId, feedbackCounters.year], set: { lastSeq: sql`${feedbackCounters.lastSeq} + 1` } })
		.returning({ seq: feedbackCounters.lastSeq })
	return `${prefix}-${String(year % 100).padStart(2, '0')}-${String(row!.seq).padStart(5, '0')}`
}

type NewItem = {
	communeId: string
	kind: FeedbackKind
	channel: FeedbackChannel
	fieldId: string | null
	villageId: string | null
	place: string
	title: string
	content: string
	sender: Sender
	consentText: string
	confidentiality?: 'normal' | 'confidential' | 'state_secret'
	receivedAt?: Date
	recordedBy?: string | null
	collectionSessionId?: string | null
	mailboxOpeningId?: string | null
	apiClientId?: string | null
	lat?: number | null
	long?: number | null
	actorLabel: string
}

/** Checks that the field and village belong to the commune (ids come from forms). */
/** The item's field, village, collection session and mailbox opening must all be the commune's own. */
async function checkPlaces(tx: DbOrTx, data: NewItem) {
	const { communeId, fieldId, villageId } = data
	const errors: Record<string, string> = {}
	if (fieldId) {
		const [f] = await tx.select({ id: feedbackFields.id }).from(feedbackFields).where(and(eq(feedbackFields.id, fieldId), eq(feedbackFields.communeId, communeId))).limit(1)
		if (!f) errors.fieldId = 'form.invalid'
	}
	if (villageId) {
		const [v] = await tx.select({ id: villages.id }).from(villages).where(and(eq(villages.id, villageId), eq(villages.communeId, communeId))).limit(1)
		if (!v) errors.villageId = 'form.invalid'
	}
	if (data.collectionSessionId) {
		const [c] = await tx
			.select({ id: feedbackCollectionSessions.id })
			.from(feedbackCollectionSessions)
			.where(and(eq(feedbackCollectionSessions.id, data.collectionSessionId), eq(feedbackCollectionSessions.communeId, communeId)))
			.limit(1)
		if (!c) errors.collectionSessionId = 'form.invalid'
	}
	if (data.mailboxOpeningId) {
		const [m] = await tx
			.select({ id: feedbackMailboxOpenings.id })
			.from(feedbackMailboxOpenings)
			.where(and(eq(feedbackMailboxOpenings.id, data.mailboxOpeningId), eq(feedbackMailboxOpenings.communeId, communeId)))
			.limit(1)
		if (!m) errors.mailboxOpeningId = 'form.invalid'
	}
	if (Object.keys(errors).length) throw new InputError(errors)
}

/** Creates an item with its sender, first event and notification, in the caller's transaction. */
async function insertItem(tx: DbOrTx, data: NewItem, attachments: readonly Attachment[]): Promise<{ item: FeedbackItem; secret: string }> {
	const { codePrefix } = await ensureFeedbackSetup(tx, data.communeId)
	await checkPlaces(tx, data)
	const receivedAt = data.receivedAt ?? new Date()
	const { acceptDue, dueOn } = await deadlinesFor(tx, data.communeId, data.kind, data.fieldId, receivedAt)
	const code = await nextCode(tx, data.communeId, codePrefix, receivedAt)
	const secret = newSecret()
	const digits = data.sender.phone.replace(/\D/g, '')
	const [item] = await tx
		.insert(feedbackItems)
		.values({
			communeId: data.communeId,
			code,
			kind: data.kind,
			channel: data.channel,
			confidentiality: data.confidentiality ?? 'normal',
			fieldId: data.fieldId,
			villageId: data.villageId,
			place: data.place,
			title: data.title,
			content: data.content,
			lat: data.lat ?? null,
			long: data.long ?? null,
			anonymous: data.sender.anonymous,
			secretHash: hashSecret(secret),
			phoneLast4: digits.length >= 4 ? digits.slice(-4) : null,
			receivedAt,
			acceptDue,
			dueOn,
			recordedBy: data.recordedBy ?? null,
			collectionSessionId: data.collectionSessionId ?? null,
			mailboxOpeningId: data.mailboxOpeningId ?? null,
			apiClientId: data.apiClientId ?? null,
		})
		.returning()
	const s = data.sender
	await tx.insert(feedbackContacts).values({
		itemId: item!.id,
		communeId: data.communeId,
		fullName: s.anonymous ? '' : s.fullName,
		phone: s.phone,
		email: s.email,
		address: s.anonymous ? '' : s.address,
		identityNumber: s.anonymous ? '' : s.identityNumber,
		wantsUpdates: s.wantsUpdates && Boolean(s.phone || s.email),
		protected: data.kind === 'to_cao',
		consentAt: data.consentText ? receivedAt : null,
		consentText: data.consentText,
	})
	for (const file of attachments) {
		await tx.insert(feedbackAttachments).values({ communeId: data.communeId, itemId: item!.id, ...file })
	}
	await tx.insert(feedbackEvents).values({
		communeId: data.communeId,
		itemId: item!.id,
		type: 'received',
		public: true,
		actorUserId: data.recordedBy ?? null,
		actorLabel: data.actorLabel,
		data: { channel: data.channel, dueOn },
	})
	await enqueueSenderNotification(tx, item!, 'received')
	return { item: item!, secret }
}

// ---- The public form, step by step ----

export type DraftData = Record<string, string>
export const DRAFT_HOURS = 24

export async function startDraft(db: DbOrTx, communeId: string): Promise<string> {
	const [row] = await db
		.insert(feedbackDrafts)
		.values({ communeId, data: {}, expiresAt: new Date(Date.now() + DRAFT_HOURS * 3600_000) })
		.returning({ id: feedbackDrafts.id })
	return row!.id
}

export async function getDraft(db: DbOrTx, communeId: string, draftId: string | null | undefined) {
	if (!isUuid(draftId)) return null
	const [row] = await db
		.select()
		.from(feedbackDrafts)
		.where(and(eq(feedbackDrafts.id, draftId), eq(feedbackDrafts.communeId, communeId), sql`${feedbackDrafts.expiresAt} > now()`))
		.limit(1)
	if (!row) return null
	const files = await db
		.select({ id: feedbackAttachments.id, fileName: feedbackAttachments.fileName, mime: feedbackAttachments.mime, size: feedbackAttachments.size })
		.from(feedbackAttachments)
		.where(and(eq(feedbackAttachments.draftId, draftId), eq(feedbackAttachments.communeId, communeId)))
		.orderBy(asc(feedbackAttachments.createdAt))
	return { id: row.id, data: row.data, files }
}

/** Merges answers of one step into the draft (only the keys of that step). */
export async function saveDraftStep(db: DbOrTx, communeId: string, draftId: string, values: DraftData): Promise<void> {
	await db
		.update(feedbackDrafts)
		.set({ data: sql`${feedbackDrafts.data} || ${JSON.stringify(values)}::jsonb`, updatedAt: new Date(), expiresAt: new Date(Date.now() + DRAFT_HOURS * 3600_000) })
		.where(and(eq(feedbackDrafts.id, draftId), eq(feedbackDrafts.communeId, communeId)))
}

export async function addDraftFiles(db: DbOrTx, communeId: string, draftId: string, files: readonly Attachment[], maxFiles: number): Promise<void> {
	const draft = await getDraft(db, communeId, draftId)
	if (!draft) throw new AppError('not_found', 'feedback.form.expired')
	if (draft.files.length + files.length > maxFiles) throw new AppError('invalid', 'upload.tooMany', { max: maxFiles })
	for (const file of files) await db.insert(feedbackAttachments).values({ communeId, draftId, ...file })
}

export async function removeDraftFile(db: DbOrTx, communeId: string, draftId: string, fileId: string): Promise<void> {
	if (!isUuid(fileId) || !isUuid(draftId)) return
	await db
		.delete(feedbackAttachments)
		.where(and(eq(feedbackAttachments.id, fileId), eq(feedbackAttachments.draftId, draftId), eq(feedbackAttachments.communeId, communeId)))
}

/** Checks a draft as a whole; returns the field errors grouped by step, empty when complete. */
export function draftProblems(data: DraftData): Record<string, string> {
	const problems: Record<string, string> = {}
	const subject = ZSubject.safeParse(data)
	if (!subject.success) {
		for (const issue of subject.error.issues) problems[String(issue.path[0])] ??= issue.message
	}
	if (data.kind && !(GENERAL_KINDS as readonly string[]).includes(data.kind) && data.kind !== 'khieu_nai' && data.kind !== 'to_cao') problems.kind = 'feedback.form.kindRequired'
	const sender = ZSender.safeParse(data)
	if (!sender.success) {
		for (const issue of sender.error.issues) problems[String(issue.path[0])] ??= issue.message
	}
	// What the kind asks of the sender (a name, an address …) is reported in the same round as a
	// badly typed phone number, read from the raw values when the formats are wrong.
	if (subject.success) {
		const raw = (key: keyof DraftData) => String(data[key] ?? '').trim()
		const given: Sender = sender.success
			? sender.data
			: {
					anonymous: raw('anonymous') === 'yes',
					fullName: raw('fullName'),
					phone: raw('phone'),
					email: raw('email'),
					address: raw('address'),
					identityNumber: raw('identityNumber'),
					wantsUpdates: raw('wantsUpdates') === 'yes',
				}
		for (const [field, message] of Object.entries(senderProblems(subject.data.kind, given))) problems[field] ??= message
	}
	return problems
}

/** Turns a complete draft into an item, in one transaction: the code exists only once it is stored. */
export async function submitDraft(db: Db, communeId: string, draftId: string, consentText: string): Promise<{ item: FeedbackItem; secret: string }> {
	const draft = await getDraft(db, communeId, draftId)
	if (!draft) throw new AppError('not_found', 'feedback.form.expired')
	const problems = draftProblems(draft.data)
	if (Object.keys(problems).length) throw new InputError(problems)
	const subject = parseInput(ZSubject, draft.data)
	const sender = parseInput(ZSender, draft.data)
	return db.transaction(async (tx) => {
		const created = await insertItem(tx, { ...subject, communeId, channel: 'web', sender, consentText, actorLabel: 'web' }, [])
		await tx.update(feedbackAttachments).set({ itemId: created.item.id, draftId: null }).where(and(eq(feedbackAttachments.draftId, draftId), eq(feedbackAttachments.communeId, communeId)))
		await tx.delete(feedbackDrafts).where(eq(feedbackDrafts.id, draftId))
		return created
	})
}

/** Deletes drafts left unfinished, with their files. */
export async function purgeExpiredDrafts(db: Db, now = new Date()): Promise<number> {
	return db.transaction(async (tx) => {
		const gone = await tx.delete(feedbackDrafts).where(lt(feedbackDrafts.expiresAt, now)).returning({ id: feedbackDrafts.id })
		await tx.delete(feedbackAttachments).where(and(isNull(feedbackAttachments.itemId), sql`${feedbackAttachments.draftId} is not null and not exists (select 1 from feedback_drafts d where d.id = ${feedbackAttachments.draftId})`))
		return gone.length
	})
}

// ---- Staff intake and other apps ----

/** An item that came by mailbox, hotline, in person, e-mail or collection, recorded by staff. */
export async function recordIntake(
	db: Db,
	actor: Actor,
	communeId: string,
	input: unknown,
	attachments: readonly Attachment[] = [],
): Promise<{ item: FeedbackItem; secret: string }> {
	assertCan(actor, 'feedback.intake', communeId)
	const data = parseInput(ZIntake, input)
	// Staff write down what came in: a name is needed only where the law asks for one (khiếu nại,
	// tố cáo); a letter or a call may be anonymous whatever its kind.
	const identified = data.kind === 'khieu_nai' || data.kind === 'to_cao'
	const problems = senderProblems(data.kind, { ...data, anonymous: !identified && !data.fullName })
	delete problems.anonymous
	if (Object.keys(problems).length) throw new InputError(problems)
	if (data.channel === 'collection' && !data.collectionSessionId && !can(actor, 'feedback.viewAll', communeId)) {
		throw new InputError({ collectionSessionId: 'feedback.intake.sessionRequired' })
	}
	const receivedAt = data.receivedOn ? new Date(`${data.receivedOn}T08:00:00+07:00`) : new Date()
	if (receivedAt.getTime() > Date.now() + 60_000) throw new InputError({ receivedOn: 'feedback.intake.futureDate' })
	return db.transaction(async (tx) => {
		const created = await insertItem(
			tx,
			{
				communeId,
				kind: data.kind,
				channel: data.channel,
				fieldId: data.fieldId,
				villageId: data.villageId,
				place: data.place,
				title: data.title,
				content: data.content,
				sender: { ...data, anonymous: !data.fullName },
				consentText: '',
				confidentiality: data.confidentiality,
				receivedAt,
				recordedBy: actor.kind === 'staff' ? actor.userId : null,
				collectionSessionId: data.collectionSessionId,
				mailboxOpeningId: data.mailboxOpeningId,
				actorLabel: actor.kind === 'staff' ? actor.name : actor.label,
			},
			attachments,
		)
		await writeAudit(tx, actor, { communeId, action: 'feedback.intake', entityType: 'feedback_item', entityId: created.item.id, after: { code: created.item.code, channel: data.channel } })
		return created
	})
}

/** An item sent by another app (Open311); the key has been checked by the caller. */
export async function recordFromApi(
	db: Db,
	communeId: string,
	apiClient: { id: string; name: string },
	data: { kind: FeedbackKind; fieldId: string | null; title: string; content: string; place: string; lat: number | null; long: number | null; sender: Sender },
): Promise<{ item: FeedbackItem; secret: string }> {
	return db.transaction((tx) =>
		insertItem(tx, { ...data, communeId, channel: 'api', villageId: null, consentText: '', apiClientId: apiClient.id, actorLabel: `API: ${apiClient.name}` }, []),
	)
}

// ---- The citizen's look-up ----

const LOOKUP_FAIL = 'feedback.lookup.notFound'

/**
 * Opens an item for its sender: the code alone is not enough, the secret from the confirmation
 * (or the last 4 digits of the phone given) must match. Answers the same "not found" either way.
 */
/** Wrong look-ups of one code before the phone-digits way in is closed for LOOKUP_LOCK_MINUTES. */
export const LOOKUP_MAX_FAILURES = 10
export const LOOKUP_LOCK_MINUTES = 60

/**
 * Opens an item with its code and the secret given at submission, or the phone number's last
 * digits. Four digits are guessable, so after LOOKUP_MAX_FAILURES wrong tries on one code (from any
 * address) the digits stop working for that code for an hour; the secret always works.
 */
export async function lookupItem(db: DbOrTx, communeId: string, codeInput: string, proofInput: string, now = new Date()) {
	const code = normalizeCode(codeInput)
	const proof = normalizeText(proofInput)
	if (!code || !proof || code.length > 20 || proof.length > 40) throw new AppError('not_found', LOOKUP_FAIL)
	const [item] = await db.select().from(feedbackItems).where(and(eq(feedbackItems.communeId, communeId), eq(feedbackItems.code, code))).limit(1)
	if (!item) throw new AppError('not_found', LOOKUP_FAIL)
	const digits = proof.replace(/\D/g, '')
	const bySecret = safeEqualHex(hashSecret(proof), item.secretHash)
	const locked = item.lookupLockedUntil !== null && item.lookupLockedUntil > now
	const byPhone = !locked && item.phoneLast4 !== null && digits.length >= 4 && digits === proof.replace(/[\s.]/g, '') && digits.endsWith(item.phoneLast4)
	if (bySecret || byPhone) {
		if (item.failedLookups > 0) await db.update(feedbackItems).set({ failedLookups: 0 }).where(eq(feedbackItems.id, item.id))
		return item
	}
	const failures = item.failedLookups + 1
	const lockNow = failures >= LOOKUP_MAX_FAILURES
	await db
		.update(feedbackItems)
		.set(lockNow ? { failedLookups: 0, lookupLockedUntil: new Date(now.getTime() + LOOKUP_LOCK_MINUTES * 60_000) } : { failedLookups: sql`${feedbackItems.failedLookups} + 1` })
		.where(eq(feedbackItems.id, item.id))
	if (locked || lockNow) throw new AppError('not_found', 'feedback.lookup.locked', { minutes: LOOKUP_LOCK_MINUTES })
	throw new AppError('not_found', LOOKUP_FAIL)
}

function safeEqualHex(a: string, b: string): boolean {
	const ab = Buffer.from(a, 'hex')
	const bb = Buffer.from(b, 'hex')
	return ab.length === bb.length && timingSafeEqual(ab, bb)
}

/** What the sender sees of their item: status, deadlines, public timeline and the answer. */
export async function senderView(db: DbOrTx, item: FeedbackItem) {
	const [field] = item.fieldId ? await db.select({ name: feedbackFields.name }).from(feedbackFields).where(eq(feedbackFields.id, item.fieldId)).limit(1) : []
	const [village] = item.villageId ? await db.select({ name: villages.name }).from(villages).where(eq(villages.id, item.villageId)).limit(1) : []
	const events = await db
		.select({ type: feedbackEvents.type, at: feedbackEvents.at, data: feedbackEvents.data })
		.from(feedbackEvents)
		.where(and(eq(feedbackEvents.itemId, item.id), eq(feedbackEvents.public, true)))
		.orderBy(asc(feedbackEvents.at))
	const answered = (ANSWERED_STATUSES as readonly string[]).includes(item.status)
	return {
		code: item.code,
		kind: item.kind,
		status: item.status,
		title: item.title,
		content: item.content,
		field: field?.name ?? null,
		village: village?.name ?? null,
		receivedAt: item.receivedAt,
		dueOn: item.dueOn,
		answeredAt: item.answeredAt,
		answer: answered ? (item.status === 'forwarded' ? item.answer || item.forwardedTo || '' : item.answer) : null,
		forwardedTo: item.forwardedTo,
		rejectionReason: item.status === 'rejected' ? item.rejectionReason : null,
		satisfied: item.satisfied,
		ratingComment: item.ratingComment,
		canRate: answered && item.satisfied === null,
		events,
	}
}

/** The sender's rating of the answer; "not satisfied" reopens the item for a leader to review. */
export async function rateAnswer(db: Db, communeId: string, codeInput: string, proofInput: string, input: unknown): Promise<{ reopened: boolean }> {
	const data = parseInput(ZRating, input)
	return db.transaction(async (tx) => {
		const item = await lookupItem(tx, communeId, codeInput, proofInput)
		if (!(ANSWERED_STATUSES as readonly string[]).includes(item.status) || item.satisfied !== null) throw new AppError('conflict', 'feedback.rate.notNow')
		const reopened = !data.satisfied
		await tx
			.update(feedbackItems)
			.set({
				satisfied: data.satisfied,
				ratingComment: data.comment,
				ratedAt: new Date(),
				updatedAt: new Date(),
				...(reopened ? { status: 'in_progress' as const, needsReview: true, reopenCount: item.reopenCount + 1 } : {}),
			})
			.where(eq(feedbackItems.id, item.id))
		await tx.insert(feedbackEvents).values({ communeId, itemId: item.id, type: 'rated', public: true, actorLabel: 'citizen', note: data.comment, data: { satisfied: data.satisfied } })
		if (reopened) await tx.insert(feedbackEvents).values({ communeId, itemId: item.id, type: 'reopened', public: true, actorLabel: 'citizen' })
		return { reopened }
	})
}

