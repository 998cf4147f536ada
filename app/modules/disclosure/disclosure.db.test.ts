import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '#app/core/db/client.server.ts'
import { AppError, InputError } from '#app/core/errors.ts'
import { feedbackNotifications } from '#app/modules/feedback/feedback.schema.ts'
import { listAgencies } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { users } from '#app/modules/platform/platform.schema.ts'
import { seedCommune, seedStaff } from '#tests/db/factories.ts'
import { createTestDatabase } from '#tests/setup/test-db.ts'
import { listObligations, saveObligation } from './catalogue.server.ts'
import { complianceReport, runDisclosureReminders } from './compliance.server.ts'
import { DISCLOSURE_CATALOGUE } from './disclosure.catalogue.ts'
import { disclosureObligations } from './disclosure.schema.ts'
import { DEFAULT_COMMITMENT, getPublicFacts, recordReception, saveContact, saveFacts } from './facts.server.ts'
import { getPublicRecord, listPublicRecords, publicCatalogue } from './public.server.ts'
import { quarterKey, quarterlyList } from './quarterly.server.ts'
import {
	addPosting,
	createRecord,
	endPosting,
	getRecordFile,
	addRecordFiles,
	publishRecord,
	updateRecord,
	withdrawRecord,
	listRecordsForStaff,
	removeRecordFile,
} from './records.server.ts'

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
	const agencies = await listAgencies(db, systemActor('test'), seeded.commune.id)
	const economy = agencies.find((a) => a.code === 'phong-kinh-te')!
	const lead = await seedStaff(db, 'programme_lead', seeded.commune.id, { agencyId: agencies.find((a) => a.code === 'phong-vh-xh')!.id })
	const officer = await seedStaff(db, 'agency_officer', seeded.commune.id, { agencyId: economy.id })
	const reviewer = await seedStaff(db, 'reviewer', seeded.commune.id)
	const admin = await seedStaff(db, 'commune_admin', seeded.commune.id)
	const obligations = await listObligations(db, seeded.commune.id)
	const byKey = (key: string) => obligations.find((o) => o.key === key)!
	return { db, ...seeded, economy, lead, officer, reviewer, admin, obligations, byKey }
}

const png = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'))

describe('catalogue', () => {
	test('every commune starts with the whole catalogue, each obligation with its agency', async () => {
		const { obligations, economy, byKey } = await setup()
		expect(obligations).toHaveLength(DISCLOSURE_CATALOGUE.length)
		const land = obligations.find((o) => o.field === 'dat-dai-du-an')!
		expect(land.agencyId).toBe(economy.id)
		const quarterly = obligations.filter((o) => o.recurrence === 'quarterly')
		expect(quarterly.length).toBeGreaterThan(0)
		expect(byKey(DISCLOSURE_CATALOGUE[0]!.key).legalBasis).toContain('Điều 11')
	})

	test('the commune edits an obligation and adds its own; the rules of the form are checked', async () => {
		const { db, commune, admin, officer, obligations } = await setup()
		const first = obligations[0]!
		const edited = await saveObligation(db, admin.actor, commune.id, first.id, {
			...first,
			agencyId: first.agencyId ?? '',
			minimumDays: '45',
			periodGraceDays: '',
			reviewMonths: '',
			deadlineWorkingDays: '3',
			active: 'yes',
		})
		expect(edited).toMatchObject({ minimumDays: 45, deadlineWorkingDays: 3, certainty: 'commune' })
		// The rules between fields come in the same round as a field's own problem.
		await expect(
			saveObligation(db, admin.actor, commune.id, null, { title: '', field: 'khac', law: 'other', legalBasis: 'x', requiredForms: ['website'], durationKind: 'days', recurrence: 'on_change', deadlineWorkingDays: '5' }),
		).rejects.toMatchObject({ fieldErrors: { title: 'form.required', minimumDays: 'disclosure.form.minimumDaysRequired', reviewMonths: 'disclosure.form.reviewRequired' } })
		await expect(saveObligation(db, officer.actor, commune.id, first.id, { ...first })).rejects.toMatchObject({ code: 'forbidden' })
		const bad = saveObligation(db, admin.actor, commune.id, null, {
			title: 'Lịch trực Tết',
			field: 'khac',
			law: 'other',
			legalBasis: 'Quy chế của xã',
			requiredForms: ['notice_office'],
			durationKind: 'days',
			recurrence: 'yearly',
			deadlineWorkingDays: '5',
		})
		await expect(bad).rejects.toMatchObject({ fieldErrors: { minimumDays: 'disclosure.form.minimumDaysRequired', periodGraceDays: 'disclosure.form.graceRequired' } })
		const own = await saveObligation(db, admin.actor, commune.id, null, {
			title: 'Lịch trực Tết',
			field: 'khac',
			law: 'other',
			legalBasis: 'Quy chế của xã',
			requiredForms: ['notice_office', 'website'],
			durationKind: 'days',
			minimumDays: '10',
			recurrence: 'yearly',
			periodGraceDays: '10',
			deadlineWorkingDays: '5',
			active: 'yes',
		})
		expect(own.key).toMatch(/^xa-/)
	})
})

