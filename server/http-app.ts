import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import { UPLOAD_LIMITS } from '#app/core/files/uploads.server.ts'
import type { createRequestHandler, RouterContextProvider, ServerBuild } from 'react-router'
import { requestInfoContext, servicesContext, type Services } from '#app/core/http/context.ts'
import { MESSAGES } from '#app/messages.ts'
import { OPEN311_PATH, renderErrors } from '#app/modules/feedback/open311/format.ts'
import { sendFetchResponse, toFetchRequest } from './fetch-adapter.ts'

// The HTTP layer around React Router: security headers, size and rate limits, static files,
// request logs, and the per-request context that loaders and actions read.

export type HttpAppOptions = {
	services: Services
	build: ServerBuild
	/** Folder of the built client assets (build/client). */
	clientDir: string
}

/** Paths whose forms carry files. */
const UPLOAD_PATHS = ['/phan-anh-kien-nghi/gui/tep', '/quan-tri/y-kien/tiep-nhan', '/quan-tri/cong-khai']
const UPLOAD_BODY_LIMIT_BYTES = UPLOAD_LIMITS.maxFiles * UPLOAD_LIMITS.maxBytesPerFile + 1_048_576
/** Feedback sent per address and hour (a family or a village hall may share one address). */
export const FEEDBACK_SUBMISSIONS_PER_HOUR = 20
export const FEEDBACK_LOOKUPS_PER_10_MINUTES = 30
const SIGN_IN_LIMIT_PER_MINUTE = 10

/** A page for errors answered before the router runs: the same messages, in both languages. */
function plainError(status: number, messageKey: string) {
	const vi = MESSAGES.vi[messageKey]
	const en = MESSAGES.en[messageKey]
	return `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${status}</title><body><h1>${vi}</h1><p lang="en">${en}</p><p><a href="/">${MESSAGES.vi['error.backHome']} / ${MESSAGES.en['error.backHome']}</a></p></body></html>`
}

/**
 * Sends an error answered outside the router: the plain page for browsers, the Open311 error
 * format (JSON, or XML for `.xml` paths) for the API, so that its clients can read every error.
 */
function sendError(req: Request, res: Response, status: number, messageKey: string) {
	if (req.path.startsWith(`${OPEN311_PATH}/`)) {
		const body = renderErrors(req.path.endsWith('.xml') ? 'xml' : 'json', [{ code: status, description: MESSAGES.en[messageKey] ?? messageKey }])
		res.status(status).type(body.contentType).send(body.body)
		return
	}
	res.status(status).type('html').send(plainError(status, messageKey))
}

export function createHttpApp({ services, build, clientDir }: HttpAppOptions) {
	const { env, log } = services
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', env.TRUST_PROXY)

	// Request id and a log line per request.
	app.use((req, res, next) => {
		const started = performance.now()
		const requestId = randomUUID()
		res.locals.requestId = requestId
		res.setHeader('X-Request-Id', requestId)
		res.on('finish', () => {
			log.info(
				{ reqId: requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) },
				'request',
			)
		})
		next()
	})

	// Security headers. Scripts only from our own origin or with this response's nonce.
	app.use((req, res, next) => {
		const nonce = randomBytes(16).toString('base64')
		res.locals.nonce = nonce
		res.setHeader(
			'Content-Security-Policy',
			[
				"default-src 'self'",
				`script-src 'self' 'nonce-${nonce}'`,
				"style-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"form-action 'self'",
				"frame-ancestors 'none'",
				"base-uri 'none'",
				"object-src 'none'",
			].join('; '),
		)
		res.setHeader('X-Content-Type-Options', 'nosniff')
		res.setHeader('X-Frame-Options', 'DENY')
		res.setHeader('Referrer-Policy', 'same-origin')
		res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
		if (env.SECURE_COOKIES || req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
		next()
	})

	// Request bodies are read here, up to the limit (larger ones get 413, whether their length is
	// announced or they arrive in chunks), and handed to the router as they came.
	// Forms that carry files (five of up to 5 MB each) get room for them; every other body keeps
	// the general limit.
	app.use(UPLOAD_PATHS, express.raw({ type: () => true, limit: Math.max(env.BODY_LIMIT_BYTES, UPLOAD_BODY_LIMIT_BYTES) }))
	app.use(express.raw({ type: () => true, limit: env.BODY_LIMIT_BYTES }))

	// The public feedback pages: each step of the form is a POST, so the limit is generous per
	// address; sending (the last step) and the look-up (which guards a secret) are tighter.
	const limited = (windowMs: number, limit: number) =>
		rateLimit({
			windowMs,
			limit,
			standardHeaders: 'draft-8',
			legacyHeaders: false,
			handler: (req, res) => sendError(req, res, 429, 'error.rateLimited'),
		})
	app.post('/phan-anh-kien-nghi/gui/kiem-tra', limited(60 * 60_000, FEEDBACK_SUBMISSIONS_PER_HOUR))
	app.post('/phan-anh-kien-nghi/tra-cuu', limited(10 * 60_000, FEEDBACK_LOOKUPS_PER_10_MINUTES))
	app.post('/phan-anh-kien-nghi/{*rest}', limited(10 * 60_000, 300))
	app.post('/open311/{*rest}', limited(60_000, 120))

	// Repeated sign-in attempts from one address are slowed down (the account lockout is separate).
	app.post(
		'/dang-nhap',
		rateLimit({
			windowMs: 60_000,
			limit: SIGN_IN_LIMIT_PER_MINUTE,
			standardHeaders: 'draft-8',
			legacyHeaders: false,
			handler: (req, res) => sendError(req, res, 429, 'error.rateLimited'),
		}),
	)

	app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }))
	app.use(express.static(clientDir, { maxAge: '1h', index: false }))

	const fromBuild = build.entry.module as unknown as {
		createRequestHandler: typeof createRequestHandler
		RouterContextProvider: typeof RouterContextProvider
	}
	const handle = fromBuild.createRequestHandler(build, env.NODE_ENV === 'development' ? 'development' : 'production')
	app.all('/{*splat}', async (req, res, next) => {
		try {
			const context = new fromBuild.RouterContextProvider()
			context.set(servicesContext, services)
			context.set(requestInfoContext, { ip: req.ip ?? '', nonce: res.locals.nonce as string, requestId: res.locals.requestId as string })
			await sendFetchResponse(res, await handle(toFetchRequest(req, res), context))
		} catch (err) {
			next(err)
		}
	})

	// Last resort: never a stack trace to the browser.
	app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
		if (res.headersSent) return
		const type = (err as { type?: string }).type
		if (type === 'entity.too.large') {
			sendError(req, res, 413, 'error.tooLarge')
			return
		}
		// Malformed requests, including a path whose percent-encoding is not UTF-8 (a URIError
		// from decoding it, which the router reports with status 400).
		const status = (err as { status?: unknown }).status
		if (type === 'request.aborted' || type === 'encoding.unsupported' || type === 'request.size.invalid' || status === 400 || err instanceof URIError) {
			sendError(req, res, 400, 'error.badRequest')
			return
		}
		log.error({ err, path: req.path }, 'unhandled error')
		sendError(req, res, 500, 'error.unexpected')
	})
	return app
}
