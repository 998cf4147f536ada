import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#app/core/db/client.server.ts'
import { foldedContains } from '#app/core/db/search.ts'
import { isUuid } from '#app/core/validation.ts'
import { listObligations, type Obligation } from './catalogue.server.ts'
import { DISCLOSURE_FIELDS, type DisclosureField, type RecordStatus } from './disclosure.constants.ts'
import { disclosureObligations, disclosureRecordObligations, disclosureRecords } from './disclosure.schema.ts'
import { recordDetail, type RecordDetail } from './records.server.ts'

// What citizens see: every record that was published (drafts never), including ended and
// withdrawn ones marked as such, searchable without diacritics; the catalogue of obligations with
// each one's current record or plainly "not yet published"; data for feeds.

export const PUBLIC_PAGE_SIZE = 20

export type PublicRecordFilter = { q?: string; field?: string; year?: number; obligationId?: string; page?: number }

export type PublicRecordRow = {
	id: string
	code: string
	title: string
	field: string
	status: RecordStatus
	decisionRef: string
	decisionDate: string | null
	publishedAt: Date
	endedAt: Date | null
	withdrawnAt: Date | null
	obligations: string[]
}

function visible(communeId: string): SQL {
	return and(eq(disclosureRecords.communeId, communeId), ne(disclosureRecords.status, 'draft'))!
}

function conditionsFor(communeId: string, f: PublicRecordFilter): SQL {
	const conditions: SQL[] = [visible(communeId)]
	if (f.q) conditions.push(foldedContains(disclosureRecords.search, f.q))
	if (f.field && (DISCLOSURE_FIELDS as readonly string[]).includes(f.field)) conditions.push(eq(disclosureRecords.field, f.field))
	if (f.year && f.year >= 2000 && f.year <= 2100) {
		conditions.push(
			gte(disclosureRecords.publishedAt, new Date(`${f.year}-01-01T00:00:00+07:00`)),
			lt(disclosureRecords.publishedAt, new Date(`${f.year + 1}-01-01T00:00:00+07:00`)),
		)
	}
	if (f.obligationId && isUuid(f.obligationId)) {
		conditions.push(
			inArray(
				disclosureRecords.id,
				sql`(select ${disclosureRecordObligations.recordId} from ${disclosureRecordObligations} where ${disclosureRecordObligations.communeId} = ${communeId} and ${disclosureRecordObligations.obligationId} = ${f.obligationId})`,
			),
		)
	}
	return and(...conditions)!
}

async function withObligationTitles<T extends { id: string }>(db: DbOrTx, communeId: string, rows: T[]): Promise<Array<T & { obligations: string[] }>> {
	if (!rows.length) return []
	const links = await db
		.select({ recordId: disclosureRecordObligations.recordId, title: disclosureObligations.title })
		.from(disclosureRecordObligations)
		.innerJoin(disclosureObligations, eq(disclosureObligations.id, disclosureRecordObligations.obligationId))
		.where(and(eq(disclosureRecordObligations.communeId, communeId), inArray(disclosureRecordObligations.recordId, rows.map((r) => r.id))))
		.orderBy(asc(disclosureObligations.sortOrder))
	return rows.map((r) => ({ ...r, obligations: links.filter((l) => l.recordId === r.id).map((l) => l.title) }))
}

const publicColumns = {
	id: disclosureRecords.id,
	code: disclosureRecords.code,
	title: disclosureRecords.title,
	field: disclosureRecords.field,
	status: disclosureRecords.status,
	decisionRef: disclosureRecords.decisionRef,
	decisionDate: disclosureRecords.decisionDate,
	publishedAt: sql<Date>`${disclosureRecords.publishedAt}`.mapWith(disclosureRecords.publishedAt),
	endedAt: disclosureRecords.endedAt,
	withdrawnAt: disclosureRecords.withdrawnAt,
}

/** The public list: newest publication first. */
export async function listPublicRecords(db: DbOrTx, communeId: string, filter: PublicRecordFilter = {}) {
	const where = conditionsFor(communeId, filter)
	const page = Math.max(1, Math.min(filter.page ?? 1, 10_000))
	const [rows, [total]] = await Promise.all([
		db
			.select(publicColumns)
			.from(disclosureRecords)
			.where(where)
			.orderBy(desc(disclosureRecords.publishedAt), desc(disclosureRecords.code))
			.limit(PUBLIC_PAGE_SIZE)
			.offset((page - 1) * PUBLIC_PAGE_SIZE),
		db.select({ n: count() }).from(disclosureRecords).where(where),
	])
	return { items: await withObligationTitles(db, communeId, rows), total: total?.n ?? 0, page, pageSize: PUBLIC_PAGE_SIZE }
}

