import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseEnv, type Env } from '#app/core/env.server.ts'
import { runCli } from '../../scripts/cli.ts'
import { postgresUrl, withDatabaseName } from '../setup/test-db.ts'

// The admin CLI end to end, on whichever engine the suite runs: an empty database is migrated,
// given a commune and a user, backed up and restored into a second empty database.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-cli-'))
const created: string[] = []

async function emptyDatabaseEnv(name: string): Promise<Env> {
	const url = postgresUrl()
	if (!url) return parseEnv({ DATA_DIR: path.join(dir, name), DATABASE_URL: '' })
	const dbName = `than_thien_cli_${name}_${Date.now()}`
	const admin = new pg.Client({ connectionString: url })
	await admin.connect()
	await admin.query(`CREATE DATABASE ${dbName}`)
	await admin.end()
	created.push(dbName)
	return parseEnv({ DATABASE_URL: withDatabaseName(url, dbName) })
}

let source: Env
let target: Env
beforeAll(async () => {
	source = await emptyDatabaseEnv('source')
	target = await emptyDatabaseEnv('target')
})
afterAll(async () => {
	fs.rmSync(dir, { recursive: true, force: true })
	const url = postgresUrl()
	if (url && created.length) {
		const admin = new pg.Client({ connectionString: url })
		await admin.connect()
		for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
		await admin.end()
	}
})

async function cli(env: Env, ...args: string[]) {
	const lines: string[] = []
	const code = await runCli(args, env, (line) => lines.push(line))
	return { code, out: lines.join('\n') }
}

describe('admin CLI', () => {
	test('migrate, check, create a commune and a user, reset a password, back up and restore', async () => {
		expect((await cli(source, 'migrate')).code).toBe(0)
		const check = await cli(source, 'check')
		expect(check.code).toBe(0)
		expect(check.out).toMatch(/Migrations: ok/)
		expect(check.out).toMatch(/pg_trgm, unaccent/)

		const commune = await cli(source, 'create-commune', '--name', 'Phường Thử CLI', '--slug', 'phuong-thu-cli', '--kind', 'phuong', '--host', 'cli.example.vn')
		expect(commune.out).toMatch(/Created Phường Thử CLI/)
		const user = await cli(source, 'create-user', '--username', 'cb.cli', '--name', 'Cán bộ CLI', '--role', 'agency_officer', '--commune', 'phuong-thu-cli', '--agency', 'phong-kinh-te')
		expect(user.out).toMatch(/Temporary password .*: \S+/)
		const reset = await cli(source, 'reset-password', '--username', 'CB.CLI')
		expect(reset.out).toMatch(/Temporary password/)

		const file = path.join(dir, 'cli.ttbackup.gz')
		const backup = await cli(source, 'backup', '--out', file)
		expect(backup.out).toMatch(/Backup written to .*: \d+ rows in \d+ tables/)
		await expect(cli(source, 'backup', '--out', file)).rejects.toThrow(/exists/)

		const restore = await cli(target, 'restore', '--in', file)
		expect(restore.out).toMatch(/Restored \d+ rows/)
		// The restored database has the commune and the account: the same username is taken.
		expect((await cli(target, 'check')).code).toBe(0)
		await expect(
			cli(target, 'create-user', '--username', 'cb.cli', '--name', 'X', '--role', 'agency_officer', '--commune', 'phuong-thu-cli'),
		).rejects.toMatchObject({ messageKey: 'user.usernameTaken' })
	}, 60_000)

	test('bad input is refused with a reason, not a crash', async () => {
		await expect(cli(source, 'create-user', '--username', 'x', '--name', 'X', '--role', 'emperor')).rejects.toThrow(/--role must be one of/)
		await expect(cli(source, 'create-commune', '--name', 'X')).rejects.toThrow(/--slug is required/)
		await expect(cli(source, 'create-commune', '--name', 'X', '--slug', 'Not A Slug')).rejects.toMatchObject({ fieldErrors: { slug: 'form.slug' } })
		await expect(cli(source, 'frobnicate')).rejects.toThrow(/Unknown command/)
	})
})
