import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import { is } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { schema, type Database } from '#app/core/db/client.server.ts'
import * as accounts from '#app/modules/platform/accounts.server.ts'
import * as audit from '#app/modules/platform/audit.server.ts'
import * as calendar from '#app/modules/platform/calendar.server.ts'
import * as org from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { createTestDatabase } from '../setup/test-db.ts'
import { seedCommune, seedStaff } from './factories.ts'

// No query returns another commune's data. Commune A's staff try every data access path of
// the platform against commune B: by B's commune id (refused) and by B's record ids under
// their own commune (not found). Lists never contain B's rows. A new exported function that is
// not listed below fails the last test, so every new path gets a place here.

let database: Database
let A: Awaited<ReturnType<typeof seed>>
let B: Awaited<ReturnType<typeof seed>>

async function seed() {
	const { commune, village, agency } = await seedCommune(database.db)
	const { actor: admin, account: adminAccount } = await seedStaff(database.db, 'commune_admin', commune.id)
	const { account: officer } = await seedStaff(database.db, 'agency_officer', commune.id, { agencyId: agency.id, villageId: village.id })
	const day = await calendar.addCalendarDay(database.db, systemActor('test'), commune.id, { day: '2026-12-30', kind: 'day_off', name: `Ngày nghỉ ${commune.slug}` })
	return { commune, village, agency, admin, adminAccount, officer, day }
}

beforeAll(async () => {
	database = await createTestDatabase()
	A = await seed()
	B = await seed()
})
afterAll(async () => {
	await database?.close()
})

const forbidden = { code: 'forbidden' }
const notFound = { code: 'not_found' }

/** Ids that belong to B and must never appear in what A's staff can read. */
function idsOfB() {
	return [B.commune.id, B.village.id, B.agency.id, B.adminAccount.id, B.officer.id, B.day.id]
}

function expectNoneOfB(value: unknown) {
	const text = JSON.stringify(value)
	for (const id of idsOfB()) expect(text).not.toContain(id)
	expect(text).not.toContain(B.commune.slug)
}

const covered = new Set<string>()
const path = (name: string) => covered.add(name)

