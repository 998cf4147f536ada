import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { pino, type Logger } from 'pino'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { afterEach, describe, expect, test } from 'vitest'
import { parseEnv } from '#app/core/env.server.ts'
import { createMailer, type Mailer } from '#app/core/notify/mailer.server.ts'
import { createNotifier, maskRecipient, normalizeVietnamPhone, type OutgoingMessage } from '#app/core/notify/notify.server.ts'
import { HttpSmsGateway, LogSmsGateway } from '#app/core/notify/sms.server.ts'

const SUBJECT = 'Phản ánh NLB-26-00123 đã được trả lời'
const BODY = 'Kính gửi anh Nguyễn Văn Lâm,\n\nPhản ánh NLB-26-00123 đã được trả lời. Ủy ban nhân dân xã cảm ơn ý kiến đóng góp của anh.\n'
const FROM = 'Thân Thiện <no-reply@thanthien.test>'
const TO = 'nguoi.dan@example.com'

// ---------- helpers ----------

/** A pino logger writing JSON lines into an array, as app/core/log.server.ts makes them. */
function captureLogger(level = 'info'): { log: Logger; lines: Array<Record<string, unknown>>; text: () => string } {
	const raw: string[] = []
	const lines: Array<Record<string, unknown>> = []
	const destination = {
		write(line: string) {
			raw.push(line)
			lines.push(JSON.parse(line) as Record<string, unknown>)
		},
	}
	return { log: pino({ level, base: { app: 'than-thien' } }, destination), lines, text: () => raw.join('') }
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

type Received = { mailFrom: string; rcptTo: string[]; raw: string }

/** A real SMTP server on 127.0.0.1 with a free port; handlers may be overridden per test. */
async function startSmtp(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; received: Received[] }> {
	const received: Received[] = []
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = []
			stream.on('data', (chunk: Buffer) => chunks.push(chunk))
			stream.on('end', () => {
				received.push({
					mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					rcptTo: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('utf8'),
				})
				callback()
			})
		},
		...options,
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const port = (server.server.address() as AddressInfo).port
	cleanups.push(() => new Promise((resolve) => server.close(() => resolve())))
	return { port, received }
}

function useMailer(mailer: Mailer): Mailer {
	cleanups.push(() => mailer.close())
	return mailer
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
	const server = net.createServer()
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const port = (server.address() as AddressInfo).port
	await new Promise((resolve) => server.close(resolve))
	return port
}

function smtpError(message: string, responseCode: number): Error {
	return Object.assign(new Error(message), { responseCode })
}

// Just enough MIME for one plain-text part: unfolded headers, RFC 2047 words, QP and base64.
function parseMessage(raw: string): { header: (name: string) => string; body: string } {
	const split = raw.indexOf('\r\n\r\n')
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
	const headers = new Map<string, string>()
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':')
		headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
	}
	const header = (name: string) => headers.get(name.toLowerCase()) ?? ''
	const encoding = header('content-transfer-encoding').toLowerCase()
	const payload = raw.slice(split + 4)
	const bytes =
		encoding === 'base64'
			? Buffer.from(payload, 'base64')
			: encoding === 'quoted-printable'
				? qpBytes(payload.replace(/=\r\n/g, ''))
				: Buffer.from(payload, 'utf8')
	return { header, body: bytes.toString('utf8').replace(/\r\n/g, '\n') }
}

function qpBytes(text: string): Buffer {
	const out: number[] = []
	for (let i = 0; i < text.length; i++) {
		const hex = text.slice(i + 1, i + 3)
		if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
			out.push(parseInt(hex, 16))
			i += 2
		} else {
			out.push(text.charCodeAt(i))
		}
	}
	return Buffer.from(out)
}

const ENCODED_WORD = /=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi

/** Decodes RFC 2047 words; adjacent words are joined (their bytes may split a character). */
function decodeHeader(value: string): string {
	return value.replace(/=\?[^?]+\?[BQ]\?[^?]*\?=(?:\s+=\?[^?]+\?[BQ]\?[^?]*\?=)*/gi, (run) => {
		const parts = [...run.matchAll(ENCODED_WORD)].map(([, charset, encoding, data = '']) => {
			expect(charset?.toLowerCase()).toBe('utf-8')
			return encoding?.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qpBytes(data.replace(/_/g, ' '))
		})
		return Buffer.concat(parts).toString('utf8')
	})
}

