// Shared pieces of the feedback benchmarks: realistic Vietnamese sample items, a commune to put
// them in, throw-away PostgreSQL databases, and small statistics helpers.
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { rowsOf, type Db } from '#app/core/db/client.server.ts'
import type { DraftData } from '#app/modules/feedback/items.server.ts'
import { listFields } from '#app/modules/feedback/setup.server.ts'
import { createCommune, createVillage } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export const VILLAGE_NAMES = [
	'Thôn Đông',
	'Thôn Đoài',
	'Thôn Thượng',
	'Thôn Hạ',
	'Thôn Trung',
	'Thôn Nam Sơn',
	'Thôn Bắc Hà',
	'Thôn Tân Lập',
	'Thôn Phú Mỹ',
	'Thôn Yên Bình',
	'Thôn Đồng Tâm',
	'Thôn Hòa Bình',
]

export const TITLES = [
	'Đường liên thôn xuống cấp, nhiều ổ gà',
	'Đèn chiếu sáng đường làng bị hỏng nhiều ngày',
	'Rác thải tập kết không đúng nơi quy định',
	'Nước thải chăn nuôi lợn gây ô nhiễm mương tưới',
	'Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất',
	'Tiếng ồn từ xưởng cơ khí hoạt động ban đêm',
	'Cống thoát nước bị tắc gây ngập khi mưa lớn',
	'Đề nghị sửa chữa cầu tràn qua suối',
	'Hỏi về chế độ trợ cấp cho người cao tuổi từ đủ 75 tuổi',
	'Góp ý về thái độ tiếp dân tại bộ phận một cửa',
	'Lấn chiếm hành lang an toàn giao thông để buôn bán',
	'Chậm trả kết quả hồ sơ đăng ký hộ tịch',
	'Đề nghị bố trí thêm thùng rác công cộng',
	'Hỏi về thủ tục đăng ký khai sinh trực tuyến',
	'Cây xanh nghiêng đổ nguy hiểm trên đường trục xã',
	'Trạm y tế thiếu thuốc điều trị tăng huyết áp',
	'Đề nghị hỗ trợ học sinh có hoàn cảnh khó khăn',
	'Nhóm thanh niên tụ tập gây mất trật tự trước cổng trường',
	'Đất nông nghiệp bị san lấp trái phép',
	'Hỏi về mức thu phí vệ sinh môi trường năm nay',
]

export const PLACES = [
	'ngõ 3, gần nhà văn hóa thôn',
	'đầu cầu Máng',
	'khu chợ cũ',
	'đoạn từ trường tiểu học đến trạm y tế',
	'trục chính của xã',
	'bãi đất trống phía sau trụ sở UBND xã',
	'khu dân cư mới',
	'cánh đồng Mả Lạn',
	'bến đò cũ',
	'ngã ba Quán Gạo',
]

export const DETAILS = [
	'mặt đường bong tróc, ổ gà sâu, xe máy đi qua rất dễ ngã, nhất là buổi tối',
	'bóng đèn hỏng đã hơn hai tuần, cả đoạn ngõ tối om, người dân đi lại không an toàn',
	'rác sinh hoạt bị đổ tràn ra bờ mương, bốc mùi hôi thối, ruồi muỗi nhiều',
	'nước thải từ trại chăn nuôi chảy thẳng ra mương, nước đen và có mùi nặng',
	'gia đình tôi đã nộp hồ sơ nhưng chưa rõ cần bổ sung giấy tờ gì và nộp ở đâu',
	'máy móc chạy đến 23 giờ đêm, tiếng ồn làm trẻ nhỏ và người già không ngủ được',
	'mỗi khi mưa to nước không thoát kịp, tràn vào sân nhà và ngập cả ngõ',
	'mặt cầu đã nứt, lan can bị gãy, học sinh đi học qua đây rất nguy hiểm',
	'bố tôi năm nay đủ 75 tuổi nhưng chưa biết thủ tục để được hưởng trợ cấp',
	'cán bộ tiếp nhận trả lời thiếu rõ ràng, người dân phải đi lại nhiều lần',
	'nhiều hộ bày hàng hóa lấn ra lòng đường, ô tô và xe máy phải tránh nhau rất khó',
	'hồ sơ nộp đã quá hẹn nhưng chưa nhận được kết quả và không được báo lý do',
]

