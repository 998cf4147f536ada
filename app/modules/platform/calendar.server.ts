import { and, asc, eq } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { AppError } from '#app/core/errors.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from './audit.server.ts'
import { withNationalAdjustments } from './calendar/national-adjustments.ts'
import { addWorkingDays, toIsoDate, type CalendarAdjustment, type IsoDate } from './calendar/working-days.ts'
import { assertCan, type Actor } from './permissions.ts'
import { ZCalendarDay, type CalendarDayInput } from './platform.inputs.ts'
import { calendarDays } from './platform.schema.ts'

// A commune's working-day calendar: the national one (weekends, public holidays, the
// government's swaps) plus the commune's own days off and make-up working days.

export type CalendarDay = typeof calendarDays.$inferSelect

/** The adjustments in force for a commune: national first, the commune's own win on the same day. */
export async function communeAdjustments(db: DbOrTx, communeId: string): Promise<CalendarAdjustment[]> {
	const own = await db
		.select({ date: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
		.from(calendarDays)
		.where(eq(calendarDays.communeId, communeId))
	return withNationalAdjustments(own)
}

/**
 * The deadline N working days after a date, for a commune ("trong N ngày làm việc"):
 * day 1 is the first working day after the date. An instant is taken in Asia/Ho_Chi_Minh.
 */
export async function workingDayDeadline(db: DbOrTx, communeId: string, from: Date | IsoDate, workingDays: number): Promise<IsoDate> {
	const start = typeof from === 'string' ? from : toIsoDate(from)
	return addWorkingDays(start, workingDays, await communeAdjustments(db, communeId))
}

export async function listCalendarDays(db: DbOrTx, actor: Actor, communeId: string): Promise<CalendarDay[]> {
	assertCan(actor, 'backoffice.access', communeId)
	return db.select().from(calendarDays).where(eq(calendarDays.communeId, communeId)).orderBy(asc(calendarDays.day))
}

export async function addCalendarDay(db: Db, actor: Actor, communeId: string, input: CalendarDayInput | unknown): Promise<CalendarDay> {
	assertCan(actor, 'calendar.manage', communeId)
	const data = parseInput(ZCalendarDay, input)
	return db.transaction(async (tx) => {
		const [clash] = await tx
			.select({ id: calendarDays.id })
			.from(calendarDays)
			.where(and(eq(calendarDays.communeId, communeId), eq(calendarDays.day, data.day)))
			.limit(1)
		if (clash) throw new AppError('conflict', 'calendar.dayTaken')
		const [row] = await tx.insert(calendarDays).values({ ...data, communeId }).returning()
		await writeAudit(tx, actor, { communeId, action: 'calendar_day.create', entityType: 'calendar_day', entityId: row!.id, after: data })
		return row!
	})
}

export async function removeCalendarDay(db: Db, actor: Actor, communeId: string, calendarDayId: string): Promise<void> {
	assertCan(actor, 'calendar.manage', communeId)
	if (!isUuid(calendarDayId)) throw new AppError('not_found', 'error.notFound')
	await db.transaction(async (tx) => {
		const [removed] = await tx
			.delete(calendarDays)
			.where(and(eq(calendarDays.id, calendarDayId), eq(calendarDays.communeId, communeId)))
			.returning()
		if (!removed) throw new AppError('not_found', 'error.notFound')
		await writeAudit(tx, actor, {
			communeId,
			action: 'calendar_day.delete',
			entityType: 'calendar_day',
			entityId: removed.id,
			before: { day: removed.day, kind: removed.kind, name: removed.name },
		})
	})
}
