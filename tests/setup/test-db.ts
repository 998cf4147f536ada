import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, type Database } from '#app/core/db/client.server.ts'

// Test databases: PGlite restored from a migrated template (about 0.4 s), or, when DATABASE_URL
// points at PostgreSQL, a fresh database copied from a migrated template database.

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const PGLITE_TEMPLATE = path.join(ROOT, '.cache', 'pglite-template.tar')
export const PG_TEMPLATE_DB = 'than_thien_template'

export function postgresUrl(): string | undefined {
	const url = process.env.DATABASE_URL
	return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined
}

export function withDatabaseName(url: string, name: string): string {
	const u = new URL(url)
	u.pathname = `/${name}`
	return u.toString()
}

/** A migrated, empty database of its own for one test file. Close it in afterAll. */
export async function createTestDatabase(): Promise<Database> {
	const url = postgresUrl()
	if (url) {
		const name = `than_thien_test_${randomBytes(6).toString('hex')}`
		const admin = new pg.Client({ connectionString: url })
		await admin.connect()
		await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`)
		await admin.end()
		const database = await openDatabase(withDatabaseName(url, name), { poolMax: 4 })
		return {
			...database,
			close: async () => {
				await database.close()
				const cleanup = new pg.Client({ connectionString: url })
				await cleanup.connect()
				// The pool's end() resolves before its connections have finished closing; dropping the
				// database WITH (FORCE) then would kill them mid-goodbye (an unhandled 57P01 error).
				for (let i = 0; i < 100; i++) {
					const { rows } = await cleanup.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])
					if (rows[0]!.n === 0) break
					await new Promise((resolve) => setTimeout(resolve, 50))
				}
				await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
				await cleanup.end()
			},
		}
	}
	const tarball = fs.readFileSync(PGLITE_TEMPLATE)
	return openDatabase('pglite://memory', { loadDataDir: new Blob([tarball]) })
}
