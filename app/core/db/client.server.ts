import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import lockfile from 'proper-lockfile'
import * as schema from './schema.ts'

export { schema }

/** The database handle every domain function takes: the same type on both engines. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** A handle inside a transaction; domain functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export type Engine = 'pglite' | 'postgres'

export type Database = {
	db: Db
	engine: Engine
	/** Where the data lives, for messages: a folder, "memory", or the server without the password. */
	location: string
	/** The raw PGlite instance (embedded engine only), for data-dir dumps in tests. */
	pglite?: PGlite
	/** The connection pool (PostgreSQL only), for work that needs one session, such as advisory locks. */
	pool?: pg.Pool
	close(): Promise<void>
}

export class DataDirLockedError extends Error {
	constructor(public readonly dir: string) {
		super(
			`The data folder ${dir} is already open in another Thân Thiện process. ` +
				'An embedded database may be opened by one process only: stop the running app ' +
				'(or run this command while it is stopped) and try again.',
		)
		this.name = 'DataDirLockedError'
	}
}

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm }

export function describeDatabaseUrl(url: string): string {
	if (url.startsWith('pglite://')) return url
	try {
		const u = new URL(url)
		if (u.password) u.password = '***'
		return u.toString()
	} catch {
		return 'postgres://(unparseable URL)'
	}
}

/**
 * Opens the database named by the URL: `pglite://memory`, `pglite://<folder>` or `postgres://…`.
 * A PGlite folder is locked for the life of the handle, so a second process gets a clear refusal
 * instead of silently corrupting the data.
 */
export async function openDatabase(
	url: string,
	options: { loadDataDir?: Blob | File; poolMax?: number } = {},
): Promise<Database> {
	if (url.startsWith('pglite://')) {
		const target = url.slice('pglite://'.length)
		if (target === 'memory' || target === '') {
			const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS, loadDataDir: options.loadDataDir })
			return {
				db: drizzlePglite(client, { schema }) as unknown as Db,
				engine: 'pglite',
				location: 'memory',
				pglite: client,
				close: () => client.close(),
			}
		}
		const dir = path.resolve(target)
		fs.mkdirSync(dir, { recursive: true })
		const release = await lockDataDir(dir)
		try {
			const client = await PGlite.create({ dataDir: dir, extensions: PGLITE_EXTENSIONS, loadDataDir: options.loadDataDir })
			return {
				db: drizzlePglite(client, { schema }) as unknown as Db,
				engine: 'pglite',
				location: dir,
				pglite: client,
				close: async () => {
					await client.close()
					await release()
				},
			}
		} catch (err) {
			await release()
			throw err
		}
	}
	const pool = new pg.Pool({ connectionString: url, max: options.poolMax ?? 10 })
	// Fail fast with a readable error when the server cannot be reached.
	const probe = await pool.connect()
	probe.release()
	return {
		db: drizzlePg(pool, { schema }) as unknown as Db,
		engine: 'postgres',
		location: describeDatabaseUrl(url),
		pool,
		close: () => pool.end(),
	}
}

/**
 * Takes the folder's lock (a `<folder>.lock` directory that the holder touches every 5 s) and
 * writes who holds it to `<folder>.lock.owner`. A lock left by a process on this machine that no
 * longer runs (killed with SIGKILL, power cut) is cleared at once instead of refusing the
 * folder until the lock goes stale; any other holder gets DataDirLockedError.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
	const lockPath = `${dir}.lock`
	const ownerPath = `${lockPath}.owner`
	const take = () =>
		lockfile.lock(dir, {
			lockfilePath: lockPath,
			stale: 15_000,
			update: 5_000,
			realpath: false,
			onCompromised: (err) => {
				// Another process took the lock while we held it: stop writing at once.
				console.error(JSON.stringify({ level: 'fatal', msg: 'data folder lock lost', err: String(err) }))
				process.exit(1)
			},
		})
	let unlock: () => Promise<void>
	try {
		unlock = await take()
	} catch (err) {
		if ((err as { code?: string }).code !== 'ELOCKED') throw err
		if (!lockOwnerIsGone(ownerPath)) throw new DataDirLockedError(dir)
		fs.rmSync(lockPath, { recursive: true, force: true })
		try {
			unlock = await take()
		} catch (again) {
			if ((again as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dir)
			throw again
		}
	}
	fs.writeFileSync(ownerPath, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }))
	return async () => {
		fs.rmSync(ownerPath, { force: true })
		await unlock()
	}
}

/** True when the lock's owner file names a process of this machine that is no longer running. */
function lockOwnerIsGone(ownerPath: string): boolean {
	let owner: { pid?: unknown; host?: unknown }
	try {
		owner = JSON.parse(fs.readFileSync(ownerPath, 'utf8')) as typeof owner
	} catch {
		return false // no owner recorded (an older version, or the holder is still starting): wait for staleness
	}
	if (owner.host !== os.hostname() || typeof owner.pid !== 'number' || owner.pid === process.pid) return false
	try {
		process.kill(owner.pid, 0)
		return false
	} catch (err) {
		return (err as { code?: string }).code === 'ESRCH'
	}
}

/** Rows of a raw `db.execute(sql…)`, read the same way on both engines. */
export function rowsOf<T>(result: unknown): T[] {
	return (result as { rows: T[] }).rows
}