/** The years that have publications, newest first, for the year filter. */
export async function publicYears(db: DbOrTx, communeId: string): Promise<number[]> {
	const year = sql<number>`extract(year from ${disclosureRecords.publishedAt} at time zone 'Asia/Ho_Chi_Minh')::int`
	const rows = await db.selectDistinct({ year }).from(disclosureRecords).where(visible(communeId)).orderBy(desc(year))
	return rows.map((r) => Number(r.year))
}

/**
 * One record as citizens see it, by its code: never a draft; the proof of postings and any file
 * taken off stay internal.
 */
export async function getPublicRecord(db: DbOrTx, communeId: string, code: string): Promise<RecordDetail | null> {
	const normalized = code.trim().toUpperCase()
	if (!/^CK-\d{2}-\d{4,}$/.test(normalized)) return null
	const [record] = await db
		.select()
		.from(disclosureRecords)
		.where(and(visible(communeId), eq(disclosureRecords.code, normalized)))
		.limit(1)
	if (!record) return null
	const detail = await recordDetail(db, communeId, record)
	return {
		...detail,
		postings: detail.postings.map((p) => ({ ...p, proofNote: '', recordedBy: null })),
		files: detail.files.filter((f) => f.postingId === null && f.removedAt === null),
	}
}

export type CatalogueRow = {
	obligation: Obligation
	/** The latest publication under it that is not withdrawn, or null: "chưa công khai". */
	current: { code: string; title: string; status: RecordStatus; publishedAt: Date; period: string | null } | null
	publishedCount: number
}

/** Every active obligation with its current publication, for `/cong-khai/danh-muc`. */
export async function publicCatalogue(db: DbOrTx, communeId: string): Promise<CatalogueRow[]> {
	const shown = and(eq(disclosureRecordObligations.communeId, communeId), inArray(disclosureRecords.status, ['published', 'ended']))
	const [obligations, current, counts] = await Promise.all([
		listObligations(db, communeId, { activeOnly: true }),
		// One row per obligation: the newest record still up, else the newest that ended.
		db
			.selectDistinctOn([disclosureRecordObligations.obligationId], {
				obligationId: disclosureRecordObligations.obligationId,
				code: disclosureRecords.code,
				title: disclosureRecords.title,
				status: disclosureRecords.status,
				publishedAt: sql<Date>`${disclosureRecords.publishedAt}`.mapWith(disclosureRecords.publishedAt),
				period: disclosureRecords.period,
			})
			.from(disclosureRecordObligations)
			.innerJoin(disclosureRecords, eq(disclosureRecords.id, disclosureRecordObligations.recordId))
			.where(shown)
			.orderBy(disclosureRecordObligations.obligationId, sql`(${disclosureRecords.status} = 'published') desc`, desc(disclosureRecords.publishedAt)),
		db
			.select({ obligationId: disclosureRecordObligations.obligationId, n: count() })
			.from(disclosureRecordObligations)
			.innerJoin(disclosureRecords, eq(disclosureRecords.id, disclosureRecordObligations.recordId))
			.where(shown)
			.groupBy(disclosureRecordObligations.obligationId),
	])
	const currentOf = new Map(current.map((c) => [c.obligationId, c]))
	const countOf = new Map(counts.map((c) => [c.obligationId, c.n]))
	return obligations.map((obligation) => {
		const c = currentOf.get(obligation.id)
		return {
			obligation,
			current: c ? { code: c.code, title: c.title, status: c.status, publishedAt: c.publishedAt, period: c.period } : null,
			publishedCount: countOf.get(obligation.id) ?? 0,
		}
	})
}

/** The newest publications with their text, for the Atom feed and JSON. */
export async function latestPublicRecords(db: DbOrTx, communeId: string, limit = 50) {
	const rows = await db
		.select({ ...publicColumns, body: disclosureRecords.body, period: disclosureRecords.period, updatedAt: disclosureRecords.updatedAt, withdrawReason: disclosureRecords.withdrawReason })
		.from(disclosureRecords)
		.where(visible(communeId))
		.orderBy(desc(disclosureRecords.publishedAt), desc(disclosureRecords.code))
		.limit(Math.min(Math.max(limit, 1), 500))
	return withObligationTitles(db, communeId, rows)
}

export function isDisclosureField(value: string): value is DisclosureField {
	return (DISCLOSURE_FIELDS as readonly string[]).includes(value)
}
