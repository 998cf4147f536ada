import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { backupToFile, restoreFromFile, RestoreError } from '#app/core/db/backup.server.ts'
import { DataDirLockedError, openDatabase, rowsOf, type Database } from '#app/core/db/client.server.ts'
import { MIGRATIONS_FOLDER, migrateDatabase } from '#app/core/db/migrate.server.ts'
import { ConfigError, parseEnv, type Env } from '#app/core/env.server.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import { createTranslator } from '#app/core/i18n/i18n.ts'
import { MESSAGES } from '#app/messages.ts'
import { createUser, resetPasswordByUsername } from '#app/modules/platform/accounts.server.ts'
import { createCommune, getPublicCommuneBySlug, listAgencies } from '#app/modules/platform/org.server.ts'
import { generatePassword } from '#app/modules/platform/passwords.server.ts'
import { ROLES, systemActor, type Role } from '#app/modules/platform/permissions.ts'

// The admin CLI: `npm run cli -- <command> [options]`, or `than-thien <command>` once installed.
// It uses the same configuration (DATABASE_URL, DATA_DIR) and the same use cases as the app.
// On the embedded database it must run while the app is stopped: the data folder is locked.

const HELP = `Thân Thiện admin CLI

Usage: npm run cli -- <command> [options]

Commands:
  migrate                         apply pending migrations
  check                           check configuration and database health
  create-commune --name N --slug S [--kind xa|phuong|dac_khu] [--host H[,H2]]
                 [--hotline P] [--address A] [--email E] [--city C]
  create-user --username U --name N --role R [--commune SLUG] [--agency CODE]
              [--password P]      (a password is generated and printed when not given)
  reset-password --username U     prints a new temporary password; ends the account's sessions
  backup --out FILE               write a backup of the whole database (gzip, JSON lines)
  restore --in FILE               restore a backup into a new, empty database

Roles: ${ROLES.join(', ')}
Configuration comes from the environment: DATABASE_URL, DATA_DIR (see the README).`

const cliActor = systemActor('cli')

function option(values: Record<string, unknown>, name: string, required = true): string {
	const v = values[name]
	if (typeof v === 'string' && v.trim()) return v
	if (required) throw new UsageError(`--${name} is required`)
	return ''
}

class UsageError extends Error {}

async function withDatabase<T>(env: Env, run: (database: Database) => Promise<T>, migrate = true): Promise<T> {
	const database = await openDatabase(env.databaseUrl)
	try {
		if (migrate) await migrateDatabase(database)
		return await run(database)
	} finally {
		await database.close()
	}
}