export const DURATIONS = ['khoảng một tuần nay', 'gần một tháng', 'từ đầu năm đến nay', 'hơn ba tháng', 'từ sau đợt mưa bão vừa rồi']
export const AFFECTED = [
	'sinh hoạt của hàng chục hộ dân',
	'việc đi học của các cháu',
	'sức khỏe của người dân xung quanh',
	'việc sản xuất, buôn bán của bà con',
	'an toàn của người đi lại',
]

export const AGENCY_NAMES = ['Phòng Kinh tế', 'Văn phòng HĐND và UBND', 'Phòng Văn hóa - Xã hội', 'Trung tâm Phục vụ hành chính công', 'Công an xã']
export const RESULTS = [
	'nội dung phản ánh là đúng. UBND xã đã bố trí kinh phí sửa chữa, vá ổ gà và hoàn trả mặt đường',
	'đã thay bóng đèn và kiểm tra lại toàn bộ hệ thống chiếu sáng công cộng của thôn',
	'đã yêu cầu tổ vệ sinh môi trường thu gom rác hằng ngày và đặt biển cấm đổ rác',
	'đã lập biên bản, yêu cầu chủ trại chăn nuôi xây bể biogas và cam kết không xả thải ra mương',
	'hồ sơ cần bổ sung bản sao giấy tờ về nguồn gốc đất; ông/bà nộp tại Trung tâm Phục vụ hành chính công xã',
	'đã làm việc với chủ xưởng, yêu cầu không hoạt động sau 22 giờ và lắp vách cách âm',
	'đã nạo vét cống, khơi thông dòng chảy và đề xuất nâng cấp tuyến cống trong kế hoạch năm sau',
	'đã cắm biển cảnh báo, rào chắn tạm thời và trình UBND tỉnh hỗ trợ kinh phí xây lại cầu',
]
export const WHENS = ['trong tuần này', 'trước ngày 15 tháng sau', 'trong quý tới', 'ngay trong tháng này']

export const FULL_NAMES = [
	'Nguyễn Văn Hùng',
	'Trần Thị Lan',
	'Lê Văn Dũng',
	'Phạm Thị Hương',
	'Hoàng Văn Nam',
	'Vũ Thị Mai',
	'Đặng Văn Long',
	'Bùi Thị Thu',
	'Đỗ Văn Thắng',
	'Ngô Thị Hà',
]

export const CONSENT_TEXT = 'Tôi đồng ý để UBND xã xử lý thông tin cá nhân của tôi nhằm giải quyết phản ánh, kiến nghị này.'

const pick = <T>(list: readonly T[], n: number): T => list[((n % list.length) + list.length) % list.length]!

