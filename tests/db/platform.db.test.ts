import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { rowsOf, type Database } from '#app/core/db/client.server.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import {
	changeOwnPassword,
	getSessionUser,
	LOCKOUT_MINUTES,
	MAX_FAILED_ATTEMPTS,
	resetPassword,
	revokeSessions,
	signIn,
	signOut,
} from '#app/modules/platform/accounts.server.ts'
import { listAuditLog } from '#app/modules/platform/audit.server.ts'
import { addCalendarDay, workingDayDeadline } from '#app/modules/platform/calendar.server.ts'
import { createVillage, listVillages, resolveCommuneForHost, searchCommunes, updateAgency } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { auditLog, users } from '#app/modules/platform/platform.schema.ts'
import { createTestDatabase } from '../setup/test-db.ts'
import { seedCommune, seedStaff, TEST_PASSWORD } from './factories.ts'

let database: Database
beforeAll(async () => {
	database = await createTestDatabase()
})
afterAll(async () => {
	await database?.close()
})

const signInAs = (username: string, password = TEST_PASSWORD, now?: Date) =>
	signIn(database.db, { username, password, ip: '10.0.0.1', userAgent: 'vitest', sessionDays: 14 }, now)

describe('audit log', () => {
	test('a use case writes its audit row in the same transaction, with before and after', async () => {
		const { commune, agency } = await seedCommune(database.db)
		const { actor } = await seedStaff(database.db, 'commune_admin', commune.id)
		await updateAgency(database.db, actor, commune.id, agency.id, { code: agency.code, name: 'Phòng đã đổi tên', kind: agency.kind })
		const { rows } = await listAuditLog(database.db, actor, { communeId: commune.id, entityType: 'agency', entityId: agency.id })
		const update = rows.find((r) => r.action === 'agency.update')!
		expect(update.before).toMatchObject({ name: agency.name })
		expect(update.after).toMatchObject({ name: 'Phòng đã đổi tên' })
		expect(update.ip).toBe('127.0.0.1')
		expect(update.actorUserId).toBe(actor.kind === 'staff' ? actor.userId : null)
	})

	test('a failed use case leaves neither the change nor its audit row', async () => {
		const { commune, village } = await seedCommune(database.db)
		const { actor } = await seedStaff(database.db, 'commune_admin', commune.id)
		const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)
		await expect(createVillage(database.db, actor, commune.id, { name: village.name })).rejects.toThrow(AppError)
		const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)
		expect(after[0]!.n).toBe(before[0]!.n)
	})

	test('the database refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
		const { commune } = await seedCommune(database.db)
		const [row] = await database.db.select().from(auditLog).where(eq(auditLog.communeId, commune.id)).limit(1)
		expect(row).toBeDefined()
		// drizzle wraps the database error; the database's own message is its cause.
		const refused = (err: unknown) => /audit_log is append-only/.test(String((err as { cause?: Error }).cause?.message))
		await expect(database.db.execute(sql`update audit_log set action = 'forged' where id = ${row!.id}`)).rejects.toSatisfy(refused)
		await expect(database.db.execute(sql`delete from audit_log where id = ${row!.id}`)).rejects.toSatisfy(refused)
		await expect(database.db.execute(sql`truncate audit_log`)).rejects.toSatisfy(refused)
		const [still] = await database.db.select().from(auditLog).where(eq(auditLog.id, row!.id))
		expect(still!.action).toBe(row!.action)
	})
})

