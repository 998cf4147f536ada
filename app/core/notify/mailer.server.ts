import nodemailer, { type NodemailerError } from 'nodemailer'
import type { Logger } from '#app/core/log.server.ts'
import type { SendResult } from '#app/core/notify/notify.server.ts'
import { isEmailAddress, maskEmail } from '#app/core/notify/recipient.ts'

// E-mail over SMTP (nodemailer, pooled connections). Plain-text UTF-8 messages; nodemailer
// encodes the subject (RFC 2047) and the body (quoted-printable or base64) as needed.
// Bodies may hold personal data: they are never logged, and recipients are logged masked.

export type Email = { to: string; subject: string; text: string }

export interface Mailer {
	send(mail: Email): Promise<SendResult>
	close(): Promise<void>
}

export type MailTimeouts = {
	/** Opening the TCP (or TLS) connection. */
	connectionMs: number
	/** Waiting for the server's greeting once connected. */
	greetingMs: number
	/** Any silence of the server during a session. */
	socketMs: number
	/** A whole send, waiting in the pool queue included: a last guard against a server trickling replies. */
	sendMs: number
}

export const DEFAULT_MAIL_TIMEOUTS: MailTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 20_000, sendMs: 120_000 }

export type MailerOptions = {
	/** smtp://user:pass@host:587 or smtps://…; unset: e-mails are logged and not sent. */
	smtpUrl?: string | undefined
	/** `address` or `Name <address>` */
	from: string
	log: Logger
	timeouts?: Partial<MailTimeouts> | undefined
}

export function createMailer({ smtpUrl, from, log, timeouts }: MailerOptions): Mailer {
	if (!smtpUrl) {
		return {
			async send(mail) {
				log.info({ channel: 'email', to: maskEmail(mail.to) }, 'e-mail not sent: SMTP_URL is not configured')
				return { ok: false, error: 'email not configured', retryable: false }
			},
			async close() {},
		}
	}

	const t = { ...DEFAULT_MAIL_TIMEOUTS, ...timeouts }
	const transport = nodemailer.createTransport({
		url: smtpUrl,
		pool: true,
		maxConnections: 3,
		// A connection that drops mid-send is retried once here; further retries are the caller's.
		maxRequeues: 1,
		connectionTimeout: t.connectionMs,
		greetingTimeout: t.greetingMs,
		socketTimeout: t.socketMs,
		dnsTimeout: t.connectionMs,
		// Messages are plain text built by us: never let them pull in files or URLs.
		disableFileAccess: true,
		disableUrlAccess: true,
		// nodemailer's own logging would show recipients; our lines below mask them.
		logger: false,
	})

	return {
		async send({ to, subject, text }) {
			const masked = maskEmail(to)
			if (!isEmailAddress(to)) {
				log.warn({ channel: 'email', to: masked }, 'e-mail not sent: invalid address')
				return { ok: false, error: 'invalid email', retryable: false }
			}
			try {
				const info = await transport.sendMail({
					from,
					to,
					subject,
					text,
					signal: AbortSignal.timeout(t.sendMs),
				})
				log.info({ channel: 'email', to: masked, messageId: info.messageId, response: maskAddresses(info.response) }, 'e-mail sent')
				return { ok: true, providerId: info.messageId }
			} catch (err) {
				const failure = smtpFailure(err)
				const e = err as NodemailerError
				log[isConfigProblem(e) ? 'error' : 'warn'](
					{ channel: 'email', to: masked, code: e.code, responseCode: e.responseCode, retryable: failure.retryable },
					`e-mail not sent: ${failure.error}`,
				)
				return failure
			}
		},
		async close() {
			transport.close()
		},
	}
}

// Failures of the connection itself, not of this message: worth another try later.
const TRANSIENT_CODES = new Set([
	'ECONNECTION',
	'ETIMEDOUT',
	'ESOCKET',
	'EDNS',
	'ETLS',
	'EPROXY',
	'EMAXLIMIT',
	'EABORT',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
])

// Wrong credentials fail every message alike: the operator must fix the configuration, and the
// messages should go out once that is done, so they count as retryable.
function isConfigProblem(err: NodemailerError): boolean {
	return err.code === 'EAUTH' || err.code === 'ENOAUTH'
}

/** Maps a nodemailer error to a SendResult: 4xx and connection errors are retryable, 5xx are not. */
export function smtpFailure(err: unknown): { ok: false; error: string; retryable: boolean } {
	const e = (err ?? {}) as NodemailerError
	const code = typeof e.responseCode === 'number' ? e.responseCode : undefined
	let retryable: boolean
	if (isConfigProblem(e)) retryable = true
	// 503 (bad sequence of commands) is about the session, not the message (RFC 5321).
	else if (code !== undefined && code >= 400) retryable = code < 500 || code === 503
	else retryable = TRANSIENT_CODES.has(e.code ?? '') || TRANSIENT_CODES.has(e.originalCode ?? '')
	const detail = code !== undefined && e.response ? e.response : (e.message ?? String(err))
	const prefix = code !== undefined ? `smtp ${code}` : `smtp ${e.code ?? 'error'}`
	return { ok: false, error: `${prefix}: ${maskAddresses(detail)}`.slice(0, 300), retryable }
}

// Server replies often quote the recipient; keep addresses out of logs and stored errors.
function maskAddresses(text: string | undefined): string | undefined {
	return text?.replace(/[^\s<>@:;,"']+@[^\s<>@:;,"']+/g, (address) => maskEmail(address))
}
