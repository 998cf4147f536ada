import { and, desc, eq, gte, isNull, lt } from 'drizzle-orm'
import type { DbOrTx } from '#app/core/db/client.server.ts'
import { AppError } from '#app/core/errors.ts'
import { auditLog, users } from './platform.schema.ts'
import { assertCan, isDeploymentAdmin, type Actor } from './permissions.ts'

export type AuditEvent = {
	communeId: string | null
	action: string
	entityType: string
	entityId: string
	before?: Record<string, unknown> | null
	after?: Record<string, unknown> | null
}

/** Writes one audit row. Call it inside the use case's transaction, with the same handle. */
export async function writeAudit(tx: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
	await tx.insert(auditLog).values({
		communeId: event.communeId,
		actorUserId: actor.kind === 'staff' ? actor.userId : null,
		actorLabel: actor.kind === 'staff' ? actor.name : actor.label,
		action: event.action,
		entityType: event.entityType,
		entityId: event.entityId,
		before: event.before ?? null,
		after: event.after ?? null,
		ip: actor.ip,
	})
}

export type AuditFilter = {
	communeId: string | null
	entityType?: string
	entityId?: string
	actorUserId?: string
	/** Inclusive start and exclusive end, as instants. */
	from?: Date
	to?: Date
	limit?: number
	offset?: number
}

export type AuditRow = typeof auditLog.$inferSelect

/**
 * Browses the audit log of one commune (or the deployment-level rows when communeId is null,
 * for system admins only), newest first.
 */
export async function listAuditLog(db: DbOrTx, actor: Actor, filter: AuditFilter): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
	if (filter.communeId === null) {
		if (!isDeploymentAdmin(actor)) throw new AppError('forbidden', 'error.forbidden')
	} else {
		assertCan(actor, 'audit.read', filter.communeId)
	}
	const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200)
	const where = and(
		filter.communeId === null ? isNull(auditLog.communeId) : eq(auditLog.communeId, filter.communeId),
		filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
		filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
		filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
		filter.from ? gte(auditLog.at, filter.from) : undefined,
		filter.to ? lt(auditLog.at, filter.to) : undefined,
	)
	const rows = await db
		.select()
		.from(auditLog)
		.where(where)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(limit + 1)
		.offset(Math.max(filter.offset ?? 0, 0))
	return { rows: rows.slice(0, limit), hasMore: rows.length > limit }
}

/** People who appear in a commune's audit log, for the "person" filter. */
export async function listAuditActors(db: DbOrTx, actor: Actor, communeId: string) {
	assertCan(actor, 'audit.read', communeId)
	return db
		.selectDistinct({ id: users.id, fullName: users.fullName })
		.from(auditLog)
		.innerJoin(users, eq(users.id, auditLog.actorUserId))
		.where(eq(auditLog.communeId, communeId))
		.orderBy(users.fullName)
}