describe('records', () => {
	test('a draft is not public; published it is, with a website posting; changes keep the history', async () => {
		const { db, commune, lead, officer, reviewer, byKey } = await setup()
		const obligation = byKey('dccs-11-1-plan')
		const input = {
			title: 'Kế hoạch phát triển kinh tế - xã hội năm 2027',
			body: 'Nội dung kế hoạch: đường giao thông nông thôn, kênh mương nội đồng.'.normalize('NFD'),
			obligationIds: [obligation.id],
			decisionRef: '15/NQ-HĐND',
			decisionDate: '2026-11-16',
		}
		await expect(createRecord(db, reviewer.actor, commune.id, input)).rejects.toMatchObject({ code: 'forbidden' })
		const draft = await createRecord(db, officer.actor, commune.id, input, new Date('2026-11-18T03:00:00Z'))
		expect(draft.code).toMatch(/^CK-26-\d{4}$/)
		expect(draft.body).toBe(input.body.normalize('NFC'))
		expect(await getPublicRecord(db, commune.id, draft.code)).toBeNull()
		expect((await listPublicRecords(db, commune.id)).total).toBe(0)

		await addRecordFiles(db, officer.actor, commune.id, draft.id, [{ fileName: 'ke-hoach.png', mime: 'image/png', ext: 'png', size: png.length, bytes: png, isImage: true }])
		await expect(publishRecord(db, officer.actor, commune.id, draft.id)).rejects.toMatchObject({ code: 'forbidden' })
		await publishRecord(db, lead.actor, commune.id, draft.id, new Date('2026-11-19T03:00:00Z'))
		const shown = (await getPublicRecord(db, commune.id, draft.code.toLowerCase()))!
		expect(shown.record.status).toBe('published')
		expect(shown.postings.map((p) => [p.form, p.startedOn, p.proofUrl])).toEqual([['website', '2026-11-19', `/cong-khai/${draft.code}`]])
		expect(shown.files).toHaveLength(1)
		await getRecordFile(db, commune.id, draft.id, shown.files[0]!.id, { publicOnly: true })

		// Without diacritics, in capitals: found. By obligation: found; by another: not.
		expect((await listPublicRecords(db, commune.id, { q: 'KENH MUONG' })).items.map((r) => r.code)).toEqual([draft.code])
		expect((await listPublicRecords(db, commune.id, { obligationId: obligation.id })).total).toBe(1)
		expect((await listPublicRecords(db, commune.id, { obligationId: byKey('dccs-11-13-procedures')?.id ?? obligation.id, field: 'an-sinh' })).total).toBe(0)

		// A change after publication needs a reason and keeps the earlier text.
		const changed = { ...input, body: 'Nội dung đã điều chỉnh theo Nghị quyết bổ sung.' }
		await expect(updateRecord(db, officer.actor, commune.id, draft.id, changed, {})).rejects.toBeInstanceOf(InputError)
		await updateRecord(db, officer.actor, commune.id, draft.id, changed, { reason: 'HĐND xã điều chỉnh kế hoạch' })
		const after = (await getPublicRecord(db, commune.id, draft.code))!
		expect(after.record.version).toBe(2)
		expect(after.versions.map((v) => [v.version, v.reason, v.body])).toEqual([[1, 'HĐND xã điều chỉnh kế hoạch', input.body.normalize('NFC')]])
		// A removed file of a published record is hidden, not deleted.
		await removeRecordFile(db, officer.actor, commune.id, draft.id, shown.files[0]!.id)
		expect((await getPublicRecord(db, commune.id, draft.code))!.files).toHaveLength(0)
		await expect(getRecordFile(db, commune.id, draft.id, shown.files[0]!.id, { publicOnly: true })).rejects.toMatchObject({ code: 'not_found' })

		// Withdrawn: still public, marked so, and final.
		await expect(withdrawRecord(db, lead.actor, commune.id, draft.id, { reason: '' })).rejects.toBeInstanceOf(InputError)
		await withdrawRecord(db, lead.actor, commune.id, draft.id, { reason: 'Thay bằng kế hoạch mới' }, new Date('2026-11-25T03:00:00Z'))
		const withdrawn = (await getPublicRecord(db, commune.id, draft.code))!
		expect(withdrawn.record).toMatchObject({ status: 'withdrawn', withdrawReason: 'Thay bằng kế hoạch mới' })
		expect(withdrawn.postings.every((p) => p.endedOn !== null)).toBe(true)
		await expect(updateRecord(db, officer.actor, commune.id, draft.id, changed, { reason: 'x' })).rejects.toMatchObject({ code: 'conflict' })
		const staffList = await listRecordsForStaff(db, reviewer.actor, commune.id, { status: 'withdrawn' })
		expect(staffList.rows.map((r) => r.code)).toEqual([draft.code])
	})

	test('postings: dates checked, proof files kept internal', async () => {
		const { db, commune, village, officer, lead, byKey } = await setup()
		const record = await createRecord(db, officer.actor, commune.id, { title: 'Danh sách hộ nghèo năm 2026', obligationIds: [byKey('dccs-11-7-results').id] })
		await publishRecord(db, lead.actor, commune.id, record.id, new Date('2026-11-02T03:00:00Z'))
		const now = new Date('2026-11-20T03:00:00Z')
		await expect(addPosting(db, officer.actor, commune.id, record.id, { form: 'notice_office', startedOn: '2026-11-25' }, [], now)).rejects.toMatchObject({
			fieldErrors: { startedOn: 'disclosure.form.futureDate' },
		})
		await expect(addPosting(db, officer.actor, commune.id, record.id, { form: 'notice_office', startedOn: '2026-11-10', endedOn: '2026-11-05' }, [], now)).rejects.toMatchObject({
			fieldErrors: { endedOn: 'disclosure.form.endBeforeStart' },
		})
		await expect(addPosting(db, officer.actor, commune.id, record.id, { form: 'fax', startedOn: '2026-11-10' }, [], now)).rejects.toBeInstanceOf(InputError)
		const posting = await addPosting(
			db,
			officer.actor,
			commune.id,
			record.id,
			{ form: 'notice_village', villageId: village.id, startedOn: '2026-11-03', proofNote: 'Ảnh chụp bảng tin' },
			[{ fileName: 'anh.png', mime: 'image/png', ext: 'png', size: png.length, bytes: png, isImage: true }],
			now,
		)
		expect(posting.place).toBe(village.name)
		const shown = (await getPublicRecord(db, commune.id, record.code))!
		expect(shown.files).toHaveLength(0)
		expect(shown.postings.find((p) => p.form === 'notice_village')!.proofNote).toBe('')
		await endPosting(db, officer.actor, commune.id, record.id, posting.id, { endedOn: '2026-11-12' }, now)
	})
})

