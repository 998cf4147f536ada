import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { formatDate } from '#app/core/i18n/i18n.ts'
import { getPublicCommune } from '#app/modules/platform/org.server.ts'
import { feedbackContacts, feedbackEvents, feedbackNotifications } from './feedback.schema.ts'

// Messages to citizens (and reminders to staff) go through an outbox: a row written in the same
// transaction as the change it tells of, sent afterwards by processOutbox. A crash between the two
// delays a message; it never loses one nor sends one for a change that was rolled back.

type ItemForNotice = { id: string; communeId: string; code: string; kind: string; dueOn: string }

const KIND_LABEL: Record<string, string> = {
	phan_anh: 'Phản ánh',
	kien_nghi: 'Kiến nghị',
	gop_y: 'Góp ý',
	hoi_dap: 'Câu hỏi',
	khieu_nai: 'Đơn khiếu nại',
	to_cao: 'Đơn tố cáo',
}

/** The portal address of a commune, when it has a host name. */
async function lookupUrl(tx: DbOrTx, communeId: string): Promise<{ name: string; url: string }> {
	const c = await getPublicCommune(tx, communeId)
	const host = c?.hostnames[0]
	return { name: c?.name ?? '', url: host ? `https://${host}/phan-anh-kien-nghi/tra-cuu` : '' }
}

/**
 * Queues "received" or "answered" messages to a sender who asked to be told, by e-mail and/or SMS.
 * Messages carry the code and never the content, so a shared phone shows nothing private.
 */
export async function enqueueSenderNotification(tx: DbOrTx, item: ItemForNotice, event: 'received' | 'answered'): Promise<number> {
	const [contact] = await tx.select().from(feedbackContacts).where(eq(feedbackContacts.itemId, item.id)).limit(1)
	if (!contact?.wantsUpdates) return 0
	const { name, url } = await lookupUrl(tx, item.communeId)
	const what = KIND_LABEL[item.kind] ?? 'Ý kiến'
	const text =
		event === 'received'
			? `${name}: ${what} của ông/bà đã được tiếp nhận, mã ${item.code}. Hạn trả lời: ${formatDate(item.dueOn)}.${url ? ` Tra cứu: ${url}` : ''}`
			: `${name}: ${what} mã ${item.code} đã có kết quả trả lời.${url ? ` Xem và đánh giá tại: ${url}` : ''}`
	const subject = event === 'received' ? `Đã tiếp nhận ${what.toLowerCase()} ${item.code}` : `Đã trả lời ${what.toLowerCase()} ${item.code}`
	const rows: Array<typeof feedbackNotifications.$inferInsert> = []
	if (contact.email) rows.push({ communeId: item.communeId, itemId: item.id, channel: 'email', recipient: contact.email, subject, body: text })
	if (contact.phone) rows.push({ communeId: item.communeId, itemId: item.id, channel: 'sms', recipient: contact.phone, subject: '', body: text })
	if (!rows.length) return 0
	await tx.insert(feedbackNotifications).values(rows)
	await tx.insert(feedbackEvents).values({
		communeId: item.communeId,
		itemId: item.id,
		type: 'notified',
		actorLabel: 'system',
		data: { event, channels: rows.map((r) => r.channel) },
	})
	return rows.length
}

/** Queues an e-mail to a staff member (reminders, escalations, collection gaps). */
export async function enqueueStaffEmail(tx: DbOrTx, communeId: string, email: string, subject: string, body: string, itemId: string | null = null): Promise<void> {
	if (!email) return
	await tx.insert(feedbackNotifications).values({ communeId, itemId, channel: 'email', recipient: email, subject, body })
}

export type OutboxMessage = { channel: 'email' | 'sms'; to: string; subject: string; text: string }
export type OutboxResult = { ok: true; providerId?: string } | { ok: false; error: string; retryable: boolean }
export type OutboxSender = { send(message: OutboxMessage): Promise<OutboxResult> }

export const MAX_ATTEMPTS = 6

/**
 * Sends due messages. Each message is claimed by moving its next attempt forward before sending,
 * so two workers (two app processes on PostgreSQL) never send the same message twice at once.
 */
export async function processOutbox(db: Db, sender: OutboxSender, options: { limit?: number; now?: Date } = {}) {
	const now = options.now ?? new Date()
	const claimUntil = new Date(now.getTime() + 10 * 60_000)
	const claimed = await db.transaction(async (tx) => {
		const due = await tx
			.select({ id: feedbackNotifications.id })
			.from(feedbackNotifications)
			.where(and(eq(feedbackNotifications.status, 'pending'), lte(feedbackNotifications.nextAttemptAt, now)))
			.orderBy(asc(feedbackNotifications.nextAttemptAt))
			.limit(options.limit ?? 20)
			.for('update', { skipLocked: true })
		if (!due.length) return []
		return tx
			.update(feedbackNotifications)
			.set({ nextAttemptAt: claimUntil, attempts: sql`${feedbackNotifications.attempts} + 1`, updatedAt: now })
			.where(
				inArray(
					feedbackNotifications.id,
					due.map((d) => d.id),
				),
			)
			.returning()
	})
	const counts = { sent: 0, retrying: 0, failed: 0 }
	for (const message of claimed) {
		let result: OutboxResult
		try {
			result = await sender.send({ channel: message.channel, to: message.recipient, subject: message.subject, text: message.body })
		} catch (err) {
			result = { ok: false, error: err instanceof Error ? err.message : String(err), retryable: true }
		}
		if (result.ok) {
			counts.sent++
			await db.update(feedbackNotifications).set({ status: 'sent', sentAt: new Date(), lastError: null, updatedAt: new Date() }).where(eq(feedbackNotifications.id, message.id))
			continue
		}
		const giveUp = !result.retryable || message.attempts >= MAX_ATTEMPTS
		if (giveUp) counts.failed++
		else counts.retrying++
		// Back off 1, 2, 4, 8 … minutes.
		const next = new Date(Date.now() + 60_000 * 2 ** Math.max(0, message.attempts - 1))
		await db
			.update(feedbackNotifications)
			.set({ status: giveUp ? 'failed' : 'pending', nextAttemptAt: next, lastError: result.error.slice(0, 500), updatedAt: new Date() })
			.where(eq(feedbackNotifications.id, message.id))
	}
	return counts
}

/** Messages about one item, for its staff page (recipients are shown masked by the page). */
export async function notificationsOfItem(db: DbOrTx, communeId: string, itemId: string) {
	return db
		.select({
			id: feedbackNotifications.id,
			channel: feedbackNotifications.channel,
			status: feedbackNotifications.status,
			attempts: feedbackNotifications.attempts,
			createdAt: feedbackNotifications.createdAt,
			sentAt: feedbackNotifications.sentAt,
			lastError: feedbackNotifications.lastError,
		})
		.from(feedbackNotifications)
		.where(and(eq(feedbackNotifications.communeId, communeId), eq(feedbackNotifications.itemId, itemId)))
		.orderBy(asc(feedbackNotifications.createdAt))
}
