// Proves that SIGKILL in the middle of a burst of submissions loses none that got a reference
// code: a child process (kill-child.ts) submits as fast as it can and prints each code once
// submitDraft has resolved; the parent kills it after 1-3 s, reopens the database the way the app
// does, and checks every printed code is stored with its contact row and its 'received' event,
// and that the commune's codes have no gaps. Several rounds on one PGlite folder, then one round
// on PostgreSQL when reachable. Exits 1 when anything is missing.
// Run: node --import tsx bench/feedback/kill-durability.ts   (knobs in bench/feedback/README.md)
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { DataDirLockedError, openDatabase, rowsOf, type Database } from '#app/core/db/client.server.ts'
import { migrateDatabase } from '#app/core/db/migrate.server.ts'
import { createThrowawayPg, envInt, ms, progress, seedBenchCommune } from './common.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '../..')
const ROUNDS = envInt('KILL_ROUNDS', 5)
const CONCURRENCY = envInt('KILL_CONCURRENCY', 4)
const MAX_CODES = envInt('KILL_MAX_CODES', 100_000)
const MIN_DELAY_MS = envInt('KILL_MIN_MS', 1_000)
const MAX_DELAY_MS = envInt('KILL_MAX_MS', 3_000)
const REOPEN_TIMEOUT_MS = envInt('KILL_REOPEN_TIMEOUT_MS', 60_000)
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim())

const report: string[] = []
const failures: string[] = []
const findings: string[] = []
const line = (s: string) => {
	report.push(s)
	console.log(s)
}
const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n))

type ChildRun = { codes: string[]; firstCodeMs: number; killedAfterMs: number; killed: boolean; exit: string; stderr: string }

/**
 * Runs kill-child.ts until SIGKILL, collecting the codes it acknowledged on stdout. The random
 * 1-3 s start at the first code, so the kill always lands in a running burst, however slow the
 * child's start on a busy machine.
 */
function runChild(dataDir: string, communeId: string, env: NodeJS.ProcessEnv, offset: number): Promise<ChildRun> {
	return new Promise((resolve) => {
				const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'kill-child.ts'), dataDir, communeId, String(CONCURRENCY)], {
			cwd: ROOT,
			env: { ...env, KILL_CHILD_OFFSET: String(offset) },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		const codes: string[] = []
		let buffer = ''
		let stderr = ''
		let readyAt = 0
		let firstCodeAt = 0
		let killAt = 0
		let killed = false
		const kill = () => {
			if (killed) return
			killed = true
			killAt = performance.now()
			child.kill('SIGKILL')
		}
		// Neither ready nor a first code within 2 minutes: kill it; the round then fails with no code.
		let startupTimer = setTimeout(kill, 120_000)
		child.stdout.setEncoding('utf8')
		child.stdout.on('data', (chunk: string) => {
			buffer += chunk
			let nl: number
			while ((nl = buffer.indexOf('\n')) >= 0) {
				const l = buffer.slice(0, nl)
				buffer = buffer.slice(nl + 1)
				if (l.startsWith('# ready')) {
					readyAt = performance.now()
					clearTimeout(startupTimer)
					startupTimer = setTimeout(kill, 120_000)
				} else if (l && !l.startsWith('#')) {
					codes.push(l.trim())
					if (!firstCodeAt) {
						firstCodeAt = performance.now()
						clearTimeout(startupTimer)
						setTimeout(kill, MIN_DELAY_MS + Math.random() * (MAX_DELAY_MS - MIN_DELAY_MS))
					}
					if (codes.length >= MAX_CODES) kill()
				}
			}
		})
		child.stderr.setEncoding('utf8')
		child.stderr.on('data', (chunk: string) => (stderr += chunk))
		child.on('close', (code, signal) => {
			clearTimeout(startupTimer)
			// A partial last line (no newline) was never acknowledged: it does not count.
			resolve({
				codes,
				firstCodeMs: firstCodeAt && readyAt ? firstCodeAt - readyAt : NaN,
				killedAfterMs: killAt && firstCodeAt ? killAt - firstCodeAt : NaN,
				killed: killed && signal === 'SIGKILL',
				exit: signal ?? `code ${code}`,
				stderr,
			})
		})
	})
}

