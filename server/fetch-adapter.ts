import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

// Express request → Fetch Request, and Fetch Response → Express response: what React Router's
// handler takes and gives. Kept here (instead of @react-router/express) so the handler comes
// from the built app itself and always shares its copy of react-router.

export function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
	const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
	const controller = new AbortController()
	res.on('close', () => {
		if (!res.writableFinished) controller.abort()
	})
	const headers = new Headers()
	for (const [key, value] of Object.entries(req.headers)) {
		if (value === undefined) continue
		if (Array.isArray(value)) for (const v of value) headers.append(key, v)
		else headers.set(key, value)
	}
	// The body is whole now: its framing headers no longer apply.
	headers.delete('transfer-encoding')
	headers.delete('content-length')
	const init: RequestInit = { method: req.method, headers, signal: controller.signal }
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		// The body was read (and its size checked) by express.raw; a request without one has none.
		init.body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : null
	}
	return new Request(url, init)
}

export async function sendFetchResponse(res: ExpressResponse, response: Response): Promise<void> {
	res.status(response.status)
	if (response.statusText) res.statusMessage = response.statusText
	for (const [key, value] of response.headers) {
		if (key !== 'set-cookie') res.setHeader(key, value)
	}
	const cookies = response.headers.getSetCookie()
	if (cookies.length) res.setHeader('Set-Cookie', cookies)
	if (!response.body) {
		res.end()
		return
	}
	await pipeline(Readable.fromWeb(response.body as unknown as WebReadableStream), res)
}
