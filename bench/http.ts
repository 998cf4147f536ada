// Prints how fast the app starts and answers, and how much memory it takes.
// Run: npm run build && node --import tsx bench/http.ts [requests=500] [concurrency=10]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseEnv } from '#app/core/env.server.ts'
import { createLogger } from '#app/core/log.server.ts'
import { signIn } from '#app/modules/platform/accounts.server.ts'
import { DEMO_PASSWORD } from '#app/modules/platform/demo-seed.server.ts'
import { sessionCookie } from '#app/modules/platform/http/request-state.server.ts'
import { startApp } from '#server/start.ts'

const requests = Number(process.argv[2] ?? 500)
const concurrency = Number(process.argv[3] ?? 10)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt-bench-'))
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

const t0 = performance.now()
const app = await startApp(parseEnv({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), createLogger('silent'))
const first = await fetch(`${app.url}/`)
await first.text()
console.log(`start on an empty data folder to first response: ${Math.round(performance.now() - t0)} ms`)

const { token } = await signIn(app.services.db, { username: 'quantri', password: DEMO_PASSWORD, ip: '', userAgent: 'bench', sessionDays: 1 })
const cookie = (await sessionCookie.serialize(token)).split(';')[0]!

async function measure(label: string, url: string, headers: Record<string, string> = {}) {
	const times: number[] = []
	let next = 0
	const started = performance.now()
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < requests) {
				next++
				const s = performance.now()
				const res = await fetch(url, { headers })
				await res.arrayBuffer()
				if (res.status !== 200) throw new Error(`${label}: status ${res.status}`)
				times.push(performance.now() - s)
			}
		}),
	)
	const seconds = (performance.now() - started) / 1000
	times.sort((a, b) => a - b)
	const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1)
	console.log(`${label}: ${(times.length / seconds).toFixed(0)} req/s, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (${times.length} requests, concurrency ${concurrency})`)
}

await measure('public home /', `${app.url}/`)
await measure('staff dashboard /quan-tri', `${app.url}/quan-tri`, { cookie })
await measure('staff audit log /quan-tri/nhat-ky', `${app.url}/quan-tri/nhat-ky`, { cookie })
const usage = process.memoryUsage()
console.log(`memory: rss ${mb(usage.rss)}, heap used ${mb(usage.heapUsed)} (app and load generator in one process)`)
await app.close()
fs.rmSync(dataDir, { recursive: true, force: true })
