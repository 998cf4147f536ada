import type { Db } from '#app/core/db/client.server.ts'
import { addCalendarDays, toIsoDate, weekStart } from '#app/modules/platform/calendar/working-days.ts'
import { listAgencies, listVillages } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { recordCollectionSession, recordMailboxOpening } from './collection.server.ts'
import { rateAnswer, recordIntake } from './items.server.ts'
import { listFields } from './setup.server.ts'
import { approveAnswer, assignItem, draftAnswer, publicationPreview, publishAnswer, startWork } from './workflow.server.ts'

// Demo feedback for the demo commune: a few answered and published items (so the public page,
// its figures and the open data have something to show), items still being handled, a mailbox
// opening and this week's collection sessions. Everything goes through the module's use cases.

type DemoItem = {
	kind: 'phan_anh' | 'kien_nghi' | 'gop_y' | 'hoi_dap'
	field: string
	village: string | null
	title: string
	content: string
	/** Days before today the item came in. */
	daysAgo: number
	channel: 'hotline' | 'in_person' | 'mailbox' | 'collection'
	agency: string
	/** The answer, when the demo item is already answered and published. */
	answer?: string
	satisfied?: 'yes' | 'no'
}

const DEMO_ITEMS: readonly DemoItem[] = [
	{
		kind: 'phan_anh',
		field: 'giao-thong-ha-tang',
		village: 'Đỗ Thượng',
		title: 'Đèn đường trục chính thôn Đỗ Thượng bị hỏng (mẫu)',
		content: 'Ba bóng đèn đường từ nhà văn hóa thôn ra đường trục xã không sáng đã hơn một tuần, buổi tối đi lại rất tối. Cần gọi lại thì gọi số 0912 345 678.',
		daysAgo: 12,
		channel: 'hotline',
		agency: 'phong-kinh-te',
		answer: 'UBND xã đã giao Phòng Kinh tế kiểm tra; đã thay 3 bóng đèn và sửa tủ điện ngày hôm qua. Cảm ơn người dân đã phản ánh.',
		satisfied: 'yes',
	},
	{
		kind: 'kien_nghi',
		field: 'moi-truong',
		village: 'Hàn Lâm',
		title: 'Đề nghị nạo vét mương tiêu thôn Hàn Lâm trước mùa mưa (mẫu)',
		content: 'Mương tiêu cạnh cánh đồng phía đông thôn bị bèo và rác lấp, mưa lớn là nước tràn vào ruộng và ngõ xóm.',
		daysAgo: 20,
		channel: 'collection',
		agency: 'phong-kinh-te',
		answer: 'UBND xã đã đưa việc nạo vét mương tiêu thôn Hàn Lâm vào kế hoạch thủy lợi; thi công từ ngày 15 đến 25 tháng này, Nhân dân phối hợp vớt bèo trước.',
	},
	{
		kind: 'gop_y',
		field: 'thu-tuc-hanh-chinh',
		village: null,
		title: 'Góp ý: mở bộ phận một cửa sáng thứ Bảy (mẫu)',
		content: 'Nhiều người đi làm công ty không thể đến vào giờ hành chính. Đề nghị xã mở bộ phận một cửa sáng thứ Bảy.',
		daysAgo: 30,
		channel: 'mailbox',
		agency: 'tt-phvhcc',
		answer: 'Từ tháng tới, Trung tâm Phục vụ hành chính công xã tiếp nhận hồ sơ sáng thứ Bảy (7 giờ 30 đến 11 giờ 30). Cảm ơn góp ý của Nhân dân.',
		satisfied: 'yes',
	},
	{
		kind: 'hoi_dap',
		field: 'chinh-sach-xa-hoi',
		village: 'Đạo Lâm',
		title: 'Hỏi về hồ sơ trợ cấp cho người cao tuổi (mẫu)',
		content: 'Bố tôi năm nay đủ 75 tuổi, không có lương hưu. Xin hỏi cần chuẩn bị hồ sơ gì để hưởng trợ cấp xã hội?',
		daysAgo: 8,
		channel: 'in_person',
		agency: 'phong-vh-xh',
		answer: 'Người từ đủ 75 tuổi không có lương hưu, trợ cấp BHXH hằng tháng được hưởng trợ cấp xã hội. Hồ sơ gồm tờ khai theo mẫu và bản sao giấy tờ tùy thân; nộp tại Trung tâm Phục vụ hành chính công xã.',
	},
	{
		kind: 'phan_anh',
		field: 'moi-truong',
		village: 'Phạm Lâm',
		title: 'Rác thải tập kết ven đường liên thôn Phạm Lâm (mẫu)',
		content: 'Bãi rác tự phát ven đường liên thôn, gần cầu Phạm Lâm, bốc mùi và tràn ra lòng đường.',
		daysAgo: 3,
		channel: 'hotline',
		agency: 'phong-kinh-te',
	},
	{
		kind: 'kien_nghi',
		field: 'an-ninh-trat-tu',
		village: 'Đầu Lâm',
		title: 'Đề nghị lắp camera an ninh ở ngã ba Đầu Lâm (mẫu)',
		content: 'Ngã ba Đầu Lâm buổi tối hay có nhóm thanh niên tụ tập, đua xe. Đề nghị xã lắp camera và tăng tuần tra.',
		daysAgo: 1,
		channel: 'in_person',
		agency: 'vp-hdnd-ubnd',
	},
]

