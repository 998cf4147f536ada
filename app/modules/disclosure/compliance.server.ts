import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { createTranslator } from '#app/core/i18n/i18n.ts'
import { communeAdjustments } from '#app/modules/platform/calendar.server.ts'
import { addWorkingDays, toIsoDate, type CalendarAdjustment, type IsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { assertCan, type Actor } from '#app/modules/platform/permissions.ts'
import { communes, users } from '#app/modules/platform/platform.schema.ts'
import { enqueueStaffEmail } from '#app/modules/feedback/notifications.server.ts'
import { listObligations, type Obligation } from './catalogue.server.ts'
import { FINDING_KINDS, TIMED_FORMS, type DisclosureForm, type FindingKind, type RecordStatus } from './disclosure.constants.ts'
import { disclosurePostings, disclosureRecordObligations, disclosureRecords, disclosureReminders } from './disclosure.schema.ts'
import { addMonths, daysInclusive, periodDueOn, recentPeriods } from './periods.ts'
import { periodLabel } from './labels.ts'
import { vi as viMessages } from './disclosure.messages.ts'

// Is the commune publishing what it must, in the forms and for as long as the law says? Each
// finding names the obligation and the record behind it, so every figure opens its records.


export type Finding = {
	kind: FindingKind
	obligationId: string
	obligationTitle: string
	agencyId: string | null
	recordId: string | null
	recordCode: string | null
	recordTitle: string | null
	period: string | null
	dueOn: IsoDate | null
	form: DisclosureForm | null
	/** Days posted (short), days late (late), or days left (due_soon). */
	days: number | null
	/** The minimum that was required (short). */
	required: number | null
}

/** Reminders are e-mailed in Vietnamese. */
const vi = createTranslator(viMessages)

/** Days ahead within which a deadline counts as due soon. */
export const DUE_SOON_DAYS = 7

type RecordRow = {
	id: string
	code: string
	title: string
	status: RecordStatus
	decisionDate: string | null
	period: string | null
	publishedAt: Date | null
	endedAt: Date | null
	reviewedAt: Date | null
	obligationIds: string[]
	postings: Array<{ form: DisclosureForm; startedOn: string; endedOn: string | null }>
}

async function loadRecords(db: DbOrTx, communeId: string): Promise<RecordRow[]> {
	const [records, links, postings] = await Promise.all([
		db
			.select({
				id: disclosureRecords.id,
				code: disclosureRecords.code,
				title: disclosureRecords.title,
				status: disclosureRecords.status,
				decisionDate: disclosureRecords.decisionDate,
				period: disclosureRecords.period,
				publishedAt: disclosureRecords.publishedAt,
				endedAt: disclosureRecords.endedAt,
				reviewedAt: disclosureRecords.reviewedAt,
			})
			.from(disclosureRecords)
			.where(and(eq(disclosureRecords.communeId, communeId), ne(disclosureRecords.status, 'withdrawn'))),
		db
			.select({ recordId: disclosureRecordObligations.recordId, obligationId: disclosureRecordObligations.obligationId })
			.from(disclosureRecordObligations)
			.where(eq(disclosureRecordObligations.communeId, communeId)),
		db
			.select({ recordId: disclosurePostings.recordId, form: disclosurePostings.form, startedOn: disclosurePostings.startedOn, endedOn: disclosurePostings.endedOn })
			.from(disclosurePostings)
			.where(eq(disclosurePostings.communeId, communeId)),
	])
	const linksOf = new Map<string, string[]>()
	for (const l of links) linksOf.set(l.recordId, [...(linksOf.get(l.recordId) ?? []), l.obligationId])
	const postingsOf = new Map<string, RecordRow['postings']>()
	for (const p of postings) postingsOf.set(p.recordId, [...(postingsOf.get(p.recordId) ?? []), p])
	return records.map((r) => ({ ...r, obligationIds: linksOf.get(r.id) ?? [], postings: postingsOf.get(r.id) ?? [] }))
}

/** The first day the record was out in any form (or the day it was published on the site). */
function firstPublishedOn(record: RecordRow): IsoDate | null {
	const starts = record.postings.map((p) => p.startedOn).sort()
	const site = record.publishedAt ? toIsoDate(record.publishedAt) : null
	return [starts[0], site].filter((d): d is string => Boolean(d)).sort()[0] ?? null
}

/** Pure: the findings for a commune's obligations and records on a day. */
export function findingsFor(obligations: readonly Obligation[], records: readonly RecordRow[], today: IsoDate, adjustments: readonly CalendarAdjustment[]): Finding[] {
	const findings: Finding[] = []
	const byId = new Map(obligations.map((o) => [o.id, o]))
	const base = (o: Obligation, r?: RecordRow | null): Finding => ({
		kind: 'never',
		obligationId: o.id,
		obligationTitle: o.title,
		agencyId: o.agencyId,
		recordId: r?.id ?? null,
		recordCode: r?.code ?? null,
		recordTitle: r?.title ?? null,
		period: r?.period ?? null,
		dueOn: null,
		form: null,
		days: null,
		required: null,
	})
	const published = records.filter((r) => r.status === 'published' || r.status === 'ended')

	for (const o of obligations) {
		if (!o.active) continue
		const mine = published.filter((r) => r.obligationIds.includes(o.id))
		const drafts = records.filter((r) => r.status === 'draft' && r.obligationIds.includes(o.id))
		if (o.recurrence === 'quarterly' || o.recurrence === 'half_yearly' || o.recurrence === 'yearly') {
			// Periods due before the commune began keeping its records here are not held against it.
			const trackedSince = toIsoDate(o.createdAt)
			for (const period of recentPeriods(o.recurrence, today)) {
				const dueOn = periodDueOn(period, o.periodGraceDays ?? 15)
				if (dueOn < trackedSince) continue
				const forPeriod = mine.find((r) => r.period === period.key)
				if (!forPeriod) {
					if (dueOn < today) findings.push({ ...base(o), kind: 'overdue', period: period.key, dueOn, days: daysInclusive(dueOn, today) - 1 })
					else if (daysInclusive(today, dueOn) - 1 <= DUE_SOON_DAYS) findings.push({ ...base(o), kind: 'due_soon', period: period.key, dueOn, days: daysInclusive(today, dueOn) - 1 })
					continue
				}
				const first = firstPublishedOn(forPeriod)
				if (first && first > dueOn) findings.push({ ...base(o, forPeriod), kind: 'late', period: period.key, dueOn, days: daysInclusive(dueOn, first) - 1 })
			}
		} else if (o.recurrence === 'on_change') {
			const current = mine.filter((r) => r.status === 'published')
			if (!current.length) findings.push({ ...base(o), kind: 'overdue' })
			for (const r of current) {
				const last = toIsoDate(r.reviewedAt ?? r.publishedAt ?? new Date(0))
				const dueOn = addMonths(last, o.reviewMonths ?? 12)
				if (dueOn < today) findings.push({ ...base(o, r), kind: 'review', dueOn, days: daysInclusive(dueOn, today) - 1 })
			}
		} else if (!mine.length && !drafts.length) {
			findings.push({ ...base(o), kind: 'never' })
		}
		// Drafts with a decision date: the 5-working-day clock runs from the decision.
		for (const d of drafts) {
			if (!d.decisionDate) continue
			const dueOn = addWorkingDays(d.decisionDate, o.deadlineWorkingDays, adjustments)
			if (dueOn < today) findings.push({ ...base(o, d), kind: 'late', dueOn, days: daysInclusive(dueOn, today) - 1 })
			else if (daysInclusive(today, dueOn) - 1 <= DUE_SOON_DAYS) findings.push({ ...base(o, d), kind: 'due_soon', dueOn, days: daysInclusive(today, dueOn) - 1 })
		}
	}

	for (const r of published) {
		const mine = r.obligationIds.map((id) => byId.get(id)).filter((o): o is Obligation => Boolean(o && o.active))
		if (!mine.length) continue
		const lead = mine[0]!
		// Late after the decision: the strictest deadline of its obligations.
		if (r.decisionDate && !r.period) {
			const dueOn = addWorkingDays(r.decisionDate, Math.min(...mine.map((o) => o.deadlineWorkingDays)), adjustments)
			const first = firstPublishedOn(r)
			if (first && first > dueOn) findings.push({ ...base(lead, r), kind: 'late', dueOn, days: daysInclusive(dueOn, first) - 1 })
		}
		// Forms the law asks for that the record has not been posted in (while it is up).
		if (r.status === 'published') {
			const required = [...new Set(mine.flatMap((o) => o.requiredForms))]
			for (const form of required) {
				if (!r.postings.some((p) => p.form === form)) findings.push({ ...base(lead, r), kind: 'forms', form })
			}
		}
		// Postings that came down too early.
		const minimumDays = Math.max(0, ...mine.filter((o) => o.durationKind === 'days').map((o) => o.minimumDays ?? 0))
		const radioDays = Math.max(0, ...mine.map((o) => o.radioDays ?? 0))
		const endOfRecord = r.endedAt ? toIsoDate(r.endedAt) : null
		for (const p of r.postings) {
			if (!TIMED_FORMS.includes(p.form)) continue
			const required = p.form === 'radio' ? radioDays : p.form === 'website' ? 0 : minimumDays
			const ended = p.endedOn ?? endOfRecord
			if (!required || !ended) continue
			const days = daysInclusive(p.startedOn, ended)
			if (days < required) findings.push({ ...base(lead, r), kind: 'short', form: p.form, days, required })
		}
	}
	return findings
}

export type ComplianceReport = { today: IsoDate; findings: Finding[]; counts: Record<FindingKind, number>; obligations: number }

export async function complianceReport(db: DbOrTx, actor: Actor, communeId: string, now = new Date()): Promise<ComplianceReport> {
	assertCan(actor, 'disclosure.view', communeId)
	return computeCompliance(db, communeId, now)
}

async function computeCompliance(db: DbOrTx, communeId: string, now: Date): Promise<ComplianceReport> {
	const today = toIsoDate(now)
	const [obligations, records, adjustments] = await Promise.all([listObligations(db, communeId), loadRecords(db, communeId), communeAdjustments(db, communeId)])
	const findings = findingsFor(obligations, records, today, adjustments)
	const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length])) as Record<FindingKind, number>
	return { today, findings, counts, obligations: obligations.filter((o) => o.active).length }
}

