import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '#app/core/db/client.server.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import { listAuditLog } from '#app/modules/platform/audit.server.ts'
import { listAgencies } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { seedCommune, seedStaff } from '#tests/db/factories.ts'
import { createTestDatabase } from '#tests/setup/test-db.ts'
import { weekStart } from '#app/modules/platform/calendar/working-days.ts'
import { collectionCompliance, recordCollectionSession, remindMissingCollections } from './collection.server.ts'
import { feedbackContacts, feedbackItems, feedbackNotifications } from './feedback.schema.ts'
import { draftProblems, getDraft, LOOKUP_LOCK_MINUTES, LOOKUP_MAX_FAILURES, lookupItem, normalizeCode, rateAnswer, recordIntake, saveDraftStep, senderView, startDraft, submitDraft } from './items.server.ts'
import { processOutbox, type OutboxMessage } from './notifications.server.ts'
import { getPublished, listPublished, publicFigures } from './public.server.ts'
import { codePrefixFor, deadlinesFor, listFields } from './setup.server.ts'
import {
	allowedActions,
	approveAnswer,
	assignItem,
	draftAnswer,
	extendDeadline,
	getItemForStaff,
	listQueue,
	publicationPreview,
	publishAnswer,
	rejectItem,
	runDeadlineChecks,
	setConfidentiality,
	startWork,
	viewProtectedIdentity,
} from './workflow.server.ts'

let database: Database
beforeAll(async () => {
	database = await createTestDatabase()
})
afterAll(async () => {
	await database?.close()
})

async function setup() {
	const db = database.db
	const seeded = await seedCommune(db, 'Xã Nguyễn Lương Bằng')
	const fields = await listFields(db, seeded.commune.id)
	const agencies = await listAgencies(db, systemActor('test'), seeded.commune.id)
	const economy = agencies.find((a) => a.code === 'phong-kinh-te')!
	const leader = await seedStaff(db, 'commune_leader', seeded.commune.id)
	const lead = await seedStaff(db, 'programme_lead', seeded.commune.id)
	const officer = await seedStaff(db, 'agency_officer', seeded.commune.id, { agencyId: economy.id })
	const otherOfficer = await seedStaff(db, 'agency_officer', seeded.commune.id, { agencyId: agencies.find((a) => a.code === 'tt-phvhcc')!.id })
	return { db, ...seeded, fields, economy, leader, lead, officer, otherOfficer }
}

const citizen = {
	kind: 'phan_anh',
	title: 'Đèn đường thôn Một hỏng',
	content: 'Tôi là Nguyễn Văn An, số điện thoại 0912 345 678. Đèn đường trước số nhà 12 ngõ 5 hỏng đã hai tuần.',
	place: 'Ngõ 5',
	fullName: 'Nguyễn Văn An',
	phone: '0912345678',
	email: 'an@example.vn',
	wantsUpdates: 'yes',
}

async function submitAsCitizen(db: Database['db'], communeId: string, data: Record<string, string>) {
	const draftId = await startDraft(db, communeId)
	await saveDraftStep(db, communeId, draftId, data)
	return submitDraft(db, communeId, draftId, 'Tôi đồng ý …')
}

describe('reference codes and deadlines', () => {
	test('the prefix is the initials of the commune name', () => {
		expect(codePrefixFor('Xã Nguyễn Lương Bằng')).toBe('NLB')
		expect(codePrefixFor('Xã Nguyễn Lương Bằng (dữ liệu mẫu)')).toBe('NLB')
		expect(codePrefixFor('Phường Hồng Bàng')).toBe('HB')
		expect(codePrefixFor('Đặc khu Cát Hải')).toBe('CH')
	})

	test('codes count up per commune and year and read back however they are typed', async () => {
		const { db, commune } = await setup()
		const a = await submitAsCitizen(db, commune.id, citizen)
		const b = await submitAsCitizen(db, commune.id, citizen)
		const year = String(new Date().getFullYear() % 100).padStart(2, '0')
		expect(a.item.code).toBe(`NLB-${year}-00001`)
		expect(b.item.code).toBe(`NLB-${year}-00002`)
		expect(normalizeCode(` nlb ${year} 2 `)).toBe(b.item.code)
		expect(normalizeCode(`NLB${year}00002`)).toBe(b.item.code)
	})

	test('phản ánh is due in 10 working days; tố cáo in 7 working days plus 30 days', async () => {
		const { db, commune } = await setup()
		// Friday 23/01/2026: Tết Bính Ngọ holidays run 14–22/02, far enough; 10 working days → 06/02.
		const received = new Date('2026-01-23T09:00:00+07:00')
		expect((await deadlinesFor(db, commune.id, 'phan_anh', null, received)).dueOn).toBe('2026-02-06')
		const denunciation = await deadlinesFor(db, commune.id, 'to_cao', null, received)
		expect(denunciation.acceptDue).toBe('2026-02-03')
		expect(denunciation.dueOn).toBe('2026-03-05')
		// Across Tết 2026 (14–22/02 off): received Thursday 12/02, 5 working days are 13, 23, 24, 25, 26/02.
		expect((await deadlinesFor(db, commune.id, 'gop_y', null, new Date('2026-02-12T09:00:00+07:00'))).acceptDue).toBe('2026-02-26')
	})
})

