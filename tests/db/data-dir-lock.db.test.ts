import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { DataDirLockedError, openDatabase } from '#app/core/db/client.server.ts'
import { postgresUrl, ROOT } from '../setup/test-db.ts'

// Only one process may open an embedded database folder (PGlite has no lock of its own).
describe.skipIf(Boolean(postgresUrl()))('embedded data folder lock', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-lock-'))
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

	test('a second process is refused with a clear message while the first holds the folder', async () => {
		const first = await openDatabase(`pglite://${path.join(dir, 'db')}`)
		try {
			const second = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'check'], {
				cwd: ROOT,
				env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
				encoding: 'utf8',
				timeout: 60_000,
			})
			expect(second.status).toBe(75)
			expect(second.stderr).toMatch(/already open in another Thân Thiện process/)
			await expect(openDatabase(`pglite://${path.join(dir, 'db')}`)).rejects.toBeInstanceOf(DataDirLockedError)
		} finally {
			await first.close()
		}
		// Once closed, the folder opens again.
		const again = await openDatabase(`pglite://${path.join(dir, 'db')}`)
		await again.close()
	})

	test('a lock left by a killed process is cleared at once; the folder opens again', async () => {
		const folder = path.join(dir, 'killed')
		const child = spawn(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '--eval', "const { openDatabase } = await import('./app/core/db/client.server.ts'); await openDatabase(process.argv[1]); console.log('open'); setInterval(() => {}, 1000)", `pglite://${folder}`],
			{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
		)
		await new Promise<void>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve())
			child.on('exit', (code) => reject(new Error(`child exited with ${code} before opening the folder`)))
		})
		// While it runs, the folder is refused.
		await expect(openDatabase(`pglite://${folder}`)).rejects.toBeInstanceOf(DataDirLockedError)
		const exited = new Promise((resolve) => child.once('exit', resolve))
		child.kill('SIGKILL')
		await exited
		expect(fs.existsSync(`${folder}.lock`), 'the killed process left its lock behind').toBe(true)
		const started = Date.now()
		const reopened = await openDatabase(`pglite://${folder}`)
		expect(Date.now() - started).toBeLessThan(10_000)
		await reopened.close()
		expect(fs.existsSync(`${folder}.lock.owner`)).toBe(false)
	}, 60_000)
})
