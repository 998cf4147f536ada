import type { Db } from '#app/core/db/client.server.ts'
import { createUser } from './accounts.server.ts'
import { countCommunes, createCommune, createVillage, listAgencies } from './org.server.ts'
import { systemActor, type Role } from './permissions.ts'

// The demo commune seeded on an empty database (turn off with DEMO_SEED=false for real installs).
// Every name here is marked as demo data; the passwords are for the demo only.

export const DEMO_COMMUNE = {
	slug: 'nguyen-luong-bang',
	name: 'Xã Nguyễn Lương Bằng (dữ liệu mẫu)',
	cityName: 'Thành phố Hải Phòng',
	hotline: '0220 3 000 000',
	address: 'Trụ sở UBND xã Nguyễn Lương Bằng, thành phố Hải Phòng (địa chỉ mẫu)',
	email: 'ubnd.nguyenluongbang@example.vn',
}

export const DEMO_VILLAGES = ['Đỗ Thượng', 'Đỗ Hạ', 'Hàn Lâm', 'Đạo Lâm', 'Đầu Lâm', 'Phạm Lâm', 'Thúy Lâm']

/** Demo-only password shared by every demo account (shown in the README and at start). */
export const DEMO_PASSWORD = 'demo-than-thien'

export const DEMO_USERS: ReadonlyArray<{ username: string; fullName: string; role: Role; agencyCode?: string; village?: string }> = [
	{ username: 'admin', fullName: 'Quản trị hệ thống (mẫu)', role: 'system_admin' },
	{ username: 'thanhpho', fullName: 'Chuyên viên Sở Nội vụ (mẫu)', role: 'city_viewer' },
	{ username: 'quantri', fullName: 'Quản trị của xã (mẫu)', role: 'commune_admin', agencyCode: 'vp-hdnd-ubnd' },
	{ username: 'chutich', fullName: 'Chủ tịch UBND xã (mẫu)', role: 'commune_leader', agencyCode: 'vp-hdnd-ubnd' },
	{ username: 'vhxh', fullName: 'Công chức Phòng Văn hóa - Xã hội (mẫu)', role: 'programme_lead', agencyCode: 'phong-vh-xh' },
	{ username: 'kinhte', fullName: 'Công chức Phòng Kinh tế (mẫu)', role: 'agency_officer', agencyCode: 'phong-kinh-te' },
	{ username: 'motcua', fullName: 'Công chức một cửa (mẫu)', role: 'one_stop_officer', agencyCode: 'tt-phvhcc' },
	{ username: 'truongthon', fullName: 'Trưởng thôn Đỗ Thượng (mẫu)', role: 'collector', village: 'Đỗ Thượng' },
	{ username: 'mttq', fullName: 'Cán bộ Ủy ban MTTQ (mẫu)', role: 'reviewer', agencyCode: 'ub-mttq' },
	{ username: 'phunu', fullName: 'Chi hội trưởng Hội Liên hiệp Phụ nữ (mẫu)', role: 'collector', agencyCode: 'hoi-phu-nu' },
]

/**
 * Seeds the demo commune (villages, staff) when the database has no commune yet. Returns the new
 * commune's id, or null when there was a commune already. Other modules' demo data is added by
 * `app/demo-seed.server.ts`.
 */
export async function seedDemoIfEmpty(db: Db): Promise<string | null> {
	if ((await countCommunes(db)) > 0) return null
	const actor = systemActor('demo seed')
	const commune = await createCommune(db, actor, { ...DEMO_COMMUNE, kind: 'xa', isDemo: true, hostnames: '' })
	const villageIds = new Map<string, string>()
	for (const [i, name] of DEMO_VILLAGES.entries()) {
		const village = await createVillage(db, actor, commune.id, { name, sortOrder: (i + 1) * 10, isDemo: true })
		villageIds.set(name, village.id)
	}
	const agencyIds = new Map((await listAgencies(db, actor, commune.id)).map((a) => [a.code, a.id]))
	for (const u of DEMO_USERS) {
		const deploymentWide = u.role === 'system_admin' || u.role === 'city_viewer'
		await createUser(db, actor, {
			username: u.username,
			fullName: u.fullName,
			role: u.role,
			communeId: deploymentWide ? null : commune.id,
			agencyId: u.agencyCode ? (agencyIds.get(u.agencyCode) ?? null) : null,
			villageId: u.village ? (villageIds.get(u.village) ?? null) : null,
			password: DEMO_PASSWORD,
			mustChangePassword: false,
			isDemo: true,
		})
	}
	return commune.id
}