describe('the public form and the look-up', () => {
	test('a draft reports what is missing, per field, before it can be sent', async () => {
		expect(draftProblems({})).toMatchObject({ kind: expect.any(String), title: 'form.required', content: 'form.required' })
		expect(draftProblems({ ...citizen, anonymous: 'yes', kind: 'kien_nghi' })).toMatchObject({ anonymous: 'feedback.form.anonymousNotAllowed' })
		expect(draftProblems({ ...citizen, kind: 'to_cao' })).toMatchObject({ address: 'feedback.form.addressRequired', identityNumber: 'feedback.form.identityRequired' })
		expect(draftProblems({ ...citizen, phone: '12ab' })).toMatchObject({ phone: 'feedback.form.phoneInvalid' })
		// Every mistake of the sender step at once: a bad phone number does not hide the missing name or identity.
		expect(draftProblems({ ...citizen, kind: 'kien_nghi', fullName: '', phone: '12345' })).toMatchObject({ phone: 'feedback.form.phoneInvalid', fullName: 'feedback.form.nameRequired' })
		expect(draftProblems({ ...citizen, kind: 'to_cao', phone: '12345' })).toMatchObject({ phone: 'feedback.form.phoneInvalid', address: 'feedback.form.addressRequired' })
		expect(draftProblems({ ...citizen, anonymous: 'yes', fullName: '', phone: '', email: '', wantsUpdates: '' })).toEqual({})
	})

	test('submitting stores the item exactly as sent, and the draft is gone', async () => {
		const { db, commune } = await setup()
		const hostile = { ...citizen, title: '<script>alert(1)</script> \u202Eabc', content: "Cống vỡ'; DROP TABLE feedback_items;-- 🙂 Nghe\u0301" }
		const draftId = await startDraft(db, commune.id)
		await saveDraftStep(db, commune.id, draftId, hostile)
		const { item } = await submitDraft(db, commune.id, draftId, 'đồng ý')
		expect(item.title).toBe('<script>alert(1)</script> \u202Eabc')
		expect(item.content).toBe("Cống vỡ'; DROP TABLE feedback_items;-- 🙂 Nghé")
		expect(await getDraft(db, commune.id, draftId)).toBeNull()
		await expect(submitDraft(db, commune.id, draftId, 'x')).rejects.toThrow(AppError)
	})

	test('the code alone does not open an item; the secret or the phone digits do', async () => {
		const { db, commune } = await setup()
		const { item, secret } = await submitAsCitizen(db, commune.id, citizen)
		await expect(lookupItem(db, commune.id, item.code, '')).rejects.toThrow(AppError)
		await expect(lookupItem(db, commune.id, item.code, 'AAAAAAAA')).rejects.toThrow(AppError)
		await expect(lookupItem(db, commune.id, item.code, '5678')).resolves.toMatchObject({ id: item.id })
		await expect(lookupItem(db, commune.id, item.code, secret.toLowerCase())).resolves.toMatchObject({ id: item.id })
		// Another commune's code space is separate.
		const other = await seedCommune(db)
		await expect(lookupItem(db, other.commune.id, item.code, secret)).rejects.toThrow(AppError)
	})

	test('ten wrong look-ups of one code close the phone-digits way in for an hour; the secret still opens it', async () => {
		const { db, commune } = await setup()
		const { item, secret } = await submitAsCitizen(db, commune.id, citizen)
		const now = new Date()
		for (let i = 0; i < LOOKUP_MAX_FAILURES - 1; i++) await expect(lookupItem(db, commune.id, item.code, String(1000 + i), now)).rejects.toMatchObject({ messageKey: 'feedback.lookup.notFound' })
		// A right answer in between resets the count.
		await lookupItem(db, commune.id, item.code, '5678', now)
		for (let i = 0; i < LOOKUP_MAX_FAILURES - 1; i++) await expect(lookupItem(db, commune.id, item.code, String(2000 + i), now)).rejects.toMatchObject({ messageKey: 'feedback.lookup.notFound' })
		await expect(lookupItem(db, commune.id, item.code, '0000', now)).rejects.toMatchObject({ messageKey: 'feedback.lookup.locked' })
		// Locked: even the right digits are refused, the secret is not.
		await expect(lookupItem(db, commune.id, item.code, '5678', now)).rejects.toMatchObject({ messageKey: 'feedback.lookup.locked' })
		expect((await lookupItem(db, commune.id, item.code, secret, now)).id).toBe(item.id)
		// An hour later the digits work again.
		const later = new Date(now.getTime() + (LOOKUP_LOCK_MINUTES + 1) * 60_000)
		expect((await lookupItem(db, commune.id, item.code, '5678', later)).id).toBe(item.id)
	})
})

