import { and, asc, count, desc, eq, gte, isNotNull, lt, notInArray, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#app/core/db/client.server.ts'
import { foldedContains } from '#app/core/db/search.ts'
import { isUuid } from '#app/core/validation.ts'
import { communeAdjustments } from '#app/modules/platform/calendar.server.ts'
import { isWorkingDay, toIsoDate, type CalendarAdjustment } from '#app/modules/platform/calendar/working-days.ts'
import { villages } from '#app/modules/platform/platform.schema.ts'
import { FEEDBACK_KINDS, type FeedbackKind } from './feedback.constants.ts'
import { feedbackFields, feedbackItems } from './feedback.schema.ts'

// What the public sees: published answers (masked copies only), searchable and filterable, the
// figures by month, field and village, and the same data as open data (Atom, CSV, JSON).

export type PublicFilter = { q?: string; kind?: string; fieldId?: string; villageId?: string; year?: number; onTime?: 'yes' | 'no'; page?: number }
export const PUBLIC_PAGE_SIZE = 20


/** Published and never confidential: the two guards every public query uses. */
function publishedIn(communeId: string): SQL {
	return and(eq(feedbackItems.communeId, communeId), isNotNull(feedbackItems.publishedAt), eq(feedbackItems.confidentiality, 'normal'))!
}

const onTimeSql = sql<boolean>`(${feedbackItems.answeredAt} at time zone 'Asia/Ho_Chi_Minh')::date <= ${feedbackItems.dueOn}`

function filterConditions(communeId: string, f: PublicFilter): SQL {
	const conditions: Array<SQL | undefined> = [publishedIn(communeId)]
	if (f.q) conditions.push(foldedContains(feedbackItems.publicSearch, f.q))
	if (f.kind && (FEEDBACK_KINDS as readonly string[]).includes(f.kind)) conditions.push(eq(feedbackItems.kind, f.kind as FeedbackKind))
	if (f.fieldId && isUuid(f.fieldId)) conditions.push(eq(feedbackItems.fieldId, f.fieldId))
	if (f.villageId && isUuid(f.villageId)) conditions.push(eq(feedbackItems.villageId, f.villageId))
	if (f.year && f.year >= 2000 && f.year <= 2100) {
		conditions.push(gte(feedbackItems.receivedAt, new Date(`${f.year}-01-01T00:00:00+07:00`)), lt(feedbackItems.receivedAt, new Date(`${f.year + 1}-01-01T00:00:00+07:00`)))
	}
	if (f.onTime === 'yes') conditions.push(onTimeSql)
	if (f.onTime === 'no') conditions.push(sql`not ${onTimeSql}`)
	return and(...conditions)!
}

/** Working days from the day after receipt to the day of the answer (the day itself counts). */
export function workingDaysTaken(receivedOn: string, answeredOn: string, adjustments: readonly CalendarAdjustment[]): number {
	let n = 0
	const day = new Date(`${receivedOn}T00:00:00Z`)
	const end = new Date(`${answeredOn}T00:00:00Z`)
	for (let guard = 0; day < end && guard < 3660; guard++) {
		day.setUTCDate(day.getUTCDate() + 1)
		if (isWorkingDay(day.toISOString().slice(0, 10), adjustments)) n++
	}
	return n
}

const publicColumns = {
	id: feedbackItems.id,
	code: feedbackItems.code,
	kind: feedbackItems.kind,
	field: feedbackFields.name,
	village: villages.name,
	title: feedbackItems.publicTitle,
	content: feedbackItems.publicContent,
	answer: feedbackItems.publicAnswer,
	receivedAt: feedbackItems.receivedAt,
	answeredAt: feedbackItems.answeredAt,
	publishedAt: feedbackItems.publishedAt,
	dueOn: feedbackItems.dueOn,
	satisfied: feedbackItems.satisfied,
}

export type PublicItem = {
	id: string
	code: string
	kind: FeedbackKind
	field: string | null
	village: string | null
	title: string
	content: string
	answer: string
	receivedOn: string
	answeredOn: string | null
	publishedAt: Date | null
	dueOn: string
	workingDaysTaken: number | null
	onTime: boolean | null
	satisfied: boolean | null
}

function toPublicItem(row: Awaited<ReturnType<typeof selectPublic>>[number], adjustments: readonly CalendarAdjustment[]): PublicItem {
	const receivedOn = toIsoDate(row.receivedAt)
	const answeredOn = row.answeredAt ? toIsoDate(row.answeredAt) : null
	return {
		id: row.id,
		code: row.code,
		kind: row.kind,
		field: row.field,
		village: row.village,
		title: row.title ?? '',
		content: row.content ?? '',
		answer: row.answer ?? '',
		receivedOn,
		answeredOn,
		publishedAt: row.publishedAt,
		dueOn: row.dueOn,
		workingDaysTaken: answeredOn ? workingDaysTaken(receivedOn, answeredOn, adjustments) : null,
		onTime: answeredOn ? answeredOn <= row.dueOn : null,
		satisfied: row.satisfied,
	}
}

function selectPublic(db: DbOrTx, where: SQL, limit: number, offset = 0) {
	return db
		.select(publicColumns)
		.from(feedbackItems)
		.leftJoin(feedbackFields, eq(feedbackFields.id, feedbackItems.fieldId))
		.leftJoin(villages, eq(villages.id, feedbackItems.villageId))
		.where(where)
		.orderBy(desc(feedbackItems.publishedAt), desc(feedbackItems.code))
		.limit(limit)
		.offset(offset)
}

/** A search counts at most this many matches; past it the page says "more than 1,000". */
export const SEARCH_COUNT_CAP = 1000

/** Counts the matches up to cap + 1, so that a broad search does not count every row. */
async function cappedCount(db: DbOrTx, where: SQL, cap: number): Promise<number> {
	const limited = db.select({ one: sql`1` }).from(feedbackItems).where(where).limit(cap + 1).as('limited')
	const [row] = await db.select({ n: count() }).from(limited)
	return row?.n ?? 0
}

export async function listPublished(db: DbOrTx, communeId: string, filter: PublicFilter, countCap = SEARCH_COUNT_CAP) {
	const where = filterConditions(communeId, filter)
	const page = Math.max(1, Math.min(filter.page ?? 1, 100000))
	const [rows, total, adjustments] = await Promise.all([
		selectPublic(db, where, PUBLIC_PAGE_SIZE, (page - 1) * PUBLIC_PAGE_SIZE),
		filter.q ? cappedCount(db, where, countCap) : db.select({ n: count() }).from(feedbackItems).where(where).then(([r]) => r?.n ?? 0),
		communeAdjustments(db, communeId),
	])
	return {
		items: rows.map((r) => toPublicItem(r, adjustments)),
		total: filter.q ? Math.min(total, countCap) : total,
		/** True when a search matched more items than were counted: show "more than …". */
		totalCapped: Boolean(filter.q) && total > countCap,
		page,
		pageSize: PUBLIC_PAGE_SIZE,
	}
}

export async function getPublished(db: DbOrTx, communeId: string, code: string): Promise<PublicItem | null> {
	const [row] = await selectPublic(db, and(publishedIn(communeId), eq(feedbackItems.code, code.toUpperCase()))!, 1)
	if (!row) return null
	return toPublicItem(row, await communeAdjustments(db, communeId))
}

/** Every published item matching the filter, newest first, for open data (capped). */
export async function exportPublished(db: DbOrTx, communeId: string, filter: PublicFilter, limit = 100_000): Promise<PublicItem[]> {
	const [rows, adjustments] = await Promise.all([selectPublic(db, filterConditions(communeId, filter), limit), communeAdjustments(db, communeId)])
	return rows.map((r) => toPublicItem(r, adjustments))
}

export type FigureRow = { key: string; label: string; received: number; answered: number; onTime: number; rated: number; satisfied: number }

/**
 * Figures for the public page: per month of the last 12, per field and per village. Every item
 * counts (not only published ones) except duplicates and rejected spam; no text is exposed.
 */
export async function publicFigures(db: DbOrTx, communeId: string, now = new Date()) {
	const since = new Date(now.getTime() - 366 * 24 * 3600_000)
	const counted = and(eq(feedbackItems.communeId, communeId), notInArray(feedbackItems.status, ['merged', 'rejected']), gte(feedbackItems.receivedAt, since))
	const measures = {
		received: sql<number>`count(*)`.mapWith(Number),
		answered: sql<number>`count(${feedbackItems.answeredAt})`.mapWith(Number),
		onTime: sql<number>`count(*) filter (where ${onTimeSql})`.mapWith(Number),
		rated: sql<number>`count(${feedbackItems.satisfied})`.mapWith(Number),
		satisfied: sql<number>`count(*) filter (where ${feedbackItems.satisfied})`.mapWith(Number),
	}
	const month = sql<string>`to_char(${feedbackItems.receivedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')`
	const [byMonth, byField, byVillage] = await Promise.all([
		db.select({ key: month, ...measures }).from(feedbackItems).where(counted).groupBy(month).orderBy(asc(month)),
		db
			.select({ key: sql<string>`coalesce(${feedbackFields.id}::text, '')`, label: sql<string>`coalesce(${feedbackFields.name}, '')`, ...measures })
			.from(feedbackItems)
			.leftJoin(feedbackFields, eq(feedbackFields.id, feedbackItems.fieldId))
			.where(counted)
			.groupBy(feedbackFields.id, feedbackFields.name)
			.orderBy(desc(sql`count(*)`)),
		db
			.select({ key: sql<string>`coalesce(${villages.id}::text, '')`, label: sql<string>`coalesce(${villages.name}, '')`, ...measures })
			.from(feedbackItems)
			.leftJoin(villages, eq(villages.id, feedbackItems.villageId))
			.where(counted)
			.groupBy(villages.id, villages.name)
			.orderBy(desc(sql`count(*)`)),
	])
	return {
		byMonth: byMonth.map((r) => ({ ...r, label: r.key })) as FigureRow[],
		byField: byField as FigureRow[],
		byVillage: byVillage as FigureRow[],
	}
}

const FIGURES_TTL_MS = 60_000
const figuresCache = new WeakMap<object, Map<string, { at: number; value: Promise<Awaited<ReturnType<typeof publicFigures>>> }>>()

/**
 * The figures for the public page, computed at most once a minute per commune and process: they
 * are three grouped scans of a year of items, the page's heaviest work, and a minute-old figure is
 * as true for a reader as a fresh one.
 */
export function cachedPublicFigures(db: DbOrTx, communeId: string) {
	let perDb = figuresCache.get(db)
	if (!perDb) figuresCache.set(db, (perDb = new Map()))
	const hit = perDb.get(communeId)
	if (hit && Date.now() - hit.at < FIGURES_TTL_MS) return hit.value
	const value = publicFigures(db, communeId)
	perDb.set(communeId, { at: Date.now(), value })
	value.catch(() => perDb.delete(communeId))
	return value
}
