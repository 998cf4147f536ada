import { redirect } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { signOut } from '../../accounts.server.ts'
import { cookieOptions, getRequestState, requireStaff, sessionCookie } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import type { Route } from './+types/sign-out.ts'

export const handle = staffHandle('backoffice.access')

/** Ends this session on the server and clears the cookie. */
export async function action({ request, context }: Route.ActionArgs) {
	const state = getRequestState(context)
	if (state.session && state.actor) await signOut(context.get(servicesContext).db, state.actor, state.session.sessionId)
	return redirect('/dang-nhap?da-dang-xuat', {
		headers: { 'Set-Cookie': await sessionCookie.serialize('', { ...cookieOptions(request, context), maxAge: 0 }) },
	})
}

export async function loader({ request, context }: Route.LoaderArgs) {
	await requireStaff(request, context)
	return redirect('/quan-tri')
}