describe('search ignores diacritics and Unicode form', () => {
	test('"nguyen luong bang" finds "Nguyễn Lương Bằng" typed composed or decomposed', async () => {
		const composed = 'Xã Nguyễn Lương Bằng Thử'
		await seedCommune(database.db, composed)
		// Stored decomposed on purpose, bypassing input normalisation, as an import might.
		await seedCommune(database.db, 'Phường Nguyễn Lương Bằng Khác'.normalize('NFD'))
		const found = await searchCommunes(database.db, 'nguyen luong bang')
		expect(found.map((c) => c.name.normalize('NFC'))).toEqual(expect.arrayContaining([composed, 'Phường Nguyễn Lương Bằng Khác']))
		const byDecomposedQuery = await searchCommunes(database.db, 'NGUYỄN LƯƠNG BẰNG'.normalize('NFD'))
		expect(byDecomposedQuery.length).toBe(found.length)
	})

	test('village search uses the trigram index expression', async () => {
		const { commune } = await seedCommune(database.db)
		await createVillage(database.db, systemActor('test'), commune.id, { name: 'Đỗ Thượng' })
		const found = await listVillages(database.db, systemActor('test'), commune.id, 'do thuong')
		expect(found.map((v) => v.name)).toEqual(['Đỗ Thượng'])
		const plan = rowsOf<Record<string, string>>(
			await database.db.execute(sql`select indexdef from pg_indexes where indexname = 'villages_name_search_idx'`),
		)
		expect(plan[0]?.indexdef).toMatch(/gin_trgm_ops/)
	})

	test('input is stored in NFC', async () => {
		const { commune } = await seedCommune(database.db)
		const village = await createVillage(database.db, systemActor('test'), commune.id, { name: '  Thôn Hàn Lâm  '.normalize('NFD') })
		expect(village.name).toBe('Thôn Hàn Lâm')
		expect(village.name).toBe(village.name.normalize('NFC'))
	})
})

describe('sign-in, lockout and sessions', () => {
	test('a good password opens a session; the token is not stored, its hash is', async () => {
		const { commune } = await seedCommune(database.db)
		const { account } = await seedStaff(database.db, 'agency_officer', commune.id)
		const result = await signInAs(account.username.toUpperCase())
		expect(result.user.id).toBe(account.id)
		const session = await getSessionUser(database.db, result.token)
		expect(session?.user.id).toBe(account.id)
		const stored = rowsOf<{ id: string }>(await database.db.execute(sql`select id from sessions where user_id = ${account.id}`))
		expect(stored.map((s) => s.id)).not.toContain(result.token)
	})

	test('wrong password and unknown user get the same answer', async () => {
		const { commune } = await seedCommune(database.db)
		const { account } = await seedStaff(database.db, 'agency_officer', commune.id)
		await expect(signInAs(account.username, 'wrong password!')).rejects.toMatchObject({ messageKey: 'signIn.invalid' })
		await expect(signInAs('nobody-here', 'wrong password!')).rejects.toMatchObject({ messageKey: 'signIn.invalid' })
	})

	test(`${MAX_FAILED_ATTEMPTS} wrong passwords lock the account for ${LOCKOUT_MINUTES} minutes, even for the right password`, async () => {
		const { commune } = await seedCommune(database.db)
		const { account } = await seedStaff(database.db, 'collector', commune.id)
		const t0 = new Date()
		for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
			await expect(signInAs(account.username, 'wrong password!', t0)).rejects.toMatchObject({ code: 'unauthenticated' })
		}
		await expect(signInAs(account.username, 'wrong password!', t0)).rejects.toMatchObject({ code: 'locked' })
		await expect(signInAs(account.username, TEST_PASSWORD, new Date(t0.getTime() + 60_000))).rejects.toMatchObject({ code: 'locked' })
		const later = new Date(t0.getTime() + (LOCKOUT_MINUTES + 1) * 60_000)
		await expect(signInAs(account.username, TEST_PASSWORD, later)).resolves.toMatchObject({ user: { id: account.id } })
	})

	test('sign-out, admin revocation and disabling end sessions', async () => {
		const { commune } = await seedCommune(database.db)
		const { account, actor } = await seedStaff(database.db, 'agency_officer', commune.id)
		const { actor: admin } = await seedStaff(database.db, 'commune_admin', commune.id)
		const a = await signInAs(account.username)
		await signOut(database.db, actor, a.sessionId)
		expect(await getSessionUser(database.db, a.token)).toBeNull()
		const b = await signInAs(account.username)
		const c = await signInAs(account.username)
		expect(await revokeSessions(database.db, admin, account.id)).toBe(2)
		expect(await getSessionUser(database.db, b.token)).toBeNull()
		expect(await getSessionUser(database.db, c.token)).toBeNull()
	})

	test('changing one\'s password keeps this session and ends the others', async () => {
		const { commune } = await seedCommune(database.db)
		const { account, actor } = await seedStaff(database.db, 'reviewer', commune.id)
		const here = await signInAs(account.username)
		const elsewhere = await signInAs(account.username)
		await expect(
			changeOwnPassword(database.db, actor, { currentPassword: 'not it at all', newPassword: 'a brand new passphrase', currentSessionId: here.sessionId }),
		).rejects.toMatchObject({ messageKey: 'password.currentWrong' })
		await expect(
			changeOwnPassword(database.db, actor, { currentPassword: TEST_PASSWORD, newPassword: 'short', currentSessionId: here.sessionId }),
		).rejects.toBeInstanceOf(InputError)
		await changeOwnPassword(database.db, actor, { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase', currentSessionId: here.sessionId })
		expect(await getSessionUser(database.db, here.token)).not.toBeNull()
		expect(await getSessionUser(database.db, elsewhere.token)).toBeNull()
		await expect(signInAs(account.username, 'a brand new passphrase')).resolves.toBeDefined()
	})

	test('an admin reset gives a one-time password that must be changed, and unlocks', async () => {
		const { commune } = await seedCommune(database.db)
		const { account } = await seedStaff(database.db, 'one_stop_officer', commune.id)
		const { actor: admin } = await seedStaff(database.db, 'commune_admin', commune.id)
		const { password } = await resetPassword(database.db, admin, account.id)
		const result = await signInAs(account.username, password)
		expect(result.user.mustChangePassword).toBe(true)
		const [row] = await database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, account.id))
		expect(row!.hash).toMatch(/^\$argon2id\$/)
	})

	test('a commune admin cannot create a system admin nor touch another commune', async () => {
		const a = await seedCommune(database.db)
		const b = await seedCommune(database.db)
		const { actor: adminA } = await seedStaff(database.db, 'commune_admin', a.commune.id)
		const { account: staffB } = await seedStaff(database.db, 'agency_officer', b.commune.id)
		await expect(resetPassword(database.db, adminA, staffB.id)).rejects.toMatchObject({ code: 'not_found' })
		const { createUser } = await import('#app/modules/platform/accounts.server.ts')
		await expect(
			createUser(database.db, adminA, { username: 'sneaky', fullName: 'X', role: 'system_admin', communeId: null, password: 'long enough pass' }),
		).rejects.toMatchObject({ code: 'forbidden' })
	})
})

