import { sql } from 'drizzle-orm'
import {
	customType,
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'

// The platform's own tables: communes (xã, phường, đặc khu) with their agencies and villages,
// staff accounts and sessions, the append-only audit log, and calendar adjustments.
// Every table of every module that holds commune data has a commune_id column.

/** Created and updated instants, shared by every module's tables. */
/** Binary data (files kept in the database, so that one backup holds everything). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value),
})

export const timestamps = {
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}

/** Kind of commune-level unit (đơn vị hành chính cấp xã). */
export const communeKind = pgEnum('commune_kind', ['xa', 'phuong', 'dac_khu'])

export const communes = pgTable(
	'communes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		kind: communeKind('kind').notNull().default('xa'),
		cityName: text('city_name').notNull().default(''),
		/** Host names (lower case, no port) that serve this commune's portal. */
		hostnames: text('hostnames').array().notNull().default(sql`'{}'::text[]`),
		hotline: text('hotline').notNull().default(''),
		address: text('address').notNull().default(''),
		email: text('email').notNull().default(''),
		isDemo: boolean('is_demo').notNull().default(false),
		...timestamps,
	},
	(t) => [
		uniqueIndex('communes_slug_key').on(t.slug),
		index('communes_hostnames_idx').using('gin', t.hostnames),
		index('communes_name_search_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
	],
)

/** What an agency is in the commune's organisation (cơ quan, đơn vị). */
export const agencyKind = pgEnum('agency_kind', [
	'people_council_office', // Văn phòng HĐND-UBND
	'economy', // Phòng Kinh tế
	'culture_social', // Phòng Văn hóa - Xã hội
	'one_stop_centre', // Trung tâm Phục vụ hành chính công
	'public_service_centre', // Trung tâm Dịch vụ sự nghiệp công
	'fatherland_front', // Ủy ban MTTQ Việt Nam
	'mass_organisation', // đoàn thể: Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh …
	'party_building', // Ban Xây dựng Đảng
	'other',
])

export const agencies = pgTable(
	'agencies',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		code: text('code').notNull(),
		name: text('name').notNull(),
		kind: agencyKind('kind').notNull().default('other'),
		sortOrder: integer('sort_order').notNull().default(0),
		active: boolean('active').notNull().default(true),
		...timestamps,
	},
	(t) => [uniqueIndex('agencies_commune_code_key').on(t.communeId, t.code), index('agencies_commune_idx').on(t.communeId)],
)

/** Villages and residential groups (thôn, tổ dân phố). */
export const villages = pgTable(
	'villages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		isDemo: boolean('is_demo').notNull().default(false),
		active: boolean('active').notNull().default(true),
		...timestamps,
	},
	(t) => [
		uniqueIndex('villages_commune_name_key').on(t.communeId, t.name),
		index('villages_name_search_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
	],
)

export const staffRole = pgEnum('staff_role', [
	'system_admin', // quản trị hệ thống (whole deployment)
	'city_viewer', // thành phố: xem tất cả các xã
	'commune_admin', // quản trị của xã
	'commune_leader', // Chủ tịch, Phó Chủ tịch UBND xã
	'programme_lead', // Phòng Văn hóa - Xã hội, đầu mối chương trình
	'agency_officer', // cán bộ, công chức của một cơ quan
	'one_stop_officer', // công chức Trung tâm Phục vụ hành chính công
	'collector', // MTTQ, đoàn thể, trưởng thôn: thu thập ý kiến
	'reviewer', // thành viên chấm điểm (VH-XH, MTTQ, Ban XD Đảng)
])

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Null only for deployment-wide roles (system admin, city viewer). */
		communeId: uuid('commune_id').references(() => communes.id, { onDelete: 'restrict' }),
		agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'set null' }),
		villageId: uuid('village_id').references(() => villages.id, { onDelete: 'set null' }),
		username: text('username').notNull(),
		fullName: text('full_name').notNull(),
		email: text('email').notNull().default(''),
		phone: text('phone').notNull().default(''),
		role: staffRole('role').notNull(),
		passwordHash: text('password_hash').notNull(),
		mustChangePassword: boolean('must_change_password').notNull().default(false),
		failedAttempts: integer('failed_attempts').notNull().default(0),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		disabledAt: timestamp('disabled_at', { withTimezone: true }),
		passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
		lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
		isDemo: boolean('is_demo').notNull().default(false),
		...timestamps,
	},
	(t) => [
		uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
		index('users_commune_idx').on(t.communeId),
		index('users_name_search_idx').using('gin', sql`f_unaccent(lower(${t.fullName})) gin_trgm_ops`),
	],
)

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		ip: text('ip').notNull().default(''),
		userAgent: text('user_agent').notNull().default(''),
	},
	(t) => [index('sessions_user_idx').on(t.userId)],
)

/**
 * Append-only record of every change made through a use case. A trigger in the database refuses
 * UPDATE, DELETE and TRUNCATE (see the audit_log_append_only migration).
 */
export const auditLog = pgTable(
	'audit_log',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Null for deployment-level changes (a new commune, a system admin account). */
		communeId: uuid('commune_id').references(() => communes.id, { onDelete: 'restrict' }),
		actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'restrict' }),
		/** Who acted, as shown then: a person's name, or "cli", "system", "demo seed". */
		actorLabel: text('actor_label').notNull(),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull(),
		before: jsonb('before').$type<Record<string, unknown> | null>(),
		after: jsonb('after').$type<Record<string, unknown> | null>(),
		ip: text('ip').notNull().default(''),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index('audit_log_commune_at_idx').on(t.communeId, t.at),
		index('audit_log_entity_idx').on(t.entityType, t.entityId),
		index('audit_log_actor_idx').on(t.actorUserId, t.at),
	],
)

export const calendarDayKind = pgEnum('calendar_day_kind', ['day_off', 'working_day'])

/** Days a commune adds to the national calendar: extra days off and make-up working days. */
export const calendarDays = pgTable(
	'calendar_days',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		day: date('day', { mode: 'string' }).notNull(),
		kind: calendarDayKind('kind').notNull(),
		name: text('name').notNull(),
		...timestamps,
	},
	(t) => [uniqueIndex('calendar_days_commune_day_key').on(t.communeId, t.day)],
)
