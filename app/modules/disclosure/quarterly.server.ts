import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '#app/core/db/client.server.ts'
import { toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { assertCan, type Actor } from '#app/modules/platform/permissions.ts'
import type { DisclosureForm, RecordStatus } from './disclosure.constants.ts'
import { disclosureObligations, disclosurePostings, disclosureRecordObligations, disclosureRecords } from './disclosure.schema.ts'
import { parsePeriod, type Period } from './periods.ts'

// The quarterly list the law requires (Luật THDCCS Điều 13 khoản 2): every content published
// during the quarter, with its forms and dates. Produced as a page to print and a Word document.

export type QuarterlyRow = {
	recordId: string
	code: string
	title: string
	decisionRef: string
	decisionDate: string | null
	status: RecordStatus
	obligations: string[]
	postings: Array<{ form: DisclosureForm; place: string; startedOn: string; endedOn: string | null }>
}

/** `2026-Q3` for a year and quarter; the quarter under way when none is given. */
export function quarterKey(year: number | null, quarter: number | null, now = new Date()): Period {
	const today = toIsoDate(now)
	const y = year && year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4))
	const q = quarter && quarter >= 1 && quarter <= 4 ? quarter : Math.ceil(Number(today.slice(5, 7)) / 3)
	return parsePeriod(`${y}-Q${q}`)!
}

/**
 * Records published in the quarter or posted during it in any form (a notice up from the previous
 * quarter counts), oldest first. Drafts never; withdrawn records show as such.
 */
export async function quarterlyList(db: DbOrTx, actor: Actor, communeId: string, period: Period): Promise<QuarterlyRow[]> {
	assertCan(actor, 'disclosure.view', communeId)
	const postedDuring = db
		.select({ id: disclosurePostings.recordId })
		.from(disclosurePostings)
		.where(
			and(
				eq(disclosurePostings.communeId, communeId),
				lte(disclosurePostings.startedOn, period.end),
				or(isNull(disclosurePostings.endedOn), gte(disclosurePostings.endedOn, period.start)),
			),
		)
	const records = await db
		.select({
			recordId: disclosureRecords.id,
			code: disclosureRecords.code,
			title: disclosureRecords.title,
			decisionRef: disclosureRecords.decisionRef,
			decisionDate: disclosureRecords.decisionDate,
			status: disclosureRecords.status,
			publishedAt: disclosureRecords.publishedAt,
		})
		.from(disclosureRecords)
		.where(
			and(
				eq(disclosureRecords.communeId, communeId),
				ne(disclosureRecords.status, 'draft'),
				or(
					inArray(disclosureRecords.id, postedDuring),
					and(
						gte(disclosureRecords.publishedAt, new Date(`${period.start}T00:00:00+07:00`)),
						lte(disclosureRecords.publishedAt, new Date(`${period.end}T23:59:59.999+07:00`)),
					),
				),
			),
		)
		.orderBy(sql`${disclosureRecords.publishedAt} asc nulls last`, asc(disclosureRecords.code))
	if (!records.length) return []
	const ids = records.map((r) => r.recordId)
	const [links, postings] = await Promise.all([
		db
			.select({ recordId: disclosureRecordObligations.recordId, title: disclosureObligations.title })
			.from(disclosureRecordObligations)
			.innerJoin(disclosureObligations, eq(disclosureObligations.id, disclosureRecordObligations.obligationId))
			.where(and(eq(disclosureRecordObligations.communeId, communeId), inArray(disclosureRecordObligations.recordId, ids)))
			.orderBy(asc(disclosureObligations.sortOrder)),
		db
			.select({
				recordId: disclosurePostings.recordId,
				form: disclosurePostings.form,
				place: disclosurePostings.place,
				startedOn: disclosurePostings.startedOn,
				endedOn: disclosurePostings.endedOn,
			})
			.from(disclosurePostings)
			.where(and(eq(disclosurePostings.communeId, communeId), inArray(disclosurePostings.recordId, ids)))
			.orderBy(asc(disclosurePostings.startedOn)),
	])
	return records.map(({ publishedAt: _publishedAt, ...r }) => ({
		...r,
		obligations: links.filter((l) => l.recordId === r.recordId).map((l) => l.title),
		postings: postings.filter((p) => p.recordId === r.recordId).map(({ recordId: _r, ...p }) => p),
	}))
}
