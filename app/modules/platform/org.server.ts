import { and, asc, count, desc, eq, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { AppError } from '#app/core/errors.ts'
import { containsFolded } from '#app/core/db/search.ts'
import { normalizeText } from '#app/core/text.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from './audit.server.ts'
import { assertCan, can, type Actor } from './permissions.ts'
import {
	ZAgency,
	ZCommuneSettings,
	ZCreateCommune,
	ZVillage,
	type AgencyInput,
	type CreateCommuneInput,
	type VillageInput,
} from './platform.inputs.ts'
import { agencies, communes, users, villages } from './platform.schema.ts'

// Communes (xã, phường, đặc khu), their agencies and villages.

export type Commune = typeof communes.$inferSelect
export type Agency = typeof agencies.$inferSelect
export type Village = typeof villages.$inferSelect

/** A commune's public identity: what the portal and the city page show. */
export type PublicCommune = Pick<Commune, 'id' | 'slug' | 'name' | 'kind' | 'cityName' | 'hostnames' | 'hotline' | 'address' | 'email' | 'isDemo'>

const publicColumns = {
	id: communes.id,
	slug: communes.slug,
	name: communes.name,
	kind: communes.kind,
	cityName: communes.cityName,
	hostnames: communes.hostnames,
	hotline: communes.hotline,
	address: communes.address,
	email: communes.email,
	isDemo: communes.isDemo,
}

/** The agencies a new commune starts with (editable afterwards). */
export const DEFAULT_AGENCIES: ReadonlyArray<{ code: string; name: string; kind: AgencyInput['kind'] }> = [
	{ code: 'vp-hdnd-ubnd', name: 'Văn phòng HĐND và UBND', kind: 'people_council_office' },
	{ code: 'phong-kinh-te', name: 'Phòng Kinh tế', kind: 'economy' },
	{ code: 'phong-vh-xh', name: 'Phòng Văn hóa - Xã hội', kind: 'culture_social' },
	{ code: 'tt-phvhcc', name: 'Trung tâm Phục vụ hành chính công', kind: 'one_stop_centre' },
	{ code: 'tt-dvsnc', name: 'Trung tâm Dịch vụ sự nghiệp công', kind: 'public_service_centre' },
	{ code: 'ub-mttq', name: 'Ủy ban MTTQ Việt Nam', kind: 'fatherland_front' },
	{ code: 'doan-thanh-nien', name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', kind: 'mass_organisation' },
	{ code: 'hoi-phu-nu', name: 'Hội Liên hiệp Phụ nữ', kind: 'mass_organisation' },
	{ code: 'hoi-nong-dan', name: 'Hội Nông dân', kind: 'mass_organisation' },
	{ code: 'hoi-cuu-chien-binh', name: 'Hội Cựu chiến binh', kind: 'mass_organisation' },
	{ code: 'ban-xd-dang', name: 'Ban Xây dựng Đảng', kind: 'party_building' },
]

// ---- Public look-ups (communes are public bodies; no personal data here) ----

/** Every commune of the deployment, for the city page. */
export async function listPublicCommunes(db: DbOrTx): Promise<PublicCommune[]> {
	return db.select(publicColumns).from(communes).orderBy(asc(communes.name))
}

export async function countCommunes(db: DbOrTx): Promise<number> {
	const [row] = await db.select({ n: count() }).from(communes)
	return row?.n ?? 0
}

/**
 * The commune a request is for: the one whose host names include the request's host; else, when
 * the deployment has exactly one commune, that one; else none (the city page is shown).
 */
export async function resolveCommuneForHost(db: DbOrTx, host: string | null): Promise<PublicCommune | null> {
	const hostname = (host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
	// One query on every request: the commune of this host first, and a second row only to tell
	// whether the deployment has more than one commune.
	const matches = sql<boolean>`${communes.hostnames} @> ARRAY[${hostname}]::text[]`
	const rows = await db
		.select({ ...publicColumns, matches })
		.from(communes)
		.orderBy(desc(matches), asc(communes.createdAt))
		.limit(2)
	const [first, second] = rows
	if (!first || (!first.matches && second)) return null
	const { matches: _matches, ...commune } = first
	return commune
}

export async function getPublicCommune(db: DbOrTx, communeId: string): Promise<PublicCommune | null> {
	if (!isUuid(communeId)) return null
	const [row] = await db.select(publicColumns).from(communes).where(eq(communes.id, communeId)).limit(1)
	return row ?? null
}

export async function getPublicCommuneBySlug(db: DbOrTx, slug: string): Promise<PublicCommune | null> {
	const [row] = await db.select(publicColumns).from(communes).where(eq(communes.slug, slug.toLowerCase())).limit(1)
	return row ?? null
}

/** Communes whose name matches a query, ignoring diacritics and Unicode form. */
export async function searchCommunes(db: DbOrTx, query: string): Promise<PublicCommune[]> {
	const q = normalizeText(query)
	if (!q) return listPublicCommunes(db)
	return db
		.select(publicColumns)
		.from(communes)
		.where(containsFolded(communes.name, q))
		.orderBy(asc(communes.name))
		.limit(200)
}

// ---- Communes ----

export async function createCommune(db: Db, actor: Actor, input: CreateCommuneInput): Promise<Commune> {
	assertCan(actor, 'communes.manage')
	const data = parseInput(ZCreateCommune, input)
	return db.transaction(async (tx) => {
		const [clash] = await tx.select({ id: communes.id }).from(communes).where(eq(communes.slug, data.slug)).limit(1)
		if (clash) throw new AppError('conflict', 'commune.slugTaken', { slug: data.slug })
		for (const hostname of data.hostnames) {
			const [taken] = await tx
				.select({ id: communes.id })
				.from(communes)
				.where(sql`${communes.hostnames} @> ARRAY[${hostname}]::text[]`)
				.limit(1)
			if (taken) throw new AppError('conflict', 'commune.hostTaken', { host: hostname })
		}
		const { withDefaultAgencies, ...values } = data
		const [commune] = await tx.insert(communes).values(values).returning()
		if (!commune) throw new Error('insert returned nothing')
		await writeAudit(tx, actor, { communeId: commune.id, action: 'commune.create', entityType: 'commune', entityId: commune.id, after: values })
		if (withDefaultAgencies) {
			const rows = DEFAULT_AGENCIES.map((a, i) => ({ ...a, communeId: commune.id, sortOrder: (i + 1) * 10 }))
			const created = await tx.insert(agencies).values(rows).returning()
			for (const agency of created) {
				await writeAudit(tx, actor, { communeId: commune.id, action: 'agency.create', entityType: 'agency', entityId: agency.id, after: agencySnapshot(agency) })
			}
		}
		return commune
	})
}

export async function updateCommuneSettings(db: Db, actor: Actor, communeId: string, input: unknown): Promise<Commune> {
	assertCan(actor, 'commune.settings', communeId)
	const data = parseInput(ZCommuneSettings, input)
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(communes).where(eq(communes.id, communeId)).limit(1)
		if (!before) throw new AppError('not_found', 'error.notFound')
		const [after] = await tx.update(communes).set({ ...data, updatedAt: new Date() }).where(eq(communes.id, communeId)).returning()
		await writeAudit(tx, actor, {
			communeId,
			action: 'commune.update',
			entityType: 'commune',
			entityId: communeId,
			before: pick(before, Object.keys(data)),
			after: data,
		})
		return after!
	})
}

// ---- Agencies (cơ quan, đơn vị) ----

function agencySnapshot(a: Agency) {
	return { code: a.code, name: a.name, kind: a.kind, sortOrder: a.sortOrder, active: a.active }
}

export async function listAgencies(db: DbOrTx, actor: Actor, communeId: string): Promise<Agency[]> {
	assertCan(actor, 'backoffice.access', communeId)
	return db.select().from(agencies).where(eq(agencies.communeId, communeId)).orderBy(asc(agencies.sortOrder), asc(agencies.name))
}

export async function getAgency(db: DbOrTx, actor: Actor, communeId: string, agencyId: string): Promise<Agency> {
	assertCan(actor, 'backoffice.access', communeId)
	if (!isUuid(agencyId)) throw new AppError('not_found', 'error.notFound')
	const [row] = await db
		.select()
		.from(agencies)
		.where(and(eq(agencies.id, agencyId), eq(agencies.communeId, communeId)))
		.limit(1)
	if (!row) throw new AppError('not_found', 'error.notFound')
	return row
}

export async function createAgency(db: Db, actor: Actor, communeId: string, input: unknown): Promise<Agency> {
	assertCan(actor, 'org.manage', communeId)
	const data = parseInput(ZAgency, input)
	return db.transaction(async (tx) => {
		await assertAgencyCodeFree(tx, communeId, data.code)
		const [agency] = await tx.insert(agencies).values({ ...data, communeId }).returning()
		await writeAudit(tx, actor, { communeId, action: 'agency.create', entityType: 'agency', entityId: agency!.id, after: agencySnapshot(agency!) })
		return agency!
	})
}

export async function updateAgency(db: Db, actor: Actor, communeId: string, agencyId: string, input: unknown): Promise<Agency> {
	assertCan(actor, 'org.manage', communeId)
	const data = parseInput(ZAgency, input)
	return db.transaction(async (tx) => {
		const before = await getAgency(tx, actor, communeId, agencyId)
		if (before.code !== data.code) await assertAgencyCodeFree(tx, communeId, data.code)
		const [after] = await tx
			.update(agencies)
			.set({ ...data, updatedAt: new Date() })
			.where(and(eq(agencies.id, agencyId), eq(agencies.communeId, communeId)))
			.returning()
		await writeAudit(tx, actor, {
			communeId,
			action: 'agency.update',
			entityType: 'agency',
			entityId: agencyId,
			before: agencySnapshot(before),
			after: agencySnapshot(after!),
		})
		return after!
	})
}

async function assertAgencyCodeFree(tx: DbOrTx, communeId: string, code: string) {
	const [clash] = await tx
		.select({ id: agencies.id })
		.from(agencies)
		.where(and(eq(agencies.communeId, communeId), eq(agencies.code, code)))
		.limit(1)
	if (clash) throw new AppError('conflict', 'agency.codeTaken', { code })
}

// ---- Villages (thôn, tổ dân phố) ----

function villageSnapshot(v: Village) {
	return { name: v.name, sortOrder: v.sortOrder, active: v.active, isDemo: v.isDemo }
}

export async function listVillages(db: DbOrTx, actor: Actor, communeId: string, query = ''): Promise<Village[]> {
	assertCan(actor, 'backoffice.access', communeId)
	const q = normalizeText(query)
	return db
		.select()
		.from(villages)
		.where(
			and(
				eq(villages.communeId, communeId),
				q ? containsFolded(villages.name, q) : undefined,
			),
		)
		.orderBy(asc(villages.sortOrder), asc(villages.name))
}

export async function getVillage(db: DbOrTx, actor: Actor, communeId: string, villageId: string): Promise<Village> {
	assertCan(actor, 'backoffice.access', communeId)
	if (!isUuid(villageId)) throw new AppError('not_found', 'error.notFound')
	const [row] = await db
		.select()
		.from(villages)
		.where(and(eq(villages.id, villageId), eq(villages.communeId, communeId)))
		.limit(1)
	if (!row) throw new AppError('not_found', 'error.notFound')
	return row
}

export async function createVillage(db: Db, actor: Actor, communeId: string, input: VillageInput | unknown): Promise<Village> {
	assertCan(actor, 'org.manage', communeId)
	const data = parseInput(ZVillage, input)
	return db.transaction(async (tx) => {
		await assertVillageNameFree(tx, communeId, data.name)
		const [village] = await tx.insert(villages).values({ ...data, communeId }).returning()
		await writeAudit(tx, actor, { communeId, action: 'village.create', entityType: 'village', entityId: village!.id, after: villageSnapshot(village!) })
		return village!
	})
}

export async function updateVillage(db: Db, actor: Actor, communeId: string, villageId: string, input: unknown): Promise<Village> {
	assertCan(actor, 'org.manage', communeId)
	const data = parseInput(ZVillage, input)
	return db.transaction(async (tx) => {
		const before = await getVillage(tx, actor, communeId, villageId)
		if (before.name !== data.name) await assertVillageNameFree(tx, communeId, data.name)
		const [after] = await tx
			.update(villages)
			.set({ ...data, updatedAt: new Date() })
			.where(and(eq(villages.id, villageId), eq(villages.communeId, communeId)))
			.returning()
		await writeAudit(tx, actor, {
			communeId,
			action: 'village.update',
			entityType: 'village',
			entityId: villageId,
			before: villageSnapshot(before),
			after: villageSnapshot(after!),
		})
		return after!
	})
}

async function assertVillageNameFree(tx: DbOrTx, communeId: string, name: string) {
	const [clash] = await tx
		.select({ id: villages.id })
		.from(villages)
		.where(and(eq(villages.communeId, communeId), sql`lower(${villages.name}) = lower(${name})`))
		.limit(1)
	if (clash) throw new AppError('conflict', 'village.nameTaken', { name })
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(keys.map((k) => [k, row[k]]))
}

/** Key counts for the dashboard; each is null when the actor may not see it. */
export async function getOrgFigures(db: DbOrTx, actor: Actor, communeId: string | null) {
	const communeCount = can(actor, 'city.view') ? await countCommunes(db) : null
	if (!communeId || !can(actor, 'backoffice.access', communeId)) return { communes: communeCount, agencies: null, villages: null, staff: null }
	const [[a], [v], [s]] = await Promise.all([
		db.select({ n: count() }).from(agencies).where(and(eq(agencies.communeId, communeId), eq(agencies.active, true))),
		db.select({ n: count() }).from(villages).where(and(eq(villages.communeId, communeId), eq(villages.active, true))),
		db.select({ n: count() }).from(users).where(eq(users.communeId, communeId)),
	])
	return { communes: communeCount, agencies: a?.n ?? 0, villages: v?.n ?? 0, staff: s?.n ?? 0 }
}
