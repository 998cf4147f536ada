import { createContext } from 'react-router'
import type { Database, Db } from '#app/core/db/client.server.ts'
import type { Env } from '#app/core/env.server.ts'
import type { Logger } from '#app/core/log.server.ts'

// What the HTTP server hands every request: the app's services (created once at start) and
// facts about this request that only the server knows. Loaders and actions read them from
// `context`; nothing in app/ opens a database or reads process.env on its own.

export type Services = {
	database: Database
	db: Db
	env: Env
	log: Logger
}

export type RequestInfo = {
	/** Client address (from X-Forwarded-For only when TRUST_PROXY is on). */
	ip: string
	/** Per-response nonce allowed by the Content-Security-Policy for our own scripts. */
	nonce: string
	requestId: string
}

// The server (run by Node) and the route modules (bundled by Vite) each load this file, so the
// contexts are kept on globalThis under a registered symbol: both copies share one object.
function sharedContext<T>(name: string) {
	const key = Symbol.for(`than-thien.${name}`)
	const store = globalThis as unknown as Record<symbol, ReturnType<typeof createContext<T>> | undefined>
	return (store[key] ??= createContext<T>())
}

export const servicesContext = sharedContext<Services>('services')
export const requestInfoContext = sharedContext<RequestInfo>('request-info')
