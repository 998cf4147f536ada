import { and, desc, eq, gte, inArray, lte, max, notInArray, type SQL } from 'drizzle-orm'
import type { Db, DbOrTx } from '#app/core/db/client.server.ts'
import { isUuid } from '#app/core/validation.ts'
import { apiClientForKey } from '#app/modules/feedback/collection.server.ts'
import { GENERAL_KINDS, OPEN_STATUSES } from '#app/modules/feedback/feedback.constants.ts'
import { LIMITS, type Sender } from '#app/modules/feedback/feedback.inputs.ts'
import { feedbackContacts, feedbackFields, feedbackItems } from '#app/modules/feedback/feedback.schema.ts'
import { normalizeCode, recordFromApi } from '#app/modules/feedback/items.server.ts'
import type { Open311Error, Open311Request, Open311Service } from '#app/modules/feedback/open311/format.ts'
import type { PostRequestParams, RequestsQuery } from '#app/modules/feedback/open311/params.ts'
import { redactPersonalData } from '#app/modules/feedback/redaction.ts'
import { listFields, type FeedbackField } from '#app/modules/feedback/setup.server.ts'
import { getPublicCommuneBySlug, type PublicCommune } from '#app/modules/platform/org.server.ts'
import { agencies } from '#app/modules/platform/platform.schema.ts'

// What the Open311 GeoReport v2 API reads and writes. Privacy first: only the general kinds
// (never khiếu nại or tố cáo), never confidential, merged or rejected items, and of those only
// what was published (masked) by staff; an unpublished item shows its status and dates alone.

// ---- jurisdictions ----

export type JurisdictionResult = { ok: true; commune: PublicCommune } | { ok: false; error: Open311Error }

/** jurisdiction_id is a commune's slug; without it, the commune of the request's host. */
export async function resolveJurisdiction(db: DbOrTx, jurisdictionId: string | null, hostCommune: PublicCommune | null): Promise<JurisdictionResult> {
	if (jurisdictionId === null) {
		if (hostCommune) return { ok: true, commune: hostCommune }
		return { ok: false, error: { code: 400, description: 'jurisdiction_id is required on this host: give the slug of a commune.' } }
	}
	const commune = jurisdictionId.length <= 100 ? await getPublicCommuneBySlug(db, jurisdictionId) : null
	if (!commune) return { ok: false, error: { code: 404, description: 'jurisdiction_id is not a jurisdiction of this server.' } }
	return { ok: true, commune }
}

// ---- discovery ----

/** When our GeoReport v2 implementation last changed (the changeset when no service changed since). */
export const API_CHANGESET = new Date('2026-11-01T00:00:00+07:00')

const GENERIC_CONTACT = 'Liên hệ Ủy ban nhân dân xã, phường hoặc đặc khu qua trang thông tin điện tử của đơn vị.'

export const KEY_SERVICE =
	'Để gửi phản ánh qua API (POST requests), hãy đề nghị Ủy ban nhân dân xã cấp khóa API (api_key): cán bộ quản trị tạo khóa trong trang quản trị, mục Cài đặt ý kiến → Khóa API.'

/** Contact and changeset for discovery: the commune's e-mail and hotline when it has them. */
export async function discoveryInfo(db: DbOrTx, commune: PublicCommune | null): Promise<{ contact: string; keyService: string; changeset: Date }> {
	if (!commune) return { contact: GENERIC_CONTACT, keyService: KEY_SERVICE, changeset: API_CHANGESET }
	const ways = [commune.email && `thư điện tử ${commune.email}`, commune.hotline && `đường dây nóng ${commune.hotline}`].filter(Boolean)
	const contact = ways.length ? `${commune.name}: ${ways.join(', ')}.` : `${commune.name}. ${GENERIC_CONTACT}`
	const [row] = await db.select({ at: max(feedbackFields.updatedAt) }).from(feedbackFields).where(eq(feedbackFields.communeId, commune.id))
	const fieldsChanged = row?.at ?? null
	const changeset = fieldsChanged && fieldsChanged > API_CHANGESET ? fieldsChanged : API_CHANGESET
	return { contact, keyService: KEY_SERVICE, changeset }
}

// ---- services ----

function toService(field: Pick<FeedbackField, 'code' | 'name'>): Open311Service {
	return { code: field.code, name: field.name, description: `Phản ánh, kiến nghị về lĩnh vực ${field.name}`, group: '', keywords: [] }
}

