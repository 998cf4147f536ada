import { createHash, randomBytes } from 'node:crypto'
import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { AppError } from '#app/core/errors.ts'
import { containsFolded } from '#app/core/db/search.ts'
import { normalizeText } from '#app/core/text.ts'
import { isUuid, parseInput } from '#app/core/validation.ts'
import { writeAudit } from './audit.server.ts'
import { getAgency, getVillage } from './org.server.ts'
import { generatePassword, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.server.ts'
import { assertCan, assignableRoles, can, DEPLOYMENT_ROLES, isDeploymentAdmin, type Actor, type Role } from './permissions.ts'
import { ZCreateUser, ZNewPassword, type CreateUserInput } from './platform.inputs.ts'
import { sessions, users } from './platform.schema.ts'

// Staff accounts, sign-in with lockout, and server-side sessions.

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15
/** How often a session's last_seen_at is refreshed (not on every request). */
const TOUCH_EVERY_MS = 5 * 60_000

export type User = typeof users.$inferSelect
/** An account as staff screens show it: never the password hash. */
export type Account = Omit<User, 'passwordHash'>

const accountColumns = {
	id: users.id,
	communeId: users.communeId,
	agencyId: users.agencyId,
	villageId: users.villageId,
	username: users.username,
	fullName: users.fullName,
	email: users.email,
	phone: users.phone,
	role: users.role,
	mustChangePassword: users.mustChangePassword,
	failedAttempts: users.failedAttempts,
	lockedUntil: users.lockedUntil,
	disabledAt: users.disabledAt,
	passwordChangedAt: users.passwordChangedAt,
	lastSignInAt: users.lastSignInAt,
	isDemo: users.isDemo,
	createdAt: users.createdAt,
	updatedAt: users.updatedAt,
}

function accountSnapshot(a: Pick<Account, 'username' | 'fullName' | 'email' | 'phone' | 'role' | 'communeId' | 'agencyId' | 'villageId' | 'disabledAt'>) {
	return {
		username: a.username,
		fullName: a.fullName,
		email: a.email,
		phone: a.phone,
		role: a.role,
		communeId: a.communeId,
		agencyId: a.agencyId,
		villageId: a.villageId,
		disabled: a.disabledAt !== null,
	}
}

export function hashSessionToken(token: string): string {
	return createHash('sha256').update(token).digest('hex')
}

export function actorFromUser(user: Pick<User, 'id' | 'role' | 'communeId' | 'agencyId' | 'villageId' | 'fullName'>, ip: string): Actor {
	return {
		kind: 'staff',
		userId: user.id,
		role: user.role,
		communeId: user.communeId,
		agencyId: user.agencyId,
		villageId: user.villageId,
		name: user.fullName,
		ip,
	}
}

// ---- Accounts ----

export async function createUser(db: Db, actor: Actor, input: CreateUserInput | unknown): Promise<Account> {
	const data = parseInput(ZCreateUser, input)
	const isDeploymentRole = DEPLOYMENT_ROLES.includes(data.role)
	const communeId = isDeploymentRole ? null : data.communeId
	if (!isDeploymentRole && !communeId) throw new AppError('invalid', 'user.communeRequired')
	assertCan(actor, 'users.manage', communeId)
	if (!assignableRoles(actor).includes(data.role)) throw new AppError('forbidden', 'error.forbidden')
	const passwordHash = await hashPassword(data.password)
	return db.transaction(async (tx) => {
		if (communeId && data.agencyId) await getAgency(tx, actor, communeId, data.agencyId)
		if (communeId && data.villageId) await getVillage(tx, actor, communeId, data.villageId)
		const [clash] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${data.username}`).limit(1)
		if (clash) throw new AppError('conflict', 'user.usernameTaken', { username: data.username })
		const [created] = await tx
			.insert(users)
			.values({
				communeId,
				agencyId: communeId ? data.agencyId : null,
				villageId: communeId ? data.villageId : null,
				username: data.username,
				fullName: data.fullName,
				email: data.email,
				phone: data.phone,
				role: data.role,
				passwordHash,
				mustChangePassword: data.mustChangePassword,
				isDemo: data.isDemo,
			})
			.returning(accountColumns)
		await writeAudit(tx, actor, { communeId, action: 'user.create', entityType: 'user', entityId: created!.id, after: accountSnapshot(created!) })
		return created!
	})
}

/** Staff accounts of a commune (or the deployment-wide accounts when communeId is null). */
export async function listAccounts(db: DbOrTx, actor: Actor, communeId: string | null, query = ''): Promise<Account[]> {
	if (communeId === null) {
		if (!isDeploymentAdmin(actor)) throw new AppError('forbidden', 'error.forbidden')
	} else {
		assertCan(actor, 'users.manage', communeId)
	}
	const q = normalizeText(query)
	return db
		.select(accountColumns)
		.from(users)
		.where(
			and(
				communeId === null ? isNull(users.communeId) : eq(users.communeId, communeId),
				q
					? or(containsFolded(users.fullName, q), containsFolded(users.username, q))
					: undefined,
			),
		)
		.orderBy(asc(users.fullName))
}

/** One account, if the actor may manage accounts where it lives. */
export async function getAccount(db: DbOrTx, actor: Actor, userId: string): Promise<Account> {
	if (!isUuid(userId)) throw new AppError('not_found', 'error.notFound')
	const [row] = await db.select(accountColumns).from(users).where(eq(users.id, userId)).limit(1)
	// The same answer for "no such account" and "not yours": ids of other communes reveal nothing.
	if (!row) throw new AppError('not_found', 'error.notFound')
	if (row.communeId === null) {
		if (!isDeploymentAdmin(actor)) throw new AppError('not_found', 'error.notFound')
	} else if (!can(actor, 'users.manage', row.communeId)) {
		throw new AppError('not_found', 'error.notFound')
	}
	return row
}

/** Sets a new temporary password (returned once), unlocks the account and ends its sessions. */
export async function resetPassword(db: Db, actor: Actor, userId: string, newPassword?: string): Promise<{ password: string }> {
	const target = await getAccount(db, actor, userId)
	if (target.role === 'system_admin' && !isDeploymentAdmin(actor)) throw new AppError('forbidden', 'error.forbidden')
	const password = newPassword === undefined ? generatePassword() : parseInput(z.object({ password: ZNewPassword }), { password: newPassword }).password
	const passwordHash = await hashPassword(password)
	await db.transaction(async (tx) => {
		const now = new Date()
		await tx
			.update(users)
			.set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, passwordChangedAt: now, updatedAt: now })
			.where(eq(users.id, userId))
		await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
		await writeAudit(tx, actor, {
			communeId: target.communeId,
			action: 'user.reset_password',
			entityType: 'user',
			entityId: userId,
			after: { mustChangePassword: true, sessionsRevoked: true },
		})
	})
	return { password }
}

export async function unlockAccount(db: Db, actor: Actor, userId: string): Promise<void> {
	const target = await getAccount(db, actor, userId)
	await db.transaction(async (tx) => {
		await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, updatedAt: new Date() }).where(eq(users.id, userId))
		await writeAudit(tx, actor, {
			communeId: target.communeId,
			action: 'user.unlock',
			entityType: 'user',
			entityId: userId,
			before: { lockedUntil: target.lockedUntil?.toISOString() ?? null, failedAttempts: target.failedAttempts },
			after: { lockedUntil: null, failedAttempts: 0 },
		})
	})
}

export async function setAccountDisabled(db: Db, actor: Actor, userId: string, disabled: boolean): Promise<void> {
	const target = await getAccount(db, actor, userId)
	if (actor.kind === 'staff' && actor.userId === userId) throw new AppError('invalid', 'user.cannotDisableSelf')
	await db.transaction(async (tx) => {
		const now = new Date()
		await tx.update(users).set({ disabledAt: disabled ? now : null, updatedAt: now }).where(eq(users.id, userId))
		if (disabled) await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
		await writeAudit(tx, actor, {
			communeId: target.communeId,
			action: disabled ? 'user.disable' : 'user.enable',
			entityType: 'user',
			entityId: userId,
			before: { disabled: target.disabledAt !== null },
			after: { disabled },
		})
	})
}

/** Ends every open session of an account (for a lost phone, a departure …). */
export async function revokeSessions(db: Db, actor: Actor, userId: string): Promise<number> {
	const target = await getAccount(db, actor, userId)
	return db.transaction(async (tx) => {
		const revoked = await tx
			.update(sessions)
			.set({ revokedAt: new Date() })
			.where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
			.returning({ id: sessions.id })
		await writeAudit(tx, actor, {
			communeId: target.communeId,
			action: 'user.revoke_sessions',
			entityType: 'user',
			entityId: userId,
			after: { sessionsRevoked: revoked.length },
		})
		return revoked.length
	})
}

/** The signed-in person changes their own password; their other sessions end. */
export async function changeOwnPassword(
	db: Db,
	actor: Actor,
	input: { currentPassword: string; newPassword: string; currentSessionId: string },
): Promise<void> {
	if (actor.kind !== 'staff') throw new AppError('forbidden', 'error.forbidden')
	const [user] = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1)
	if (!user) throw new AppError('not_found', 'error.notFound')
	if (!(await verifyPassword(user.passwordHash, input.currentPassword ?? ''))) {
		throw new AppError('invalid', 'password.currentWrong')
	}
	const { newPassword } = parseInput(z.object({ newPassword: ZNewPassword }), { newPassword: input.newPassword })
	if (newPassword.toLowerCase().includes(user.username.toLowerCase())) throw new AppError('invalid', 'password.containsUsername')
	if (newPassword === input.currentPassword) throw new AppError('invalid', 'password.sameAsOld')
	const passwordHash = await hashPassword(newPassword)
	await db.transaction(async (tx) => {
		const now = new Date()
		await tx
			.update(users)
			.set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
			.where(eq(users.id, user.id))
		await tx
			.update(sessions)
			.set({ revokedAt: now })
			.where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), ne(sessions.id, input.currentSessionId)))
		await writeAudit(tx, actor, {
			communeId: user.communeId,
			action: 'user.change_password',
			entityType: 'user',
			entityId: user.id,
			after: { otherSessionsRevoked: true },
		})
	})
}

// ---- Sign-in and sessions ----

export type SignInResult = { token: string; sessionId: string; user: Account; expiresAt: Date }

/**
 * Checks a username and password. Five wrong passwords in a row lock the account for 15 minutes.
 * The answer never says whether the username exists.
 */
export async function signIn(
	db: Db,
	input: { username: string; password: string; ip: string; userAgent: string; sessionDays: number },
	now = new Date(),
): Promise<SignInResult> {
	const username = normalizeText(input.username ?? '').toLowerCase().slice(0, 100)
	const password = (input.password ?? '').slice(0, 200)
	if (!username || !password) throw new AppError('invalid', 'signIn.missing')
	const [user] = await db.select().from(users).where(sql`lower(${users.username}) = ${username}`).limit(1)
	if (!user) {
		await verifyAgainstDummy(password)
		throw new AppError('unauthenticated', 'signIn.invalid')
	}
	const actor = actorFromUser(user, input.ip)
	if (user.lockedUntil && user.lockedUntil > now) {
		const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000)
		throw new AppError('locked', 'signIn.locked', { minutes })
	}
	const valid = await verifyPassword(user.passwordHash, password)
	if (!valid || user.disabledAt) {
		if (!valid) {
			const attempts = user.failedAttempts + 1
			const lock = attempts >= MAX_FAILED_ATTEMPTS
			await db.transaction(async (tx) => {
				await tx
					.update(users)
					.set({ failedAttempts: lock ? 0 : attempts, lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : user.lockedUntil })
					.where(eq(users.id, user.id))
				await writeAudit(tx, actor, {
					communeId: user.communeId,
					action: lock ? 'auth.locked' : 'auth.sign_in_failed',
					entityType: 'user',
					entityId: user.id,
					after: { failedAttempts: attempts },
				})
			})
			if (lock) throw new AppError('locked', 'signIn.locked', { minutes: LOCKOUT_MINUTES })
		}
		throw new AppError('unauthenticated', 'signIn.invalid')
	}
	const token = randomBytes(32).toString('base64url')
	const sessionId = hashSessionToken(token)
	const expiresAt = new Date(now.getTime() + input.sessionDays * 86_400_000)
	await db.transaction(async (tx) => {
		await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now }).where(eq(users.id, user.id))
		await tx.insert(sessions).values({
			id: sessionId,
			userId: user.id,
			createdAt: now,
			lastSeenAt: now,
			expiresAt,
			ip: input.ip.slice(0, 100),
			userAgent: input.userAgent.slice(0, 300),
		})
		await writeAudit(tx, actor, { communeId: user.communeId, action: 'auth.sign_in', entityType: 'user', entityId: user.id })
	})
	const { passwordHash: _omit, ...account } = user
	return { token, sessionId, user: account, expiresAt }
}

export type SessionUser = { sessionId: string; user: Account }

/** The account behind a session cookie, if the session is open and the account usable. */
export async function getSessionUser(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
	if (!token || token.length > 200) return null
	const sessionId = hashSessionToken(token)
	const [row] = await db
		.select({ session: { id: sessions.id, lastSeenAt: sessions.lastSeenAt }, user: accountColumns })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), isNull(users.disabledAt)))
		.limit(1)
	if (!row) return null
	if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
		await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId))
	}
	return { sessionId, user: row.user }
}

export async function signOut(db: Db, actor: Actor, sessionId: string): Promise<void> {
	if (actor.kind !== 'staff') return
	await db.transaction(async (tx) => {
		const ended = await tx
			.update(sessions)
			.set({ revokedAt: new Date() })
			.where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId), isNull(sessions.revokedAt)))
			.returning({ id: sessions.id })
		if (ended.length) {
			await writeAudit(tx, actor, { communeId: actor.communeId, action: 'auth.sign_out', entityType: 'user', entityId: actor.userId })
		}
	})
}

export type { Role }

/** The CLI's reset: by username, for the system actor (an operator at the server's console). */
export async function resetPasswordByUsername(db: Db, actor: Actor, username: string): Promise<{ password: string }> {
	const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${username.trim().toLowerCase()}`).limit(1)
	if (!row) throw new AppError('not_found', 'error.notFound')
	return resetPassword(db, actor, row.id)
}