/** For the leader's dashboard: how many things are wrong or due, by kind. */
export async function complianceCounts(db: DbOrTx, actor: Actor, communeId: string, now = new Date()): Promise<Record<FindingKind, number>> {
	return (await complianceReport(db, actor, communeId, now)).counts
}

/**
 * Reminds the responsible agency's staff of what falls due soon and what is overdue, once per
 * finding (kept in disclosure_reminders, so restarts and several processes do not repeat them).
 * Run by the hourly job for every commune. Returns the number of e-mails queued.
 */
export async function runDisclosureReminders(db: Db, now = new Date()): Promise<number> {
	const today = toIsoDate(now)
	const allCommunes = await db.select({ id: communes.id, name: communes.name }).from(communes)
	let queued = 0
	for (const commune of allCommunes) {
		const { findings } = await computeCompliance(db, commune.id, now)
		const due = findings.filter((f) => f.kind === 'due_soon' || f.kind === 'overdue')
		if (!due.length) continue
		const staff = await db
			.select({ email: users.email, agencyId: users.agencyId, role: users.role })
			.from(users)
			.where(and(eq(users.communeId, commune.id), isNotNull(users.agencyId), inArray(users.role, ['agency_officer', 'one_stop_officer', 'programme_lead']), ne(users.email, '')))
		for (const f of due) {
			const subject = `${f.kind}:${f.obligationId}:${f.recordId ?? ''}:${f.period ?? ''}`
			const recipients = staff.filter((s) => s.agencyId === f.agencyId && !s.email.includes('\n'))
			if (!recipients.length) continue
			await db.transaction(async (tx) => {
				const inserted = await tx.insert(disclosureReminders).values({ communeId: commune.id, subject, sentOn: today }).onConflictDoNothing().returning()
				if (!inserted.length) return
				const what = f.recordTitle ? `“${f.recordTitle}” (${f.recordCode})` : `“${f.obligationTitle}”${f.period ? ` kỳ ${periodLabel(vi, f.period).toLowerCase()}` : ''}`
				const when = f.dueOn ? `${f.dueOn.slice(8, 10)}/${f.dueOn.slice(5, 7)}/${f.dueOn.slice(0, 4)}` : ''
				const text =
					f.kind === 'due_soon'
						? `Sắp đến hạn công khai ${what}: hạn ${when}. Vui lòng chuẩn bị và đăng bản công khai.`
						: `Đã quá hạn công khai ${what}${when ? ` (hạn ${when})` : ''}. Vui lòng công khai ngay.`
				for (const r of recipients) {
					await enqueueStaffEmail(tx, commune.id, r.email, `[${commune.name}] Nhắc việc công khai`, `${text}\n\nXem: /quan-tri/cong-khai/tuan-thu`)
					queued += 1
				}
			})
		}
	}
	return queued
}
