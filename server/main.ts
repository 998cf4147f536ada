import { DataDirLockedError } from '#app/core/db/client.server.ts'
import { ConfigError, parseEnv } from '#app/core/env.server.ts'
import { createLogger } from '#app/core/log.server.ts'
import { DEMO_PASSWORD, DEMO_USERS } from '#app/modules/platform/demo-seed.server.ts'
import { startApp } from './start.ts'

// `npm start`: configuration, database, migrations, demo data, then the web server.
// SIGTERM and SIGINT stop it gracefully: no new connections, running requests finish, the
// database is closed (and the data folder unlocked).

let env
try {
	env = parseEnv()
} catch (err) {
	if (err instanceof ConfigError) {
		console.error(err.message)
		process.exit(78)
	}
	throw err
}
const log = createLogger(env.LOG_LEVEL)
const started = performance.now()

try {
	const app = await startApp(env, log)
	log.info({ url: app.url, database: app.services.database.engine, location: app.services.database.location, ms: Math.round(performance.now() - started) }, 'started')
	const lines = [``, `Thân Thiện is running at ${app.url}`, `Database: ${app.services.database.engine} (${app.services.database.location})`]
	if (app.seeded || env.DEMO_SEED) {
		lines.push(`Demo sign-ins at ${app.url}/dang-nhap (password for all: ${DEMO_PASSWORD}):`)
		for (const u of DEMO_USERS) lines.push(`  ${u.username.padEnd(12)} ${u.role}`)
	}
	lines.push('')
	process.stdout.write(`${lines.join('\n')}\n`)

	let stopping = false
	const stop = async (signal: string) => {
		if (stopping) return
		stopping = true
		log.info({ signal }, 'stopping')
		const timer = setTimeout(() => {
			log.error('forced exit after 10 s')
			process.exit(1)
		}, 10_000)
		timer.unref()
		await app.close()
		log.info('stopped')
		process.exit(0)
	}
	process.on('SIGTERM', () => void stop('SIGTERM'))
	process.on('SIGINT', () => void stop('SIGINT'))
} catch (err) {
	if (err instanceof DataDirLockedError) {
		console.error(err.message)
		process.exit(75)
	}
	log.fatal({ err }, 'failed to start')
	process.exit(1)
}