describe('communes by host and working-day deadlines', () => {
	test('a commune is found by its host name, case and port ignored', async () => {
		const { commune } = await seedCommune(database.db)
		const host = commune.hostnames[0]!
		expect((await resolveCommuneForHost(database.db, `${host.toUpperCase()}:8080`))?.id).toBe(commune.id)
	})

	test('deadlines skip Tết and the commune\'s own days off', async () => {
		const { commune } = await seedCommune(database.db)
		// Received Friday 13/02/2026; Tết runs 16–20/02, so 1 working day later is Monday 23/02.
		expect(await workingDayDeadline(database.db, commune.id, '2026-02-13', 1)).toBe('2026-02-23')
		await addCalendarDay(database.db, systemActor('test'), commune.id, { day: '2026-02-23', kind: 'day_off', name: 'Lễ hội làng' })
		expect(await workingDayDeadline(database.db, commune.id, '2026-02-13', 1)).toBe('2026-02-24')
	})
})

describe('search input is text, not a pattern', () => {
	test('% and _ in a query match only themselves', async () => {
		const { commune } = await seedCommune(database.db)
		await createVillage(database.db, systemActor('test'), commune.id, { name: 'Tổ 10_A' })
		await createVillage(database.db, systemActor('test'), commune.id, { name: 'Tổ 10BA' })
		expect((await listVillages(database.db, systemActor('test'), commune.id, '10_a')).map((v) => v.name)).toEqual(['Tổ 10_A'])
		expect(await listVillages(database.db, systemActor('test'), commune.id, '%')).toEqual([])
	})
})
