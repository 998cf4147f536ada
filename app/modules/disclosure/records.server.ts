import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Db, DbOrTx, Tx } from '#app/core/db/client.server.ts'
import { foldedContains } from '#app/core/db/search.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import type { CheckedUpload } from '#app/core/files/uploads.server.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from '#app/modules/platform/audit.server.ts'
import { toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { assertCan, type Actor } from '#app/modules/platform/permissions.ts'
import { agencies, villages } from '#app/modules/platform/platform.schema.ts'
import { ensureDisclosureSetup } from './catalogue.server.ts'
import { publicRecordPath } from './labels.ts'
import type { RecordStatus } from './disclosure.constants.ts'
import { ZChangeReason, ZEndPosting, ZPosting, ZRecord, ZWithdraw } from './disclosure.inputs.ts'
import {
	disclosureAttachments,
	disclosureCounters,
	disclosureObligations,
	disclosurePostings,
	disclosureRecordObligations,
	disclosureRecords,
	disclosureRecordVersions,
} from './disclosure.schema.ts'

// Publication records (bản công khai): prepared as drafts, published, posted in the forms the
// law asks for (each posting with its dates and proof), ended, or withdrawn with a reason. A
// change to a published record keeps the earlier version, so what was posted can always be shown.

export type DisclosureRecord = typeof disclosureRecords.$inferSelect
export type Posting = typeof disclosurePostings.$inferSelect
export type RecordFile = Omit<typeof disclosureAttachments.$inferSelect, 'bytes'>

/** Files a record may hold in all (documents and proof). */
export const MAX_FILES_PER_RECORD = 20

async function nextCode(tx: DbOrTx, communeId: string, at: Date): Promise<string> {
	const year = Number(toIsoDate(at).slice(0, 4))
	const [row] = await tx
		.insert(disclosureCounters)
		.values({ communeId, year, lastSeq: 1 })
		.onConflictDoUpdate({ target: [disclosureCounters.communeId, disclosureCounters.year], set: { lastSeq: sql`${disclosureCounters.lastSeq} + 1` } })
		.returning({ seq: disclosureCounters.lastSeq })
	return `CK-${String(year % 100).padStart(2, '0')}-${String(row!.seq).padStart(4, '0')}`
}

/** The obligations named by id, all of this commune; unknown ids are a form error. */
async function obligationsOf(tx: DbOrTx, communeId: string, ids: readonly string[]) {
	const unique = [...new Set(ids)]
	const rows = await tx
		.select({ id: disclosureObligations.id, field: disclosureObligations.field, agencyId: disclosureObligations.agencyId, sortOrder: disclosureObligations.sortOrder })
		.from(disclosureObligations)
		.where(and(eq(disclosureObligations.communeId, communeId), inArray(disclosureObligations.id, unique)))
	if (rows.length !== unique.length) throw new InputError({ obligationIds: 'disclosure.form.obligationRequired' })
	return rows.sort((a, b) => unique.indexOf(a.id) - unique.indexOf(b.id))
}

async function checkAgency(tx: DbOrTx, communeId: string, agencyId: string | null) {
	if (!agencyId) return
	const [row] = await tx
		.select({ id: agencies.id })
		.from(agencies)
		.where(and(eq(agencies.communeId, communeId), eq(agencies.id, agencyId)))
		.limit(1)
	if (!row) throw new InputError({ agencyId: 'form.invalid' })
}

async function loadRecord(db: DbOrTx, communeId: string, recordId: string, lock = false): Promise<DisclosureRecord> {
	if (!isUuid(recordId)) throw new AppError('not_found', 'error.notFound')
	const query = db
		.select()
		.from(disclosureRecords)
		.where(and(eq(disclosureRecords.communeId, communeId), eq(disclosureRecords.id, recordId)))
		.limit(1)
	const [row] = lock ? await query.for('update') : await query
	if (!row) throw new AppError('not_found', 'error.notFound')
	return row
}

/** Starts a record as a draft. */
export async function createRecord(db: Db, actor: Actor, communeId: string, input: unknown, now = new Date()): Promise<DisclosureRecord> {
	assertCan(actor, 'disclosure.record', communeId)
	const data = parseInput(ZRecord, input)
	return db.transaction(async (tx) => {
		await ensureDisclosureSetup(tx, communeId)
		const obligations = await obligationsOf(tx, communeId, data.obligationIds)
		await checkAgency(tx, communeId, data.agencyId)
		const userId = actor.kind === 'staff' ? actor.userId : null
		const [row] = await tx
			.insert(disclosureRecords)
			.values({
				communeId,
				code: await nextCode(tx, communeId, now),
				title: data.title,
				body: data.body,
				field: obligations[0]!.field,
				decisionRef: data.decisionRef,
				decisionDate: data.decisionDate,
				period: data.period,
				agencyId: data.agencyId ?? obligations[0]!.agencyId,
				createdBy: userId,
				updatedBy: userId,
			})
			.returning()
		await tx.insert(disclosureRecordObligations).values(obligations.map((o) => ({ communeId, recordId: row!.id, obligationId: o.id })))
		await writeAudit(tx, actor, {
			communeId,
			action: 'disclosure_record.create',
			entityType: 'disclosure_record',
			entityId: row!.id,
			after: { code: row!.code, title: data.title, obligationIds: data.obligationIds },
		})
		return row!
	})
}

/**
 * Changes a record. A draft changes freely; a published or ended record needs a reason, and
 * its earlier text is kept as a version that the public page lists. A withdrawn record is final.
 */
export async function updateRecord(db: Db, actor: Actor, communeId: string, recordId: string, input: unknown, reasonInput: unknown = {}): Promise<DisclosureRecord> {
	assertCan(actor, 'disclosure.record', communeId)
	const data = parseInput(ZRecord, input)
	return db.transaction(async (tx) => {
		const before = await loadRecord(tx, communeId, recordId, true)
		if (before.status === 'withdrawn') throw new AppError('conflict', 'disclosure.error.withdrawnIsFinal')
		const obligations = await obligationsOf(tx, communeId, data.obligationIds)
		await checkAgency(tx, communeId, data.agencyId)
		const contentChanged =
			before.title !== data.title || before.body !== data.body || before.decisionRef !== data.decisionRef || before.decisionDate !== data.decisionDate
		let version = before.version
		if (before.status !== 'draft' && contentChanged) {
			const { reason } = parseInput(ZChangeReason, reasonInput)
			await tx.insert(disclosureRecordVersions).values({
				communeId,
				recordId,
				version: before.version,
				title: before.title,
				body: before.body,
				decisionRef: before.decisionRef,
				decisionDate: before.decisionDate,
				reason,
				replacedBy: actor.kind === 'staff' ? actor.userId : null,
			})
			version += 1
		}
		const [row] = await tx
			.update(disclosureRecords)
			.set({
				title: data.title,
				body: data.body,
				field: obligations[0]!.field,
				decisionRef: data.decisionRef,
				decisionDate: data.decisionDate,
				period: data.period,
				agencyId: data.agencyId ?? before.agencyId,
				version,
				updatedBy: actor.kind === 'staff' ? actor.userId : null,
				updatedAt: new Date(),
			})
			.where(eq(disclosureRecords.id, recordId))
			.returning()
		await tx.delete(disclosureRecordObligations).where(eq(disclosureRecordObligations.recordId, recordId))
		await tx.insert(disclosureRecordObligations).values(obligations.map((o) => ({ communeId, recordId, obligationId: o.id })))
		await writeAudit(tx, actor, {
			communeId,
			action: 'disclosure_record.update',
			entityType: 'disclosure_record',
			entityId: recordId,
			before: { title: before.title, version: before.version },
			after: { title: data.title, version, obligationIds: data.obligationIds },
		})
		return row!
	})
}

/** Attaches checked files: the record's documents (postingId null) or the proof of one posting. */
export async function addRecordFiles(
	db: Db,
	actor: Actor,
	communeId: string,
	recordId: string,
	files: readonly CheckedUpload[],
	postingId: string | null = null,
): Promise<number> {
	assertCan(actor, 'disclosure.record', communeId)
	if (!files.length) return 0
	return db.transaction(async (tx) => {
		const record = await loadRecord(tx, communeId, recordId, true)
		if (record.status === 'withdrawn') throw new AppError('conflict', 'disclosure.error.withdrawnIsFinal')
		if (postingId) await loadPosting(tx, communeId, recordId, postingId)
		const [held] = await tx
			.select({ n: count() })
			.from(disclosureAttachments)
			.where(and(eq(disclosureAttachments.recordId, recordId), isNull(disclosureAttachments.removedAt)))
		if ((held?.n ?? 0) + files.length > MAX_FILES_PER_RECORD) throw new AppError('invalid', 'disclosure.error.tooManyFiles', { max: MAX_FILES_PER_RECORD })
		await tx.insert(disclosureAttachments).values(
			files.map((f) => ({ communeId, recordId, postingId, fileName: f.fileName, mime: f.mime, size: f.size, bytes: f.bytes })),
		)
		await writeAudit(tx, actor, {
			communeId,
			action: 'disclosure_record.files_add',
			entityType: 'disclosure_record',
			entityId: recordId,
			after: { files: files.map((f) => f.fileName), postingId },
		})
		return files.length
	})
}

/**
 * Takes a file off a record. From a draft it is deleted; from a published record it is only
 * hidden (the history of what was published stays complete).
 */
export async function removeRecordFile(db: Db, actor: Actor, communeId: string, recordId: string, fileId: string): Promise<void> {
	assertCan(actor, 'disclosure.record', communeId)
	if (!isUuid(fileId)) throw new AppError('not_found', 'error.notFound')
	await db.transaction(async (tx) => {
		const record = await loadRecord(tx, communeId, recordId, true)
		const [file] = await tx
			.select({ id: disclosureAttachments.id, fileName: disclosureAttachments.fileName })
			.from(disclosureAttachments)
			.where(and(eq(disclosureAttachments.recordId, recordId), eq(disclosureAttachments.id, fileId), isNull(disclosureAttachments.removedAt)))
			.limit(1)
		if (!file) throw new AppError('not_found', 'error.notFound')
		if (record.status === 'draft') await tx.delete(disclosureAttachments).where(eq(disclosureAttachments.id, fileId))
		else await tx.update(disclosureAttachments).set({ removedAt: new Date() }).where(eq(disclosureAttachments.id, fileId))
		await writeAudit(tx, actor, { communeId, action: 'disclosure_record.file_remove', entityType: 'disclosure_record', entityId: recordId, before: { file: file.fileName } })
	})
}

/** A file of a record for download. `publicOnly`: only published documents of a non-draft record. */
export async function getRecordFile(db: DbOrTx, communeId: string, recordId: string, fileId: string, options: { publicOnly: boolean }) {
	if (!isUuid(fileId) || !isUuid(recordId)) throw new AppError('not_found', 'error.notFound')
	const [row] = await db
		.select({ file: disclosureAttachments, status: disclosureRecords.status })
		.from(disclosureAttachments)
		.innerJoin(disclosureRecords, eq(disclosureRecords.id, disclosureAttachments.recordId))
		.where(and(eq(disclosureAttachments.communeId, communeId), eq(disclosureAttachments.recordId, recordId), eq(disclosureAttachments.id, fileId)))
		.limit(1)
	if (!row) throw new AppError('not_found', 'error.notFound')
	if (options.publicOnly && (row.status === 'draft' || row.file.postingId !== null || row.file.removedAt !== null)) throw new AppError('not_found', 'error.notFound')
	return row.file
}

async function loadPosting(tx: DbOrTx, communeId: string, recordId: string, postingId: string): Promise<Posting> {
	if (!isUuid(postingId)) throw new AppError('not_found', 'error.notFound')
	const [row] = await tx
		.select()
		.from(disclosurePostings)
		.where(and(eq(disclosurePostings.communeId, communeId), eq(disclosurePostings.recordId, recordId), eq(disclosurePostings.id, postingId)))
		.limit(1)
	if (!row) throw new AppError('not_found', 'error.notFound')
	return row
}

/** Records that the record was posted in one form: where, from when (and until when), with proof. */
export async function addPosting(
	db: Db,
	actor: Actor,
	communeId: string,
	recordId: string,
	input: unknown,
	proofFiles: readonly CheckedUpload[] = [],
	now = new Date(),
): Promise<Posting> {
	assertCan(actor, 'disclosure.record', communeId)
	const data = parseInput(ZPosting, input)
	const today = toIsoDate(now)
	if (data.startedOn > today) throw new InputError({ startedOn: 'disclosure.form.futureDate' })
	if (data.endedOn && data.endedOn > today) throw new InputError({ endedOn: 'disclosure.form.futureDate' })
	const posting = await db.transaction(async (tx) => {
		const record = await loadRecord(tx, communeId, recordId, true)
		if (record.status === 'withdrawn') throw new AppError('conflict', 'disclosure.error.withdrawnIsFinal')
		if (data.villageId) {
			const [village] = await tx
				.select({ name: villages.name })
				.from(villages)
				.where(and(eq(villages.communeId, communeId), eq(villages.id, data.villageId)))
				.limit(1)
			if (!village) throw new InputError({ villageId: 'form.invalid' })
			if (!data.place) data.place = village.name
		}
		const [row] = await tx
			.insert(disclosurePostings)
			.values({ ...data, communeId, recordId, recordedBy: actor.kind === 'staff' ? actor.userId : null })
			.returning()
		await writeAudit(tx, actor, {
			communeId,
			action: 'disclosure_posting.create',
			entityType: 'disclosure_record',
			entityId: recordId,
			after: { form: data.form, place: data.place, startedOn: data.startedOn, endedOn: data.endedOn },
		})
		return row!
	})
	if (proofFiles.length) await addRecordFiles(db, actor, communeId, recordId, proofFiles, posting.id)
	return posting
}

/** The day a posting came down (or the last day on air). */
export async function endPosting(db: Db, actor: Actor, communeId: string, recordId: string, postingId: string, input: unknown, now = new Date()): Promise<Posting> {
	assertCan(actor, 'disclosure.record', communeId)
	const { endedOn } = parseInput(ZEndPosting, input)
	if (endedOn > toIsoDate(now)) throw new InputError({ endedOn: 'disclosure.form.futureDate' })
	return db.transaction(async (tx) => {
		const posting = await loadPosting(tx, communeId, recordId, postingId)
		if (endedOn < posting.startedOn) throw new InputError({ endedOn: 'disclosure.form.endBeforeStart' })
		const [row] = await tx.update(disclosurePostings).set({ endedOn, updatedAt: new Date() }).where(eq(disclosurePostings.id, postingId)).returning()
		await writeAudit(tx, actor, {
			communeId,
			action: 'disclosure_posting.end',
			entityType: 'disclosure_record',
			entityId: recordId,
			before: { endedOn: posting.endedOn },
			after: { endedOn },
		})
		return row!
	})
}

/** Deletes a posting entered by mistake (the audit log keeps what it said). */
export async function removePosting(db: Db, actor: Actor, communeId: string, recordId: string, postingId: string): Promise<void> {
	assertCan(actor, 'disclosure.record', communeId)
	await db.transaction(async (tx) => {
		const posting = await loadPosting(tx, communeId, recordId, postingId)
		await tx.delete(disclosurePostings).where(eq(disclosurePostings.id, postingId))
		await writeAudit(tx, actor, {
			communeId,
			action: 'disclosure_posting.remove',
			entityType: 'disclosure_record',
			entityId: recordId,
			before: { form: posting.form, place: posting.place, startedOn: posting.startedOn, endedOn: posting.endedOn },
		})
	})
}

async function changeStatus(
	db: Db,
	actor: Actor,
	communeId: string,
	recordId: string,
	from: readonly RecordStatus[],
	apply: (tx: Tx, record: DisclosureRecord) => Promise<Partial<typeof disclosureRecords.$inferInsert>>,
	action: string,
	detail: Record<string, unknown> = {},
): Promise<DisclosureRecord> {
	assertCan(actor, 'disclosure.publish', communeId)
	return db.transaction(async (tx) => {
		const record = await loadRecord(tx, communeId, recordId, true)
		if (!from.includes(record.status)) throw new AppError('conflict', 'disclosure.error.wrongStatus')
		const set = await apply(tx, record)
		const [row] = await tx
			.update(disclosureRecords)
			.set({ ...set, updatedBy: actor.kind === 'staff' ? actor.userId : null, updatedAt: new Date() })
			.where(eq(disclosureRecords.id, recordId))
			.returning()
		await writeAudit(tx, actor, { communeId, action, entityType: 'disclosure_record', entityId: recordId, before: { status: record.status }, after: { status: row!.status, ...detail } })
		return row!
	})
}

/** Closes the postings still up on the given day. */
async function closeOpenPostings(tx: Tx, recordId: string, day: string) {
	await tx
		.update(disclosurePostings)
		.set({ endedOn: sql`greatest(${disclosurePostings.startedOn}, ${day}::date)`, updatedAt: new Date() })
		.where(and(eq(disclosurePostings.recordId, recordId), isNull(disclosurePostings.endedOn)))
}

/**
 * Publishes a draft: it appears on the public pages at once, which is itself the website form of
 * publication, so a website posting starting today is recorded with the page's address.
 */
export async function publishRecord(db: Db, actor: Actor, communeId: string, recordId: string, now = new Date()): Promise<DisclosureRecord> {
	return changeStatus(
		db,
		actor,
		communeId,
		recordId,
		['draft'],
		async (tx, record) => {
			if (!record.title.trim()) throw new AppError('invalid', 'disclosure.error.emptyTitle')
			await tx.insert(disclosurePostings).values({
				communeId,
				recordId,
				form: 'website',
				place: 'Trang công khai của xã',
				startedOn: toIsoDate(now),
				proofUrl: publicRecordPath(record.code),
				proofNote: 'Ghi tự động khi đăng trên trang công khai.',
				recordedBy: actor.kind === 'staff' ? actor.userId : null,
			})
			return { status: 'published', publishedAt: now, reviewedAt: now }
		},
		'disclosure_record.publish',
	)
}

/** Ends a publication whose time is over (it stays on the public pages as ended). */
export async function endRecord(db: Db, actor: Actor, communeId: string, recordId: string, now = new Date()): Promise<DisclosureRecord> {
	return changeStatus(
		db,
		actor,
		communeId,
		recordId,
		['published'],
		async (tx) => {
			await closeOpenPostings(tx, recordId, toIsoDate(now))
			return { status: 'ended', endedAt: now }
		},
		'disclosure_record.end',
	)
}

/** Withdraws a record with a reason; it stays visible as withdrawn, and nothing more changes it. */
export async function withdrawRecord(db: Db, actor: Actor, communeId: string, recordId: string, input: unknown, now = new Date()): Promise<DisclosureRecord> {
	const { reason } = parseInput(ZWithdraw, input)
	return changeStatus(
		db,
		actor,
		communeId,
		recordId,
		['published', 'ended'],
		async (tx) => {
			await closeOpenPostings(tx, recordId, toIsoDate(now))
			return { status: 'withdrawn', withdrawnAt: now, withdrawReason: reason }
		},
		'disclosure_record.withdraw',
		{ reason },
	)
}

/** Deletes a draft that was never published. */
export async function deleteDraft(db: Db, actor: Actor, communeId: string, recordId: string): Promise<void> {
	assertCan(actor, 'disclosure.record', communeId)
	await db.transaction(async (tx) => {
		const record = await loadRecord(tx, communeId, recordId, true)
		if (record.status !== 'draft') throw new AppError('conflict', 'disclosure.error.wrongStatus')
		await tx.delete(disclosureRecords).where(eq(disclosureRecords.id, recordId))
		await writeAudit(tx, actor, { communeId, action: 'disclosure_record.delete', entityType: 'disclosure_record', entityId: recordId, before: { code: record.code, title: record.title } })
	})
}

/** Confirms that a kept-current publication (quy chế, thủ tục …) is still right. */
export async function markReviewed(db: Db, actor: Actor, communeId: string, recordId: string, now = new Date()): Promise<DisclosureRecord> {
	assertCan(actor, 'disclosure.record', communeId)
	return db.transaction(async (tx) => {
		const record = await loadRecord(tx, communeId, recordId, true)
		if (record.status !== 'published') throw new AppError('conflict', 'disclosure.error.wrongStatus')
		const [row] = await tx.update(disclosureRecords).set({ reviewedAt: now, updatedAt: now }).where(eq(disclosureRecords.id, recordId)).returning()
		await writeAudit(tx, actor, { communeId, action: 'disclosure_record.review', entityType: 'disclosure_record', entityId: recordId })
		return row!
	})
}

export type RecordDetail = {
	record: DisclosureRecord
	obligations: Array<{ id: string; title: string; legalBasis: string; requiredForms: string[]; durationKind: string; minimumDays: number | null; radioDays: number | null; deadlineWorkingDays: number; recurrence: string }>
	postings: Posting[]
	files: RecordFile[]
	versions: Array<typeof disclosureRecordVersions.$inferSelect>
	agencyName: string | null
}

/** Everything about a record, for the staff page (or the public page once published). */
export async function recordDetail(db: DbOrTx, communeId: string, record: DisclosureRecord): Promise<RecordDetail> {
	const [obligations, postings, files, versions, agency] = await Promise.all([
		db
			.select({
				id: disclosureObligations.id,
				title: disclosureObligations.title,
				legalBasis: disclosureObligations.legalBasis,
				requiredForms: disclosureObligations.requiredForms,
				durationKind: disclosureObligations.durationKind,
				minimumDays: disclosureObligations.minimumDays,
				radioDays: disclosureObligations.radioDays,
				deadlineWorkingDays: disclosureObligations.deadlineWorkingDays,
				recurrence: disclosureObligations.recurrence,
			})
			.from(disclosureRecordObligations)
			.innerJoin(disclosureObligations, eq(disclosureObligations.id, disclosureRecordObligations.obligationId))
			.where(and(eq(disclosureRecordObligations.communeId, communeId), eq(disclosureRecordObligations.recordId, record.id)))
			.orderBy(asc(disclosureObligations.sortOrder)),
		db
			.select()
			.from(disclosurePostings)
			.where(and(eq(disclosurePostings.communeId, communeId), eq(disclosurePostings.recordId, record.id)))
			.orderBy(asc(disclosurePostings.startedOn), asc(disclosurePostings.createdAt)),
		db
			.select({
				id: disclosureAttachments.id,
				communeId: disclosureAttachments.communeId,
				recordId: disclosureAttachments.recordId,
				postingId: disclosureAttachments.postingId,
				fileName: disclosureAttachments.fileName,
				mime: disclosureAttachments.mime,
				size: disclosureAttachments.size,
				removedAt: disclosureAttachments.removedAt,
				createdAt: disclosureAttachments.createdAt,
				updatedAt: disclosureAttachments.updatedAt,
			})
			.from(disclosureAttachments)
			.where(and(eq(disclosureAttachments.communeId, communeId), eq(disclosureAttachments.recordId, record.id)))
			.orderBy(asc(disclosureAttachments.createdAt)),
		db
			.select()
			.from(disclosureRecordVersions)
			.where(and(eq(disclosureRecordVersions.communeId, communeId), eq(disclosureRecordVersions.recordId, record.id)))
			.orderBy(desc(disclosureRecordVersions.version)),
		record.agencyId
			? db.select({ name: agencies.name }).from(agencies).where(and(eq(agencies.communeId, communeId), eq(agencies.id, record.agencyId))).limit(1)
			: Promise.resolve([]),
	])
	return { record, obligations, postings, files, versions, agencyName: agency[0]?.name ?? null }
}

export async function getRecordForStaff(db: DbOrTx, actor: Actor, communeId: string, recordId: string): Promise<RecordDetail> {
	assertCan(actor, 'disclosure.view', communeId)
	return recordDetail(db, communeId, await loadRecord(db, communeId, recordId))
}

export type StaffRecordFilter = { q?: string; status?: string; obligationId?: string; page?: number }
export const STAFF_PAGE_SIZE = 30

/** The commune's records for the back office, newest first, with drafts. */
export async function listRecordsForStaff(db: DbOrTx, actor: Actor, communeId: string, filter: StaffRecordFilter = {}) {
	assertCan(actor, 'disclosure.view', communeId)
	const conditions: SQL[] = [eq(disclosureRecords.communeId, communeId)]
	if (filter.q) conditions.push(foldedContains(disclosureRecords.search, filter.q))
	if (filter.status && ['draft', 'published', 'ended', 'withdrawn'].includes(filter.status)) conditions.push(eq(disclosureRecords.status, filter.status as RecordStatus))
	if (filter.obligationId && isUuid(filter.obligationId)) {
		conditions.push(
			inArray(
				disclosureRecords.id,
				db
					.select({ id: disclosureRecordObligations.recordId })
					.from(disclosureRecordObligations)
					.where(and(eq(disclosureRecordObligations.communeId, communeId), eq(disclosureRecordObligations.obligationId, filter.obligationId))),
			),
		)
	}
	const where = and(...conditions)
	const page = Math.max(1, Math.min(filter.page ?? 1, 10_000))
	const [rows, [total]] = await Promise.all([
		db
			.select({
				id: disclosureRecords.id,
				code: disclosureRecords.code,
				title: disclosureRecords.title,
				status: disclosureRecords.status,
				decisionDate: disclosureRecords.decisionDate,
				publishedAt: disclosureRecords.publishedAt,
				updatedAt: disclosureRecords.updatedAt,
				period: disclosureRecords.period,
			})
			.from(disclosureRecords)
			.where(where)
			.orderBy(desc(disclosureRecords.updatedAt))
			.limit(STAFF_PAGE_SIZE)
			.offset((page - 1) * STAFF_PAGE_SIZE),
		db.select({ n: count() }).from(disclosureRecords).where(where),
	])
	return { rows, total: total?.n ?? 0, page, pageSize: STAFF_PAGE_SIZE }
}
