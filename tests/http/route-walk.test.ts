import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import routes from '#app/routes.ts'
import { listObligations } from '#app/modules/disclosure/catalogue.server.ts'
import { addRecordFiles, createRecord, getRecordForStaff } from '#app/modules/disclosure/records.server.ts'
import { recordIntake } from '#app/modules/feedback/items.server.ts'
import { getItemForStaff } from '#app/modules/feedback/workflow.server.ts'
import { DEMO_USERS } from '#app/modules/platform/demo-seed.server.ts'
import { listAccounts } from '#app/modules/platform/accounts.server.ts'
import { listAgencies, listPublicCommunes, listVillages } from '#app/modules/platform/org.server.ts'
import { can, systemActor, type Actor, type Capability } from '#app/modules/platform/permissions.ts'
import type { StaffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { csrfFor, startTestApp } from './app-server.ts'

// Walks every staff route (everything under /quan-tri in app/routes.ts) with every role, and
// with no session, by GET and by POST, and checks each answer against the capability the route
// declares: allowed, 403, or a redirect to the sign-in page.

type StaffRoute = { path: string; file: string }

function staffRoutes(entries: RouteConfigEntry[], parent = ''): StaffRoute[] {
	return entries.flatMap((e) => {
		const full = e.index ? parent : [parent, e.path].filter(Boolean).join('/')
		const own = full.startsWith('quan-tri') ? [{ path: `/${full}`, file: e.file }] : []
		return [...own, ...staffRoutes(e.children ?? [], full)]
	})
}

let app: Awaited<ReturnType<typeof startTestApp>>
const params: Record<string, string> = {}
const cookies: Record<string, string> = {}
const actors: Record<string, Actor> = {}
let communeId = ''

beforeAll(async () => {
	app = await startTestApp()
	const db = app.services.db
	const system = systemActor('test')
	const [commune] = await listPublicCommunes(db)
	communeId = commune!.id
	params.agencyId = (await listAgencies(db, system, communeId))[0]!.id
	params.villageId = (await listVillages(db, system, communeId))[0]!.id
	params.userId = (await listAccounts(db, system, communeId)).find((a) => a.username === 'kinhte')!.id
	// A feedback item with a scanned letter, recorded by the system: only overview roles see it.
	const { item } = await recordIntake(db, system, communeId, { channel: 'mailbox', kind: 'gop_y', title: 'Thư góp ý', content: 'Nội dung thư' }, [
		{ fileName: 'thu.pdf', mime: 'application/pdf', size: 9, bytes: new TextEncoder().encode('%PDF-1.4\n') },
	])
	params.itemId = item.id
	params.fileId = (await getItemForStaff(db, system, communeId, item.id)).files[0]!.id
	// A publication record with a document, and an obligation of the catalogue.
	const obligation = (await listObligations(db, communeId))[0]!
	params.obligationId = obligation.id
	const record = await createRecord(db, system, communeId, { title: 'Bản công khai thử', obligationIds: [obligation.id] })
	await addRecordFiles(db, system, communeId, record.id, [{ fileName: 'qd.pdf', mime: 'application/pdf', ext: 'pdf', size: 9, bytes: new TextEncoder().encode('%PDF-1.4\n'), isImage: false }])
	params.recordId = record.id
	params.disclosureFileId = (await getRecordForStaff(db, system, communeId, record.id)).files[0]!.id
	const all = [...(await listAccounts(db, system, communeId)), ...(await listAccounts(db, system, null))]
	for (const u of DEMO_USERS) {
		cookies[u.username] = await app.cookieFor(u.username)
		const account = all.find((a) => a.username === u.username)!
		actors[u.username] = { kind: 'staff', userId: account.id, role: account.role, communeId: account.communeId, agencyId: null, villageId: null, name: '', ip: '' }
	}
})
afterAll(async () => {
	await app?.close()
})

const walked = staffRoutes(routes)

describe('staff route walk', () => {
	test('finds the staff routes, each declaring its capability', async () => {
		expect(walked.length).toBeGreaterThanOrEqual(12)
		for (const r of walked) {
			const mod = (await import(path.resolve('app', r.file))) as { handle?: StaffHandle }
			expect(mod.handle?.capability, `${r.path} declares handle.capability`).toBeTruthy()
		}
	})

	test.each(walked)('GET and POST $path answer every role as its capability says', async (route) => {
		const mod = (await import(path.resolve('app', route.file))) as { handle: StaffHandle; action?: unknown; default?: unknown }
		const capability: Capability = mod.handle.capability
		// The disclosure module's files belong to its records, not to feedback items.
		const param = (name: string) => (name === 'fileId' && route.path.includes('/cong-khai/') ? params.disclosureFileId! : params[name]!)
		const url = app.url + route.path.replace(/:(\w+)/g, (_m, name: string) => param(name))

		// No session: to the sign-in page, remembering where to come back.
		const anonymous = await fetch(url, { redirect: 'manual' })
		expect(anonymous.status, `anonymous GET ${route.path}`).toBe(302)
		expect(anonymous.headers.get('location')).toMatch(/^\/dang-nhap\?next=/)

		let seenByAnyone = false
		for (const u of DEMO_USERS) {
			const allowed = can(actors[u.username]!, capability, communeId)
			const res = await fetch(url, { headers: { cookie: cookies[u.username]! }, redirect: 'manual' })
			// Pages answer 200; resource routes redirect (sign-out) or send a file (200).
			const expected = allowed ? (mod.default ? 200 : res.status === 200 ? 200 : 302) : 403
			if (allowed && mod.handle.recordScoped && res.status === 404) {
				// A record this person may not see: "not found", never a hint that it exists.
				await res.body?.cancel()
				continue
			}
			if (allowed) seenByAnyone = true
			expect(res.status, `${u.username} (${u.role}) GET ${route.path}`).toBe(expected)
			// Pages explain the refusal in words; a file download just refuses.
			if (res.status === 403 && mod.default) expect(await res.text()).toContain('Bạn không có quyền')
			else await res.body?.cancel()

			if (mod.action) {
				// Signing out ends the session it is sent with: give it a session of its own.
				const signingOut = route.path.endsWith('dang-xuat')
				const session = signingOut ? await app.cookieFor(u.username) : cookies[u.username]!
				const csrf = await csrfFor(app.url, session)
				const post = await fetch(url, {
					method: 'POST',
					headers: { cookie: `${session}; ${csrf.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({ _csrf: csrf.token, intent: 'probe-of-the-route-walk' }),
					redirect: 'manual',
				})
				await post.body?.cancel()
				if (signingOut) {
					expect(post.headers.get('location'), `${u.username} signs out`).toMatch(/^\/dang-nhap/)
					continue
				}
				const mayPost = can(actors[u.username]!, mod.handle.actionCapability ?? capability, communeId)
				if (!mayPost) expect(post.status, `${u.username} POST ${route.path}`).toBe(403)
				else expect([200, 302, 400, 404], `${u.username} POST ${route.path}`).toContain(post.status)
			}
		}
		expect(seenByAnyone, `someone allowed sees ${route.path}`).toBe(true)
	})

	test('explicit expectations for a few cells of the table', async () => {
		const get = async (user: string, p: string) => (await fetch(app.url + p, { headers: { cookie: cookies[user]! }, redirect: 'manual' })).status
		expect(await get('kinhte', '/quan-tri/nguoi-dung')).toBe(403)
		expect(await get('quantri', '/quan-tri/nguoi-dung')).toBe(200)
		expect(await get('quantri', '/quan-tri/cac-xa')).toBe(403)
		expect(await get('thanhpho', '/quan-tri/cac-xa')).toBe(200)
		expect(await get('thanhpho', '/quan-tri/nguoi-dung')).toBe(403)
		expect(await get('chutich', '/quan-tri/nhat-ky')).toBe(200)
		expect(await get('truongthon', '/quan-tri/nhat-ky')).toBe(403)
		expect(await get('admin', '/quan-tri/nhat-ky')).toBe(200)
	})
})