/** Opens the database the way the app does, waiting while the folder lock refuses. */
async function reopen(url: string): Promise<{ database: Database; totalMs: number; openMs: number; refusals: number; refusal?: string }> {
	const t0 = performance.now()
	let refusals = 0
	let refusal: string | undefined
	for (;;) {
		const t = performance.now()
		try {
			const database = await openDatabase(url)
			return { database, totalMs: performance.now() - t0, openMs: performance.now() - t, refusals, refusal }
		} catch (err) {
			if (!(err instanceof DataDirLockedError) || performance.now() - t0 > REOPEN_TIMEOUT_MS) throw err
			refusals++
			refusal ??= err.message
			await sleep(250)
		}
	}
}

type Verdict = { acked: number; found: number; missing: string[]; noContact: string[]; noEvent: string[]; duplicates: number; gaps: string[]; counterMismatch: string[]; items: number; drafts: number }

/** Every acknowledged code stored with contact and 'received' event; codes 1..max per year, counter = max. */
async function verify(database: Database, communeId: string, acked: readonly string[]): Promise<Verdict> {
	const { db } = database
	const unique = [...new Set(acked)]
	const rows = rowsOf<{ code: string; has_contact: boolean; has_event: boolean }>(
		await db.execute(sql`select i.code, c.item_id is not null as has_contact,
				exists (select 1 from feedback_events e where e.item_id = i.id and e.type = 'received') as has_event
			from feedback_items i left join feedback_contacts c on c.item_id = i.id
			where i.commune_id = ${communeId} and i.code in (select jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb))`),
	)
	const byCode = new Map(rows.map((r) => [r.code, r]))
	const all = rowsOf<{ code: string }>(await db.execute(sql`select code from feedback_items where commune_id = ${communeId}`)).map((r) => r.code)
	const counters = rowsOf<{ year: number; last_seq: number }>(await db.execute(sql`select year, last_seq from feedback_counters where commune_id = ${communeId}`))
	const [drafts] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from feedback_drafts where commune_id = ${communeId}`))
	const perYear = new Map<number, number[]>()
	for (const code of all) {
		const m = /-(\d{2})-(\d+)$/.exec(code)
		if (!m) continue
		const year = 2000 + Number(m[1])
		perYear.set(year, [...(perYear.get(year) ?? []), Number(m[2])])
	}
	const gaps: string[] = []
	const counterMismatch: string[] = []
	for (const [year, seqs] of perYear) {
		const have = new Set(seqs)
		const max = Math.max(...seqs)
		for (let s = 1; s <= max; s++) if (!have.has(s)) gaps.push(`${year}:${s}`)
		const counter = counters.find((c) => c.year === year)?.last_seq
		if (counter !== max) counterMismatch.push(`${year}: counter ${counter}, highest code ${max}`)
	}
	return {
		acked: unique.length,
		found: rows.length,
		missing: unique.filter((c) => !byCode.has(c)),
		noContact: rows.filter((r) => !r.has_contact).map((r) => r.code),
		noEvent: rows.filter((r) => !r.has_event).map((r) => r.code),
		duplicates: acked.length - unique.length,
		gaps,
		counterMismatch,
		items: all.length,
		drafts: drafts?.n ?? 0,
	}
}

function judge(label: string, v: Verdict, committedUnacked: number) {
	const sample = (list: string[]) => list.slice(0, 5).join(', ') + (list.length > 5 ? ', …' : '')
	if (!v.acked) failures.push(`${label}: no submission was acknowledged before the kill, so the round proves nothing`)
	if (v.missing.length) failures.push(`${label}: ${v.missing.length} acknowledged codes missing (${sample(v.missing)})`)
	if (v.noContact.length) failures.push(`${label}: ${v.noContact.length} items without contact row (${sample(v.noContact)})`)
	if (v.noEvent.length) failures.push(`${label}: ${v.noEvent.length} items without 'received' event (${sample(v.noEvent)})`)
	if (v.duplicates) failures.push(`${label}: ${v.duplicates} codes acknowledged twice`)
	// The counter moves in the submission's own transaction, so even in-flight submissions leave no
	// gap; allow at most the in-flight ones anyway, as the brief does, and say so when any appear.
	if (v.gaps.length > CONCURRENCY) failures.push(`${label}: ${v.gaps.length} gaps in reference codes (${sample(v.gaps)})`)
	else if (v.gaps.length) findings.push(`${label}: ${v.gaps.length} gap(s) in reference codes (${sample(v.gaps)}), within the in-flight allowance`)
	if (v.counterMismatch.length) failures.push(`${label}: counter and codes disagree (${v.counterMismatch.join('; ')})`)
	if (committedUnacked < 0 || committedUnacked > CONCURRENCY) failures.push(`${label}: ${committedUnacked} items committed but not acknowledged (at most ${CONCURRENCY} may be in flight)`)
}

// ---- PGlite: several rounds on one folder ----

async function pgliteRounds() {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-kill-'))
	const dataDir = path.join(tmp, 'db')
	const url = `pglite://${dataDir}`
	const lockPath = `${dataDir}.lock`
	line('')
	line(`=== PGlite, ${ROUNDS} rounds on one folder (child concurrency ${CONCURRENCY}, kill after ${MIN_DELAY_MS}-${MAX_DELAY_MS} ms) ===`)
	try {
		const setup = await openDatabase(url)
		await migrateDatabase(setup)
		const { communeId } = await seedBenchCommune(setup.db)
		await setup.close()
		progress('PGlite folder migrated and seeded')
		const allAcked: string[] = []
		let itemsBefore = 0
		line('round  1st-code  kill-after  acked  found  missing  no-contact  no-event  in-flight  gaps  lock-age  refused-for     open  reopen-total')
		for (let round = 1; round <= ROUNDS; round++) {
			const run = await runChild(dataDir, communeId, { ...process.env, DATABASE_URL: '' }, round * 1_000_000)
			if (!run.killed) {
				failures.push(`PGlite round ${round}: the child ended by itself (${run.exit}) before the kill: ${run.stderr.trim().slice(-800)}`)
				line(`  ${round}: child ended by itself (${run.exit})`)
				break
			}
			let lockAge = NaN
			try {
				lockAge = Date.now() - fs.statSync(lockPath).mtimeMs
			} catch {
				// no lock folder left behind
			}
			const reopened = await reopen(url).catch((err: unknown) => err as Error)
			if (reopened instanceof Error) {
				failures.push(`PGlite round ${round}: could not reopen the folder after SIGKILL: ${reopened.message}`)
				line(`  ${round}: REOPEN FAILED: ${reopened.message}`)
				break
			}
			if (reopened.refusals) {
				findings.push(
					`PGlite round ${round}: after SIGKILL the stale lock ${path.basename(lockPath)} made openDatabase refuse for ${ms(reopened.totalMs - reopened.openMs)} (${reopened.refusals} tries, DataDirLockedError "${reopened.refusal?.slice(0, 90)}…"); the app's start would exit 75 meanwhile`,
				)
			}
			allAcked.push(...run.codes)
			const v = await verify(reopened.database, communeId, run.codes)
			const all = await verify(reopened.database, communeId, allAcked)
			await reopened.database.close()
			const inFlight = v.items - itemsBefore - v.acked
			itemsBefore = v.items
			judge(`PGlite round ${round}`, v, inFlight)
			if (all.missing.length) failures.push(`PGlite after round ${round}: ${all.missing.length} codes of earlier rounds missing`)
			line(
				`${String(round).padStart(5)}  ${ms(run.firstCodeMs).padStart(8)}  ${ms(run.killedAfterMs).padStart(10)}  ${String(v.acked).padStart(5)}  ${String(v.found).padStart(5)}  ${String(v.missing.length).padStart(7)}  ${String(v.noContact.length).padStart(10)}  ${String(v.noEvent.length).padStart(8)}  ${String(inFlight).padStart(9)}  ${String(v.gaps.length).padStart(4)}  ${(Number.isNaN(lockAge) ? 'no lock' : ms(lockAge)).padStart(8)}  ${ms(reopened.totalMs - reopened.openMs).padStart(11)}  ${ms(reopened.openMs).padStart(8)}  ${ms(reopened.totalMs).padStart(12)}`,
			)
			progress(`PGlite round ${round} checked`)
			if (round === ROUNDS) {
				line(`  after ${ROUNDS} rounds: ${all.acked} codes acknowledged in all, ${all.found} found, ${all.missing.length} missing; ${all.items} items stored, ${all.drafts} unfinished drafts left by killed submissions`)
			}
		}
	} finally {
		if (process.env.KILL_KEEP === '1') line(`  (folder kept: ${tmp})`)
		else fs.rmSync(tmp, { recursive: true, force: true })
	}
}