// ---------- recipients ----------

describe('phone numbers and masking', () => {
	test.each([
		['0912345678', '+84912345678'],
		['84912345678', '+84912345678'],
		['+84912345678', '+84912345678'],
		['0084912345678', '+84912345678'],
		['+84 (0) 912 345 678', '+84912345678'],
		['091.234.5678', '+84912345678'],
		[' 0387-654-321 ', '+84387654321'],
		['0563456789', '+84563456789'],
		['0701234567', '+84701234567'],
		['0861234567', '+84861234567'],
		['912345678', null], // no trunk prefix or country code
		['091234567', null], // too short
		['09123456789', null], // too long
		['0212345678', null], // 02x: landline, takes no SMS
		['01234567890', null], // old 11-digit mobile numbering, gone since 2018
		['+14155550100', null], // not Vietnamese
		['0912a45678', null],
		['', null],
	])('%j -> %j', (input, expected) => {
		expect(normalizeVietnamPhone(input)).toBe(expected)
	})

	test('recipients are masked for logs and screens', () => {
		expect(maskRecipient('sms', '0912345678')).toBe('09******78')
		expect(maskRecipient('sms', '+84912345678')).toBe('09******78')
		expect(maskRecipient('sms', '12')).toBe('***')
		expect(maskRecipient('email', 'nguyen.lan@example.com')).toBe('n***@example.com')
		expect(maskRecipient('email', 'not-an-address')).toBe('***')
	})
})

// ---------- e-mail ----------

