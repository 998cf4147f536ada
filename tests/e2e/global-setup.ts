import { mkdirSync } from 'node:fs'
import { request, type FullConfig } from '@playwright/test'
import { authFile, DEMO_PASSWORD, STORED_USERS } from './helpers.ts'

// Signs the demo users the tests borrow in once per project (each project has its own address),
// through the real sign-in form, and keeps their cookies for `test.use({ user })`.
export default async function globalSetup(config: FullConfig) {
	mkdirSync('.cache/e2e-auth', { recursive: true })
	for (const project of config.projects) {
		const baseURL = project.use.baseURL
		if (!baseURL) throw new Error(`project ${project.name} has no baseURL`)
		for (const username of STORED_USERS) {
			const context = await request.newContext({ baseURL })
			const form = await context.get('/dang-nhap')
			const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
			if (!form.ok() || !csrf) throw new Error(`sign-in page of ${baseURL} did not load (${form.status()})`)
			const answer = await context.post('/dang-nhap', {
				form: { _csrf: csrf, next: '/quan-tri', username, password: DEMO_PASSWORD },
				maxRedirects: 0,
			})
			if (answer.status() !== 302 || answer.headers().location !== '/quan-tri') {
				throw new Error(`signing ${username} in at ${baseURL} failed: ${answer.status()} ${answer.headers().location ?? ''}`)
			}
			await context.storageState({ path: authFile(project.name, username) })
			await context.dispose()
		}
	}
}
