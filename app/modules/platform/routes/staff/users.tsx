import { Link, redirect } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDateTime } from '#app/core/i18n/i18n.ts'
import { formErrorResponse, formValues, type FormState } from '#app/core/http/responses.ts'
import { ZSearchQuery } from '#app/core/text.ts'
import { Button, ErrorSummary, PostForm, SelectField, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, SearchForm, Table, Tag } from '#app/ui/parts.tsx'
import { createUser, listAccounts } from '../../accounts.server.ts'
import { requireStaff } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { listAgencies, listVillages } from '../../org.server.ts'
import { assignableRoles, isDeploymentAdmin } from '../../permissions.ts'
import type { Route } from './+types/users.ts'

export const handle = staffHandle('users.manage')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaff(request, context, 'users.manage')
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const query = ZSearchQuery.parse(url.searchParams.get('q') ?? '')
	const roles = assignableRoles(staff.actor)
	const communeAccounts = staff.communeId ? await listAccounts(db, staff.actor, staff.communeId, query) : []
	const deploymentAccounts = isDeploymentAdmin(staff.actor) ? await listAccounts(db, staff.actor, null, query) : []
	return {
		accounts: [...deploymentAccounts, ...communeAccounts],
		agencies: staff.communeId ? await listAgencies(db, staff.actor, staff.communeId) : [],
		villages: staff.communeId ? await listVillages(db, staff.actor, staff.communeId) : [],
		roles,
		query,
		created: url.searchParams.get('tao-moi'),
		now: Date.now(),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaff(request, context, 'users.manage')
	const values = formValues(await request.formData())
	try {
		const account = await createUser(context.get(servicesContext).db, staff.actor, {
			username: values.username ?? '',
			fullName: values.fullName ?? '',
			email: values.email,
			phone: values.phone,
			role: values.role as never,
			communeId: staff.communeId,
			agencyId: values.agencyId || null,
			villageId: values.villageId || null,
			password: values.password ?? '',
			mustChangePassword: true,
		})
		return redirect(`/quan-tri/nguoi-dung?tao-moi=${encodeURIComponent(account.username)}`)
	} catch (err) {
		const { password: _password, ...kept } = values
		return formErrorResponse(err, kept)
	}
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	const e = state?.fieldErrors ?? {}
	const v = state?.values ?? {}
	const labels = {
		username: t('users.username'),
		fullName: t('users.fullName'),
		role: t('users.role'),
		password: t('users.initialPassword'),
		email: t('users.email'),
		phone: t('users.phone'),
	}
	return (
		<>
			<title>{`${t('users.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('users.title')}</PageTitle>
			{loaderData.created ? <Notice kind="success">{t('users.created', { username: loaderData.created })}</Notice> : null}
			<SearchForm id="user-search" label={t('form.search')} button={t('form.search')} query={loaderData.query} />
			<Table caption={t('users.title')}>
				<thead>
					<tr>
						<th scope="col">{t('users.fullName')}</th>
						<th scope="col">{t('users.username')}</th>
						<th scope="col">{t('users.role')}</th>
						<th scope="col">{t('users.status')}</th>
					</tr>
				</thead>
				<tbody>
					{loaderData.accounts.length === 0 ? (
						<EmptyRow columns={4}>{t('table.empty')}</EmptyRow>
					) : null}
					{loaderData.accounts.map((a) => (
						<tr key={a.id}>
							<td>
								<Link to={`/quan-tri/nguoi-dung/${a.id}`}>{a.fullName}</Link>
							</td>
							<td>
								<code>{a.username}</code>
							</td>
							<td>{t(`role.${a.role}`)}</td>
							<td>
								{a.disabledAt ? (
									<Tag kind="danger">{t('users.status.disabled')}</Tag>
								) : a.lockedUntil && new Date(a.lockedUntil).getTime() > loaderData.now ? (
									<Tag kind="warning">{t('users.status.locked', { time: formatDateTime(a.lockedUntil) })}</Tag>
								) : (
									<Tag kind="success">{t('users.status.active')}</Tag>
								)}
							</td>
						</tr>
					))}
				</tbody>
			</Table>

			<h2 id="create">{t('users.create')}</h2>
			<ErrorSummary state={state} labels={labels} />
			<PostForm noValidate className="narrow">
				<TextField name="fullName" label={labels.fullName} defaultValue={v.fullName} error={e.fullName} maxLength={120} autoComplete="off" />
				<TextField name="username" label={labels.username} hint={t('form.username')} defaultValue={v.username} error={e.username} maxLength={60} autoComplete="off" />
				<SelectField
					name="role"
					label={labels.role}
					defaultValue={v.role ?? 'agency_officer'}
					error={e.role}
					options={loaderData.roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
				/>
				{loaderData.agencies.length ? (
					<SelectField
						name="agencyId"
						label={t('users.agency')}
						optional
						defaultValue={v.agencyId ?? ''}
						error={e.agencyId}
						options={[{ value: '', label: t('users.none') }, ...loaderData.agencies.map((a) => ({ value: a.id, label: a.name }))]}
					/>
				) : null}
				{loaderData.villages.length ? (
					<SelectField
						name="villageId"
						label={t('users.village')}
						optional
						defaultValue={v.villageId ?? ''}
						error={e.villageId}
						options={[{ value: '', label: t('users.none') }, ...loaderData.villages.map((a) => ({ value: a.id, label: a.name }))]}
					/>
				) : null}
				<TextField name="email" type="email" label={labels.email} optional defaultValue={v.email} error={e.email} maxLength={200} autoComplete="off" />
				<TextField name="phone" type="tel" label={labels.phone} optional defaultValue={v.phone} error={e.phone} maxLength={40} autoComplete="off" />
				<TextField name="password" type="password" label={labels.password} hint={t('users.initialPasswordHint')} error={e.password} maxLength={200} autoComplete="new-password" />
				<Button>{t('users.create')}</Button>
			</PostForm>
		</>
	)
}
