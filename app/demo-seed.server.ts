import type { Db } from '#app/core/db/client.server.ts'
import { seedDisclosureDemo } from '#app/modules/disclosure/demo-seed.server.ts'
import { seedFeedbackDemo } from '#app/modules/feedback/demo-seed.server.ts'
import { seedDemoIfEmpty } from '#app/modules/platform/demo-seed.server.ts'

// The demo commune with every module's demo data, seeded on an empty database when DEMO_SEED is
// on. Each module seeds its own part through its own use cases.

/** Seeds the whole demo when the database has no commune yet. Returns whether it seeded. */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
	const communeId = await seedDemoIfEmpty(db)
	if (!communeId) return false
	await seedFeedbackDemo(db, communeId, now)
	await seedDisclosureDemo(db, communeId, now)
	return true
}