describe('mailer (real SMTP server)', () => {
	test('sends a UTF-8 plain-text message: Vietnamese subject and body arrive intact', async () => {
		const smtp = await startSmtp()
		const { log, lines } = captureLogger()
		const mailer = useMailer(createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, log }))

		const result = await mailer.send({ to: TO, subject: SUBJECT, text: BODY })

		expect(result).toMatchObject({ ok: true, providerId: expect.stringMatching(/^<.+@.+>$/) })
		expect(smtp.received).toHaveLength(1)
		const [message] = smtp.received
		expect(message?.mailFrom).toBe('no-reply@thanthien.test')
		expect(message?.rcptTo).toEqual([TO])
		const parsed = parseMessage(message?.raw ?? '')
		expect(parsed.header('to')).toBe(TO)
		expect(decodeHeader(parsed.header('from'))).toMatch(/^"?Thân Thiện"? <no-reply@thanthien\.test>$/)
		// The subject travels as 7-bit ASCII and decodes back to the original.
		expect(parsed.header('subject')).toMatch(/^[\x20-\x7e]+$/)
		expect(decodeHeader(parsed.header('subject'))).toBe(SUBJECT)
		expect(parsed.header('content-type')).toMatch(/^text\/plain; charset=utf-8$/i)
		expect(parsed.body).toBe(BODY)
		expect(parsed.header('message-id')).toBe(result.ok ? result.providerId : 'none')

		// One line, the recipient masked, nothing of the message itself.
		expect(lines).toHaveLength(1)
		expect(lines[0]).toMatchObject({ level: 30, to: 'n***@example.com', msg: 'e-mail sent' })
		expect(JSON.stringify(lines)).not.toMatch(/nguoi\.dan|NLB-26|Nguyễn/)
	})

	test('authenticates with the user and password of SMTP_URL (percent-encoded)', async () => {
		const password = 's3cr@t:pa/ss'
		const logins: Array<{ username?: string; password?: string | null }> = []
		const smtp = await startSmtp({
			authOptional: false,
			allowInsecureAuth: true,
			onAuth(auth, _session, callback) {
				logins.push({ username: auth.username, password: auth.password })
				if (auth.username === 'xa.an-binh' && auth.password === password) callback(null, { user: auth.username })
				else callback(smtpError('Invalid username or password', 535))
			},
		})
		const url = (pass: string) => `smtp://xa.an-binh:${encodeURIComponent(pass)}@127.0.0.1:${smtp.port}`

		const good = useMailer(createMailer({ smtpUrl: url(password), from: FROM, log: captureLogger().log }))
		expect(await good.send({ to: TO, subject: SUBJECT, text: BODY })).toMatchObject({ ok: true })
		expect(logins[0]).toEqual({ username: 'xa.an-binh', password })
		expect(smtp.received).toHaveLength(1)

		// Wrong credentials fail every message alike: an operator fixes them, the messages wait.
		const capture = captureLogger()
		const bad = useMailer(createMailer({ smtpUrl: url('wrong'), from: FROM, log: capture.log }))
		const result = await bad.send({ to: TO, subject: SUBJECT, text: BODY })
		expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringMatching(/^smtp 535/) })
		expect(smtp.received).toHaveLength(1)
		expect(capture.lines[0]).toMatchObject({ level: 50, code: 'EAUTH' })
		expect(capture.text()).not.toContain('wrong')
	})

	test('550 for the recipient: failed for good, the address masked in the error', async () => {
		const smtp = await startSmtp({
			onRcptTo(address, _session, callback) {
				callback(smtpError(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`, 550))
			},
		})
		const { log, text } = captureLogger()
		const mailer = useMailer(createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, log }))

		const result = await mailer.send({ to: TO, subject: SUBJECT, text: BODY })

		expect(result).toMatchObject({ ok: false, retryable: false, error: expect.stringMatching(/^smtp 550: .*n\*\*\*@example\.com/) })
		expect(result.ok ? '' : result.error).not.toContain('nguoi.dan')
		expect(text()).not.toContain('nguoi.dan')
		expect(smtp.received).toHaveLength(0)
	})

	test('451 after the data: retryable', async () => {
		const smtp = await startSmtp({
			onData(stream, _session, callback) {
				stream.resume()
				stream.on('end', () => callback(smtpError('4.3.0 Temporary local problem, try again later', 451)))
			},
		})
		const mailer = useMailer(createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, log: captureLogger().log }))

		const result = await mailer.send({ to: TO, subject: SUBJECT, text: BODY })

		expect(result).toMatchObject({ ok: false, retryable: true, error: expect.stringMatching(/^smtp 451/) })
	})

	test('452 for the recipient (mailbox full for now): retryable', async () => {
		const smtp = await startSmtp({
			onRcptTo(_address, _session, callback) {
				callback(smtpError('4.2.2 Mailbox full', 452))
			},
		})
		const mailer = useMailer(createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, log: captureLogger().log }))

		expect(await mailer.send({ to: TO, subject: SUBJECT, text: BODY })).toMatchObject({ ok: false, retryable: true })
	})

	test('server down: resolves at once with a retryable failure', async () => {
		const port = await closedPort()
		const { log, lines } = captureLogger()
		const mailer = useMailer(createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, log, timeouts: { connectionMs: 1000 } }))

		const started = Date.now()
		const result = await mailer.send({ to: TO, subject: SUBJECT, text: BODY })

		expect(result).toMatchObject({ ok: false, retryable: true })
		expect(Date.now() - started).toBeLessThan(2000)
		expect(lines[0]).toMatchObject({ level: 40, to: 'n***@example.com' })
	})

	test('a server that never greets: the greeting timeout ends the send, retryable', async () => {
		const sockets = new Set<net.Socket>()
		const silent = net.createServer((socket) => void sockets.add(socket))
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
		cleanups.push(async () => {
			for (const socket of sockets) socket.destroy()
			await new Promise((resolve) => silent.close(resolve))
		})
		const port = (silent.address() as AddressInfo).port
		const mailer = useMailer(
			createMailer({
				smtpUrl: `smtp://127.0.0.1:${port}`,
				from: FROM,
				log: captureLogger().log,
				timeouts: { connectionMs: 300, greetingMs: 300, socketMs: 300 },
			}),
		)

		const started = Date.now()
		const result = await mailer.send({ to: TO, subject: SUBJECT, text: BODY })

		expect(result).toMatchObject({ ok: false, retryable: true })
		expect(Date.now() - started).toBeLessThan(2500)
	})

	test('a malformed or multiple recipient is refused before any connection', async () => {
		const smtp = await startSmtp()
		const mailer = useMailer(createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: FROM, log: captureLogger().log }))

		for (const to of ['nguoi.dan', 'a@example.com, b@example.com', 'Lan <lan@example.com>', 'lan@example.com\r\nBcc: x@y.z']) {
			expect(await mailer.send({ to, subject: SUBJECT, text: BODY })).toEqual({ ok: false, error: 'invalid email', retryable: false })
		}
		expect(smtp.received).toHaveLength(0)
	})

	test('without SMTP_URL: not sent, one info line without the body, recipient masked', async () => {
		const { log, lines } = captureLogger('debug')
		const mailer = createMailer({ smtpUrl: undefined, from: FROM, log })

		const result = await mailer.send({ to: TO, subject: SUBJECT, text: BODY })

		expect(result).toEqual({ ok: false, error: 'email not configured', retryable: false })
		expect(lines).toHaveLength(1)
		expect(lines[0]).toMatchObject({ level: 30, to: 'n***@example.com' })
		expect(JSON.stringify(lines)).not.toMatch(/nguoi\.dan|NLB-26|Kính gửi/)
		await mailer.close()
	})
})

