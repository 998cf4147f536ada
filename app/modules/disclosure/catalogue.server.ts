import { and, asc, eq } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import { fieldErrorsOf, isUuid } from '#app/core/validation.ts'
import { writeAudit } from '#app/modules/platform/audit.server.ts'
import { assertCan, type Actor } from '#app/modules/platform/permissions.ts'
import { agencies, communes } from '#app/modules/platform/platform.schema.ts'
import { DISCLOSURE_CATALOGUE } from './disclosure.catalogue.ts'
import { obligationRuleProblems, ZObligation } from './disclosure.inputs.ts'
import { disclosureObligations } from './disclosure.schema.ts'

// The catalogue of obligations (danh mục nội dung phải công khai): seeded for each commune from
// the laws the first time the module is used, then the commune's own to edit. Seeded entries keep
// their catalogue key, so a later version of the software can tell them from the commune's own.

export type Obligation = typeof disclosureObligations.$inferSelect

/** Seeds the catalogue of a commune that has none yet; the responsible agency is found by its kind. */
export async function ensureDisclosureSetup(db: DbOrTx, communeId: string): Promise<void> {
	const [any] = await db.select({ id: disclosureObligations.id }).from(disclosureObligations).where(eq(disclosureObligations.communeId, communeId)).limit(1)
	if (any) return
	const [commune] = await db.select({ id: communes.id }).from(communes).where(eq(communes.id, communeId)).limit(1)
	if (!commune) throw new AppError('not_found', 'error.notFound')
	const communeAgencies = await db
		.select({ id: agencies.id, kind: agencies.kind })
		.from(agencies)
		.where(and(eq(agencies.communeId, communeId), eq(agencies.active, true)))
		.orderBy(asc(agencies.sortOrder), asc(agencies.name))
	const agencyOfKind = (kind: string) => communeAgencies.find((a) => a.kind === kind)?.id ?? null
	await db
		.insert(disclosureObligations)
		.values(
			DISCLOSURE_CATALOGUE.map((entry, i) => ({
				communeId,
				key: entry.key,
				title: entry.title,
				description: entry.description,
				field: entry.field,
				law: entry.law,
				article: entry.article,
				clause: entry.clause,
				legalBasis: entry.legalBasis,
				agencyId: agencyOfKind(entry.responsibleAgencyKind),
				requiredForms: [...entry.requiredForms],
				durationKind: entry.durationKind,
				minimumDays: entry.minimumDays,
				radioDays: entry.radioDays,
				recurrence: entry.recurrence,
				deadlineWorkingDays: entry.deadlineWorkingDays,
				periodGraceDays: entry.periodGraceDays,
				reviewMonths: entry.reviewMonths,
				certainty: entry.certainty,
				note: entry.note,
				sortOrder: (i + 1) * 10,
			})),
		)
		.onConflictDoNothing()
}

/** The commune's obligations in catalogue order; public (the catalogue page shows them). */
export async function listObligations(db: DbOrTx, communeId: string, options: { activeOnly?: boolean } = {}): Promise<Obligation[]> {
	await ensureDisclosureSetup(db, communeId)
	const where = options.activeOnly
		? and(eq(disclosureObligations.communeId, communeId), eq(disclosureObligations.active, true))
		: eq(disclosureObligations.communeId, communeId)
	return db.select().from(disclosureObligations).where(where).orderBy(asc(disclosureObligations.sortOrder), asc(disclosureObligations.title))
}

export async function getObligation(db: DbOrTx, communeId: string, obligationId: string): Promise<Obligation> {
	if (!isUuid(obligationId)) throw new AppError('not_found', 'error.notFound')
	const [row] = await db
		.select()
		.from(disclosureObligations)
		.where(and(eq(disclosureObligations.communeId, communeId), eq(disclosureObligations.id, obligationId)))
		.limit(1)
	if (!row) throw new AppError('not_found', 'error.notFound')
	return row
}

/** Parses the form; the rules between fields are reported in the same round as the fields' own. */
function parseObligation(input: unknown) {
	const parsed = ZObligation.safeParse(input)
	if (parsed.success) return parsed.data
	const problems = fieldErrorsOf(parsed.error)
	for (const [field, message] of Object.entries(obligationRuleProblems(input))) problems[field] ??= message
	throw new InputError(problems)
}

/** Creates the commune's own obligation (obligationId null) or changes one. */
export async function saveObligation(db: Db, actor: Actor, communeId: string, obligationId: string | null, input: unknown): Promise<Obligation> {
	assertCan(actor, 'disclosure.catalogue', communeId)
	const data = parseObligation(input)
	if (data.agencyId) {
		const [agency] = await db
			.select({ id: agencies.id })
			.from(agencies)
			.where(and(eq(agencies.communeId, communeId), eq(agencies.id, data.agencyId)))
			.limit(1)
		if (!agency) throw new InputError({ agencyId: 'form.invalid' })
	}
	const values = {
		...data,
		minimumDays: data.durationKind === 'days' ? data.minimumDays : null,
		periodGraceDays: ['quarterly', 'half_yearly', 'yearly'].includes(data.recurrence) ? data.periodGraceDays : null,
		reviewMonths: data.recurrence === 'on_change' ? data.reviewMonths : null,
	}
	return db.transaction(async (tx) => {
		if (obligationId === null) {
			await ensureDisclosureSetup(tx, communeId)
			const [row] = await tx
				.insert(disclosureObligations)
				.values({ ...values, communeId, key: `xa-${crypto.randomUUID().slice(0, 8)}`, certainty: 'commune', sortOrder: 100_000 })
				.returning()
			await writeAudit(tx, actor, { communeId, action: 'disclosure_obligation.create', entityType: 'disclosure_obligation', entityId: row!.id, after: values })
			return row!
		}
		const before = await getObligation(tx, communeId, obligationId)
		const [row] = await tx
			.update(disclosureObligations)
			// Once the commune has set the values, they are its own: no longer the catalogue's defaults.
			.set({ ...values, certainty: 'commune', updatedAt: new Date() })
			.where(and(eq(disclosureObligations.communeId, communeId), eq(disclosureObligations.id, obligationId)))
			.returning()
		await writeAudit(tx, actor, {
			communeId,
			action: 'disclosure_obligation.update',
			entityType: 'disclosure_obligation',
			entityId: obligationId,
			before: { title: before.title, requiredForms: before.requiredForms, minimumDays: before.minimumDays, recurrence: before.recurrence, active: before.active },
			after: values,
		})
		return row!
	})
}
