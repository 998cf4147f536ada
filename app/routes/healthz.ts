import { sql } from 'drizzle-orm'
import { servicesContext } from '#app/core/http/context.ts'
import type { Route } from './+types/healthz.ts'

// Liveness and readiness in one: 200 when the database answers, 503 when it does not.
export async function loader({ context }: Route.LoaderArgs) {
	const { db, database } = context.get(servicesContext)
	const started = performance.now()
	try {
		await db.execute(sql`select 1`)
		return Response.json(
			{ status: 'ok', database: database.engine, dbMs: Math.round(performance.now() - started) },
			{ headers: { 'Cache-Control': 'no-store' } },
		)
	} catch {
		return Response.json({ status: 'error', database: database.engine }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
	}
}
