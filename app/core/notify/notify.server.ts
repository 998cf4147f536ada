import type { Env } from '#app/core/env.server.ts'
import type { Logger } from '#app/core/log.server.ts'
import { createMailer, type Mailer, type MailTimeouts } from '#app/core/notify/mailer.server.ts'
import type { Channel } from '#app/core/notify/recipient.ts'
import { createSmsGateway, type SmsGateway } from '#app/core/notify/sms.server.ts'

// The transports that reach citizens: e-mail over SMTP and SMS through a gateway. A send never
// throws: it says whether it worked and, if not, whether trying again later could help.

export type { Channel }
export { isEmailAddress, maskEmail, maskPhone, maskRecipient, normalizeVietnamPhone } from '#app/core/notify/recipient.ts'

export type OutgoingMessage = {
	channel: Channel
	/** An e-mail address, or a Vietnamese mobile number for SMS. */
	to: string
	/** E-mail only. */
	subject: string
	text: string
}

export type SendResult = { ok: true; providerId?: string } | { ok: false; error: string; retryable: boolean }

export interface Notifier {
	send(message: OutgoingMessage): Promise<SendResult>
	/** Closes the SMTP connections; call once at shutdown. */
	close(): Promise<void>
}

export type NotifyEnv = Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'SMS_DRIVER' | 'SMS_HTTP_URL' | 'SMS_HTTP_TOKEN'>

export type NotifierOptions = {
	mailTimeouts?: Partial<MailTimeouts>
	smsTimeoutMs?: number
}

export function createNotifier(env: NotifyEnv, log: Logger, options: NotifierOptions = {}): Notifier {
	const notifyLog = log.child({ component: 'notify' })
	const mailer: Mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log: notifyLog, timeouts: options.mailTimeouts })
	const sms: SmsGateway = createSmsGateway(env, notifyLog, { timeoutMs: options.smsTimeoutMs })

	return {
		async send(message) {
			try {
				switch (message.channel) {
					case 'email':
						return await mailer.send(message)
					case 'sms':
						return await sms.send(message.to, message.text)
					default:
						return { ok: false, error: `unknown channel ${String((message as { channel: unknown }).channel)}`, retryable: false }
				}
			} catch (err) {
				// The transports catch their own errors; this is a last guard for the promise.
				notifyLog.error({ err, channel: message.channel }, 'notification transport threw')
				return { ok: false, error: 'internal error', retryable: true }
			}
		},
		close: () => mailer.close(),
	}
}