describe('compliance', () => {
	test('short postings, late publication, missing forms, overdue periods, due soon — each with its record', async () => {
		const { db, commune, officer, lead, reviewer, byKey } = await setup()
		const social = byKey('dccs-11-7-results')
		const now = new Date('2026-11-20T03:00:00Z')
		// Decided on Monday 02/11; 5 working days → due Monday 09/11; first posted on 12/11: 3 days late.
		const record = await createRecord(db, officer.actor, commune.id, { title: 'Danh sách trợ cấp tháng 11', obligationIds: [social.id], decisionDate: '2026-11-02' })
		const posting = await addPosting(db, officer.actor, commune.id, record.id, { form: 'notice_office', startedOn: '2026-11-12', endedOn: '2026-11-18' }, [], now)
		await publishRecord(db, lead.actor, commune.id, record.id, new Date('2026-11-12T03:00:00Z'))
		await addPosting(db, officer.actor, commune.id, record.id, { form: 'radio', startedOn: '2026-11-12', endedOn: '2026-11-13' }, [], now)
		// Kept here from before the quarter ended: Q3 counts against the commune; kept from after its due day, it does not.
		expect((await complianceReport(db, reviewer.actor, commune.id, now)).findings.filter((f) => f.kind === 'overdue' && f.period === '2026-Q3')).toEqual([])
		await db.update(disclosureObligations).set({ createdAt: new Date('2026-01-01T00:00:00Z') }).where(eq(disclosureObligations.communeId, commune.id))
		const report = await complianceReport(db, reviewer.actor, commune.id, now)
		const mine = report.findings.filter((f) => f.recordId === record.id)
		expect(mine.find((f) => f.kind === 'late')).toMatchObject({ dueOn: '2026-11-09', days: 3 })
		expect(mine.filter((f) => f.kind === 'short').map((f) => [f.form, f.days, f.required])).toEqual(
			expect.arrayContaining([
				['notice_office', 7, 30],
				['radio', 2, 3],
			]),
		)
		expect(mine.filter((f) => f.kind === 'forms').map((f) => f.form)).toEqual(expect.arrayContaining(['notice_village', 'village_head']))
		expect(mine.filter((f) => f.kind === 'forms').map((f) => f.form)).not.toContain('notice_office')
		// Quarterly budget execution: Q3 2026 was due 15 days after 30/09 and nothing was published.
		const quarterly = report.findings.filter((f) => f.kind === 'overdue' && f.period === '2026-Q3')
		expect(quarterly.length).toBeGreaterThan(0)
		expect(report.counts.short).toBeGreaterThanOrEqual(2)
		void posting
	})

	test('a draft due soon reminds its agency once; the quarterly list shows what was posted', async () => {
		const { db, commune, economy, officer, lead, byKey } = await setup()
		await db.update(users).set({ email: 'kinhte@example.vn' }).where(eq(users.id, officer.account.id))
		const land = byKey('dccs-11-3-land-recovery')
		const now = new Date('2026-11-20T03:00:00Z')
		await createRecord(db, officer.actor, commune.id, { title: 'Phương án bồi thường dự án đường trục xã', obligationIds: [land.id], decisionDate: '2026-11-19', agencyId: economy.id })
		const first = await runDisclosureReminders(db, now)
		expect(first).toBeGreaterThan(0)
		expect(await runDisclosureReminders(db, now)).toBe(0)
		const mails = await db.select().from(feedbackNotifications).where(eq(feedbackNotifications.recipient, 'kinhte@example.vn'))
		expect(mails.some((m) => m.body.includes('Phương án bồi thường'))).toBe(true)

		const posted = await createRecord(db, officer.actor, commune.id, { title: 'Thông báo thu hồi đất thôn Một', obligationIds: [land.id] })
		await publishRecord(db, lead.actor, commune.id, posted.id, new Date('2026-10-05T03:00:00Z'))
		await addPosting(db, officer.actor, commune.id, posted.id, { form: 'notice_office', startedOn: '2026-10-05', endedOn: '2026-11-05' }, [], now)
		const q4 = await quarterlyList(db, lead.actor, commune.id, quarterKey(2026, 4))
		expect(q4.map((r) => r.code)).toEqual([posted.code])
		expect(q4[0]!.postings.map((p) => p.form).sort()).toEqual(['notice_office', 'website'])
		expect(await quarterlyList(db, lead.actor, commune.id, quarterKey(2026, 2))).toEqual([])
		const catalogue = await publicCatalogue(db, commune.id)
		expect(catalogue.find((c) => c.obligation.id === land.id)!.current!.code).toBe(posted.code)
		expect(catalogue.find((c) => c.obligation.key === 'dccs-11-9-called')?.current ?? null).toBeNull()
	})
})

