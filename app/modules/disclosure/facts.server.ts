import { and, asc, desc, eq, gte } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from '#app/modules/platform/audit.server.ts'
import { addCalendarDays, toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { getPublicCommune, type PublicCommune } from '#app/modules/platform/org.server.ts'
import { assertCan, type Actor } from '#app/modules/platform/permissions.ts'
import { ZContact, ZFacts, ZReception } from './disclosure.inputs.ts'
import { disclosureContacts, disclosureFacts, disclosureReceptions } from './disclosure.schema.ts'

// The fixed public facts the plan names: where feedback boxes are, the commitment not to harass
// or cause trouble, the published phone numbers of leaders and officials, the leader's citizen
// reception schedule and the sessions and dialogue conferences held, with what was raised. The
// hotline, address and e-mail for feedback are the commune's own (commune settings).

export type Facts = typeof disclosureFacts.$inferSelect
export type PublicContact = typeof disclosureContacts.$inferSelect
export type Reception = typeof disclosureReceptions.$inferSelect

const EMPTY_FACTS = { mailboxPlaces: '', commitment: '', receptionSchedule: '', receptionPlace: '' }

/** The default commitment, from the plan's "4 xin, 4 luôn, 5 không"; the commune edits it. */
export const DEFAULT_COMMITMENT =
	'Cán bộ, công chức xã cam kết: không gây phiền hà, sách nhiễu, tiêu cực khi giải quyết công việc của người dân, tổ chức, doanh nghiệp; ' +
	'thực hiện “4 xin”: xin chào, xin lỗi, xin cảm ơn, xin phép; “4 luôn”: luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ. ' +
	'Mọi biểu hiện gây phiền hà, sách nhiễu xin phản ánh qua đường dây nóng, hòm thư góp ý hoặc trang phản ánh, kiến nghị của xã.'

export type PublicFacts = {
	commune: PublicCommune
	facts: typeof EMPTY_FACTS
	contacts: PublicContact[]
	receptions: Reception[]
}

/**
 * Everything the contact page shows; receptions of the last year, newest first. The back office
 * passes `allReceptions` to see (and correct) older ones too.
 */
export async function getPublicFacts(db: DbOrTx, communeId: string, now = new Date(), options: { allReceptions?: boolean } = {}): Promise<PublicFacts | null> {
	const commune = await getPublicCommune(db, communeId)
	if (!commune) return null
	const since = options.allReceptions ? '1900-01-01' : addCalendarDays(toIsoDate(now), -366)
	const [[facts], contacts, receptions] = await Promise.all([
		db.select().from(disclosureFacts).where(eq(disclosureFacts.communeId, communeId)).limit(1),
		db.select().from(disclosureContacts).where(eq(disclosureContacts.communeId, communeId)).orderBy(asc(disclosureContacts.sortOrder), asc(disclosureContacts.fullName)),
		db
			.select()
			.from(disclosureReceptions)
			.where(and(eq(disclosureReceptions.communeId, communeId), gte(disclosureReceptions.heldOn, since)))
			.orderBy(desc(disclosureReceptions.heldOn))
			.limit(options.allReceptions ? 1000 : 100),
	])
	return {
		commune,
		facts: facts
			? { mailboxPlaces: facts.mailboxPlaces, commitment: facts.commitment, receptionSchedule: facts.receptionSchedule, receptionPlace: facts.receptionPlace }
			: { ...EMPTY_FACTS, commitment: DEFAULT_COMMITMENT },
		contacts,
		receptions,
	}
}

export async function saveFacts(db: Db, actor: Actor, communeId: string, input: unknown): Promise<void> {
	assertCan(actor, 'disclosure.facts', communeId)
	const data = parseInput(ZFacts, input)
	await db.transaction(async (tx) => {
		const [before] = await tx.select().from(disclosureFacts).where(eq(disclosureFacts.communeId, communeId)).limit(1)
		const updatedBy = actor.kind === 'staff' ? actor.userId : null
		await tx
			.insert(disclosureFacts)
			.values({ communeId, ...data, updatedBy })
			.onConflictDoUpdate({ target: disclosureFacts.communeId, set: { ...data, updatedBy, updatedAt: new Date() } })
		await writeAudit(tx, actor, {
			communeId,
			action: 'disclosure_facts.update',
			entityType: 'commune',
			entityId: communeId,
			before: before ? { mailboxPlaces: before.mailboxPlaces, commitment: before.commitment, receptionSchedule: before.receptionSchedule, receptionPlace: before.receptionPlace } : null,
			after: data,
		})
	})
}

/** Adds (contactId null) or changes a published phone number. */
export async function saveContact(db: Db, actor: Actor, communeId: string, contactId: string | null, input: unknown): Promise<PublicContact> {
	assertCan(actor, 'disclosure.facts', communeId)
	const data = parseInput(ZContact, input)
	return db.transaction(async (tx) => {
		if (contactId === null) {
			const [row] = await tx.insert(disclosureContacts).values({ ...data, communeId }).returning()
			await writeAudit(tx, actor, { communeId, action: 'disclosure_contact.create', entityType: 'disclosure_contact', entityId: row!.id, after: data })
			return row!
		}
		if (!isUuid(contactId)) throw new AppError('not_found', 'error.notFound')
		const [row] = await tx
			.update(disclosureContacts)
			.set({ ...data, updatedAt: new Date() })
			.where(and(eq(disclosureContacts.communeId, communeId), eq(disclosureContacts.id, contactId)))
			.returning()
		if (!row) throw new AppError('not_found', 'error.notFound')
		await writeAudit(tx, actor, { communeId, action: 'disclosure_contact.update', entityType: 'disclosure_contact', entityId: contactId, after: data })
		return row
	})
}

export async function removeContact(db: Db, actor: Actor, communeId: string, contactId: string): Promise<void> {
	assertCan(actor, 'disclosure.facts', communeId)
	if (!isUuid(contactId)) throw new AppError('not_found', 'error.notFound')
	await db.transaction(async (tx) => {
		const [row] = await tx
			.delete(disclosureContacts)
			.where(and(eq(disclosureContacts.communeId, communeId), eq(disclosureContacts.id, contactId)))
			.returning()
		if (!row) throw new AppError('not_found', 'error.notFound')
		await writeAudit(tx, actor, { communeId, action: 'disclosure_contact.remove', entityType: 'disclosure_contact', entityId: contactId, before: { fullName: row.fullName, phone: row.phone } })
	})
}

/** Records a held reception session or dialogue conference (published on the contact page). */
export async function recordReception(db: Db, actor: Actor, communeId: string, input: unknown, now = new Date()): Promise<Reception> {
	assertCan(actor, 'disclosure.facts', communeId)
	const data = parseInput(ZReception, input)
	if (data.heldOn > toIsoDate(now)) throw new InputError({ heldOn: 'disclosure.form.futureDate' })
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(disclosureReceptions)
			.values({ ...data, communeId, recordedBy: actor.kind === 'staff' ? actor.userId : null })
			.returning()
		await writeAudit(tx, actor, { communeId, action: 'disclosure_reception.create', entityType: 'disclosure_reception', entityId: row!.id, after: { kind: data.kind, heldOn: data.heldOn } })
		return row!
	})
}

export async function removeReception(db: Db, actor: Actor, communeId: string, receptionId: string): Promise<void> {
	assertCan(actor, 'disclosure.facts', communeId)
	if (!isUuid(receptionId)) throw new AppError('not_found', 'error.notFound')
	await db.transaction(async (tx) => {
		const [row] = await tx
			.delete(disclosureReceptions)
			.where(and(eq(disclosureReceptions.communeId, communeId), eq(disclosureReceptions.id, receptionId)))
			.returning()
		if (!row) throw new AppError('not_found', 'error.notFound')
		await writeAudit(tx, actor, { communeId, action: 'disclosure_reception.remove', entityType: 'disclosure_reception', entityId: receptionId, before: { kind: row.kind, heldOn: row.heldOn } })
	})
}
