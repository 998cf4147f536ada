import type { Db } from '#app/core/db/client.server.ts'
import type { Logger } from '#app/core/log.server.ts'
import { toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { communes } from '#app/modules/platform/platform.schema.ts'
import { remindMissingCollections } from './collection.server.ts'
import { purgeExpiredDrafts } from './items.server.ts'
import { processOutbox, type OutboxSender } from './notifications.server.ts'
import { runDeadlineChecks } from './workflow.server.ts'

// The module's background work, run by the server on timers: sending queued messages (every
// half minute), deadline reminders and escalations and the clean-up of old drafts (hourly), and
// the reminder to collectors with nothing recorded, on Friday and Saturday mornings.

export function startFeedbackJobs(db: Db, sender: OutboxSender, log: Logger, options: { outboxMs?: number; hourlyMs?: number } = {}) {
	let running = false
	let lastCollectionReminder = ''
	const guard = (name: string, job: () => Promise<unknown>) => async () => {
		if (running) return
		running = true
		try {
			const result = await job()
			if (result && typeof result === 'object' && Object.values(result).some((v) => typeof v === 'number' && v > 0)) log.info({ job: name, ...result }, 'feedback job')
		} catch (err) {
			log.error({ err, job: name }, 'feedback job failed')
		} finally {
			running = false
		}
	}
	const outbox = guard('outbox', () => processOutbox(db, sender))
	const hourly = guard('deadlines', async () => {
		const deadlines = await runDeadlineChecks(db)
		const purgedDrafts = await purgeExpiredDrafts(db)
		const now = new Date()
		const today = toIsoDate(now)
		const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
		let collectorsReminded = 0
		if ((weekday === 5 || weekday === 6) && lastCollectionReminder !== today && now.getUTCHours() + 7 >= 8) {
			lastCollectionReminder = today
			for (const c of await db.select({ id: communes.id }).from(communes)) collectorsReminded += await remindMissingCollections(db, c.id, now)
		}
		return { ...deadlines, purgedDrafts, collectorsReminded }
	})
	const timers = [setInterval(outbox, options.outboxMs ?? 30_000), setInterval(hourly, options.hourlyMs ?? 3_600_000)]
	for (const t of timers) t.unref()
	return {
		/** Runs every job once now (used at start and by tests). */
		async runNow() {
			await hourly()
			await outbox()
		},
		stop() {
			for (const t of timers) clearInterval(t)
		},
	}
}
