import type { Db } from '#app/core/db/client.server.ts'
import type { Logger } from '#app/core/log.server.ts'
import { runDisclosureReminders } from './compliance.server.ts'

// The module's background work: every hour, e-mail reminders to the responsible agencies of what
// falls due soon or is overdue (each reminder once; sent by the feedback module's outbox worker).

export function startDisclosureJobs(db: Db, log: Logger, options: { hourlyMs?: number } = {}) {
	let running = false
	const hourly = async () => {
		if (running) return
		running = true
		try {
			const reminders = await runDisclosureReminders(db)
			if (reminders > 0) log.info({ job: 'disclosure-reminders', reminders }, 'disclosure job')
		} catch (err) {
			log.error({ err, job: 'disclosure-reminders' }, 'disclosure job failed')
		} finally {
			running = false
		}
	}
	const timer = setInterval(hourly, options.hourlyMs ?? 3_600_000)
	timer.unref()
	return {
		runNow: hourly,
		stop() {
			clearInterval(timer)
		},
	}
}
