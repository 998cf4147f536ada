import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import type { Database } from './client.server.ts'

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations')

// An arbitrary constant: the advisory lock that keeps two app processes from migrating one
// PostgreSQL database at the same time.
const MIGRATION_LOCK_KEY = 727_001

/** Applies the committed migrations in db/migrations. The app runs this at every start. */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
	if (database.engine === 'pglite') {
		await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder })
		return
	}
	if (!database.pool) throw new Error('PostgreSQL database without a pool')
	// One connection for the lock, the migration and the unlock: advisory locks belong to a session.
	const client = await database.pool.connect()
	try {
		const db = drizzle(client)
		await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`)
		try {
			await migrateNodePg(db, { migrationsFolder })
		} finally {
			await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`)
		}
	} finally {
		client.release()
	}
}
