import { data } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, type FormState } from '#app/core/http/responses.ts'
import { Button, ErrorSummary, PostForm, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle } from '#app/ui/parts.tsx'
import { changeOwnPassword } from '../../accounts.server.ts'
import { requireStaff } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import type { Route } from './+types/account.ts'

export const handle = staffHandle('backoffice.access')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaff(request, context)
	return { username: staff.user.username, mustChange: staff.user.mustChangePassword }
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaff(request, context)
	const form = await request.formData()
	const newPassword = String(form.get('newPassword') ?? '')
	if (newPassword !== String(form.get('confirmPassword') ?? '')) {
		return data<FormState>({ fieldErrors: { confirmPassword: 'password.mismatch' }, formError: { key: 'form.fixErrors' } }, { status: 400 })
	}
	try {
		await changeOwnPassword(context.get(servicesContext).db, staff.actor, {
			currentPassword: String(form.get('currentPassword') ?? ''),
			newPassword,
			currentSessionId: staff.sessionId,
		})
		return { done: true } as FormState & { done: true }
	} catch (err) {
		return formErrorResponse(err)
	}
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as (FormState & { done?: boolean }) | undefined
	const errors = state?.fieldErrors ?? {}
	return (
		<div className="narrow">
			<title>{`${t('account.title')} — ${t('app.name')}`}</title>
			<PageTitle caption={loaderData.username}>{t('account.changePassword')}</PageTitle>
			{state?.done ? <Notice kind="success">{t('account.passwordChanged')}</Notice> : null}
			{loaderData.mustChange && !state?.done ? <Notice kind="warning">{t('account.mustChange')}</Notice> : null}
			<ErrorSummary
				state={state?.done ? undefined : state}
				labels={{ newPassword: t('account.newPassword'), confirmPassword: t('account.confirmPassword'), currentPassword: t('account.currentPassword') }}
			/>
			<PostForm noValidate>
				<TextField name="currentPassword" type="password" label={t('account.currentPassword')} autoComplete="current-password" error={errors.currentPassword} />
				<TextField
					name="newPassword"
					type="password"
					label={t('account.newPassword')}
					hint={t('account.newPasswordHint')}
					autoComplete="new-password"
					error={errors.newPassword ?? (state?.formError?.key.startsWith('password.') ? state.formError.key : undefined)}
				/>
				<TextField name="confirmPassword" type="password" label={t('account.confirmPassword')} autoComplete="new-password" error={errors.confirmPassword} />
				<Button>{t('account.changePassword')}</Button>
			</PostForm>
		</div>
	)
}
