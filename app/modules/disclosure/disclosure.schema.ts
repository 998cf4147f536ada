import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { agencies, bytea, communes, timestamps, users, villages } from '../platform/platform.schema.ts'
import { DISCLOSURE_FORMS, DURATION_KINDS, LAWS, RECORD_STATUSES, RECURRENCES } from './disclosure.constants.ts'

// What the law says the commune must publish (công khai) and the proof that it did: the
// catalogue of obligations, each actual publication with its forms, dates and proof, the
// history of changes after publication, and the fixed public facts of the commune (hotline,
// feedback boxes, commitment, leaders' phones, citizen reception).

export const disclosureForm = pgEnum('disclosure_form', DISCLOSURE_FORMS)
export const disclosureDuration = pgEnum('disclosure_duration', DURATION_KINDS)
export const disclosureRecurrence = pgEnum('disclosure_recurrence', RECURRENCES)
export const disclosureLaw = pgEnum('disclosure_law', LAWS)
export const disclosureStatus = pgEnum('disclosure_status', RECORD_STATUSES)

/** One thing the commune must publish (nội dung phải công khai), seeded from the laws, editable. */
export const disclosureObligations = pgTable(
	'disclosure_obligations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		/** The catalogue key it was seeded from (stable across communes), or `xa-…` for the commune's own. */
		key: text('key').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		field: text('field').notNull(),
		law: disclosureLaw('law').notNull(),
		article: integer('article').notNull().default(0),
		clause: text('clause').notNull().default(''),
		legalBasis: text('legal_basis').notNull(),
		/** The agency responsible (cơ quan chủ trì); reminders go to its staff. */
		agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'set null' }),
		requiredForms: disclosureForm('required_forms').array().notNull(),
		durationKind: disclosureDuration('duration_kind').notNull(),
		minimumDays: integer('minimum_days'),
		radioDays: integer('radio_days'),
		recurrence: disclosureRecurrence('recurrence').notNull(),
		deadlineWorkingDays: integer('deadline_working_days').notNull().default(5),
		periodGraceDays: integer('period_grace_days'),
		reviewMonths: integer('review_months'),
		/** `confirmed` read in the law, `default` a documented choice of the catalogue, `commune` set by the commune. */
		certainty: text('certainty').$type<'confirmed' | 'default' | 'commune'>().notNull().default('default'),
		note: text('note').notNull().default(''),
		active: boolean('active').notNull().default(true),
		sortOrder: integer('sort_order').notNull().default(0),
		...timestamps,
	},
	(t) => [uniqueIndex('disclosure_obligations_commune_key').on(t.communeId, t.key), index('disclosure_obligations_agency_idx').on(t.agencyId)],
)

export const disclosureCounters = pgTable(
	'disclosure_counters',
	{
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		year: integer('year').notNull(),
		lastSeq: integer('last_seq').notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.communeId, t.year] })],
)

/** One actual publication (bản công khai): a decision, a report, a list … and where it was posted. */
export const disclosureRecords = pgTable(
	'disclosure_records',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		/** Short public reference, e.g. `CK-26-0012`, used in links and on the notice-board sheet. */
		code: text('code').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		/** The field of its first obligation, kept for filtering. */
		field: text('field').notNull(),
		/** Number and sign of the decision or document published (số, ký hiệu), if any. */
		decisionRef: text('decision_ref').notNull().default(''),
		decisionDate: date('decision_date', { mode: 'string' }),
		/** The period a periodic publication covers: `2026-Q3`, `2026-H1`, `2026`. */
		period: text('period'),
		agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'set null' }),
		status: disclosureStatus('status').notNull().default('draft'),
		version: integer('version').notNull().default(1),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		endedAt: timestamp('ended_at', { withTimezone: true }),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		withdrawReason: text('withdraw_reason'),
		/** Last time staff confirmed the content is still current (for kept-current obligations). */
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		lastReminderOn: date('last_reminder_on', { mode: 'string' }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		/** Code, title and text folded for search (lower case, no diacritics), kept by the database. */
		search: text('search').generatedAlwaysAs(sql`f_unaccent(lower("code" || ' ' || "title" || ' ' || "decision_ref" || ' ' || "body"))`),
		...timestamps,
	},
	(t) => [
		uniqueIndex('disclosure_records_commune_code_key').on(t.communeId, t.code),
		index('disclosure_records_commune_status_idx').on(t.communeId, t.status, t.publishedAt),
		// The public list: everything but drafts, newest first.
		index('disclosure_records_public_idx')
			.on(t.communeId, t.publishedAt.desc().nullsFirst(), t.code.desc().nullsFirst())
			.where(sql`${t.status} <> 'draft'`),
		index('disclosure_records_search_idx').using('gin', sql`${t.search} gin_trgm_ops`),
	],
)

/** Which obligations a record fulfils (a record may fulfil several). */
export const disclosureRecordObligations = pgTable(
	'disclosure_record_obligations',
	{
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		recordId: uuid('record_id')
			.notNull()
			.references(() => disclosureRecords.id, { onDelete: 'cascade' }),
		obligationId: uuid('obligation_id')
			.notNull()
			.references(() => disclosureObligations.id, { onDelete: 'restrict' }),
	},
	(t) => [primaryKey({ columns: [t.recordId, t.obligationId] }), index('disclosure_record_obligations_obligation_idx').on(t.obligationId)],
)