// ---------- SMS ----------

type Hit = { method?: string; url?: string; authorization?: string; contentType?: string; body: unknown }

async function startHttp(respond: (res: http.ServerResponse) => void): Promise<{ url: string; hits: Hit[] }> {
	const hits: Hit[] = []
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			hits.push({
				method: req.method,
				url: req.url,
				authorization: req.headers.authorization,
				contentType: req.headers['content-type'],
				body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
			})
			respond(res)
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	cleanups.push(async () => {
		server.closeAllConnections()
		await new Promise((resolve) => server.close(resolve))
	})
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`, hits }
}

const SMS_TEXT = 'Phản ánh NLB-26-00123 đã được trả lời. Xem tại thanthien.vn'

function reply(status: number, body?: unknown): (res: http.ServerResponse) => void {
	return (res) => {
		res.writeHead(status, { 'content-type': 'application/json' })
		res.end(body === undefined ? '' : JSON.stringify(body))
	}
}

describe('HttpSmsGateway (real HTTP server)', () => {
	test('POSTs { to, text } as JSON with the bearer token; 2xx -> ok with the provider id', async () => {
		const gateway = await startHttp(reply(200, { id: 'msg-7781', status: 'queued' }))
		const { log, text } = captureLogger()
		const sms = new HttpSmsGateway({ url: gateway.url, token: 'tok-123', log })

		const result = await sms.send('0912 345 678', SMS_TEXT)

		expect(result).toEqual({ ok: true, providerId: 'msg-7781' })
		expect(gateway.hits).toEqual([
			{
				method: 'POST',
				url: '/sms/send',
				authorization: 'Bearer tok-123',
				contentType: 'application/json',
				body: { to: '+84912345678', text: SMS_TEXT },
			},
		])
		expect(text()).toContain('09******78')
		expect(text()).not.toMatch(/912345678|NLB-26|tok-123/)
	})

	test('2xx without a JSON id is still ok; no token, no Authorization header', async () => {
		const gateway = await startHttp(reply(202))
		const sms = new HttpSmsGateway({ url: gateway.url, log: captureLogger().log })

		expect(await sms.send('84912345678', SMS_TEXT)).toEqual({ ok: true })
		expect(gateway.hits[0]?.authorization).toBeUndefined()
	})

	test.each([
		[500, true],
		[503, true],
		[429, true],
		[400, false],
		[401, false],
		[404, false],
		[302, false],
	])('HTTP %i -> retryable %s', async (status, retryable) => {
		const gateway = await startHttp(reply(status, { error: 'x' }))
		const sms = new HttpSmsGateway({ url: gateway.url, token: 't', log: captureLogger().log })

		expect(await sms.send('0912345678', SMS_TEXT)).toEqual({ ok: false, error: `sms gateway: HTTP ${status}`, retryable })
		expect(gateway.hits).toHaveLength(1)
	})

	test('a gateway that does not answer: timeout, retryable', async () => {
		const gateway = await startHttp(() => {})
		const sms = new HttpSmsGateway({ url: gateway.url, token: 't', log: captureLogger().log, timeoutMs: 200 })

		const started = Date.now()
		expect(await sms.send('0912345678', SMS_TEXT)).toEqual({ ok: false, error: 'sms gateway: timeout', retryable: true })
		expect(Date.now() - started).toBeLessThan(2000)
	})

	test('gateway down (closed port): network error, retryable', async () => {
		const sms = new HttpSmsGateway({ url: `http://127.0.0.1:${await closedPort()}/sms`, log: captureLogger().log })

		expect(await sms.send('0912345678', SMS_TEXT)).toEqual({
			ok: false,
			error: 'sms gateway: network error (ECONNREFUSED)',
			retryable: true,
		})
	})

	test('an invalid number is refused without a request', async () => {
		const gateway = await startHttp(reply(200, { id: 'x' }))
		const sms = new HttpSmsGateway({ url: gateway.url, log: captureLogger().log })

		expect(await sms.send('12345', SMS_TEXT)).toEqual({ ok: false, error: 'invalid phone', retryable: false })
		expect(gateway.hits).toHaveLength(0)
	})
})

