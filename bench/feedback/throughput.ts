// Feedback module under load: how many citizen submissions per second the domain takes, and how
// fast the public answers page is with 100,000 published items. PGlite always, PostgreSQL when
// reachable. Prints a report; exits 1 when a check fails.
// Run: node --import tsx bench/feedback/throughput.ts   (see bench/feedback/README.md for the knobs)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase, rowsOf, type Database } from '#app/core/db/client.server.ts'
import { migrateDatabase } from '#app/core/db/migrate.server.ts'
import { parseEnv } from '#app/core/env.server.ts'
import { createLogger } from '#app/core/log.server.ts'
import { foldForSearch } from '#app/core/text.ts'
import { saveDraftStep, startDraft, submitDraft } from '#app/modules/feedback/items.server.ts'
import { listPublished, type PublicFilter } from '#app/modules/feedback/public.server.ts'
import { REDACTION_MARKER } from '#app/modules/feedback/redaction.ts'
import { ROOT, startApp } from '#server/start.ts'
import {
	AFFECTED,
	AGENCY_NAMES,
	CONSENT_TEXT,
	createThrowawayPg,
	DETAILS,
	DURATIONS,
	envInt,
	FULL_NAMES,
	ms,
	PLACES,
	progress,
	RESULTS,
	sampleSubmission,
	seedBenchCommune,
	summary,
	TITLES,
	VILLAGE_NAMES,
	WHENS,
	type SeededCommune,
} from './common.ts'

const N = envInt('BENCH_N', 500)
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 8)
const PUBLISHED = envInt('BENCH_PUBLISHED', 100_000)
const REPEAT = envInt('BENCH_REPEAT', 30)
const BATCH = 10_000
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim())
const BUILD_DIR = process.env.BENCH_BUILD_DIR ? path.resolve(process.env.BENCH_BUILD_DIR) : path.join(ROOT, 'build')
const BUDGET_MS = envInt('BENCH_BUDGET_MS', 15_000)
const PAGE_BUDGET_MS = 300

const report: string[] = []
const failures: string[] = []
const line = (s: string) => {
	report.push(s)
	console.log(s)
}
const check = (ok: boolean, what: string) => {
	if (!ok) {
		failures.push(what)
		line(`  CHECK FAILED: ${what}`)
	}
}

/**
 * Runs fn up to `max` times, sequentially; stops early (after at least 3 runs) once the time budget
 * is spent, so that a slow query does not take the whole benchmark's time.
 */
async function timeRuns(fn: () => Promise<unknown>, max: number, budgetMs = BUDGET_MS): Promise<number[]> {
	const times: number[] = []
	const t0 = performance.now()
	for (let i = 0; i < max; i++) {
		if (i >= 3 && performance.now() - t0 > budgetMs) break
		const t = performance.now()
		await fn()
		times.push(performance.now() - t)
	}
	return times
}

const runsNote = (times: readonly number[]) => (times.length < REPEAT ? ` (${times.length} runs: time budget)` : '')

// ---- a. Submissions through the domain ----

async function submitOne(db: Database['db'], c: SeededCommune, i: number): Promise<number> {
	const t = performance.now()
	const draftId = await startDraft(db, c.communeId)
	const [subject, sender] = sampleSubmission(i, c.fieldIds, c.villageIds)
	await saveDraftStep(db, c.communeId, draftId, subject!)
	await saveDraftStep(db, c.communeId, draftId, sender!)
	await submitDraft(db, c.communeId, draftId, CONSENT_TEXT)
	return performance.now() - t
}

async function runSubmissions(db: Database['db'], c: SeededCommune, n: number, concurrency: number, offset: number) {
	const times: number[] = []
	let next = 0
	const t0 = performance.now()
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < n) {
				const i = next++
				times.push(await submitOne(db, c, offset + i))
			}
		}),
	)
	const seconds = (performance.now() - t0) / 1000
	return { perSecond: n / seconds, seconds, ...summary(times) }
}