// ---- PostgreSQL: one round ----

async function postgresRound() {
	line('')
	const pgdb = await createThrowawayPg(`bench_feedback_kill_${process.pid}`)
	if ('skip' in pgdb) {
		line(`=== PostgreSQL === skipped: ${pgdb.skip}`)
		return
	}
	line(`=== PostgreSQL, 1 round (child concurrency ${CONCURRENCY}) ===`)
	try {
		const setup = await openDatabase(pgdb.url)
		await migrateDatabase(setup)
		const { communeId } = await seedBenchCommune(setup.db)
		await setup.close()
		const run = await runChild('-', communeId, { ...process.env, DATABASE_URL: pgdb.url }, 9_000_000)
		if (!run.killed) {
			failures.push(`PostgreSQL: the child ended by itself (${run.exit}) before the kill: ${run.stderr.trim().slice(-800)}`)
			return
		}
		const reopened = await reopen(pgdb.url)
		const v = await verify(reopened.database, communeId, run.codes)
		await reopened.database.close()
		const inFlight = v.items - v.acked
		judge('PostgreSQL', v, inFlight)
		line(
			`  killed after ${ms(run.killedAfterMs)}: acked ${v.acked}, found ${v.found}, missing ${v.missing.length}, no contact ${v.noContact.length}, no event ${v.noEvent.length}, in flight committed ${inFlight}, gaps ${v.gaps.length}, reconnect ${ms(reopened.totalMs)}, unfinished drafts ${v.drafts}`,
		)
	} finally {
		await pgdb.drop()
	}
}

const t0 = performance.now()
line(`Kill durability: ${ROUNDS} PGlite rounds + 1 PostgreSQL round, ${os.cpus().length} CPUs, Node ${process.version}`)
try {
	if (ENGINES.includes('pglite')) await pgliteRounds()
	if (ENGINES.includes('postgres')) await postgresRound()
} catch (err) {
	failures.push(`crashed: ${String(err)}${(err as { cause?: unknown }).cause ? ` (cause: ${String((err as { cause?: unknown }).cause)})` : ''}`)
	console.error(err)
}

console.log('')
console.log('================ FINAL REPORT ================')
for (const l of report) console.log(l)
if (findings.length) {
	console.log('')
	console.log('findings:')
	for (const f of findings) console.log(`  - ${f}`)
}
console.log('')
console.log(`total time ${((performance.now() - t0) / 1000).toFixed(0)} s`)
if (failures.length) {
	console.log(`FAILED (${failures.length}):`)
	for (const f of failures) console.log(`  - ${f}`)
	process.exit(1)
}
console.log('no acknowledged submission lost')
process.exit(0)