/** Seeds the demo feedback of a freshly seeded demo commune. */
export async function seedFeedbackDemo(db: Db, communeId: string, now = new Date()): Promise<void> {
	const actor = systemActor('demo seed')
	const today = toIsoDate(now)
	const [fields, villages, agencies] = await Promise.all([
		listFields(db, communeId),
		listVillages(db, actor, communeId),
		listAgencies(db, actor, communeId),
	])
	const fieldId = (code: string) => fields.find((f) => f.code === code)?.id ?? ''
	const villageId = (name: string | null) => (name ? (villages.find((v) => v.name === name)?.id ?? '') : '')
	const agencyId = (code: string) => agencies.find((a) => a.code === code)!.id

	const opening = await recordMailboxOpening(
		db,
		actor,
		communeId,
		{ openedOn: addCalendarDays(today, -30), place: 'Trụ sở UBND xã', openedBy: 'Văn phòng HĐND và UBND, Ủy ban MTTQ (mẫu)', letterCount: 1, note: 'Mở hòm thư định kỳ (mẫu)' },
		now,
	)
	for (const demo of DEMO_ITEMS) {
		const { item, secret } = await recordIntake(db, actor, communeId, {
			kind: demo.kind,
			channel: demo.channel,
			receivedOn: addCalendarDays(today, -demo.daysAgo),
			fieldId: fieldId(demo.field),
			villageId: villageId(demo.village),
			title: demo.title,
			content: demo.content,
			anonymous: 'yes',
			mailboxOpeningId: demo.channel === 'mailbox' ? opening.id : '',
		})
		await assignItem(db, actor, communeId, item.id, { agencyId: agencyId(demo.agency) })
		if (!demo.answer) continue
		await startWork(db, actor, communeId, item.id)
		await draftAnswer(db, actor, communeId, item.id, { answer: demo.answer })
		await approveAnswer(db, actor, communeId, item.id)
		await publishAnswer(db, actor, communeId, item.id, await publicationPreview(db, actor, communeId, item.id))
		if (demo.satisfied) await rateAnswer(db, communeId, item.code, secret, { satisfied: demo.satisfied })
	}

	// This week: the Fatherland Front and one village (Đạo Lâm) have collected; the others have not yet.
	const monday = weekStart(today)
	await recordCollectionSession(
		db,
		actor,
		communeId,
		{ collector: `agency:${agencyId('ub-mttq')}`, heldOn: monday, place: 'Hội trường UBND xã', attendees: 'Ủy ban MTTQ, các đoàn thể (mẫu)', itemCount: 1 },
		now,
	)
	await recordCollectionSession(
		db,
		actor,
		communeId,
		{ collector: `village:${villageId('Đạo Lâm')}`, heldOn: monday, place: 'Nhà văn hóa thôn Đạo Lâm', attendees: 'Trưởng thôn, 25 đại diện hộ (mẫu)', itemCount: 0 },
		now,
	)
}