describe('LogSmsGateway', () => {
	test('at info: the masked number and the length, never the text', async () => {
		const { log, lines, text } = captureLogger('info')
		const result = await new LogSmsGateway(log).send('0912345678', SMS_TEXT)

		expect(result).toMatchObject({ ok: true, providerId: expect.stringMatching(/^log-[0-9a-f-]{36}$/) })
		expect(lines).toHaveLength(1)
		expect(lines[0]).toMatchObject({ level: 30, to: '09******78', length: SMS_TEXT.length })
		expect(text()).not.toMatch(/912345678|NLB-26|Phản ánh/)
	})

	test('at debug: the text too', async () => {
		const { log, lines } = captureLogger('debug')
		await new LogSmsGateway(log).send('+84912345678', SMS_TEXT)

		expect(lines.find((line) => line.level === 20)).toMatchObject({ to: '09******78', text: SMS_TEXT })
	})

	test('an invalid number', async () => {
		const { log } = captureLogger()
		expect(await new LogSmsGateway(log).send('0212345678', SMS_TEXT)).toEqual({ ok: false, error: 'invalid phone', retryable: false })
	})
})

// ---------- notifier ----------

describe('createNotifier', () => {
	test('routes e-mail to SMTP_URL and SMS to the configured driver; close() ends the pool', async () => {
		const smtp = await startSmtp()
		const { log, lines } = captureLogger()
		const env = parseEnv({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: FROM })
		const notifier = createNotifier(env, log)

		const email = await notifier.send({ channel: 'email', to: TO, subject: SUBJECT, text: BODY })
		const sms = await notifier.send({ channel: 'sms', to: '0912345678', subject: 'unused', text: SMS_TEXT })
		const unknown = await notifier.send({ channel: 'fax', to: '1', subject: '', text: '' } as unknown as OutgoingMessage)
		await notifier.close()

		expect(email).toMatchObject({ ok: true })
		expect(smtp.received.map((m) => m.rcptTo)).toEqual([[TO]])
		expect(sms).toMatchObject({ ok: true, providerId: expect.stringMatching(/^log-/) })
		expect(unknown).toEqual({ ok: false, error: 'unknown channel fax', retryable: false })
		expect(lines.every((line) => line.component === 'notify')).toBe(true)
	})

	test('SMS_DRIVER=http posts to SMS_HTTP_URL with SMS_HTTP_TOKEN', async () => {
		const gateway = await startHttp(reply(200, { id: 42 }))
		const env = parseEnv({ SMS_DRIVER: 'http', SMS_HTTP_URL: gateway.url, SMS_HTTP_TOKEN: 'secret-token' })
		const notifier = createNotifier(env, captureLogger().log)

		const result = await notifier.send({ channel: 'sms', to: '0387654321', subject: '', text: 'Mã xác nhận: 123456' })
		const email = await notifier.send({ channel: 'email', to: TO, subject: SUBJECT, text: BODY })
		await notifier.close()

		expect(result).toEqual({ ok: true, providerId: '42' })
		expect(gateway.hits[0]).toMatchObject({ authorization: 'Bearer secret-token', body: { to: '+84387654321', text: 'Mã xác nhận: 123456' } })
		expect(email).toEqual({ ok: false, error: 'email not configured', retryable: false })
	})
})
