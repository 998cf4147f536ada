import type { ReactNode } from 'react'
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError } from 'react-router'
import { requestInfoContext } from '#app/core/http/context.ts'
import { requestStateMiddleware, getRequestState } from '#app/modules/platform/http/request-state.server.ts'
import { useRootData, useT } from '#app/ui/i18n.tsx'
import type { RootData } from '#app/ui/i18n.tsx'
import stylesUrl from '#app/ui/styles.css?url'
import type { Route } from './+types/root.ts'

export const middleware: Route.MiddlewareFunction[] = [requestStateMiddleware]

export const links: Route.LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesUrl },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ context }: Route.LoaderArgs): Promise<RootData & { nonce: string }> {
	const state = getRequestState(context)
	const { nonce } = context.get(requestInfoContext)
	return {
		locale: state.locale,
		csrfToken: state.csrfToken,
		commune: state.commune
			? { name: state.commune.name, hotline: state.commune.hotline, address: state.commune.address, email: state.commune.email, isDemo: state.commune.isDemo }
			: null,
		user: state.session ? { fullName: state.session.user.fullName, role: state.session.user.role } : null,
		nonce,
	}
}

/** Route handles may ask for client-side JavaScript; public pages never do. */
export type RouteHandle = { hydrate?: boolean }

export function Layout({ children }: { children: ReactNode }) {
	const data = useRootData() as (RootData & { nonce: string }) | undefined
	const matches = useMatches()
	const hydrate = matches.some((m) => (m.handle as RouteHandle | undefined)?.hydrate)
	return (
		<html lang={data?.locale ?? 'vi'}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				{hydrate && data ? (
					<>
						<ScrollRestoration nonce={data.nonce} />
						<Scripts nonce={data.nonce} />
					</>
				) : null}
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}

export function ErrorBoundary() {
	const error = useRouteError()
	const t = useT()
	let status = 500
	let messageKey = 'error.unexpected'
	if (isRouteErrorResponse(error)) {
		status = error.status
		const body = error.data as { messageKey?: unknown } | undefined
		messageKey =
			typeof body?.messageKey === 'string'
				? body.messageKey
				: status === 404
					? 'error.notFound'
					: status === 403
						? 'error.forbidden'
						: status === 413
							? 'error.tooLarge'
							: status === 400
								? 'error.badRequest'
								: 'error.unexpected'
	}
	const title = status === 404 ? t('error.notFoundTitle') : status === 403 ? t('error.forbiddenTitle') : t('error.title')
	return (
		<main className="error-page" id="main">
			<title>{`${title} — ${t('app.name')}`}</title>
			<h1 className="page-title">{title}</h1>
			<p className="lead">{t(messageKey)}</p>
			<p className="muted">{t('error.code', { code: status })}</p>
			<p>
				<a href="/">{t('error.backHome')}</a>
			</p>
		</main>
	)
}