describe('public facts', () => {
	test('a default commitment, then the commune’s own; phones checked; receptions published', async () => {
		const { db, commune, admin, officer } = await setup()
		expect((await getPublicFacts(db, commune.id))!.facts.commitment).toBe(DEFAULT_COMMITMENT)
		await expect(saveFacts(db, officer.actor, commune.id, { commitment: 'x' })).rejects.toMatchObject({ code: 'forbidden' })
		await saveFacts(db, admin.actor, commune.id, { mailboxPlaces: 'Trụ sở UBND xã\nNhà văn hóa thôn Một', commitment: 'Không gây phiền hà.', receptionSchedule: 'Sáng thứ Năm hằng tuần' })
		await expect(saveContact(db, admin.actor, commune.id, null, { fullName: 'Nguyễn Văn A', position: 'Chủ tịch UBND xã', phone: '12ab' })).rejects.toMatchObject({
			fieldErrors: { phone: 'disclosure.form.phoneInvalid' },
		})
		await saveContact(db, admin.actor, commune.id, null, { fullName: 'Nguyễn Văn A', position: 'Chủ tịch UBND xã', phone: '0912 345 678' })
		await expect(recordReception(db, admin.actor, commune.id, { kind: 'reception', heldOn: '2099-01-01', host: 'Chủ tịch' })).rejects.toBeInstanceOf(AppError)
		await recordReception(db, admin.actor, commune.id, { kind: 'dialogue', heldOn: '2026-11-05', host: 'Chủ tịch UBND xã', raised: 'Đường thôn Một xuống cấp', attendance: '120' }, new Date('2026-11-20T03:00:00Z'))
		const facts = (await getPublicFacts(db, commune.id, new Date('2026-11-20T03:00:00Z')))!
		expect(facts.facts).toMatchObject({ commitment: 'Không gây phiền hà.', receptionSchedule: 'Sáng thứ Năm hằng tuần' })
		expect(facts.contacts.map((c) => c.phone)).toEqual(['0912 345 678'])
		expect(facts.receptions.map((r) => [r.kind, r.attendance])).toEqual([['dialogue', 120]])
	})
})
