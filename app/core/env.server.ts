import path from 'node:path'
import { z } from 'zod'

// Configuration comes from the environment only, and is checked once at start.
// Every wrong value gets its own line in the message, so an operator can fix all at once.

const ZBoolean = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
		error: 'must be one of true/false, 1/0, yes/no, on/off',
	})
	.transform((v) => ['1', 'true', 'yes', 'on'].includes(v))

// `user@host` or `Name <user@host>`; no line breaks (they would inject headers).
const ADDRESS = String.raw`[^\s@<>",;]+@[^\s@<>",;]+`
const MAIL_FROM_RE = new RegExp(String.raw`^(?:${ADDRESS}|[^<>\r\n]*<${ADDRESS}>)$`)

function isUrl(value: string, protocols: string[]): boolean {
	if (!URL.canParse(value)) return false
	const url = new URL(value)
	return protocols.includes(url.protocol) && url.hostname !== ''
}

const ZEnv = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
	PORT: z.coerce
		.number({ error: 'must be a port number' })
		.int('must be a whole number')
		.min(0, 'must be between 0 and 65535 (0 picks a free port)')
		.max(65535, 'must be between 0 and 65535 (0 picks a free port)')
		.default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
	DATABASE_URL: z
		.string()
		.refine((v) => /^(postgres|postgresql):\/\/.+/.test(v) || /^pglite:\/\/.+/.test(v), {
			message: 'must start with postgres://, postgresql:// or pglite:// (pglite://memory for a throw-away database)',
		})
		.optional(),
	DEMO_SEED: ZBoolean.default(true),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	TRUST_PROXY: ZBoolean.default(false),
	/** Set when the app is served over HTTPS (directly or behind a TLS proxy): turns on HSTS and Secure cookies. */
	SECURE_COOKIES: ZBoolean.default(false),
	BODY_LIMIT_BYTES: z.coerce.number({ error: 'must be a number of bytes' }).int().min(1024).max(104_857_600).default(1_048_576),
	SESSION_DAYS: z.coerce.number({ error: 'must be a number of days' }).int().min(1).max(90).default(14),
	/** Outgoing e-mail relay; without it e-mails are logged (recipient masked) and not sent. */
	SMTP_URL: z
		.string()
		.refine((v) => isUrl(v, ['smtp:', 'smtps:']), {
			message: 'must be smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps://… (TLS from the start, usually port 465)',
		})
		.optional(),
	MAIL_FROM: z
		.string()
		.trim()
		.refine((v) => MAIL_FROM_RE.test(v), { message: 'must be an e-mail address or "Name <address>"' })
		.default('Thân Thiện <no-reply@localhost>'),
	SMS_DRIVER: z
		.enum(['log', 'http'], { error: 'must be log (write SMS to the log only) or http (POST them to SMS_HTTP_URL)' })
		.default('log'),
	SMS_HTTP_URL: z
		.string()
		.refine((v) => isUrl(v, ['http:', 'https:']), { message: 'must be an http:// or https:// URL' })
		.optional(),
	SMS_HTTP_TOKEN: z.string().optional(),
})

// A config error echoes the value given, except secrets: tokens are hidden, and so is the
// user:password part of a URL (up to its last "@", as a malformed URL may hold several).
const SECRET_KEYS = new Set(['SMS_HTTP_TOKEN'])

function shown(key: string, value: string): string {
	if (SECRET_KEYS.has(key)) return '[hidden]'
	if (key.endsWith('_URL')) value = value.replace(/^([^/@]*\/\/)?.*@/s, '$1***@')
	return value.slice(0, 80)
}

// Rules that tie several variables together, checked on the raw values so that they are
// reported together with the per-variable problems.
function crossFieldProblems(source: Record<string, string | undefined>): string[] {
	const problems: string[] = []
	if (source.SMS_DRIVER === 'http' && source.SMS_HTTP_URL === undefined) {
		problems.push('SMS_HTTP_URL: is required when SMS_DRIVER=http (the gateway URL SMS are POSTed to)')
	}
	return problems
}

export type Env = z.output<typeof ZEnv> & {
	/** The resolved database location: a postgres URL or pglite://<absolute dir>. */
	databaseUrl: string
	dataDir: string
}

export class ConfigError extends Error {
	constructor(public readonly problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
		this.name = 'ConfigError'
	}
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
	// Empty strings count as unset, as most shells and .env files intend.
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
	const result = ZEnv.safeParse(cleaned)
	const problems = result.success
		? []
		: result.error.issues.map((issue) => {
				const key = issue.path.join('.')
				const given = cleaned[key]
				return `${key}: ${issue.message}${given !== undefined ? ` (got "${shown(key, given)}")` : ''}`
			})
	problems.push(...crossFieldProblems(cleaned))
	if (!result.success || problems.length > 0) throw new ConfigError(problems)
	const env = result.data
	const dataDir = path.resolve(env.DATA_DIR)
	const databaseUrl = env.DATABASE_URL ?? `pglite://${path.join(dataDir, 'db')}`
	return { ...env, dataDir, databaseUrl }
}
