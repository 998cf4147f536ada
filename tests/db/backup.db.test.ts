import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { backupToFile, restoreFromFile, RestoreError, tablesInDependencyOrder } from '#app/core/db/backup.server.ts'
import { rowsOf, type Database } from '#app/core/db/client.server.ts'
import { signIn } from '#app/modules/platform/accounts.server.ts'
import { addCalendarDay } from '#app/modules/platform/calendar.server.ts'
import { seedDemo } from '#app/demo-seed.server.ts'
import { DEMO_PASSWORD } from '#app/modules/platform/demo-seed.server.ts'
import { listPublicCommunes } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { createTestDatabase } from '../setup/test-db.ts'

const opened: Database[] = []
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-backup-'))
afterAll(async () => {
	for (const d of opened) await d.close()
	fs.rmSync(dir, { recursive: true, force: true })
})

async function fresh() {
	const database = await createTestDatabase()
	opened.push(database)
	return database
}

/** Every row of every table, as JSON text, sorted: two databases with the same data compare equal. */
async function snapshot(database: Database) {
	const result: Record<string, string[]> = {}
	for (const { name } of tablesInDependencyOrder()) {
		const rows = rowsOf<{ row: unknown }>(await database.db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t`))
		result[name] = rows.map((r) => String(r.row)).sort()
	}
	return result
}

describe('backup and restore', () => {
	test('a round trip loses nothing: every row of every table comes back identical', async () => {
		const source = await fresh()
		await seedDemo(source.db)
		const [commune] = await listPublicCommunes(source.db)
		await addCalendarDay(source.db, systemActor('test'), commune!.id, { day: '2026-12-31', kind: 'day_off', name: 'Tất niên — "quotes", \\ and emoji 🎉' })
		await signIn(source.db, { username: 'quantri', password: DEMO_PASSWORD, ip: '127.0.0.1', userAgent: 'test', sessionDays: 1 })
		const file = path.join(dir, 'round-trip.ttbackup.gz')
		const written = await backupToFile(source, file)
		expect(written.users).toBeGreaterThanOrEqual(9)
		expect(written.audit_log).toBeGreaterThan(0)

		const target = await fresh()
		const restored = await restoreFromFile(target, file)
		expect(restored).toEqual(written)
		const before = await snapshot(source)
		expect(await snapshot(target)).toEqual(before)
		// The restored accounts still sign in.
		await expect(signIn(target.db, { username: 'admin', password: DEMO_PASSWORD, ip: '', userAgent: '', sessionDays: 1 })).resolves.toBeDefined()
	})

	test('restore refuses a database that already has data, and leaves it untouched', async () => {
		const source = await fresh()
		await seedDemo(source.db)
		const file = path.join(dir, 'refuse.ttbackup.gz')
		await backupToFile(source, file)
		const before = await snapshot(source)
		await expect(restoreFromFile(source, file)).rejects.toBeInstanceOf(RestoreError)
		expect(await snapshot(source)).toEqual(before)
	})

	test('restore refuses a file that is not a backup or is cut short, and restores nothing', async () => {
		const target = await fresh()
		const notBackup = path.join(dir, 'not-a-backup.gz')
		fs.writeFileSync(notBackup, 'hello')
		await expect(restoreFromFile(target, notBackup)).rejects.toThrow()

		const source = await fresh()
		await seedDemo(source.db)
		const file = path.join(dir, 'truncated.ttbackup.gz')
		await backupToFile(source, file)
		const { gunzipSync, gzipSync } = await import('node:zlib')
		const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n')
		const cut = path.join(dir, 'cut.ttbackup.gz')
		fs.writeFileSync(cut, gzipSync(`${lines.slice(0, -1).join('\n')}\n`))
		await expect(restoreFromFile(target, cut)).rejects.toThrow(/incomplete/)
		const counts = rowsOf<{ n: number }>(await target.db.execute(sql`select count(*)::int as n from communes`))
		expect(counts[0]!.n).toBe(0)
	})
})
