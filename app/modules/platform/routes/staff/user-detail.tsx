import { data } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDateTime } from '#app/core/i18n/i18n.ts'
import { formErrorResponse, httpError, rethrowAsHttp, type FormState } from '#app/core/http/responses.ts'
import { Button, ErrorSummary, PostForm } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle, Table } from '#app/ui/parts.tsx'
import { getAccount, resetPassword, revokeSessions, setAccountDisabled, unlockAccount } from '../../accounts.server.ts'
import { listAuditLog } from '../../audit.server.ts'
import { redirectWithFlash, requireStaff, takeFlash, type Flash } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { can } from '../../permissions.ts'
import type { Route } from './+types/user-detail.ts'

export const handle = staffHandle('users.manage')

export async function loader({ request, context, params }: Route.LoaderArgs) {
	const staff = await requireStaff(request, context, 'users.manage')
	const { db } = context.get(servicesContext)
	try {
		const account = await getAccount(db, staff.actor, params.userId)
		const history = can(staff.actor, 'audit.read', account.communeId)
			? (await listAuditLog(db, staff.actor, { communeId: account.communeId, entityType: 'user', entityId: account.id, limit: 20 })).rows
			: []
		const { flash, headers } = await takeFlash(request, context)
		return data({ account, history, now: Date.now(), isSelf: account.id === staff.user.id, flash }, { headers })
	} catch (err) {
		rethrowAsHttp(err)
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const staff = await requireStaff(request, context, 'users.manage')
	const { db } = context.get(servicesContext)
	const intent = String((await request.formData()).get('intent') ?? '')
	// Each result is shown once on the page we come back to: reloading it sends nothing again.
	const back = (flash: Flash) => redirectWithFlash(request, context, `/quan-tri/nguoi-dung/${params.userId}`, flash)
	try {
		switch (intent) {
			case 'reset':
				return await back({ done: 'reset', password: (await resetPassword(db, staff.actor, params.userId)).password })
			case 'unlock':
				await unlockAccount(db, staff.actor, params.userId)
				return await back({ done: 'unlock' })
			case 'disable':
			case 'enable':
				await setAccountDisabled(db, staff.actor, params.userId, intent === 'disable')
				return await back({ done: intent })
			case 'revoke':
				return await back({ done: 'revoke', count: await revokeSessions(db, staff.actor, params.userId) })
			default:
				throw httpError(400, 'error.badRequest')
		}
	} catch (err) {
		return formErrorResponse(err, undefined, intent)
	}
}

const DONE_MESSAGE: Record<string, string> = {
	unlock: 'users.unlocked',
	disable: 'users.disabledDone',
	enable: 'users.enabledDone',
}

export default function UserDetail({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const { account, history, now, isSelf, flash } = loaderData
	const failed = actionData as FormState | undefined
	const result = (flash ?? undefined) as { done?: string; password?: string; count?: number } | undefined
	const locked = account.lockedUntil && new Date(account.lockedUntil).getTime() > now
	return (
		<>
			<title>{`${account.fullName} — ${t('app.name')}`}</title>
			<PageTitle caption={t('users.detail')}>{account.fullName}</PageTitle>
			{result?.done === 'reset' && result.password ? <Notice kind="warning">{t('users.resetDone', { password: result.password })}</Notice> : null}
			{result?.done === 'revoke' ? <Notice kind="success">{t('users.revoked', { count: result.count ?? 0 })}</Notice> : null}
			{result?.done && DONE_MESSAGE[result.done] ? <Notice kind="success">{t(DONE_MESSAGE[result.done]!)}</Notice> : null}
			<ErrorSummary state={failed} />
			<dl className="summary-list">
				<div className="summary-list__row">
					<dt>{t('users.username')}</dt>
					<dd>
						<code>{account.username}</code>
					</dd>
				</div>
				<div className="summary-list__row">
					<dt>{t('users.role')}</dt>
					<dd>{t(`role.${account.role}`)}</dd>
				</div>
				<div className="summary-list__row">
					<dt>{t('users.email')}</dt>
					<dd>{account.email || '—'}</dd>
				</div>
				<div className="summary-list__row">
					<dt>{t('users.phone')}</dt>
					<dd>{account.phone || '—'}</dd>
				</div>
				<div className="summary-list__row">
					<dt>{t('users.status')}</dt>
					<dd>
						{account.disabledAt
							? t('users.status.disabled')
							: locked
								? t('users.status.locked', { time: formatDateTime(account.lockedUntil!) })
								: t('users.status.active')}
					</dd>
				</div>
				<div className="summary-list__row">
					<dt>{t('users.lastSignIn')}</dt>
					<dd>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : t('users.never')}</dd>
				</div>
			</dl>
			<div className="button-group">
				<PostForm>
					<input type="hidden" name="intent" value="reset" />
					<Button variant="secondary">{t('users.resetPassword')}</Button>
				</PostForm>
				{locked ? (
					<PostForm>
						<input type="hidden" name="intent" value="unlock" />
						<Button variant="secondary">{t('users.unlock')}</Button>
					</PostForm>
				) : null}
				<PostForm>
					<input type="hidden" name="intent" value="revoke" />
					<Button variant="secondary">{t('users.revokeSessions')}</Button>
				</PostForm>
				{isSelf ? null : (
					<PostForm>
						<input type="hidden" name="intent" value={account.disabledAt ? 'enable' : 'disable'} />
						<Button variant={account.disabledAt ? 'secondary' : 'warning'}>{account.disabledAt ? t('users.enable') : t('users.disable')}</Button>
					</PostForm>
				)}
			</div>
			{history.length ? (
				<>
					<h2>{t('users.history')}</h2>
					<Table caption={t('users.history')}>
						<thead>
							<tr>
								<th scope="col">{t('audit.at')}</th>
								<th scope="col">{t('audit.actor')}</th>
								<th scope="col">{t('audit.action')}</th>
							</tr>
						</thead>
						<tbody>
							{history.map((h) => (
								<tr key={h.id}>
									<td>{formatDateTime(h.at)}</td>
									<td>{h.actorLabel}</td>
									<td>
										<code>{h.action}</code>
									</td>
								</tr>
							))}
						</tbody>
					</Table>
				</>
			) : null}
		</>
	)
}
