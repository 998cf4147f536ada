import { sql } from 'drizzle-orm'
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'
import { agencies, bytea, communes, timestamps, users, villages } from '../platform/platform.schema.ts'

// Citizens' feedback (phản ánh, kiến nghị, góp ý, hỏi đáp) and the complaints and denunciations
// (khiếu nại, tố cáo) that follow their own legal procedure, from every channel to a public answer.
// Personal data of the sender lives in feedback_contacts only, never in the item itself, so that
// lists, exports and public pages cannot leak it by accident.

export const feedbackKind = pgEnum('feedback_kind', [
	'phan_anh', // phản ánh
	'kien_nghi', // kiến nghị
	'gop_y', // góp ý
	'hoi_dap', // hỏi đáp
	'khieu_nai', // khiếu nại (Luật Khiếu nại 2011)
	'to_cao', // tố cáo (Luật Tố cáo 2018)
])

export const feedbackChannel = pgEnum('feedback_channel', [
	'web', // cổng thông tin của xã
	'mailbox', // hòm thư góp ý
	'hotline', // đường dây nóng
	'in_person', // trực tiếp tại trụ sở
	'email',
	'api', // ứng dụng khác (Open311)
	'collection', // thu thập qua MTTQ, đoàn thể, trưởng thôn
])

export const feedbackStatus = pgEnum('feedback_status', [
	'received', // đã tiếp nhận
	'assigned', // đã giao xử lý
	'in_progress', // đang xử lý
	'drafted', // đã dự thảo trả lời
	'approved', // lãnh đạo đã duyệt
	'published', // đã công khai trả lời
	'answered_private', // đã trả lời riêng
	'forwarded', // đã chuyển cơ quan có thẩm quyền
	'merged', // trùng, đã gộp
	'rejected', // từ chối (spam, lạm dụng)
])

export const feedbackConfidentiality = pgEnum('feedback_confidentiality', [
	'normal',
	'confidential', // mật: không bao giờ công khai
	'state_secret', // bí mật nhà nước
])

/** A field (lĩnh vực) feedback is about; each commune edits its own list. */
export const feedbackFields = pgTable(
	'feedback_fields',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		code: text('code').notNull(),
		name: text('name').notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		active: boolean('active').notNull().default(true),
		...timestamps,
	},
	(t) => [uniqueIndex('feedback_fields_commune_code_key').on(t.communeId, t.code)],
)

/** A commune's feedback settings: the code prefix of its reference numbers. */
export const feedbackSettings = pgTable('feedback_settings', {
	communeId: uuid('commune_id')
		.primaryKey()
		.references(() => communes.id, { onDelete: 'restrict' }),
	/** Letters before the year in reference codes, e.g. NLB in NLB-26-00123. */
	codePrefix: text('code_prefix').notNull(),
	...timestamps,
})

/** The last sequence number given per commune and year (reference codes). */
export const feedbackCounters = pgTable(
	'feedback_counters',
	{
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		year: integer('year').notNull(),
		lastSeq: integer('last_seq').notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.communeId, t.year] })],
)

export const deadlineUnit = pgEnum('deadline_unit', ['working_days', 'days'])

/**
 * How long the commune has for a kind of item (and optionally a field): first to accept or
 * forward it (in working days), then to answer, plus one extension.
 */