/** A record in one form of publication: where, from when to when, and the proof. */
export const disclosurePostings = pgTable(
	'disclosure_postings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		recordId: uuid('record_id')
			.notNull()
			.references(() => disclosureRecords.id, { onDelete: 'cascade' }),
		form: disclosureForm('form').notNull(),
		/** Where: a village's cultural house, the office board, a page address … */
		place: text('place').notNull().default(''),
		villageId: uuid('village_id').references(() => villages.id, { onDelete: 'set null' }),
		startedOn: date('started_on', { mode: 'string' }).notNull(),
		/** The day it was taken down or the last day on air; null while it is still up. */
		endedOn: date('ended_on', { mode: 'string' }),
		/** What proves it: the radio log entry, who posted it, the minutes of the meeting. */
		proofNote: text('proof_note').notNull().default(''),
		proofUrl: text('proof_url').notNull().default(''),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		...timestamps,
	},
	(t) => [index('disclosure_postings_record_idx').on(t.recordId), index('disclosure_postings_commune_idx').on(t.communeId, t.startedOn)],
)

/** The published documents of a record, and the proof photos of its postings. */
export const disclosureAttachments = pgTable(
	'disclosure_attachments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		recordId: uuid('record_id')
			.notNull()
			.references(() => disclosureRecords.id, { onDelete: 'cascade' }),
		/** Set for proof of a posting (internal); null for the record's public documents. */
		postingId: uuid('posting_id').references(() => disclosurePostings.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		bytes: bytea('bytes').notNull(),
		/** Removed files stay for the history of a published record, hidden from its page. */
		removedAt: timestamp('removed_at', { withTimezone: true }),
		...timestamps,
	},
	(t) => [index('disclosure_attachments_record_idx').on(t.recordId)],
)

/** Earlier versions of a published record: changes after publication keep the history. */
export const disclosureRecordVersions = pgTable(
	'disclosure_record_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		recordId: uuid('record_id')
			.notNull()
			.references(() => disclosureRecords.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		decisionRef: text('decision_ref').notNull(),
		decisionDate: date('decision_date', { mode: 'string' }),
		/** Why it changed (given by the person who changed it). */
		reason: text('reason').notNull(),
		/** When the version below replaced this one. */
		replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
		replacedBy: uuid('replaced_by').references(() => users.id, { onDelete: 'set null' }),
	},
	(t) => [uniqueIndex('disclosure_record_versions_key').on(t.recordId, t.version)],
)

/**
 * The fixed public facts of a commune shown on the portal (one row per commune). The hotline,
 * address and e-mail for feedback are the commune's own (communes table, commune settings).
 */
export const disclosureFacts = pgTable('disclosure_facts', {
	communeId: uuid('commune_id')
		.primaryKey()
		.references(() => communes.id, { onDelete: 'restrict' }),
	/** Where the feedback boxes are (hòm thư góp ý), one place per line. */
	mailboxPlaces: text('mailbox_places').notNull().default(''),
	/** The commitment not to harass or cause trouble (cam kết không gây phiền hà, sách nhiễu). */
	commitment: text('commitment').notNull().default(''),
	/** The leader's regular citizen-reception schedule (lịch tiếp công dân), e.g. every Thursday morning. */
	receptionSchedule: text('reception_schedule').notNull().default(''),
	receptionPlace: text('reception_place').notNull().default(''),
	updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
	...timestamps,
})

/** Published phone numbers of leaders and officials (công khai số điện thoại). */
export const disclosureContacts = pgTable(
	'disclosure_contacts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		fullName: text('full_name').notNull(),
		position: text('position').notNull(),
		phone: text('phone').notNull(),
		/** What to call them about, e.g. "đất đai, xây dựng". */
		duties: text('duties').notNull().default(''),
		sortOrder: integer('sort_order').notNull().default(0),
		...timestamps,
	},
	(t) => [index('disclosure_contacts_commune_idx').on(t.communeId, t.sortOrder)],
)

export const receptionKind = pgEnum('reception_kind', [
	'reception', // tiếp công dân định kỳ hoặc đột xuất
	'dialogue', // hội nghị đối thoại giữa UBND và Nhân dân (Luật THDCCS Điều 32)
])

/** A held citizen-reception session or dialogue conference, with what was raised. */
export const disclosureReceptions = pgTable(
	'disclosure_receptions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		kind: receptionKind('kind').notNull(),
		heldOn: date('held_on', { mode: 'string' }).notNull(),
		/** Who received citizens or chaired, e.g. "Chủ tịch UBND xã Nguyễn Văn A". */
		host: text('host').notNull(),
		place: text('place').notNull().default(''),
		attendance: integer('attendance'),
		/** What citizens raised (no names: this is published). */
		raised: text('raised').notNull().default(''),
		/** What the commune answered or decided. */
		outcome: text('outcome').notNull().default(''),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		...timestamps,
	},
	(t) => [index('disclosure_receptions_commune_idx').on(t.communeId, t.heldOn)],
)

/** Reminders already sent, so that each goes once (survives restarts and several processes). */
export const disclosureReminders = pgTable(
	'disclosure_reminders',
	{
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		/** What it was about: `obligation:<id>:<period>` or `record:<id>:<kind>`. */
		subject: text('subject').notNull(),
		sentOn: date('sent_on', { mode: 'string' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.communeId, t.subject] })],
)
