// The public disclosure pages with 10,000 publication records: the time of the list (first page,
// a search without diacritics, a field and an obligation filter, a deep page), of the catalogue
// page, and over HTTP the time and the size in bytes of each page (HTML, and HTML + CSS).
//
//   npm run build                                   # for the HTTP part
//   node --import tsx bench/disclosure/public-list.ts
//   RECORDS=50000 node --import tsx bench/disclosure/public-list.ts
//
// Runs on a throw-away PGlite folder, then on a throw-away PostgreSQL database when one can be
// made (DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres). Prints a FINAL REPORT.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { openDatabase, type Database } from '#app/core/db/client.server.ts'
import { migrateDatabase } from '#app/core/db/migrate.server.ts'
import { parseEnv } from '#app/core/env.server.ts'
import { createLogger } from '#app/core/log.server.ts'
import { listObligations } from '#app/modules/disclosure/catalogue.server.ts'
import { listPublicRecords, publicCatalogue } from '#app/modules/disclosure/public.server.ts'
import { createCommune } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { ROOT, startApp } from '#server/start.ts'
import { createThrowawayPg, envInt, ms, progress, summary } from '../feedback/common.ts'

const RECORDS = envInt('RECORDS', 10_000)
const REPEAT = envInt('REPEAT', 30)
const BUILD_DIR = path.join(ROOT, 'build')
const report: string[] = []
const line = (s: string) => {
	report.push(s)
	console.log(s)
}

async function time<T>(run: () => Promise<T>): Promise<{ times: number[]; result: T }> {
	let result: T | undefined
	const times: number[] = []
	for (let i = 0; i < REPEAT; i++) {
		const t = performance.now()
		result = await run()
		times.push(performance.now() - t)
	}
	return { times: times.sort((a, b) => a - b), result: result! }
}

/** Writes the records in one statement per table, as a commune with years of publications would have. */
async function seedRecords(database: Database, communeId: string, obligationIds: readonly string[], fields: readonly string[]) {
	const db = database.db
	const n = obligationIds.length
	await db.execute(sql`
		insert into disclosure_records (commune_id, code, title, body, field, decision_ref, decision_date, period, status, published_at, ended_at, withdrawn_at, withdraw_reason, version)
		select ${communeId}::uuid,
			'CK-' || lpad((20 + (i % 7))::text, 2, '0') || '-' || lpad(i::text, 5, '0'),
			(array['Công khai dự toán ngân sách xã', 'Danh sách hộ nghèo, cận nghèo được hỗ trợ', 'Kế hoạch sử dụng đất', 'Kết quả giải quyết thủ tục hành chính', 'Phương án bồi thường, hỗ trợ tái định cư', 'Quyết định phê duyệt dự án đường giao thông nông thôn', 'Danh sách công dân gọi nhập ngũ', 'Các khoản đóng góp xây dựng nhà văn hóa thôn'])[1 + i % 8] || ' số ' || i,
			'Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022, Ủy ban nhân dân xã công khai nội dung sau để Nhân dân biết, theo dõi và giám sát. Nội dung chi tiết gồm ' || (i % 50) || ' mục, kèm theo văn bản đính kèm. Mọi ý kiến góp ý xin gửi về Văn phòng HĐND và UBND xã.',
			(${sql.raw(`array[${fields.map((f) => `'${f}'`).join(',')}]`)})[1 + i % ${fields.length}],
			(i % 300) || '/QĐ-UBND',
			date '2020-01-01' + (i % 2500),
			null,
			(case when i % 50 = 0 then 'withdrawn' when i % 3 = 0 then 'ended' else 'published' end)::disclosure_status,
			timestamp with time zone '2020-01-03 09:00+07' + make_interval(days => i % 2500, secs => i),
			case when i % 3 = 0 then timestamp with time zone '2020-02-05 09:00+07' + make_interval(days => i % 2500) end,
			case when i % 50 = 0 then timestamp with time zone '2020-02-05 09:00+07' + make_interval(days => i % 2500) end,
			case when i % 50 = 0 then 'Thay thế bằng văn bản mới' end,
			1
		from generate_series(1, ${RECORDS}) as i`)
	await db.execute(sql`
		insert into disclosure_record_obligations (commune_id, record_id, obligation_id)
		select ${communeId}::uuid, r.id, (${sql.raw(`array[${obligationIds.map((o) => `'${o}'::uuid`).join(',')}]`)})[1 + (row_number() over (order by r.code))::int % ${n}]
		from disclosure_records r where r.commune_id = ${communeId}`)
	await db.execute(sql`
		insert into disclosure_postings (commune_id, record_id, form, place, started_on, ended_on)
		select ${communeId}::uuid, r.id, f.form::disclosure_form, f.place, (r.published_at at time zone 'Asia/Ho_Chi_Minh')::date, (r.published_at at time zone 'Asia/Ho_Chi_Minh')::date + 30
		from disclosure_records r cross join (values ('notice_office', 'Bảng tin trụ sở UBND xã'), ('notice_village', 'Nhà văn hóa thôn Đông'), ('website', '')) as f(form, place)
		where r.commune_id = ${communeId}`)
	await db.execute(sql`analyze`)
}

