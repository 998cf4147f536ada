import { servicesContext } from '#app/core/http/context.ts'
import { getRequestState } from '#app/modules/platform/http/request-state.server.ts'
import { latestPublicRecords } from '../public.server.ts'
import { publicRecordPath } from '../labels.ts'
import type { Route } from './+types/public-data.ts'

// Open data: the 500 newest publications (drafts never) as JSON, for the commune website to
// embed and for anyone to reuse. Keys in snake_case, as the feedback module's open data.

export async function loader({ request, context }: Route.LoaderArgs) {
	const { commune } = getRequestState(context)
	if (!commune) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
	const origin = new URL(request.url).origin
	const records = await latestPublicRecords(context.get(servicesContext).db, commune.id, 500)
	const items = records.map((r) => ({
		code: r.code,
		title: r.title,
		field: r.field,
		status: r.status,
		decision_ref: r.decisionRef,
		decision_date: r.decisionDate,
		period: r.period,
		published_at: r.publishedAt.toISOString(),
		ended_at: r.endedAt?.toISOString() ?? null,
		withdrawn_at: r.withdrawnAt?.toISOString() ?? null,
		withdraw_reason: r.withdrawReason,
		obligations: r.obligations,
		url: `${origin}${publicRecordPath(r.code)}`,
	}))
	return new Response(JSON.stringify({ commune: commune.name, generated_at: new Date().toISOString(), count: items.length, items }), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `inline; filename="cong-khai-${commune.slug}.json"`,
			'Access-Control-Allow-Origin': '*',
			'Cache-Control': 'public, max-age=300',
		},
	})
}