export async function runCli(argv: string[], env: Env, out: (line: string) => void = console.log): Promise<number> {
	const [command, ...rest] = argv
	const { values } = parseArgs({
		args: rest,
		strict: true,
		options: {
			name: { type: 'string' },
			slug: { type: 'string' },
			kind: { type: 'string' },
			host: { type: 'string' },
			hotline: { type: 'string' },
			address: { type: 'string' },
			email: { type: 'string' },
			city: { type: 'string' },
			username: { type: 'string' },
			role: { type: 'string' },
			commune: { type: 'string' },
			agency: { type: 'string' },
			password: { type: 'string' },
			out: { type: 'string' },
			in: { type: 'string' },
		},
	})
	switch (command) {
		case 'migrate':
			await withDatabase(env, async (database) => out(`Migrations applied (${database.engine}: ${database.location}).`))
			return 0
		case 'check':
			return check(env, out)
		case 'create-commune':
			return withDatabase(env, async ({ db }) => {
				const commune = await createCommune(db, cliActor, {
					name: option(values, 'name'),
					slug: option(values, 'slug'),
					kind: (option(values, 'kind', false) || 'xa') as 'xa',
					hostnames: option(values, 'host', false),
					hotline: option(values, 'hotline', false),
					address: option(values, 'address', false),
					email: option(values, 'email', false),
					cityName: option(values, 'city', false),
				})
				out(`Created ${commune.name} (${commune.slug}) with its default agencies.`)
				return 0
			})
		case 'create-user':
			return withDatabase(env, async ({ db }) => {
				const role = option(values, 'role') as Role
				if (!ROLES.includes(role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`)
				let communeId: string | null = null
				let agencyId: string | null = null
				const slug = option(values, 'commune', false)
				if (slug) {
					const commune = await getPublicCommuneBySlug(db, slug)
					if (!commune) throw new UsageError(`No commune with slug "${slug}"`)
					communeId = commune.id
					const agencyCode = option(values, 'agency', false)
					if (agencyCode) {
						const agency = (await listAgencies(db, cliActor, commune.id)).find((a) => a.code === agencyCode)
						if (!agency) throw new UsageError(`No agency with code "${agencyCode}" in ${slug}`)
						agencyId = agency.id
					}
				}
				const given = option(values, 'password', false)
				const password = given || generatePassword()
				const account = await createUser(db, cliActor, {
					username: option(values, 'username'),
					fullName: option(values, 'name'),
					role,
					communeId,
					agencyId,
					password,
					mustChangePassword: !given,
				})
				out(`Created ${account.username} (${role}).`)
				if (!given) out(`Temporary password (must be changed at first sign-in): ${password}`)
				return 0
			})
		case 'reset-password':
			return withDatabase(env, async ({ db }) => {
				const { password } = await resetPasswordByUsername(db, cliActor, option(values, 'username'))
				out(`Temporary password (must be changed at first sign-in): ${password}`)
				return 0
			})
		case 'backup': {
			const file = path.resolve(option(values, 'out'))
			if (fs.existsSync(file)) throw new UsageError(`${file} exists; choose a new file name`)
			return withDatabase(
				env,
				async (database) => {
					const counts = await backupToFile(database, file)
					const total = Object.values(counts).reduce((a, b) => a + b, 0)
					out(`Backup written to ${file}: ${total} rows in ${Object.keys(counts).length} tables, ${fs.statSync(file).size} bytes.`)
					return 0
				},
				false,
			)
		}
		case 'restore': {
			const file = path.resolve(option(values, 'in'))
			if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist`)
			return withDatabase(env, async (database) => {
				const counts = await restoreFromFile(database, file)
				const total = Object.values(counts).reduce((a, b) => a + b, 0)
				out(`Restored ${total} rows into ${database.engine} (${database.location}).`)
				return 0
			})
		}
		case undefined:
		case 'help':
		case '--help':
			out(HELP)
			return 0
		default:
			throw new UsageError(`Unknown command "${command}"`)
	}
}

async function check(env: Env, out: (line: string) => void): Promise<number> {
	out(`Configuration: ok (database ${env.databaseUrl.startsWith('pglite://') ? 'embedded' : 'PostgreSQL'}, port ${env.PORT}, demo seed ${env.DEMO_SEED ? 'on' : 'off'})`)
	return withDatabase(
		env,
		async (database) => {
			const started = performance.now()
			await database.db.execute(sql`select 1`)
			out(`Database: ok (${database.engine}, ${database.location}, ${Math.round(performance.now() - started)} ms)`)
			const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
			let applied = 0
			try {
				applied = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]?.n ?? 0
			} catch {
				applied = 0
			}
			const pending = journal.entries.length - applied
			out(pending === 0 ? `Migrations: ok (${applied} applied)` : `Migrations: ${pending} pending (run: npm run cli -- migrate)`)
			const ext = rowsOf<{ extname: string }>(await database.db.execute(sql`select extname from pg_extension where extname in ('unaccent', 'pg_trgm')`))
			out(`Search extensions: ${ext.map((e) => e.extname).sort().join(', ') || 'missing'}`)
			return pending === 0 && ext.length === 2 ? 0 : 1
		},
		false,
	)
}

async function main() {
	let env: Env
	try {
		env = parseEnv()
	} catch (err) {
		if (err instanceof ConfigError) {
			console.error(err.message)
			return 78
		}
		throw err
	}
	try {
		return await runCli(process.argv.slice(2), env)
	} catch (err) {
		if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
			console.error(`${(err as Error).message}\n\n${HELP}`)
			return 64
		}
		if (err instanceof InputError) {
			const t = createTranslator(MESSAGES.en)
			console.error(`Invalid input:\n${Object.entries(err.fieldErrors).map(([f, k]) => `  ${f}: ${t(k)}`).join('\n')}`)
			return 65
		}
		if (err instanceof AppError) {
			console.error(`Refused: ${createTranslator(MESSAGES.en)(err.messageKey, err.params)}`)
			return 65
		}
		if (err instanceof DataDirLockedError || err instanceof RestoreError) {
			console.error(err.message)
			return 75
		}
		throw err
	}
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/cli.ts')) {
	process.exitCode = await main()
}