/** The two steps of the public form (subject, then sender), filled as a citizen would. */
export function sampleSubmission(i: number, fieldIds: readonly string[], villageIds: readonly string[]): DraftData[] {
	const kind = pick(['phan_anh', 'phan_anh', 'kien_nghi', 'gop_y', 'hoi_dap'], i)
	const subject: DraftData = {
		kind,
		fieldId: pick(fieldIds, i * 7),
		villageId: pick(villageIds, i * 5),
		place: pick(PLACES, i * 3),
		title: pick(TITLES, i),
		content:
			`Kính gửi UBND xã. Tôi xin phản ánh: tại ${pick(PLACES, i * 3)}, ${pick(DETAILS, i * 11)}. ` +
			`Tình trạng này kéo dài ${pick(DURATIONS, i)}, ảnh hưởng đến ${pick(AFFECTED, i * 13)}. ` +
			'Kính đề nghị UBND xã kiểm tra, xử lý sớm. Xin trân trọng cảm ơn.',
	}
	const named = kind !== 'phan_anh' || i % 4 !== 0
	const sender: DraftData = named
		? {
				anonymous: '',
				fullName: pick(FULL_NAMES, i),
				phone: `09${String(10_000_000 + ((i * 7_919) % 89_999_999)).padStart(8, '0')}`,
				email: i % 3 === 0 ? `nguoidan${i}@example.vn` : '',
				address: `Số ${1 + (i % 120)}, ${pick(VILLAGE_NAMES, i * 5)}`,
				identityNumber: '',
				wantsUpdates: i % 2 === 0 ? 'yes' : '',
			}
		: { anonymous: 'yes', fullName: '', phone: '', email: '', address: '', identityNumber: '', wantsUpdates: '' }
	return [subject, sender]
}

export type SeededCommune = { communeId: string; codePrefix: string; fieldIds: string[]; villageIds: string[] }

/** A commune with villages and its feedback set-up (fields, policies, code prefix), through the use cases. */
export async function seedBenchCommune(db: Db, name = 'Xã Nguyễn Lương Bằng', hostnames = ''): Promise<SeededCommune> {
	const actor = systemActor('bench')
	const slug = `bench-${process.pid}-${Math.random().toString(36).slice(2, 7)}`
	const commune = await createCommune(db, actor, { name, slug, hostnames })
	const villageIds: string[] = []
	for (const [i, village] of VILLAGE_NAMES.entries()) {
		villageIds.push((await createVillage(db, actor, commune.id, { name: village, sortOrder: i })).id)
	}
	const fields = await listFields(db, commune.id, { activeOnly: true })
	const [settings] = rowsOf<{ code_prefix: string }>(await db.execute(sql`select code_prefix from feedback_settings where commune_id = ${commune.id}`))
	return { communeId: commune.id, codePrefix: settings!.code_prefix, fieldIds: fields.map((f) => f.id), villageIds }
}

// ---- PostgreSQL throw-away databases ----

export function withDatabaseName(url: string, name: string): string {
	const u = new URL(url)
	u.pathname = `/${name}`
	return u.toString()
}

export function describeUrl(url: string): string {
	const u = new URL(url)
	if (u.password) u.password = '***'
	return u.toString()
}

/**
 * Creates an empty database next to the one DATABASE_URL names (or the local default), or says
 * why it cannot: the caller then skips PostgreSQL with that message.
 */
export async function createThrowawayPg(name: string): Promise<{ url: string; drop(): Promise<void> } | { skip: string }> {
	const base = process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : DEFAULT_PG_URL
	const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3_000 })
	try {
		await admin.connect()
		await admin.query(`drop database if exists ${name} with (force)`)
		await admin.query(`create database ${name}`)
	} catch (err) {
		await admin.end().catch(() => {})
		return { skip: `PostgreSQL not reachable at ${describeUrl(base)} (${(err as Error).message || String(err)})` }
	}
	await admin.end()
	return {
		url: withDatabaseName(base, name),
		drop: async () => {
			const c = new pg.Client({ connectionString: base })
			await c.connect()
			await c.query(`drop database if exists ${name} with (force)`)
			await c.end()
		},
	}
}

// ---- Numbers ----

export function quantile(sorted: readonly number[], q: number): number {
	if (!sorted.length) return NaN
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

export function summary(times: readonly number[]): { median: number; p95: number; max: number } {
	const s = [...times].sort((a, b) => a - b)
	return { median: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1] ?? NaN }
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n)} ms`

export function envInt(name: string, fallback: number): number {
	const raw = process.env[name]
	if (raw === undefined || raw === '') return fallback
	const n = Number(raw)
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${raw}`)
	return n
}

const started = performance.now()
/** A progress line with the time since the script started. */
export function progress(message: string): void {
	console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`)
}
