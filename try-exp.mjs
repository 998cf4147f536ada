import { chromium } from 'playwright-core'
import axe from 'axe-core'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] })
for (const js of [true, false]) {
	const ctx = await browser.newContext({ javaScriptEnabled: js, baseURL: 'http://[::1]:3299' })
	const page = await ctx.newPage()
	const resp = await page.goto('/')
	console.log('status', resp.status())
	await page.evaluate(axe.source)
	const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa'] } }))
	console.log(js, r.violations.map(v => [v.id, v.nodes.map(n => n.target)]))
	await ctx.close()
}
await browser.close()