/** Every active field (lĩnh vực) of the commune is a service. */
export async function listServices(db: DbOrTx, communeId: string): Promise<Open311Service[]> {
	return (await listFields(db, communeId, { activeOnly: true })).map(toService)
}

export async function getService(db: DbOrTx, communeId: string, code: string): Promise<Open311Service | null> {
	const field = (await listFields(db, communeId, { activeOnly: true })).find((f) => f.code === code)
	return field ? toService(field) : null
}

// ---- service requests (read) ----

/** Statuses that never appear: duplicates and refused items (spam, abuse). */
const HIDDEN_STATUSES = ['merged', 'rejected'] as const

/** The items the API may show at all. */
function visibleIn(communeId: string): SQL {
	return and(
		eq(feedbackItems.communeId, communeId),
		inArray(feedbackItems.kind, [...GENERAL_KINDS]),
		eq(feedbackItems.confidentiality, 'normal'),
		notInArray(feedbackItems.status, [...HIDDEN_STATUSES]),
	)!
}

const requestColumns = {
	code: feedbackItems.code,
	status: feedbackItems.status,
	serviceCode: feedbackFields.code,
	serviceName: feedbackFields.name,
	publicContent: feedbackItems.publicContent,
	publicAnswer: feedbackItems.publicAnswer,
	publishedAt: feedbackItems.publishedAt,
	agencyName: agencies.name,
	receivedAt: feedbackItems.receivedAt,
	updatedAt: feedbackItems.updatedAt,
	dueOn: feedbackItems.dueOn,
	place: feedbackItems.place,
	lat: feedbackItems.lat,
	long: feedbackItems.long,
	// Only to mask the sender's name in the place, never shown.
	senderName: feedbackContacts.fullName,
}

function selectRequests(db: DbOrTx, where: SQL, limit: number) {
	return db
		.select(requestColumns)
		.from(feedbackItems)
		.leftJoin(feedbackFields, eq(feedbackFields.id, feedbackItems.fieldId))
		.leftJoin(agencies, eq(agencies.id, feedbackItems.agencyId))
		.leftJoin(feedbackContacts, eq(feedbackContacts.itemId, feedbackItems.id))
		.where(where)
		.orderBy(desc(feedbackItems.receivedAt), desc(feedbackItems.code))
		.limit(limit)
}

type RequestRow = Awaited<ReturnType<typeof selectRequests>>[number]

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status)

/** The due date as the end of that working day in Vietnam. */
function dueAt(dueOn: string): Date {
	return new Date(`${dueOn}T17:00:00+07:00`)
}

function toRequest(row: RequestRow, communeName: string): Open311Request {
	const published = row.publishedAt !== null
	// The place was not part of what staff reviewed for publication: masked here as well.
	const place = published && row.place ? redactPersonalData(row.place, { names: row.senderName ? [row.senderName] : [] }).text : ''
	return {
		id: row.code,
		status: isOpen(row.status) ? 'open' : 'closed',
		statusNotes: published ? row.publicAnswer || null : null,
		serviceCode: row.serviceCode,
		serviceName: row.serviceName,
		description: published ? (row.publicContent ?? '') : '',
		agencyResponsible: row.agencyName ?? communeName,
		serviceNotice: null,
		requestedAt: row.receivedAt,
		updatedAt: row.updatedAt,
		expectedAt: dueAt(row.dueOn),
		address: place || null,
		lat: published ? row.lat : null,
		long: published ? row.long : null,
		mediaUrl: null,
	}
}

/** GET requests: by ids, or searched by service, status and date window; newest first. */
export async function searchRequests(db: DbOrTx, commune: Pick<PublicCommune, 'id' | 'name'>, query: RequestsQuery): Promise<Open311Request[]> {
	const conditions: SQL[] = [visibleIn(commune.id)]
	let limit: number
	if (query.kind === 'ids') {
		conditions.push(inArray(feedbackItems.code, [...new Set(query.ids.map(normalizeCode))]))
		limit = query.ids.length
	} else {
		if (query.serviceCodes) conditions.push(inArray(feedbackFields.code, query.serviceCodes))
		const statuses = new Set(query.statuses)
		if (statuses.has('open') && !statuses.has('closed')) conditions.push(inArray(feedbackItems.status, [...OPEN_STATUSES]))
		if (statuses.has('closed') && !statuses.has('open')) conditions.push(notInArray(feedbackItems.status, [...OPEN_STATUSES]))
		conditions.push(gte(feedbackItems.receivedAt, query.startDate), lte(feedbackItems.receivedAt, query.endDate))
		limit = query.limit
	}
	const rows = await selectRequests(db, and(...conditions)!, limit)
	return rows.map((r) => toRequest(r, commune.name))
}