// ---- b. 100,000 published items ----

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`
const textArray = (list: readonly string[]) => `ARRAY[${list.map(lit).join(',')}]`
const pickSql = (list: readonly string[], expr: string) => `(${textArray(list)})[1 + ((${expr}) % ${list.length})]`

/** One statement inserting published items from..to, with codes continuing the commune's counters. */
function bulkInsertSql(c: SeededCommune, from: number, to: number, total: number): string {
	const commune = lit(c.communeId)
	const step = (730 * 86_400) / total // two years of items, the newest 20 days old
	const fields = `(ARRAY[${c.fieldIds.map(lit).join(',')}]::uuid[])`
	// Index 13 is past the end of the 12 villages: NULL, an item without a village.
	const villageIds = `(ARRAY[${c.villageIds.map(lit).join(',')}]::uuid[])`
	const villageNames = `(${textArray(VILLAGE_NAMES)})`
	const story = (who: string) =>
		`'Tôi là ' || ${who} || ', ở ' || coalesce(${villageNames}[vi + 1], 'xã') || '. Tôi xin phản ánh: tại ' || ${pickSql(PLACES, 'g * 3')} || ', ' || ${pickSql(DETAILS, 'g * 11')} || '. Tình trạng này kéo dài ' || ${pickSql(DURATIONS, 'g')} || ', ảnh hưởng đến ' || ${pickSql(AFFECTED, 'g * 13')} || '. Kính đề nghị UBND xã kiểm tra, xử lý sớm.'`
	const answer = `'UBND xã đã giao ' || ${pickSql(AGENCY_NAMES, 'g * 17')} || ' kiểm tra thực tế. Kết quả: ' || ${pickSql(RESULTS, 'g * 19')} || '. Dự kiến hoàn thành ' || ${pickSql(WHENS, 'g * 23')} || '. UBND xã cảm ơn ông/bà đã quan tâm, phản ánh.'`
	return `
