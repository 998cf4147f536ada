import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { createGunzip, createGzip } from 'node:zlib'
import { is, sql } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import { rowsOf, schema, type Database, type DbOrTx } from './client.server.ts'

// Logical backups that work the same on both engines, and move data between them:
// a gzip file of JSON lines, one header then chunks of rows per table, in foreign-key order.
// Rows are read with row_to_json and written back with json_populate_recordset, so every
// column type (timestamps, arrays, jsonb, enums) round-trips exactly.

export const BACKUP_FORMAT = 'than-thien-backup'
export const BACKUP_VERSION = 1
const CHUNK = 2_000

type Header = { format: string; version: number; createdAt: string; engine: string; migrations: number; tables: string[] }

/** The columns of each table a restore writes: all but the generated ones. */
function writableColumns(): Map<string, string[]> {
	return new Map(
		(Object.values(schema) as unknown[])
			.filter((v): v is PgTable => is(v, PgTable))
			.map((t) => getTableConfig(t))
			.map((config) => [config.name, config.columns.filter((c) => !c.generated).map((c) => c.name)]),
	)
}

/** Every table of the schema, parents before children. */
export function tablesInDependencyOrder(): { name: string; dependsOn: string[] }[] {
	const tables = (Object.values(schema) as unknown[])
		.filter((v): v is PgTable => is(v, PgTable))
		.map((t) => {
			const config = getTableConfig(t)
			const dependsOn = config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== config.name)
			return { name: config.name, dependsOn }
		})
	const ordered: typeof tables = []
	const placed = new Set<string>()
	while (ordered.length < tables.length) {
		const next = tables.find((t) => !placed.has(t.name) && t.dependsOn.every((d) => placed.has(d)))
		if (!next) throw new Error('foreign keys form a cycle; cannot order tables for backup')
		ordered.push(next)
		placed.add(next.name)
	}
	return ordered
}

async function appliedMigrations(db: DbOrTx): Promise<number> {
	const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))
	return rows[0]?.n ?? 0
}

async function* backupLines(database: Database): AsyncGenerator<string> {
	const tables = tablesInDependencyOrder().map((t) => t.name)
	const header: Header = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		createdAt: new Date().toISOString(),
		engine: database.engine,
		migrations: await appliedMigrations(database.db),
		tables,
	}
	yield `${JSON.stringify(header)}\n`
	for (const table of tables) {
		for (let offset = 0; ; offset += CHUNK) {
			const rows = rowsOf<{ row: unknown }>(
				await database.db.execute(
					sql`select row_to_json(t) as row from ${sql.identifier(table)} t order by t.ctid limit ${CHUNK} offset ${offset}`,
				),
			)
			if (rows.length === 0) break
			yield `${JSON.stringify({ table, rows: rows.map((r) => r.row) })}\n`
			if (rows.length < CHUNK) break
		}
	}
	yield `${JSON.stringify({ end: true })}\n`
}

/** Writes a backup of the whole database to a file. Returns the row count per table. */
export async function backupToFile(database: Database, file: string): Promise<Record<string, number>> {
	const counts: Record<string, number> = {}
	const lines = backupLines(database)
	async function* counted() {
		for await (const line of lines) {
			const parsed = JSON.parse(line) as { table?: string; rows?: unknown[] }
			if (parsed.table) counts[parsed.table] = (counts[parsed.table] ?? 0) + (parsed.rows?.length ?? 0)
			yield line
		}
	}
	await pipeline(Readable.from(counted()), createGzip(), createWriteStream(file, { flags: 'wx' }))
	return counts
}

export class RestoreError extends Error {
	override name = 'RestoreError'
}

/**
 * Restores a backup into a migrated, empty database (the same schema version), in one
 * transaction: either everything is restored or nothing is.
 */
export async function restoreFromFile(database: Database, file: string): Promise<Record<string, number>> {
	const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
	const iterator = lines[Symbol.asyncIterator]()
	const first = await iterator.next().catch(() => ({ done: true, value: undefined }))
	let header: Header
	try {
		header = JSON.parse(String(first.value)) as Header
	} catch {
		throw new RestoreError('This file is not a Thân Thiện backup (it cannot be read as one).')
	}
	if (header.format !== BACKUP_FORMAT) throw new RestoreError('This file is not a Thân Thiện backup.')
	if (header.version !== BACKUP_VERSION) throw new RestoreError(`Backup format version ${header.version} is not supported.`)
	const migrations = await appliedMigrations(database.db)
	if (header.migrations !== migrations) {
		throw new RestoreError(
			`The backup was made with ${header.migrations} migrations applied, this database has ${migrations}. Restore into the same version of the software.`,
		)
	}
	const known = new Set(tablesInDependencyOrder().map((t) => t.name))
	const writable = writableColumns()
	for (const table of known) {
		const rows = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))
		if ((rows[0]?.n ?? 0) > 0) throw new RestoreError(`The target database is not empty (table ${table} has rows). Restore into a new, empty database.`)
	}
	const counts: Record<string, number> = {}
	let ended = false
	await database.db.transaction(async (tx) => {
		for (;;) {
			const next = await iterator.next()
			if (next.done) break
			const chunk = JSON.parse(next.value) as { table?: string; rows?: unknown[]; end?: boolean }
			if (chunk.end) {
				ended = true
				break
			}
			if (!chunk.table || !known.has(chunk.table) || !Array.isArray(chunk.rows)) throw new RestoreError('The backup file is damaged.')
			// Generated columns are left out: the database computes them again from the row.
			const columns = sql.join(writable.get(chunk.table)!.map((c) => sql.identifier(c)), sql`, `)
			await tx.execute(
				sql`insert into ${sql.identifier(chunk.table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.identifier(chunk.table)}, ${JSON.stringify(chunk.rows)}::json)`,
			)
			counts[chunk.table] = (counts[chunk.table] ?? 0) + chunk.rows.length
		}
		if (!ended) throw new RestoreError('The backup file is incomplete (it ends before its last line).')
	})
	return counts
}