/** GET requests/{id}: null for unknown ids and for items the API never shows. */
export async function getRequest(db: DbOrTx, commune: Pick<PublicCommune, 'id' | 'name'>, id: string): Promise<Open311Request | null> {
	const code = normalizeCode(id)
	if (!code || code.length > 30) return null
	const [row] = await selectRequests(db, and(visibleIn(commune.id), eq(feedbackItems.code, code))!, 1)
	return row ? toRequest(row, commune.name) : null
}

// ---- service requests (write) ----

export const TITLE_MAX = 120

/** The first line of a description, cut to TITLE_MAX characters at a word boundary. */
export function titleFromDescription(description: string): string {
	const line = (description.split('\n').find((l) => l.trim() !== '') ?? '').replace(/\s+/g, ' ').trim()
	const chars = [...line]
	if (chars.length <= TITLE_MAX) return line || 'Phản ánh gửi qua ứng dụng'
	const cut = chars.slice(0, TITLE_MAX - 1).join('')
	const space = cut.lastIndexOf(' ')
	return `${(space >= TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** dd/mm/yyyy from an ISO date. */
function vnDate(isoDate: string): string {
	return isoDate.split('-').reverse().join('/')
}

export type CreateResult =
	| { ok: true; requestId: string; token: string; dueOn: string; notice: string }
	| { ok: false; errors: Open311Error[] }

/** POST requests: checks the key and the service, then records a phản ánh sent by the app. */
export async function createRequest(db: Db, communeId: string, params: PostRequestParams): Promise<CreateResult> {
	const client = await apiClientForKey(db, communeId, params.apiKey)
	if (!client) return { ok: false, errors: [{ code: 403, description: 'api_key is not a valid key of this jurisdiction.' }] }

	const errors: Open311Error[] = []
	const field = (await listFields(db, communeId, { activeOnly: true })).find((f) => f.code === params.serviceCode)
	if (!field) errors.push({ code: 400, description: 'service_code is not a service of this jurisdiction (see services.json).' })
	const place = (params.addressString ?? '').replace(/\s+/g, ' ').trim()
	if ([...place].length > LIMITS.place) errors.push({ code: 400, description: `address_string must be at most ${LIMITS.place} characters long.` })
	const fullName = [params.firstName, params.lastName].filter(Boolean).join(' ')
	if ([...fullName].length > LIMITS.name) errors.push({ code: 400, description: `first_name and last_name together must be at most ${LIMITS.name} characters long.` })
	if (errors.length || !field) return { ok: false, errors }

	const sender: Sender = {
		anonymous: fullName === '',
		fullName,
		phone: params.phone ?? '',
		email: params.email ?? '',
		address: '',
		identityNumber: '',
		wantsUpdates: Boolean(params.phone || params.email),
	}
	// A photo the app keeps elsewhere: its link stays with the text for staff to open.
	const content = params.mediaUrl ? `${params.description}\n\nẢnh kèm theo (đường dẫn do ứng dụng gửi): ${params.mediaUrl}` : params.description
	const { item } = await recordFromApi(db, communeId, client, {
		kind: 'phan_anh',
		fieldId: field.id,
		title: titleFromDescription(params.description),
		content,
		place,
		lat: params.lat,
		long: params.long,
		sender,
	})
	return { ok: true, requestId: item.code, token: item.id, dueOn: item.dueOn, notice: `Đã tiếp nhận. Hạn trả lời: ${vnDate(item.dueOn)}.` }
}

/** GET tokens/{token}: the token is the id of an item sent through the API. */
export async function requestForToken(db: DbOrTx, communeId: string, token: string): Promise<{ requestId: string; token: string } | null> {
	if (!isUuid(token)) return null
	const [row] = await db
		.select({ code: feedbackItems.code, id: feedbackItems.id })
		.from(feedbackItems)
		.where(and(eq(feedbackItems.id, token.toLowerCase()), eq(feedbackItems.communeId, communeId), eq(feedbackItems.channel, 'api')))
		.limit(1)
	return row ? { requestId: row.code, token: row.id } : null
}