with src as (
	select g, ts, (g * 5) % 13 as vi, extract(year from ts at time zone 'Asia/Ho_Chi_Minh')::int as yr
	from generate_series(${from}, ${to}) g,
	lateral (select (now() - interval '20 days') - make_interval(secs => (${total} - g) * ${step}) as ts) t
),
numbered as (
	select src.*, (row_number() over (partition by src.yr order by src.g) + coalesce(c.last_seq, 0))::int as seq,
		ts + make_interval(days => 1 + (g * 13) % 16, hours => g % 9) as answered
	from src left join feedback_counters c on c.commune_id = ${commune} and c.year = src.yr
),
ins as (
	insert into feedback_items (
		commune_id, code, kind, channel, status, field_id, village_id, place, title, content, anonymous,
		secret_hash, phone_last4, received_at, accept_due, due_on, answer, answered_at,
		public_title, public_content, public_answer, published_at, satisfied, rated_at, created_at, updated_at
	)
	select ${commune}, ${lit(c.codePrefix)} || '-' || lpad((yr % 100)::text, 2, '0') || '-' || lpad(seq::text, 5, '0'),
		${pickSql(['phan_anh', 'phan_anh', 'phan_anh', 'kien_nghi', 'kien_nghi', 'gop_y', 'hoi_dap'], 'g')}::feedback_kind,
		${pickSql(['web', 'web', 'web', 'mailbox', 'hotline', 'in_person', 'collection', 'email'], 'g * 3')}::feedback_channel,
		'published', ${fields}[1 + (g * 7) % ${c.fieldIds.length}], ${villageIds}[vi + 1], ${pickSql(PLACES, 'g * 3')},
		${pickSql(TITLES, 'g')}, ${story(pickSql(FULL_NAMES, 'g'))}, false,
		encode(sha256(convert_to(g::text, 'UTF8')), 'hex'), lpad(((g * 7717) % 10000)::text, 4, '0'),
		ts, (ts at time zone 'Asia/Ho_Chi_Minh')::date + 7, (ts at time zone 'Asia/Ho_Chi_Minh')::date + 14,
		${answer}, answered,
		${pickSql(TITLES, 'g')}, ${story(lit(REDACTION_MARKER))}, ${answer},
		answered + make_interval(hours => 1 + g % 30, secs => g % 3600),
		case when g % 10 = 0 then false when g % 10 < 5 then true end,
		case when g % 10 < 5 then answered + interval '3 days' end,
		ts, answered
	from numbered
),
counters as (
	insert into feedback_counters (commune_id, year, last_seq)
	select ${commune}, yr, max(seq) from numbered group by yr
	on conflict (commune_id, year) do update set last_seq = excluded.last_seq
)
select count(*)::int as n from numbered`
}

async function bulkLoad(database: Database, c: SeededCommune, total: number) {
	const { db } = database
	// GIN trigram indexes are rebuilt once at the end (the usual way to bulk-load), with the exact
	// definitions the migrations created.
	const gin = rowsOf<{ name: string; def: string }>(
		await db.execute(sql`select c.relname as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
			join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
			where i.indrelid = 'feedback_items'::regclass and am.amname = 'gin'`),
	)
	for (const index of gin) await db.execute(sql.raw(`drop index ${index.name}`))
	const t0 = performance.now()
	let inserted = 0
	for (let from = 1; from <= total; from += BATCH) {
		const to = Math.min(total, from + BATCH - 1)
		const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(bulkInsertSql(c, from, to, total))))
		inserted += Number(row?.n ?? 0)
		if (to % 50_000 === 0 || to === total) progress(`  inserted ${inserted} published items`)
	}
	const insertMs = performance.now() - t0
	const t1 = performance.now()
	for (const index of gin) {
		await db.transaction(async (tx) => {
			await tx.execute(sql`set local maintenance_work_mem = '128MB'`)
			await tx.execute(sql.raw(index.def))
		})
	}
	const indexMs = performance.now() - t1
	progress(`  rebuilt ${gin.length} GIN indexes (${gin.map((g) => g.name).join(', ')})`)
	return { inserted, insertMs, indexMs, ginNames: gin.map((g) => g.name) }
}

// ---- Capturing the SQL listPublished sends, to EXPLAIN and time each statement ----

type Captured = { text: string; params: unknown[] }
type RawQuery = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>

function instrument(database: Database): { captured: Captured[]; raw: RawQuery } {
	const captured: Captured[] = []
	if (database.pool) {
		const pool = database.pool
		const original = pool.query.bind(pool) as (...args: unknown[]) => unknown
		Object.assign(pool, {
			query: (...args: unknown[]) => {
				const first = args[0] as string | { text: string }
				captured.push({ text: typeof first === 'string' ? first : first.text, params: (args[1] as unknown[]) ?? [] })
				return original(...args)
			},
		})
		return { captured, raw: async (text, params) => (await (original(text, params) as Promise<{ rows: Array<Record<string, unknown>> }>)).rows }
	}
	const client = database.pglite!
	const original = client.query.bind(client) as (...args: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>
	Object.assign(client, {
		query: (...args: unknown[]) => {
			captured.push({ text: args[0] as string, params: (args[1] as unknown[]) ?? [] })
			return original(...args)
		},
	})
	return { captured, raw: async (text, params) => (await original(text, params)).rows }
}

/** A short name for a statement the public page sends, recognised by its shape. */
function statementLabel(text: string): string {
	const t = text.replace(/\s+/g, ' ')
	if (/to_char\(/.test(t)) return 'publicFigures by month'
	if (/group by/i.test(t) && /"feedback_fields"/.test(t)) return 'publicFigures by field'
	if (/group by/i.test(t) && /"villages"/.test(t)) return 'publicFigures by village'
	if (/from "feedback_items"/.test(t) && /count\(\*\)/i.test(t) && !/limit/i.test(t)) return 'count'
	if (/from "feedback_items"/.test(t) && /limit/i.test(t)) return 'rows'
	if (/calendar_days/.test(t)) return 'calendar'
	if (/from "feedback_settings"/.test(t)) return 'feedback setup'
	if (/from "feedback_fields"/.test(t)) return 'fields'
	if (/from "villages"/.test(t)) return 'villages'
	if (/from "communes"/.test(t)) return 'commune'
	if (/from "sessions"|from "users"/.test(t)) return 'session'
	return t.slice(0, 40)
}

/**
 * Times each captured statement alone. Only reads are replayed: the app's background jobs (the
 * outbox) may have written in the same moment, and their writes must not run twice.
 */
async function breakdown(statements: readonly Captured[], raw: RawQuery, runs: number): Promise<Array<{ label: string; median: number }>> {
	const parts: Array<{ label: string; median: number }> = []
	for (const st of statements) {
		if (!/^\s*(select|with)\b/i.test(st.text)) continue
		const alone = await timeRuns(() => raw(st.text, st.params), runs, BUDGET_MS / 3)
		parts.push({ label: statementLabel(st.text), median: summary(alone).median })
	}
	return parts
}

/** The plan root, scans, sorts and timings of an EXPLAIN ANALYZE, one short line each. */
function planSummary(plan: string[]): string[] {
	const keep = plan.filter(
		(l, i) => i === 0 || /Scan|Sort Method|Rows Removed|Heap Blocks|Recheck Cond|Index Cond|Planning Time|Execution Time|Incremental Sort|Aggregate/.test(l),
	)
	return keep.map((l) => l.replace(/\s+\(cost=[^)]*\)/, '').replace(/\s+$/, '')).slice(0, 18)
}

// ---- HTTP ----

async function timeHttp(url: string) {
	// The first request warms the route up and tells whether the page exists.
	const first = await fetch(url)
	let bytes = (await first.arrayBuffer()).byteLength
	if (first.status !== 200) return { status: first.status, bytes, times: [] }
	let status = 200
	const times = await timeRuns(async () => {
		const res = await fetch(url)
		bytes = (await res.arrayBuffer()).byteLength
		if (res.status !== 200) status = res.status
	}, REPEAT)
	return { status, bytes, times }
}

// ---- One engine ----

async function benchEngine(label: string, url: string, cleanup: () => Promise<void>) {
	line('')
	line(`=== ${label} ===`)
	progress(`${label}: opening ${url.startsWith('pglite://') ? 'a temporary PGlite folder' : 'a throw-away PostgreSQL database'}`)
	const database = await openDatabase(url, { poolMax: CONCURRENCY + 2 })
	let appClosesDatabase = false
	try {
		await migrateDatabase(database)
		const { db } = database
		const c = await seedBenchCommune(db)
		progress(`${label}: commune seeded (prefix ${c.codePrefix}, ${c.fieldIds.length} fields, ${c.villageIds.length} villages)`)

		// a. submissions
		const warm = 10
		await runSubmissions(db, c, warm, 1, 0)
		const seq = await runSubmissions(db, c, N, 1, warm)
		progress(`${label}: ${N} sequential submissions done`)
		const par = await runSubmissions(db, c, N, CONCURRENCY, warm + N)
		progress(`${label}: ${N} submissions at concurrency ${CONCURRENCY} done`)
		line(`a. submissions (startDraft -> 2 x saveDraftStep -> submitDraft), N=${N}`)
		line(`  sequential:       ${seq.perSecond.toFixed(1)} /s   per submission median ${ms(seq.median)}, p95 ${ms(seq.p95)}, max ${ms(seq.max)}`)
		line(`  concurrency ${String(CONCURRENCY).padEnd(5)} ${par.perSecond.toFixed(1)} /s   per submission median ${ms(par.median)}, p95 ${ms(par.p95)}, max ${ms(par.max)}`)
		const [counts] = rowsOf<{ items: number; contacts: number; received: number; codes: number; last: number }>(
			await db.execute(sql`select
				(select count(*)::int from feedback_items where commune_id = ${c.communeId}) as items,
				(select count(*)::int from feedback_contacts where commune_id = ${c.communeId}) as contacts,
				(select count(*)::int from feedback_events where commune_id = ${c.communeId} and type = 'received') as received,
				(select count(distinct code)::int from feedback_items where commune_id = ${c.communeId}) as codes,
				(select coalesce(max(last_seq), 0)::int from feedback_counters where commune_id = ${c.communeId}) as last`),
		)
		const expected = warm + 2 * N
		check(counts!.items === expected && counts!.contacts === expected && counts!.received === expected && counts!.codes === expected && counts!.last === expected,
			`${label}: expected ${expected} items/contacts/received events/codes/counter, got ${JSON.stringify(counts)}`)

		// b. the public page's queries over many published items
		progress(`${label}: bulk-inserting ${PUBLISHED} published items`)
		const load = await bulkLoad(database, c, PUBLISHED)
		check(load.inserted === PUBLISHED, `${label}: inserted ${load.inserted} of ${PUBLISHED} published items`)
		const { captured, raw } = instrument(database)
		const tA = performance.now()
		await db.execute(sql`analyze feedback_items`)
		const analyzeMs = performance.now() - tA
		const [size] = rowsOf<{ table: string; db: string }>(
			await db.execute(sql`select pg_size_pretty(pg_total_relation_size('feedback_items')) as table, pg_size_pretty(pg_database_size(current_database())) as db`),
		)
		line(`b. ${PUBLISHED} published items: insert ${ms(load.insertMs)} (${Math.round(load.inserted / (load.insertMs / 1000))} rows/s), GIN rebuild ${ms(load.indexMs)}, ANALYZE ${ms(analyzeMs)}`)
		line(`  feedback_items with indexes ${size!.table}, database ${size!.db}`)

		const variants: Array<{ name: string; filter: PublicFilter }> = [
			{ name: 'first page {}', filter: {} },
			{ name: "search { q: 'duong' }", filter: { q: 'duong' } },
			{ name: 'filter by field', filter: { fieldId: c.fieldIds[2]! } },
			{ name: 'page 2000', filter: { page: 2000 } },
		]
		line(`  listPublished, ${REPEAT} runs each (median / p95), with the statements it sends timed alone (median of up to 10):`)
		const slow: string[] = []
		for (const v of variants) {
			let result: Awaited<ReturnType<typeof listPublished>> | undefined
			const times = await timeRuns(async () => {
				captured.length = 0
				result = await listPublished(db, c.communeId, v.filter)
			}, REPEAT)
			const statements = [...captured]
			const s = summary(times)
			const parts = (await breakdown(statements, raw, 10)).map((p) => `${p.label} ${ms(p.median)}`)
			line(`    ${v.name.padEnd(24)} ${ms(s.median).padStart(9)} / ${ms(s.p95).padStart(9)}   total ${result!.total}, ${result!.items.length} rows   [${parts.join(', ')}]${runsNote(times)}`)
			if (v.filter.q) line(`      ('duong' matches ${((100 * result!.total) / PUBLISHED).toFixed(0)}% of the published items)`)
			if (s.p95 > PAGE_BUDGET_MS) slow.push(`${v.name}: p95 ${ms(s.p95)} [${parts.join(', ')}]`)
			if (v.name.startsWith('first')) check(result!.total === PUBLISHED && result!.items.length === 20, `${label}: first page should count ${PUBLISHED} and show 20`)
			if (v.filter.q) {
				check(result!.total > 0 && result!.items.every((it) => foldForSearch(`${it.title} ${it.content} ${it.answer}`).includes('duong')), `${label}: search results must all contain "duong"`)
				// EXPLAIN ANALYZE of the search's own statements
				for (const st of statements.filter((x) => statementLabel(x.text) !== 'calendar')) {
					const plan = (await raw(`explain (analyze, buffers) ${st.text}`, st.params)).map((r) => String(r['QUERY PLAN']))
					line(`    EXPLAIN ANALYZE search (${statementLabel(st.text)} statement):`)
					for (const l of planSummary(plan)) line(`      ${l}`)
					const usesTrigram = plan.some((l) => l.includes('feedback_items_public_search_idx'))
					line(`      -> trigram index feedback_items_public_search_idx ${usesTrigram ? 'USED' : 'NOT used'}`)
				}
			}
			if (v.filter.fieldId) check(result!.total > 0, `${label}: the field filter should find items`)
			if (v.filter.page && PUBLISHED >= 40_000) check(result!.items.length === 20, `${label}: page 2000 should hold 20 rows`)
		}
		progress(`${label}: listPublished timed`)

		// The real page over HTTP, when the app is built and the route answers.
		if (!fs.existsSync(path.join(BUILD_DIR, 'server', 'index.js'))) {
			line(`  HTTP: app not built (${path.relative(ROOT, path.join(BUILD_DIR, 'server', 'index.js'))} missing; run npm run build): HTTP timing skipped`)
		} else {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-http-'))
			const app = await startApp(parseEnv({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }), createLogger('silent'), {
				database,
				buildDir: BUILD_DIR,
			})
			appClosesDatabase = true
			try {
				for (const pathname of ['/phan-anh-kien-nghi', '/phan-anh-kien-nghi?q=duong']) {
					const r = await timeHttp(`${app.url}${pathname}`)
					if (r.status === 404) {
						line(`  HTTP GET ${pathname}: page not built yet (404)`)
						break
					}
					if (r.status !== 200) {
						line(`  HTTP GET ${pathname}: status ${r.status}`)
						check(false, `${label}: GET ${pathname} answered ${r.status}`)
						continue
					}
					const s = summary(r.times)
					line(`  HTTP GET ${pathname.padEnd(28)} median ${ms(s.median)}, p95 ${ms(s.p95)}, ${Math.round(r.bytes / 1024)} KB (${r.bytes} bytes), ${r.times.length} sequential requests${runsNote(r.times)}`)
					// What the page's loader sent, each statement timed alone, slowest first.
					captured.length = 0
					await (await fetch(`${app.url}${pathname}`)).arrayBuffer()
					const parts = (await breakdown([...captured], raw, 5)).sort((a, b) => b.median - a.median)
					const shown = parts.slice(0, 6).map((p) => `${p.label} ${ms(p.median)}`)
					line(`    its ${parts.length} SQL statements alone, slowest first: ${shown.join(', ')}${parts.length > 6 ? ', …' : ''}`)
					if (s.p95 > PAGE_BUDGET_MS) slow.push(`HTTP ${pathname}: p95 ${ms(s.p95)} [slowest statements: ${shown.slice(0, 3).join(', ')}]`)
				}
			} finally {
				await app.close()
				fs.rmSync(dataDir, { recursive: true, force: true })
			}
		}
		if (slow.length) {
			line(`  over the ${PAGE_BUDGET_MS} ms budget:`)
			for (const s of slow) line(`    ${s}`)
		} else line(`  every public-page p95 is within ${PAGE_BUDGET_MS} ms`)
	} finally {
		if (!appClosesDatabase) await database.close()
		await cleanup()
	}
}

// ---- Main ----

const t0 = performance.now()
line(`Feedback throughput benchmark: N=${N}, concurrency ${CONCURRENCY}, ${PUBLISHED} published items, ${REPEAT} runs per query, ${os.cpus().length} CPUs, Node ${process.version}`)
try {
	if (ENGINES.includes('pglite')) {
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-feedback-'))
		await benchEngine('PGlite', `pglite://${path.join(tmp, 'db')}`, async () => fs.rmSync(tmp, { recursive: true, force: true }))
	}
	if (ENGINES.includes('postgres')) {
		const pgdb = await createThrowawayPg(`bench_feedback_${process.pid}`)
		if ('skip' in pgdb) {
			line('')
			line(`=== PostgreSQL === skipped: ${pgdb.skip}`)
		} else {
			const keep = process.env.BENCH_KEEP_PG === '1'
			await benchEngine('PostgreSQL', pgdb.url, keep ? async () => line(`  (database kept: ${pgdb.url.replace(/\/\/[^@]*@/, '//***@')})`) : pgdb.drop)
		}
	}
} catch (err) {
	const cause = (err as { cause?: unknown }).cause
	const message = `${String(err).slice(0, 300)}${cause ? ` (cause: ${String(cause)})` : ''}`
	failures.push(`crashed: ${message}`)
	console.error(message)
	console.error((err as Error).stack?.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 6).join('\n'))
}

console.log('')
console.log('================ FINAL REPORT ================')
for (const l of report) console.log(l)
console.log('')
console.log(`total time ${((performance.now() - t0) / 1000).toFixed(0)} s`)
if (failures.length) {
	console.log(`FAILED (${failures.length}):`)
	for (const f of failures) console.log(`  - ${f}`)
	process.exit(1)
}
console.log('all checks passed')
process.exit(0)