describe('the workflow', () => {
	test('from received to a published, masked answer; each step only by its roles', async () => {
		const { db, commune, economy, leader, lead, officer, otherOfficer } = await setup()
		const { item, secret } = await submitAsCitizen(db, commune.id, citizen)
		expect(allowedActions(officer.actor, item)).not.toContain('assign')
		await expect(assignItem(db, officer.actor, commune.id, item.id, { agencyId: economy.id })).rejects.toThrow(AppError)
		await assignItem(db, lead.actor, commune.id, item.id, { agencyId: economy.id, handlerId: officer.account.id, note: 'Xử lý gấp' })
		// The other agency does not even see it.
		await expect(getItemForStaff(db, otherOfficer.actor, commune.id, item.id)).rejects.toThrow(AppError)
		await startWork(db, officer.actor, commune.id, item.id)
		await draftAnswer(db, officer.actor, commune.id, item.id, { answer: 'Đã thay bóng đèn. Liên hệ ông Nguyễn Văn An qua 0912345678 nếu còn hỏng.' })
		await expect(approveAnswer(db, officer.actor, commune.id, item.id)).rejects.toThrow(AppError)
		await approveAnswer(db, leader.actor, commune.id, item.id)
		const preview = await publicationPreview(db, lead.actor, commune.id, item.id)
		expect(preview.publicContent).not.toContain('Nguyễn Văn An')
		expect(preview.publicContent).not.toContain('0912')
		expect(preview.publicAnswer).toContain('[đã ẩn thông tin cá nhân]')
		expect(preview.found).toBeGreaterThanOrEqual(4)
		await publishAnswer(db, lead.actor, commune.id, item.id, preview)
		const published = await getPublished(db, commune.id, item.code)
		expect(published).toMatchObject({ code: item.code, onTime: true, workingDaysTaken: 0 })
		expect(JSON.stringify(published)).not.toContain('0912345678')
		const list = await listPublished(db, commune.id, { q: 'den duong' })
		expect(list.items.map((i) => i.code)).toContain(item.code)
		expect(list).toMatchObject({ total: 1, totalCapped: false })
		// Without diacritics, in another case, decomposed: the same item; a broad search stops counting at the cap.
		expect((await listPublished(db, commune.id, { q: 'ĐÈN ĐƯỜNG'.normalize('NFD') })).items.map((i) => i.code)).toEqual([item.code])
		expect(await listPublished(db, commune.id, { q: 'den duong' }, 0)).toMatchObject({ total: 0, totalCapped: true })
		expect((await listPublished(db, commune.id, { q: 'den duong' }, 0)).items).toHaveLength(1)
		expect((await listPublished(db, commune.id, { q: '0912' })).items).toHaveLength(0)
		// The sender was told twice (received, answered) by e-mail and SMS.
		const outbox = await db.select().from(feedbackNotifications).where(eq(feedbackNotifications.itemId, item.id))
		expect(outbox.map((n) => n.channel).sort()).toEqual(['email', 'email', 'sms', 'sms'])
		expect(outbox.every((n) => !n.body.includes('Đèn đường'))).toBe(true)
		// The sender sees the answer and rates it; "not satisfied" reopens it for a leader.
		const view = await senderView(db, await lookupItem(db, commune.id, item.code, secret))
		expect(view.canRate).toBe(true)
		expect(view.events.map((e) => e.type)).toEqual(expect.arrayContaining(['received', 'assigned', 'published']))
		expect(view.events.map((e) => e.type)).not.toContain('note')
		expect(await rateAnswer(db, commune.id, item.code, secret, { satisfied: 'no', comment: 'Đèn vẫn tắt' })).toEqual({ reopened: true })
		const queue = await listQueue(db, leader.actor, commune.id, { queue: 'review' })
		expect(queue.rows.map((r) => r.code)).toEqual([item.code])
		await expect(rateAnswer(db, commune.id, item.code, secret, { satisfied: 'yes' })).rejects.toThrow(AppError)
	})

	test('confidential items never go public, and taking one back unpublishes it', async () => {
		const { db, commune, economy, leader, lead } = await setup()
		const { item } = await submitAsCitizen(db, commune.id, citizen)
		await assignItem(db, lead.actor, commune.id, item.id, { agencyId: economy.id })
		await draftAnswer(db, lead.actor, commune.id, item.id, { answer: 'Trả lời' })
		await approveAnswer(db, leader.actor, commune.id, item.id)
		await publishAnswer(db, lead.actor, commune.id, item.id, { publicTitle: 'T', publicContent: 'C', publicAnswer: 'A' })
		expect(await getPublished(db, commune.id, item.code)).not.toBeNull()
		await setConfidentiality(db, lead.actor, commune.id, item.id, { confidentiality: 'state_secret' })
		expect(await getPublished(db, commune.id, item.code)).toBeNull()
		expect((await listPublished(db, commune.id, {})).items).toHaveLength(0)
	})

	test('one extension with a reason; a second is refused', async () => {
		const { db, commune, lead } = await setup()
		const { item } = await submitAsCitizen(db, commune.id, citizen)
		const extended = await extendDeadline(db, lead.actor, commune.id, item.id, { reason: 'Cần khảo sát hiện trường' })
		expect(extended.dueOn > item.dueOn).toBe(true)
		await expect(extendDeadline(db, lead.actor, commune.id, item.id, { reason: 'Lần hai' })).rejects.toThrow(AppError)
		await expect(extendDeadline(db, lead.actor, commune.id, item.id, { reason: '' })).rejects.toThrow(InputError)
	})

	test("a denouncer's identity: only the leader and the handler, every view audited", async () => {
		const { db, commune, economy, leader, lead, officer } = await setup()
		const { item } = await recordIntake(db, lead.actor, commune.id, {
			channel: 'in_person',
			kind: 'to_cao',
			title: 'Tố cáo cán bộ địa chính',
			content: 'Nội dung tố cáo',
			fullName: 'Trần Thị Bình',
			address: 'Thôn Một',
			identityNumber: '001234567890',
			phone: '0987654321',
		})
		const seen = await getItemForStaff(db, lead.actor, commune.id, item.id)
		expect(seen.identity).toEqual({ state: 'protected', mayView: false })
		expect(JSON.stringify(seen)).not.toContain('Trần Thị Bình')
		await expect(viewProtectedIdentity(db, lead.actor, commune.id, item.id)).rejects.toThrow(AppError)
		await assignItem(db, lead.actor, commune.id, item.id, { agencyId: economy.id, handlerId: officer.account.id })
		expect((await viewProtectedIdentity(db, officer.actor, commune.id, item.id)).fullName).toBe('Trần Thị Bình')
		expect((await viewProtectedIdentity(db, leader.actor, commune.id, item.id)).identityNumber).toBe('001234567890')
		const audit = await listAuditLog(db, leader.actor, { communeId: commune.id, entityId: item.id })
		expect(audit.rows.filter((r) => r.action === 'feedback.identity_view')).toHaveLength(2)
		const queue = await listQueue(db, leader.actor, commune.id, { queue: 'all' })
		expect(JSON.stringify(queue)).not.toContain('Trần Thị Bình')
		const [contact] = await db.select().from(feedbackContacts).where(eq(feedbackContacts.itemId, item.id))
		expect(contact?.protected).toBe(true)
	})

	test('late items are escalated once; items due soon remind their handler once a day', async () => {
		const { db, commune, economy, lead, officer } = await setup()
		const { item } = await recordIntake(db, lead.actor, commune.id, { channel: 'hotline', kind: 'phan_anh', title: 'Ống nước vỡ', content: 'Ống nước vỡ', receivedOn: '2026-01-05' })
		await assignItem(db, lead.actor, commune.id, item.id, { agencyId: economy.id, handlerId: officer.account.id })
		const now = new Date('2026-01-15T09:00:00+07:00') // due 19/01, two working days ahead
		const first = await runDeadlineChecks(db, now)
		expect(first.reminded).toBeGreaterThanOrEqual(1)
		const again = await runDeadlineChecks(db, now)
		expect(again.reminded).toBe(0)
		const late = await runDeadlineChecks(db, new Date('2026-01-21T09:00:00+07:00'))
		expect(late.escalated).toBeGreaterThanOrEqual(1)
		expect((await runDeadlineChecks(db, new Date('2026-01-22T09:00:00+07:00'))).escalated).toBe(0)
		const [row] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, item.id))
		expect(row?.escalatedAt).not.toBeNull()
	})

	test('rejected spam leaves the figures; answered items count as on time or late', async () => {
		const { db, commune, lead } = await setup()
		const { item } = await submitAsCitizen(db, commune.id, citizen)
		await submitAsCitizen(db, commune.id, citizen)
		await rejectItem(db, lead.actor, commune.id, item.id, { reason: 'Quảng cáo' })
		const figures = await publicFigures(db, commune.id)
		expect(figures.byMonth.reduce((a, r) => a + r.received, 0)).toBe(1)
	})
})

