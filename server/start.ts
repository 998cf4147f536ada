import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ServerBuild } from 'react-router'
import { openDatabase, type Database } from '#app/core/db/client.server.ts'
import { migrateDatabase } from '#app/core/db/migrate.server.ts'
import type { Env } from '#app/core/env.server.ts'
import type { Services } from '#app/core/http/context.ts'
import type { Logger } from '#app/core/log.server.ts'
import { createNotifier } from '#app/core/notify/notify.server.ts'
import { startDisclosureJobs } from '#app/modules/disclosure/jobs.server.ts'
import { startFeedbackJobs } from '#app/modules/feedback/jobs.server.ts'
import { seedDemo } from '#app/demo-seed.server.ts'
import { createHttpApp } from './http-app.ts'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export type RunningApp = {
	url: string
	services: Services
	seeded: boolean
	close(): Promise<void>
}

/** Opens the database, applies migrations, seeds the demo when asked, and listens. */
export async function startApp(env: Env, log: Logger, options: { database?: Database; buildDir?: string } = {}): Promise<RunningApp> {
	const buildDir = options.buildDir ?? path.join(ROOT, 'build')
	const database = options.database ?? (await openDatabase(env.databaseUrl))
	try {
		await migrateDatabase(database)
		const seeded = env.DEMO_SEED ? await seedDemo(database.db) : false
		const build = (await import(pathToFileURL(path.join(buildDir, 'server', 'index.js')).href)) as ServerBuild
		const services: Services = { database, db: database.db, env, log }
		const app = createHttpApp({ services, build, clientDir: path.join(buildDir, 'client') })
		const server = app.listen(env.PORT, env.HOST)
		await new Promise<void>((resolve, reject) => {
			server.once('listening', resolve)
			server.once('error', reject)
		})
		const notifier = createNotifier(env, log)
		const jobs = startFeedbackJobs(database.db, notifier, log)
		const disclosureJobs = startDisclosureJobs(database.db, log)
		const { port } = server.address() as AddressInfo
		const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST
		return {
			url: `http://${host}:${port}`,
			services,
			seeded,
			close: async () => {
				jobs.stop()
				disclosureJobs.stop()
				await notifier.close()
				await new Promise<void>((resolve) => {
					server.close(() => resolve())
					server.closeIdleConnections()
					setTimeout(() => server.closeAllConnections(), 5_000).unref()
				})
				await database.close()
			},
		}
	} catch (err) {
		await database.close()
		throw err
	}
}