export const feedbackDeadlinePolicies = pgTable(
	'feedback_deadline_policies',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		kind: feedbackKind('kind').notNull(),
		/** Null: every field of this kind without a policy of its own. */
		fieldId: uuid('field_id').references(() => feedbackFields.id, { onDelete: 'cascade' }),
		acceptWorkingDays: integer('accept_working_days').notNull(),
		answerDays: integer('answer_days').notNull(),
		answerUnit: deadlineUnit('answer_unit').notNull(),
		extensionDays: integer('extension_days').notNull(),
		legalBasis: text('legal_basis').notNull().default(''),
		...timestamps,
	},
	(t) => [
		uniqueIndex('feedback_policies_kind_field_key').on(t.communeId, t.kind, sql`coalesce(${t.fieldId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
	],
)

/** A paper mailbox opening (mở hòm thư góp ý): each letter found becomes an item. */
export const feedbackMailboxOpenings = pgTable(
	'feedback_mailbox_openings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		openedOn: date('opened_on', { mode: 'string' }).notNull(),
		place: text('place').notNull(),
		/** Who opened it (names, as the minutes say). */
		openedBy: text('opened_by').notNull(),
		letterCount: integer('letter_count').notNull().default(0),
		note: text('note').notNull().default(''),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		...timestamps,
	},
	(t) => [index('feedback_mailbox_commune_idx').on(t.communeId, t.openedOn)],
)

/**
 * A weekly collection session (thu thập ý kiến) held by a collector: the Fatherland Front or a
 * mass organisation (an agency), or a village head (a village). It may have received nothing.
 */
export const feedbackCollectionSessions = pgTable(
	'feedback_collection_sessions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'restrict' }),
		villageId: uuid('village_id').references(() => villages.id, { onDelete: 'restrict' }),
		heldOn: date('held_on', { mode: 'string' }).notNull(),
		place: text('place').notNull(),
		attendees: text('attendees').notNull().default(''),
		/** Number of opinions received; the items themselves link back here. */
		itemCount: integer('item_count').notNull().default(0),
		note: text('note').notNull().default(''),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		...timestamps,
	},
	(t) => [
		index('feedback_collection_commune_idx').on(t.communeId, t.heldOn),
		check('feedback_collection_one_collector', sql`(${t.agencyId} is null) <> (${t.villageId} is null)`),
	],
)

export const feedbackItems = pgTable(
	'feedback_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		/** Reference code read over the phone, e.g. NLB-26-00123. */
		code: text('code').notNull(),
		kind: feedbackKind('kind').notNull(),
		channel: feedbackChannel('channel').notNull(),
		status: feedbackStatus('status').notNull().default('received'),
		confidentiality: feedbackConfidentiality('confidentiality').notNull().default('normal'),
		fieldId: uuid('field_id').references(() => feedbackFields.id, { onDelete: 'set null' }),
		villageId: uuid('village_id').references(() => villages.id, { onDelete: 'set null' }),
		place: text('place').notNull().default(''),
		title: text('title').notNull(),
		content: text('content').notNull(),
		lat: doublePrecision('lat'),
		long: doublePrecision('long'),
		anonymous: boolean('anonymous').notNull().default(false),
		/** SHA-256 of the secret given at submission, for the public lookup. */
		secretHash: text('secret_hash').notNull(),
		/** Last 4 digits of the phone given, as a second way to open the lookup. */
		phoneLast4: text('phone_last4'),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
		acceptDue: date('accept_due', { mode: 'string' }).notNull(),
		dueOn: date('due_on', { mode: 'string' }).notNull(),
		extendedAt: timestamp('extended_at', { withTimezone: true }),
		extensionReason: text('extension_reason'),
		agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'set null' }),
		handlerId: uuid('handler_id').references(() => users.id, { onDelete: 'set null' }),
		/** The answer as drafted and approved (may hold personal data: staff only). */
		answer: text('answer').notNull().default(''),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		/** Masked copies shown to the public once published. */
		publicTitle: text('public_title'),
		publicContent: text('public_content'),
		publicAnswer: text('public_answer'),
		/** The public copies folded for search (lower case, no diacritics, NFC), kept by the database. */
		publicSearch: text('public_search').generatedAlwaysAs(
			sql`f_unaccent(lower(coalesce("public_title", '') || ' ' || coalesce("public_content", '') || ' ' || coalesce("public_answer", '')))`,
		),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		forwardedTo: text('forwarded_to'),
		mergedIntoId: uuid('merged_into_id'),
		rejectionReason: text('rejection_reason'),
		satisfied: boolean('satisfied'),
		ratingComment: text('rating_comment'),
		ratedAt: timestamp('rated_at', { withTimezone: true }),
		reopenCount: integer('reopen_count').notNull().default(0),
		/** Set when a reopened item waits for a leader to look at it again. */
		needsReview: boolean('needs_review').notNull().default(false),
		/** Wrong look-ups by phone digits in a row; too many lock that way in for a while (the secret still works). */
		failedLookups: integer('failed_lookups').notNull().default(0),
		lookupLockedUntil: timestamp('lookup_locked_until', { withTimezone: true }),
		lastReminderOn: date('last_reminder_on', { mode: 'string' }),
		escalatedAt: timestamp('escalated_at', { withTimezone: true }),
		collectionSessionId: uuid('collection_session_id').references(() => feedbackCollectionSessions.id, { onDelete: 'set null' }),
		mailboxOpeningId: uuid('mailbox_opening_id').references(() => feedbackMailboxOpenings.id, { onDelete: 'set null' }),
		apiClientId: uuid('api_client_id'),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		...timestamps,
	},
	(t) => [
		uniqueIndex('feedback_items_commune_code_key').on(t.communeId, t.code),
		index('feedback_items_commune_status_idx').on(t.communeId, t.status, t.dueOn),
		index('feedback_items_published_idx').on(t.communeId, t.publishedAt).where(sql`${t.publishedAt} is not null`),
		index('feedback_items_handler_idx').on(t.handlerId),
		index('feedback_items_agency_idx').on(t.agencyId),
		index('feedback_items_public_search_idx').using('gin', sql`${t.publicSearch} gin_trgm_ops`),
		index('feedback_items_search_idx').using('gin', sql`f_unaccent(lower(${t.code} || ' ' || ${t.title})) gin_trgm_ops`),
	],
)

/**
 * Who sent an item. For a denunciation (tố cáo) the identity is protected: only the commune's
 * leaders and the assigned handler may see it, and every view is audited.
 */
export const feedbackContacts = pgTable('feedback_contacts', {
	itemId: uuid('item_id')
		.primaryKey()
		.references(() => feedbackItems.id, { onDelete: 'cascade' }),
	communeId: uuid('commune_id')
		.notNull()
		.references(() => communes.id, { onDelete: 'restrict' }),
	fullName: text('full_name').notNull().default(''),
	phone: text('phone').notNull().default(''),
	email: text('email').notNull().default(''),
	address: text('address').notNull().default(''),
	/** CCCD / identity number, required for complaints and denunciations. */
	identityNumber: text('identity_number').notNull().default(''),
	wantsUpdates: boolean('wants_updates').notNull().default(false),
	protected: boolean('protected').notNull().default(false),
	consentAt: timestamp('consent_at', { withTimezone: true }),
	consentText: text('consent_text').notNull().default(''),
})

export const feedbackEventType = pgEnum('feedback_event_type', [
	'received',
	'accepted',
	'assigned',
	'started',
	'drafted',
	'approved',
	'returned', // the leader sent the draft back
	'published',
	'answered_private',
	'forwarded',
	'merged',
	'rejected',
	'extended',
	'note', // internal note, never public
	'rated',
	'reopened',
	'reminded',
	'escalated',
	'notified',
	'identity_viewed',
])

/** The timeline of an item. `public` events are shown to the sender on the lookup page. */
export const feedbackEvents = pgTable(
	'feedback_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		itemId: uuid('item_id')
			.notNull()
			.references(() => feedbackItems.id, { onDelete: 'cascade' }),
		type: feedbackEventType('type').notNull(),
		public: boolean('public').notNull().default(false),
		actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
		actorLabel: text('actor_label').notNull().default(''),
		note: text('note').notNull().default(''),
		data: jsonb('data').$type<Record<string, unknown>>(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index('feedback_events_item_idx').on(t.itemId, t.at)],
)

/** Photos, documents and letter scans, stored in the database (one backup holds everything). */
export const feedbackAttachments = pgTable(
	'feedback_attachments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		itemId: uuid('item_id').references(() => feedbackItems.id, { onDelete: 'cascade' }),
		/** While the sender is still on the form, files hang on the draft. */
		draftId: uuid('draft_id'),
		fileName: text('file_name').notNull(),
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		bytes: bytea('bytes').notNull(),
		...timestamps,
	},
	(t) => [index('feedback_attachments_item_idx').on(t.itemId), index('feedback_attachments_draft_idx').on(t.draftId)],
)

/** A citizen's unfinished submission between the steps of the public form. */
export const feedbackDrafts = pgTable(
	'feedback_drafts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'cascade' }),
		data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		...timestamps,
	},
	(t) => [index('feedback_drafts_expires_idx').on(t.expiresAt)],
)

/** Keys other apps use to send requests through Open311. Only the key's SHA-256 is stored. */
export const feedbackApiClients = pgTable(
	'feedback_api_clients',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		keyHash: text('key_hash').notNull(),
		keyPrefix: text('key_prefix').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		...timestamps,
	},
	(t) => [uniqueIndex('feedback_api_clients_key_hash_key').on(t.keyHash)],
)

export const notificationStatus = pgEnum('notification_status', ['pending', 'sent', 'failed'])

/**
 * Messages to citizens, written in the same transaction as the change they tell of and sent
 * afterwards by the outbox worker, so a crash never loses or invents one.
 */
export const feedbackNotifications = pgTable(
	'feedback_notifications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		itemId: uuid('item_id').references(() => feedbackItems.id, { onDelete: 'cascade' }),
		channel: text('channel').$type<'email' | 'sms'>().notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull().default(''),
		body: text('body').notNull(),
		status: notificationStatus('status').notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		lastError: text('last_error'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		...timestamps,
	},
	(t) => [index('feedback_notifications_pending_idx').on(t.status, t.nextAttemptAt)],
)

/** Reminders sent to collectors with nothing recorded this week: once per collector and day. */
export const feedbackCollectionReminders = pgTable(
	'feedback_collection_reminders',
	{
		communeId: uuid('commune_id')
			.notNull()
			.references(() => communes.id, { onDelete: 'restrict' }),
		/** `agency:<id>` or `village:<id>`. */
		collector: text('collector').notNull(),
		sentOn: date('sent_on', { mode: 'string' }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.communeId, t.collector, t.sentOn] })],
)
