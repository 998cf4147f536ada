// The victim of kill-durability.ts: opens the database and submits feedback through the domain as
// fast as it can, several at a time, printing each reference code on stdout only once
// submitDraft has resolved. It never stops by itself: the parent kills it with SIGKILL.
// Run (by the parent): node --import tsx bench/feedback/kill-child.ts <dataDir> <communeId> [concurrency]
// With DATABASE_URL=postgres://… in the environment it uses that database and ignores dataDir.
import fs from 'node:fs'
import path from 'node:path'
import { openDatabase } from '#app/core/db/client.server.ts'
import { saveDraftStep, startDraft, submitDraft } from '#app/modules/feedback/items.server.ts'
import { listFields } from '#app/modules/feedback/setup.server.ts'
import { listVillages } from '#app/modules/platform/org.server.ts'
import { systemActor } from '#app/modules/platform/permissions.ts'
import { CONSENT_TEXT, sampleSubmission } from './common.ts'

const [dataDir, communeId, concurrencyArg] = process.argv.slice(2)
if (!dataDir || !communeId) {
	console.error('usage: kill-child.ts <dataDir> <communeId> [concurrency]')
	process.exit(2)
}
const concurrency = Number(concurrencyArg ?? 4)
const url = process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : `pglite://${path.resolve(dataDir)}`

// A whole line in one write(2) on the pipe: the parent sees it even if we die the next instant.
const say = (s: string) => fs.writeSync(1, `${s}\n`)

const database = await openDatabase(url, { poolMax: concurrency + 1 })
const { db } = database
const fieldIds = (await listFields(db, communeId, { activeOnly: true })).map((f) => f.id)
const villageIds = (await listVillages(db, systemActor('bench'), communeId)).map((v) => v.id)
say(`# ready pid=${process.pid} engine=${database.engine}`)

let next = Number(process.env.KILL_CHILD_OFFSET ?? 0)
await Promise.all(
	Array.from({ length: concurrency }, async () => {
		for (;;) {
			const i = next++
			const draftId = await startDraft(db, communeId)
			const [subject, sender] = sampleSubmission(i, fieldIds, villageIds)
			await saveDraftStep(db, communeId, draftId, subject!)
			await saveDraftStep(db, communeId, draftId, sender!)
			const { item } = await submitDraft(db, communeId, draftId, CONSENT_TEXT)
			say(item.code)
		}
	}),
)
