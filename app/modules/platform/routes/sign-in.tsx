import { redirect } from 'react-router'
import { requestInfoContext, servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, safeRedirectPath, type FormState } from '#app/core/http/responses.ts'
import { Button, ErrorSummary, PostForm, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle } from '#app/ui/parts.tsx'
import { signIn } from '../accounts.server.ts'
import { cookieOptions, getRequestState, sessionCookie } from '../http/request-state.server.ts'
import type { Route } from './+types/sign-in.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const next = safeRedirectPath(url.searchParams.get('next'), '/quan-tri')
	if (getRequestState(context).session) throw redirect(next)
	return { next, signedOut: url.searchParams.has('da-dang-xuat') }
}

export async function action({ request, context }: Route.ActionArgs) {
	const { db, env } = context.get(servicesContext)
	const { ip } = context.get(requestInfoContext)
	const form = await request.formData()
	const username = String(form.get('username') ?? '')
	const next = safeRedirectPath(form.get('next'), '/quan-tri')
	try {
		const result = await signIn(db, {
			username,
			password: String(form.get('password') ?? ''),
			ip,
			userAgent: request.headers.get('user-agent') ?? '',
			sessionDays: env.SESSION_DAYS,
		})
		const cookie = await sessionCookie.serialize(result.token, { ...cookieOptions(request, context), expires: result.expiresAt })
		return redirect(result.user.mustChangePassword ? '/quan-tri/tai-khoan' : next, { headers: { 'Set-Cookie': cookie } })
	} catch (err) {
		return formErrorResponse(err, { username: username.slice(0, 100) })
	}
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	return (
		<div className="narrow">
			<title>{`${t('signIn.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('signIn.title')}</PageTitle>
			{loaderData.signedOut ? <Notice kind="success">{t('signIn.signedOut')}</Notice> : null}
			<ErrorSummary state={state} />
			<PostForm noValidate>
				<input type="hidden" name="next" value={loaderData.next} />
				<TextField name="username" label={t('signIn.username')} autoComplete="username" defaultValue={state?.values?.username} maxLength={100} />
				<TextField name="password" label={t('signIn.password')} type="password" autoComplete="current-password" maxLength={200} />
				<Button>{t('signIn.submit')}</Button>
			</PostForm>
			<p className="muted">{t('signIn.citizenNote')}</p>
		</div>
	)
}