async function runEngine(label: string, database: Database, cleanup: () => Promise<void>) {
	let appClosesDatabase = false
	try {
		await migrateDatabase(database)
		const commune = await createCommune(database.db, systemActor('bench'), { name: 'Xã Nguyễn Lương Bằng', slug: `bench-${process.pid}`, hostnames: '' })
		const obligations = await listObligations(database.db, commune.id)
		const t0 = performance.now()
		await seedRecords(
			database,
			commune.id,
			obligations.map((o) => o.id),
			[...new Set(obligations.map((o) => o.field))],
		)
		line(`${label}: ${obligations.length} obligations, ${RECORDS} records with ${RECORDS * 3} postings written in ${ms(performance.now() - t0)}`)
		progress(`${label}: seeded`)
		const variants = [
			{ name: 'first page', filter: {} },
			{ name: 'search "ngan sach"', filter: { q: 'ngan sach' } },
			{ name: 'search "ho ngheo 77"', filter: { q: 'ho ngheo so 77' } },
			{ name: 'field filter', filter: { field: 'an-sinh' } },
			{ name: 'obligation filter', filter: { obligationId: obligations[5]!.id } },
			{ name: 'year 2023', filter: { year: 2023 } },
			{ name: 'page 400', filter: { page: 400 } },
		]
		for (const v of variants) {
			const { times, result } = await time(() => listPublicRecords(database.db, commune.id, v.filter))
			const s = summary(times)
			line(`  listPublicRecords ${v.name.padEnd(22)} median ${ms(s.median)}, p95 ${ms(s.p95)} (${result.total} matches, ${result.items.length} shown)`)
		}
		const catalogue = await time(() => publicCatalogue(database.db, commune.id))
		const cs = summary(catalogue.times)
		line(`  publicCatalogue                          median ${ms(cs.median)}, p95 ${ms(cs.p95)} (${catalogue.result.length} obligations, ${catalogue.result.filter((r) => r.current).length} with a publication)`)

		if (!fs.existsSync(path.join(BUILD_DIR, 'server', 'index.js'))) {
			line('  HTTP: app not built (run npm run build); skipped')
			return
		}
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-disclosure-http-'))
		const app = await startApp(parseEnv({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }), createLogger('silent'), { database, buildDir: BUILD_DIR })
		appClosesDatabase = true
		try {
			const [anyRecord] = (await listPublicRecords(database.db, commune.id, {})).items
			for (const pathname of ['/cong-khai', '/cong-khai?q=ngan+sach', '/cong-khai/danh-muc', `/cong-khai/${anyRecord!.code}`, '/lien-he']) {
				const first = await fetch(`${app.url}${pathname}`)
				const html = await first.text()
				if (first.status !== 200) {
					line(`  HTTP GET ${pathname}: status ${first.status}`)
					continue
				}
				const cssHref = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(html)?.[1] ?? /<link[^>]+href="([^"]+\.css)"/.exec(html)?.[1]
				const css = cssHref ? await (await fetch(`${app.url}${cssHref}`)).text() : ''
				const { times } = await time(async () => (await fetch(`${app.url}${pathname}`)).arrayBuffer())
				const s = summary(times)
				const htmlBytes = Buffer.byteLength(html)
				const cssBytes = Buffer.byteLength(css)
				line(
					`  HTTP GET ${pathname.padEnd(24)} median ${ms(s.median)}, p95 ${ms(s.p95)}; HTML ${htmlBytes} B (${gzipSync(html).length} B gzip) + CSS ${cssBytes} B (${gzipSync(css).length} B gzip) = ${htmlBytes + cssBytes} B; scripts: ${(html.match(/<script\b/g) ?? []).length}`,
				)
			}
		} finally {
			await app.close()
			fs.rmSync(dataDir, { recursive: true, force: true })
		}
	} finally {
		if (!appClosesDatabase) await database.close()
		await cleanup()
	}
}

line(`Disclosure public pages benchmark: ${RECORDS} records, ${REPEAT} runs per query, ${os.cpus().length} CPUs, Node ${process.version}`)
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-disclosure-'))
await runEngine('PGlite', await openDatabase(`pglite://${path.join(folder, 'db')}`), async () => fs.rmSync(folder, { recursive: true, force: true }))
const pg = await createThrowawayPg(`bench_disclosure_${process.pid}`)
if ('skip' in pg) line(`PostgreSQL: skipped (${pg.skip})`)
else await runEngine('PostgreSQL', await openDatabase(pg.url, { poolMax: 4 }), pg.drop)
console.log('\nFINAL REPORT')
for (const l of report) console.log(l)