describe('weekly collection', () => {
	test('compliance per collector and week, and a reminder to those with nothing this week', async () => {
		const { db, commune, village, lead } = await setup()
		const now = new Date('2026-11-20T10:00:00+07:00') // a Friday
		expect(weekStart('2026-11-20')).toBe('2026-11-16')
		expect(weekStart('2026-11-22')).toBe('2026-11-16')
		await recordCollectionSession(db, lead.actor, commune.id, { collector: `village:${village.id}`, heldOn: '2026-11-17', place: 'Nhà văn hóa', itemCount: '0' }, now)
		await expect(
			recordCollectionSession(db, lead.actor, commune.id, { collector: `village:${village.id}`, heldOn: '2026-11-30', place: 'Nhà văn hóa', itemCount: '0' }, now),
		).rejects.toThrow(InputError)
		const report = await collectionCompliance(db, lead.actor, commune.id, { weeks: 4, now })
		const row = report.rows.find((r) => r.id === village.id)!
		expect(row.weeks.map((w) => w.done)).toEqual([false, false, false, true])
		expect(report.missingThisWeek.map((r) => r.id)).not.toContain(village.id)
		expect(report.missingThisWeek.length).toBeGreaterThan(0)
		const collector = await seedStaff(db, 'collector', commune.id, { agencyId: report.missingThisWeek[0]!.id })
		await db.update((await import('#app/modules/platform/platform.schema.ts')).users).set({ email: 'doan@example.vn' }).where(eq((await import('#app/modules/platform/platform.schema.ts')).users.id, collector.account.id))
		expect(await remindMissingCollections(db, commune.id, now)).toBe(1)
		// Run again the same day (a restart, a second process): nobody is reminded twice; the next day again.
		expect(await remindMissingCollections(db, commune.id, now)).toBe(0)
		expect(await remindMissingCollections(db, commune.id, new Date(now.getTime() + 86_400_000))).toBe(1)
	})
})

