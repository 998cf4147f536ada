import type { Db } from '#app/core/db/client.server.ts'
import { addCalendarDays, toIsoDate } from '#app/modules/platform/calendar/working-days.ts'
import { listVillages } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { listObligations } from './catalogue.server.ts'
import { DEFAULT_COMMITMENT, recordReception, saveContact, saveFacts } from './facts.server.ts'
import { periodContaining, previousPeriod } from './periods.ts'
import { addPosting, createRecord, publishRecord, withdrawRecord } from './records.server.ts'

// Demo disclosure for the demo commune: the fixed public facts, a few publications in the forms
// the law asks for (one posted too briefly, one draft coming due, one withdrawn), so that the
// public pages, the catalogue and the compliance view all have something to show.

export async function seedDisclosureDemo(db: Db, communeId: string, now = new Date()): Promise<void> {
	const actor = systemActor('demo seed')
	const today = toIsoDate(now)
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000)
	const obligations = await listObligations(db, communeId)
	const obligation = (key: string) => obligations.find((o) => o.key === key)!.id
	const villages = await listVillages(db, actor, communeId)
	const village = (name: string) => villages.find((v) => v.name === name)?.id ?? ''

	await saveFacts(db, actor, communeId, {
		mailboxPlaces: 'Trụ sở UBND xã (cổng chính)\nTrung tâm Phục vụ hành chính công xã\nNhà văn hóa thôn Đỗ Thượng\nNhà văn hóa thôn Hàn Lâm',
		commitment: DEFAULT_COMMITMENT,
		receptionSchedule: 'Chủ tịch UBND xã tiếp công dân định kỳ vào sáng thứ Năm hằng tuần (từ 7 giờ 30 đến 11 giờ 30); ngày lễ, Tết chuyển sang ngày làm việc kế tiếp.',
		receptionPlace: 'Phòng tiếp công dân, trụ sở UBND xã',
	})
	const contacts = [
		{ fullName: 'Nguyễn Văn An (mẫu)', position: 'Chủ tịch UBND xã', phone: '0912 000 001', duties: 'Lãnh đạo chung, tiếp công dân' },
		{ fullName: 'Trần Thị Bình (mẫu)', position: 'Phó Chủ tịch UBND xã', phone: '0912 000 002', duties: 'Kinh tế, đất đai, xây dựng' },
		{ fullName: 'Lê Văn Cường (mẫu)', position: 'Phó Chủ tịch UBND xã', phone: '0912 000 003', duties: 'Văn hóa, xã hội, giáo dục, y tế' },
		{ fullName: 'Phạm Thị Dung (mẫu)', position: 'Chánh Văn phòng HĐND và UBND', phone: '0912 000 004', duties: 'Tiếp nhận phản ánh, kiến nghị' },
	]
	for (const [i, c] of contacts.entries()) await saveContact(db, actor, communeId, null, { ...c, sortOrder: String((i + 1) * 10) })
	await recordReception(
		db,
		actor,
		communeId,
		{ kind: 'reception', heldOn: addCalendarDays(today, -5), host: 'Chủ tịch UBND xã (mẫu)', place: 'Phòng tiếp công dân', attendance: '4', raised: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất còn chậm; hỏi về chế độ cho người có công.', outcome: 'Giao Phòng Kinh tế rà soát hồ sơ đất, trả lời trước ngày 30; hướng dẫn hồ sơ người có công tại chỗ.' },
		now,
	)
	await recordReception(
		db,
		actor,
		communeId,
		{ kind: 'dialogue', heldOn: addCalendarDays(today, -40), host: 'UBND xã và Ủy ban MTTQ xã (mẫu)', place: 'Hội trường UBND xã', attendance: '120', raised: 'Đường trục xã xuống cấp; thu gom rác thải ở các thôn; đèn chiếu sáng.', outcome: 'Đưa sửa đường trục xã vào kế hoạch năm sau; tăng lượt thu gom rác lên 3 lần mỗi tuần.' },
		now,
	)

	// Last quarter's budget execution, posted at the office and the village halls for 30 days.
	const lastQuarter = previousPeriod('quarterly', periodContaining('quarterly', today))
	const budget = await createRecord(
		db,
		actor,
		communeId,
		{
			title: `Công khai tình hình thực hiện dự toán ngân sách xã quý ${['I', 'II', 'III', 'IV'][Number(lastQuarter.key.slice(-1)) - 1]} năm ${lastQuarter.key.slice(0, 4)} (mẫu)`,
			body: 'Tổng thu ngân sách xã trong quý đạt 26% dự toán năm; tổng chi đạt 24% dự toán năm. Chi tiết theo biểu số 01 và 02 đính kèm (dữ liệu mẫu).',
			obligationIds: [obligation('dccs-11-2-quarter')],
			period: lastQuarter.key,
		},
		at(45),
	)
	const budgetStart = [addCalendarDays(lastQuarter.end, 10), today].sort()[0]!
	const budgetEnd = addCalendarDays(budgetStart, 29) <= today ? addCalendarDays(budgetStart, 29) : ''
	await publishRecord(db, actor, communeId, budget.id, new Date(`${budgetStart}T09:00:00+07:00`))
	await addPosting(db, actor, communeId, budget.id, { form: 'notice_office', place: 'Bảng tin trụ sở UBND xã', startedOn: budgetStart, endedOn: budgetEnd, proofNote: 'Ảnh chụp bảng tin ngày niêm yết (mẫu)' }, [], now)
	for (const name of ['Đỗ Thượng', 'Hàn Lâm']) {
		await addPosting(db, actor, communeId, budget.id, { form: 'notice_village', villageId: village(name), startedOn: budgetStart, endedOn: budgetEnd }, [], now)
	}

	// The list of poor households: on the radio for 2 days only, which the compliance view flags.
	const poor = await createRecord(
		db,
		actor,
		communeId,
		{
			title: 'Danh sách hộ nghèo, hộ cận nghèo được hỗ trợ tiền điện năm 2026 (mẫu)',
			body: 'Danh sách 42 hộ nghèo và 18 hộ cận nghèo được hỗ trợ tiền điện theo quyết định của UBND xã. Người dân có ý kiến về danh sách xin phản ánh về UBND xã trong thời gian niêm yết.',
			obligationIds: [obligation('dccs-11-7-results')],
			decisionRef: '112/QĐ-UBND (mẫu)',
			decisionDate: addCalendarDays(today, -12),
		},
		at(11),
	)
	await publishRecord(db, actor, communeId, poor.id, at(10))
	const poorStart = addCalendarDays(today, -10)
	await addPosting(db, actor, communeId, poor.id, { form: 'notice_office', place: 'Bảng tin trụ sở UBND xã', startedOn: poorStart }, [], now)
	await addPosting(db, actor, communeId, poor.id, { form: 'radio', place: 'Đài truyền thanh xã', startedOn: poorStart, endedOn: addCalendarDays(poorStart, 1), proofNote: 'Sổ nhật ký phát thanh, trang 14 (mẫu)' }, [], now)

	// Administrative procedures, kept posted.
	const procedures = await createRecord(db, actor, communeId, {
		title: 'Danh mục thủ tục hành chính thực hiện tại Trung tâm Phục vụ hành chính công xã (mẫu)',
		body: 'Gồm 102 thủ tục thuộc thẩm quyền giải quyết của UBND xã: hộ tịch, chứng thực, đất đai, người có công, bảo trợ xã hội … kèm thành phần hồ sơ, thời hạn và lệ phí.',
		obligationIds: [obligation('dccs-11-13-procedures')],
	})
	await publishRecord(db, actor, communeId, procedures.id, at(60))
	await addPosting(db, actor, communeId, procedures.id, { form: 'notice_office', place: 'Trung tâm Phục vụ hành chính công xã', startedOn: addCalendarDays(today, -60) }, [], now)

	// A draft coming due: decided two working days ago, not yet published.
	await createRecord(db, actor, communeId, {
		title: 'Phương án bồi thường, hỗ trợ giải phóng mặt bằng mở rộng đường trục xã đoạn qua thôn Đạo Lâm (mẫu)',
		body: 'Phương án bồi thường, hỗ trợ cho 14 hộ có đất bị thu hồi (dữ liệu mẫu).',
		obligationIds: [obligation('dccs-11-3-land-recovery')],
		decisionRef: '118/QĐ-UBND (mẫu)',
		decisionDate: addCalendarDays(today, -2),
	})

	// A withdrawn publication stays visible as withdrawn.
	const wrong = await createRecord(db, actor, communeId, {
		title: 'Thông báo mức đóng góp xây dựng nhà văn hóa thôn Phạm Lâm (mẫu)',
		body: 'Mức đóng góp 200.000 đồng mỗi hộ.',
		obligationIds: [obligation('dccs-11-5-contributions')],
	})
	await publishRecord(db, actor, communeId, wrong.id, at(20))
	await withdrawRecord(db, actor, communeId, wrong.id, { reason: 'Thôn chưa họp bàn và biểu quyết mức đóng góp theo Điều 15 Luật Thực hiện dân chủ ở cơ sở; sẽ công khai lại sau khi thôn quyết định.' }, at(18))
}
