import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { renderToPipeableStream } from 'react-dom/server'
import { ServerRouter, type EntryContext, type HandleErrorFunction, type RouterContextProvider } from 'react-router'
import { requestInfoContext, servicesContext } from '#app/core/http/context.ts'

export const streamTimeout = 5_000

// Pages are small: render them whole (no streaming) so the status code is always right, and
// give React the CSP nonce for the few inline scripts of hydrated (staff) pages.
export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: RouterContextProvider,
) {
	if (request.method.toUpperCase() === 'HEAD') {
		return new Response(null, { status: responseStatusCode, headers: responseHeaders })
	}
	const { nonce } = loadContext.get(requestInfoContext)
	return new Promise<Response>((resolve, reject) => {
		let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000)
		const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
			nonce,
			onAllReady() {
				const body = new PassThrough({
					final(callback) {
						clearTimeout(timeoutId)
						timeoutId = undefined
						callback()
					},
				})
				responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
				pipe(body)
				resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
			},
			onShellError(error: unknown) {
				reject(error)
			},
			onError(error: unknown) {
				responseStatusCode = 500
				loadContext.get(servicesContext).log.error({ err: error }, 'render error')
			},
		})
	})
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
	if (request.signal.aborted) return
	const details = { err: error, url: request.url, method: request.method }
	try {
		;(context as RouterContextProvider).get(servicesContext).log.error(details, 'unhandled error')
	} catch {
		console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', url: request.url, err: String(error) }))
	}
}

// The HTTP server takes React Router's request handler and context class from the built app,
// so both are the same instances the routes use, however the server itself was loaded.
export { createRequestHandler, RouterContextProvider } from 'react-router'