describe('the outbox', () => {
	test('sends once, retries what may succeed later, gives up on what cannot', async () => {
		const { db, commune } = await setup()
		await submitAsCitizen(db, commune.id, citizen)
		const sent: OutboxMessage[] = []
		let fail: 'none' | 'retry' | 'final' = 'retry'
		const sender = {
			async send(m: OutboxMessage) {
				if (fail === 'retry') return { ok: false as const, error: 'busy', retryable: true }
				if (fail === 'final' && m.channel === 'sms') return { ok: false as const, error: 'invalid phone', retryable: false }
				sent.push(m)
				return { ok: true as const }
			},
		}
		const first = await processOutbox(db, sender, { limit: 10_000 })
		expect(first.retrying).toBeGreaterThanOrEqual(2)
		expect(await processOutbox(db, sender, { limit: 10_000 })).toEqual({ sent: 0, retrying: 0, failed: 0 })
		fail = 'final'
		const later = await processOutbox(db, sender, { limit: 10_000, now: new Date(Date.now() + 3600_000) })
		expect(later.sent).toBeGreaterThanOrEqual(1)
		expect(later.failed).toBeGreaterThanOrEqual(1)
		expect(sent.some((m) => m.channel === 'email' && m.to === 'an@example.vn')).toBe(true)
		expect(await processOutbox(db, sender, { limit: 10_000, now: new Date(Date.now() + 7200_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 })
	})
})
