import { toCsv } from '#app/core/csv.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { exportPublished } from '../public.server.ts'
import { publicFilterFrom } from '../public-filter.ts'
import type { Route } from './+types/public-data.ts'

// Open data: the published items (masked text only) as CSV or JSON, with the list's filters.

const COLUMNS = ['code', 'kind', 'field', 'village', 'received_on', 'answered_on', 'due_on', 'working_days_taken', 'on_time', 'satisfied', 'title', 'content', 'answer'] as const

export async function loader({ request, context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const url = new URL(request.url)
	const items = await exportPublished(context.get(servicesContext).db, commune.id, { ...publicFilterFrom(url), page: undefined })
	const rows = items.map((i) => ({
		code: i.code,
		kind: i.kind,
		field: i.field,
		village: i.village,
		received_on: i.receivedOn,
		answered_on: i.answeredOn,
		due_on: i.dueOn,
		working_days_taken: i.workingDaysTaken,
		on_time: i.onTime,
		satisfied: i.satisfied,
		title: i.title,
		content: i.content,
		answer: i.answer,
	}))
	const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' }
	const name = `phan-anh-kien-nghi-${commune.slug}`
	if (url.pathname.endsWith('.csv')) {
		const body = toCsv(COLUMNS, rows.map((r) => COLUMNS.map((c) => r[c])))
		return new Response(body, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` } })
	}
	return new Response(JSON.stringify({ commune: commune.name, generated_at: new Date().toISOString(), count: rows.length, items: rows }), {
		headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `inline; filename="${name}.json"` },
	})
}
