import { z } from 'zod'
import { zOptionalText, zText } from '#app/core/text.ts'
import { AGENCY_KINDS } from './org.constants.ts'
import { ROLES } from './permissions.ts'

// zod schemas of the platform's forms and commands. Messages are i18n keys.

export const ZSlug = z
	.string({ error: 'form.required' })
	.trim()
	.toLowerCase()
	.min(2, 'form.tooShort')
	.max(60, 'form.tooLong')
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'form.slug')

export const ZHostnames = z
	.string()
	.optional()
	.transform((v) =>
		(v ?? '')
			.split(/[\s,]+/)
			.map((h) => h.trim().toLowerCase())
			.filter(Boolean),
	)
	.pipe(
		z
			.array(z.string().max(253, 'form.tooLong').regex(/^[a-z0-9.-]+$/, 'form.hostname'))
			.max(10, 'form.tooMany'),
	)

export const ZCommuneSettings = z.object({
	name: zText({ max: 200 }),
	hotline: zOptionalText({ max: 40 }).pipe(z.string().regex(/^[0-9 +().-]*$/, 'form.phone')),
	address: zOptionalText({ max: 300 }),
	email: zOptionalText({ max: 200 }).pipe(z.union([z.literal(''), z.email('form.email')])),
})

export const ZCreateCommune = ZCommuneSettings.extend({
	slug: ZSlug,
	kind: z.enum(['xa', 'phuong', 'dac_khu'], { error: 'form.choose' }).default('xa'),
	cityName: zOptionalText({ max: 200 }),
	hostnames: ZHostnames,
	isDemo: z.boolean().default(false),
	withDefaultAgencies: z.boolean().default(true),
})
export type CreateCommuneInput = z.input<typeof ZCreateCommune>

export const ZAgency = z.object({
	code: ZSlug,
	name: zText({ max: 200 }),
	kind: z.enum(AGENCY_KINDS, { error: 'form.choose' }),
	sortOrder: z.coerce.number({ error: 'form.number' }).int('form.number').min(0, 'form.number').max(9999, 'form.number').default(0),
	active: z.boolean().default(true),
})
export type AgencyInput = z.input<typeof ZAgency>

export const ZVillage = z.object({
	name: zText({ max: 120 }),
	sortOrder: z.coerce.number({ error: 'form.number' }).int('form.number').min(0, 'form.number').max(9999, 'form.number').default(0),
	active: z.boolean().default(true),
	isDemo: z.boolean().default(false),
})
export type VillageInput = z.input<typeof ZVillage>

export const PASSWORD_MIN = 10
export const ZNewPassword = z
	.string({ error: 'form.required' })
	.min(PASSWORD_MIN, 'password.tooShort')
	.max(200, 'form.tooLong')
	.transform((v) => v.normalize('NFC'))

export const ZUsername = z
	.string({ error: 'form.required' })
	.trim()
	.toLowerCase()
	.min(3, 'form.tooShort')
	.max(60, 'form.tooLong')
	.regex(/^[a-z0-9._-]+$/, 'form.username')

export const ZCreateUser = z.object({
	username: ZUsername,
	fullName: zText({ max: 120 }),
	email: zOptionalText({ max: 200 }).pipe(z.union([z.literal(''), z.email('form.email')])),
	phone: zOptionalText({ max: 40 }).pipe(z.string().regex(/^[0-9 +().-]*$/, 'form.phone')),
	role: z.enum(ROLES, { error: 'form.choose' }),
	communeId: z.uuid('form.choose').nullable(),
	agencyId: z.uuid('form.choose').nullable().default(null),
	villageId: z.uuid('form.choose').nullable().default(null),
	password: ZNewPassword,
	mustChangePassword: z.boolean().default(true),
	isDemo: z.boolean().default(false),
})
export type CreateUserInput = z.input<typeof ZCreateUser>

export const ZCalendarDay = z.object({
	day: z.string({ error: 'form.required' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'form.date'),
	kind: z.enum(['day_off', 'working_day'], { error: 'form.choose' }),
	name: zText({ max: 200 }),
})
export type CalendarDayInput = z.input<typeof ZCalendarDay>