describe('tenant isolation', () => {
	test('lists and look-ups for A contain nothing of B', async () => {
		const db = database.db
		const a = A.admin
		path('listAgencies')
		expectNoneOfB(await org.listAgencies(db, a, A.commune.id))
		path('listVillages')
		expectNoneOfB(await org.listVillages(db, a, A.commune.id))
		expectNoneOfB(await org.listVillages(db, a, A.commune.id, 'thon'))
		path('listAccounts')
		expectNoneOfB(await accounts.listAccounts(db, a, A.commune.id))
		expectNoneOfB(await accounts.listAccounts(db, a, A.commune.id, 'can bo'))
		path('listAuditLog')
		expectNoneOfB(await audit.listAuditLog(db, a, { communeId: A.commune.id, limit: 200 }))
		path('listAuditActors')
		expectNoneOfB(await audit.listAuditActors(db, a, A.commune.id))
		path('listCalendarDays')
		expectNoneOfB(await calendar.listCalendarDays(db, a, A.commune.id))
		path('communeAdjustments')
		expectNoneOfB(await calendar.communeAdjustments(db, A.commune.id))
		path('workingDayDeadline')
		// B's day off on 30/12 must not move A's deadline … but A has the same day; use another.
		await calendar.addCalendarDay(db, systemActor('test'), B.commune.id, { day: '2026-12-29', kind: 'day_off', name: 'Only B' })
		expect(await calendar.workingDayDeadline(db, A.commune.id, '2026-12-28', 1)).toBe('2026-12-29')
		expect(await calendar.workingDayDeadline(db, B.commune.id, '2026-12-28', 1)).toBe('2026-12-31')
		path('getOrgFigures')
		const figures = await org.getOrgFigures(db, a, A.commune.id)
		expect(figures.staff).toBe(2)
		expect(figures.villages).toBe(1)
	})

	test("A's staff asking for B's commune are refused", async () => {
		const db = database.db
		const a = A.admin
		await expect(org.listAgencies(db, a, B.commune.id)).rejects.toMatchObject(forbidden)
		await expect(org.listVillages(db, a, B.commune.id)).rejects.toMatchObject(forbidden)
		await expect(accounts.listAccounts(db, a, B.commune.id)).rejects.toMatchObject(forbidden)
		await expect(accounts.listAccounts(db, a, null)).rejects.toMatchObject(forbidden)
		await expect(audit.listAuditLog(db, a, { communeId: B.commune.id })).rejects.toMatchObject(forbidden)
		await expect(audit.listAuditLog(db, a, { communeId: null })).rejects.toMatchObject(forbidden)
		await expect(audit.listAuditActors(db, a, B.commune.id)).rejects.toMatchObject(forbidden)
		await expect(calendar.listCalendarDays(db, a, B.commune.id)).rejects.toMatchObject(forbidden)
		expect(await org.getOrgFigures(db, a, B.commune.id)).toEqual({ communes: null, agencies: null, villages: null, staff: null })
		// Writes into B.
		path('createAgency')
		await expect(org.createAgency(db, a, B.commune.id, { code: 'x-y', name: 'X', kind: 'other' })).rejects.toMatchObject(forbidden)
		path('createVillage')
		await expect(org.createVillage(db, a, B.commune.id, { name: 'X' })).rejects.toMatchObject(forbidden)
		path('updateCommuneSettings')
		await expect(org.updateCommuneSettings(db, a, B.commune.id, { name: 'Hijacked' })).rejects.toMatchObject(forbidden)
		path('addCalendarDay')
		await expect(calendar.addCalendarDay(db, a, B.commune.id, { day: '2027-01-05', kind: 'day_off', name: 'X' })).rejects.toMatchObject(forbidden)
		path('createUser')
		await expect(
			accounts.createUser(db, a, { username: 'intruder', fullName: 'X', role: 'agency_officer', communeId: B.commune.id, password: 'long enough pass' }),
		).rejects.toMatchObject(forbidden)
	})

	test("B's record ids under A's commune are not found, and nothing of B changes", async () => {
		const db = database.db
		const a = A.admin
		path('getAgency')
		await expect(org.getAgency(db, a, A.commune.id, B.agency.id)).rejects.toMatchObject(notFound)
		path('getVillage')
		await expect(org.getVillage(db, a, A.commune.id, B.village.id)).rejects.toMatchObject(notFound)
		path('updateAgency')
		await expect(org.updateAgency(db, a, A.commune.id, B.agency.id, { code: 'x-y', name: 'X', kind: 'other' })).rejects.toMatchObject(notFound)
		path('updateVillage')
		await expect(org.updateVillage(db, a, A.commune.id, B.village.id, { name: 'X' })).rejects.toMatchObject(notFound)
		path('removeCalendarDay')
		await expect(calendar.removeCalendarDay(db, a, A.commune.id, B.day.id)).rejects.toMatchObject(notFound)
		path('getAccount')
		await expect(accounts.getAccount(db, a, B.officer.id)).rejects.toMatchObject(notFound)
		path('resetPassword')
		await expect(accounts.resetPassword(db, a, B.officer.id)).rejects.toMatchObject(notFound)
		path('unlockAccount')
		await expect(accounts.unlockAccount(db, a, B.officer.id)).rejects.toMatchObject(notFound)
		path('setAccountDisabled')
		await expect(accounts.setAccountDisabled(db, a, B.officer.id, true)).rejects.toMatchObject(notFound)
		path('revokeSessions')
		await expect(accounts.revokeSessions(db, a, B.officer.id)).rejects.toMatchObject(notFound)
		// A user of A cannot be attached to B's agency or village.
		await expect(
			accounts.createUser(db, a, { username: 'crossed', fullName: 'X', role: 'agency_officer', communeId: A.commune.id, agencyId: B.agency.id, password: 'long enough pass' }),
		).rejects.toMatchObject(notFound)
		// B is as it was.
		const stillB = await org.getAgency(db, B.admin, B.commune.id, B.agency.id)
		expect(stillB.name).toBe(B.agency.name)
		expect((await calendar.listCalendarDays(db, B.admin, B.commune.id)).map((d) => d.id)).toContain(B.day.id)
	})

	test('every data access path of the platform is covered here or declared not tenant-scoped', () => {
		// Paths that read only public facts of communes, or act on the signed-in person themself,
		// or are deployment-level (system actor), with the reason.
		const notTenantScoped: Record<string, string> = {
			listPublicCommunes: 'public identity of communes (city page)',
			countCommunes: 'a count, no data',
			resolveCommuneForHost: 'public identity, by host name',
			getPublicCommune: 'public identity',
			getPublicCommuneBySlug: 'public identity',
			searchCommunes: 'public identity',
			createCommune: 'deployment-level, needs communes.manage',
			signIn: 'the person themself, by credentials',
			getSessionUser: 'the person themself, by session token',
			signOut: 'the person themself',
			changeOwnPassword: 'the person themself',
			resetPasswordByUsername: 'CLI, system actor only',
			actorFromUser: 'no data access',
			hashSessionToken: 'no data access',
			writeAudit: 'writes within a use case',
		}
		const exported = [accounts, audit, calendar, org].flatMap((m) =>
			Object.entries(m)
				.filter(([, v]) => typeof v === 'function')
				.map(([k]) => k),
		)
		const unaccounted = exported.filter((name) => !covered.has(name) && !(name in notTenantScoped))
		expect(unaccounted).toEqual([])
	})

	test('every table holds commune data through a commune_id, except those declared', () => {
		const withoutCommune = (Object.values(schema) as unknown[])
			.filter((v): v is PgTable => is(v, PgTable))
			.map((t) => getTableConfig(t))
			.filter((c) => !c.columns.some((col) => col.name === 'commune_id'))
			.map((c) => c.name)
			.sort()
		// communes is the tenant itself; sessions belong to a user, who has the commune.
		expect(withoutCommune).toEqual(['communes', 'sessions'])
	})
})
