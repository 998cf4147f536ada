import { randomUUID } from 'node:crypto'
import type { Env } from '#app/core/env.server.ts'
import type { Logger } from '#app/core/log.server.ts'
import type { SendResult } from '#app/core/notify/notify.server.ts'
import { maskPhone, normalizeVietnamPhone } from '#app/core/notify/recipient.ts'

// SMS gateways. Numbers are normalised to E.164 (+84…) before anything is sent; the text is
// personal data, so it is only ever logged at debug level.

export interface SmsGateway {
	send(to: string, text: string): Promise<SendResult>
}

const INVALID_PHONE: SendResult = { ok: false, error: 'invalid phone', retryable: false }

/** Writes SMS to the log instead of sending them (development, or no gateway contracted yet). */
export class LogSmsGateway implements SmsGateway {
	constructor(private readonly log: Logger) {}

	async send(to: string, text: string): Promise<SendResult> {
		const phone = normalizeVietnamPhone(to)
		if (!phone) {
			this.log.warn({ channel: 'sms', to: maskPhone(to) }, 'sms not sent: invalid phone number')
			return INVALID_PHONE
		}
		const providerId = `log-${randomUUID()}`
		const masked = maskPhone(phone)
		this.log.info({ channel: 'sms', to: masked, length: text.length, providerId }, 'sms logged, not sent (SMS_DRIVER=log)')
		this.log.debug({ channel: 'sms', to: masked, providerId, text }, 'sms text')
		return { ok: true, providerId }
	}
}

export type HttpSmsGatewayOptions = {
	url: string
	token?: string | undefined
	log: Logger
	/** Whole request, response body included; 10 s by default. */
	timeoutMs?: number | undefined
}

/**
 * POSTs `{ "to": "+84…", "text": "…" }` as JSON with `Authorization: Bearer <token>`.
 * 2xx: sent (the provider id is read from a JSON `id`); 429, 5xx, timeouts and network
 * errors: retryable; any other status: not.
 */
export class HttpSmsGateway implements SmsGateway {
	private readonly url: string
	private readonly token: string | undefined
	private readonly log: Logger
	private readonly timeoutMs: number

	constructor({ url, token, log, timeoutMs = 10_000 }: HttpSmsGatewayOptions) {
		this.url = url
		this.token = token
		this.log = log
		this.timeoutMs = timeoutMs
	}

	async send(to: string, text: string): Promise<SendResult> {
		const phone = normalizeVietnamPhone(to)
		if (!phone) {
			this.log.warn({ channel: 'sms', to: maskPhone(to) }, 'sms not sent: invalid phone number')
			return INVALID_PHONE
		}
		const masked = maskPhone(phone)
		const signal = AbortSignal.timeout(this.timeoutMs)
		const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
		if (this.token) headers.authorization = `Bearer ${this.token}`

		let response: Response
		try {
			// No redirects: a POST would turn into a GET, and the token would follow it.
			response = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify({ to: phone, text }), signal, redirect: 'manual' })
		} catch (err) {
			const error = `sms gateway: ${describeFetchError(err)}`
			this.log.warn({ channel: 'sms', to: masked, retryable: true }, `sms not sent: ${error}`)
			return { ok: false, error, retryable: true }
		}

		// Read the body in any case (it frees the connection); once a 2xx has arrived, a failure
		// here does not undo the send.
		const body = await response.text().catch(() => '')
		if (response.ok) {
			const providerId = readId(body)
			this.log.info({ channel: 'sms', to: masked, length: text.length, providerId, status: response.status }, 'sms sent')
			return providerId === undefined ? { ok: true } : { ok: true, providerId }
		}
		const retryable = response.status === 429 || response.status >= 500
		const error = `sms gateway: HTTP ${response.status}`
		this.log.warn({ channel: 'sms', to: masked, status: response.status, retryable }, `sms not sent: ${error}`)
		return { ok: false, error, retryable }
	}
}

export function createSmsGateway(
	env: Pick<Env, 'SMS_DRIVER' | 'SMS_HTTP_URL' | 'SMS_HTTP_TOKEN'>,
	log: Logger,
	options: { timeoutMs?: number | undefined } = {},
): SmsGateway {
	if (env.SMS_DRIVER === 'http') {
		// parseEnv refuses this already; the check keeps a hand-made env honest.
		if (!env.SMS_HTTP_URL) throw new Error('SMS_HTTP_URL is required when SMS_DRIVER=http')
		return new HttpSmsGateway({ url: env.SMS_HTTP_URL, token: env.SMS_HTTP_TOKEN, log, timeoutMs: options.timeoutMs })
	}
	return new LogSmsGateway(log)
}

function readId(body: string): string | undefined {
	try {
		const id: unknown = (JSON.parse(body) as { id?: unknown } | null)?.id
		return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
	} catch {
		return undefined
	}
}

function describeFetchError(err: unknown): string {
	if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return 'timeout'
	const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined
	return typeof cause?.code === 'string' ? `network error (${cause.code})` : 'network error'
}
