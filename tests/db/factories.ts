import type { Db } from '#app/core/db/client.server.ts'
import { actorFromUser, createUser } from '#app/modules/platform/accounts.server.ts'
import { createCommune, createVillage, listAgencies } from '#app/modules/platform/org.server.ts'
import { systemActor, type Actor, type Role } from '#app/modules/platform/permissions.ts'

// Builders for test data, through the same use cases the app uses.

export const TEST_PASSWORD = 'correct horse battery'
let counter = 0

export async function seedCommune(db: Db, name = `Xã Thử ${++counter}`) {
	const slug = `xa-thu-${counter}-${Math.random().toString(36).slice(2, 8)}`
	const commune = await createCommune(db, systemActor('test'), { name, slug, hostnames: `${slug}.example.vn` })
	const village = await createVillage(db, systemActor('test'), commune.id, { name: `Thôn Một ${slug}` })
	const agencies = await listAgencies(db, systemActor('test'), commune.id)
	return { commune, village, agency: agencies[0]! }
}

export async function seedStaff(db: Db, role: Role, communeId: string | null, extra: { agencyId?: string; villageId?: string } = {}) {
	const account = await createUser(db, systemActor('test'), {
		username: `u${++counter}-${role.replace(/_/g, '')}`,
		fullName: `Cán bộ ${role} ${counter}`,
		role,
		communeId,
		agencyId: extra.agencyId ?? null,
		villageId: extra.villageId ?? null,
		password: TEST_PASSWORD,
		mustChangePassword: false,
	})
	const actor: Actor = actorFromUser(account, '127.0.0.1')
	return { account, actor }
}
