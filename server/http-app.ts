import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { createRequestHandler, RouterContextProvider, ServerBuild } from 'react-router'
import { requestInfoContext, servicesContext, type Services } from '#app/core/http/context.ts'
import { MESSAGES } from '#app/messages.ts'
import { sendFetchResponse, toFetchRequest } from './fetch-adapter.ts'

// The HTTP layer around React Router: security headers, size and rate limits, static files,
// request logs, and the per-request context that loaders and actions read.

export type HttpAppOptions = {
	services: Services
	build: ServerBuild
	/** Folder of the built client assets (build/client). */
	clientDir: string
}

const SIGN_IN_LIMIT_PER_MINUTE = 10

/** A page for errors answered before the router runs: the same messages, in both languages. */
function plainError(status: number, messageKey: string) {
	const vi = MESSAGES.vi[messageKey]
	const en = MESSAGES.en[messageKey]
	return `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${status}</title><body><h1>${vi}</h1><p lang="en">${en}</p><p><a href="/">${MESSAGES.vi['error.backHome']} / ${MESSAGES.en['error.backHome']}</a></p></body></html>`
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
	app.use(express.raw({ type: () => true, limit: env.BODY_LIMIT_BYTES }))

	// Repeated sign-in attempts from one address are slowed down (the account lockout is separate).
	app.post(
		'/dang-nhap',
		rateLimit({
			windowMs: 60_000,
			limit: SIGN_IN_LIMIT_PER_MINUTE,
			standardHeaders: 'draft-8',
			legacyHeaders: false,
			handler: (_req, res) => {
				res
					.status(429)
					.type('html')
					.send(plainError(429, 'error.rateLimited'))
			},
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
			res.status(413).type('html').send(plainError(413, 'error.tooLarge'))
			return
		}
		if (type === 'request.aborted' || type === 'encoding.unsupported' || type === 'request.size.invalid') {
			res.status(400).type('html').send(plainError(400, 'error.badRequest'))
			return
		}
		log.error({ err, path: req.path }, 'unhandled error')
		res
			.status(500)
			.type('html')
			.send(plainError(500, 'error.unexpected'))
	})
	return app
}
