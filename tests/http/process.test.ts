import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { ROOT } from '../setup/test-db.ts'

// The real start command, as an operator runs it: configuration errors, start on an empty data
// folder, a second process refused, and a graceful stop that frees the folder.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-process-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function serve(env: Record<string, string>) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let out = ''
	child.stdout.on('data', (d: Buffer) => (out += d.toString()))
	child.stderr.on('data', (d: Buffer) => (out += d.toString()))
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
	const output = () => out
	const waitFor = async (pattern: RegExp, ms = 45_000) => {
		const until = Date.now() + ms
		while (!pattern.test(out)) {
			if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; output:\n${out}`)
			await new Promise((r) => setTimeout(r, 50))
		}
		return out.match(pattern)!
	}
	return { child, exited, output, waitFor }
}

describe('the start command', () => {
	test('a wrong setting stops it at once with a message naming the variable', async () => {
		const bad = serve({ PORT: 'eighty', DEMO_SEED: 'perhaps' })
		expect(await bad.exited).toBe(78)
		expect(bad.output()).toMatch(/PORT: .*\(got "eighty"\)/)
		expect(bad.output()).toMatch(/DEMO_SEED/)
	})

	test('starts on an empty folder with demo data, refuses a second process, stops gracefully on SIGTERM', async () => {
		const first = serve({ DATA_DIR: dir, PORT: '0' })
		const [, url] = await first.waitFor(/running at (http:\/\/\S+)/)
		expect(first.output()).toMatch(/quantri\s+commune_admin/)
		const home = await fetch(url!)
		expect(home.status).toBe(200)
		expect(await home.text()).toContain('Nguyễn Lương Bằng')
		// JSON logs, one line per request.
		await first.waitFor(/"msg":"request"/)

		const second = serve({ DATA_DIR: dir, PORT: '0' })
		expect(await second.exited).toBe(75)
		expect(second.output()).toMatch(/already open in another Thân Thiện process/)

		first.child.kill('SIGTERM')
		expect(await first.exited).toBe(0)
		expect(first.output()).toMatch(/"msg":"stopped"/)
		expect(fs.existsSync(path.join(dir, 'db.lock'))).toBe(false)
	})
})
