import { redirect } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { Button, ErrorSummary, PostForm, SelectField, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle, Table } from '#app/ui/parts.tsx'
import { communeCookie, cookieOptions, requireStaff } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { createCommune, getPublicCommuneBySlug, listPublicCommunes } from '../../org.server.ts'
import { can } from '../../permissions.ts'
import type { Route } from './+types/communes.ts'

export const handle = staffHandle('city.view')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaff(request, context, 'city.view')
	const url = new URL(request.url)
	return {
		communes: await listPublicCommunes(context.get(servicesContext).db),
		currentId: staff.communeId,
		canCreate: can(staff.actor, 'communes.manage'),
		canChoose: staff.actor.communeId === null,
		created: url.searchParams.get('da-them'),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaff(request, context, 'city.view')
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	if (values.intent === 'choose') {
		if (staff.actor.communeId !== null) throw httpError(403, 'error.forbidden')
		const commune = await getPublicCommuneBySlug(db, values.slug ?? '')
		if (!commune) throw httpError(404, 'error.notFound')
		return redirect('/quan-tri', { headers: { 'Set-Cookie': await communeCookie.serialize(commune.slug, cookieOptions(request, context)) } })
	}
	if (values.intent !== 'create') throw httpError(400, 'error.badRequest')
	try {
		const commune = await createCommune(db, staff.actor, {
			name: values.name ?? '',
			slug: values.slug ?? '',
			kind: (values.kind ?? 'xa') as 'xa',
			cityName: values.cityName,
			hostnames: values.hostnames,
			hotline: values.hotline,
			address: values.address,
			email: values.email,
		})
		return redirect(`/quan-tri/cac-xa?da-them=${encodeURIComponent(commune.name)}`)
	} catch (err) {
		return formErrorResponse(err, values, 'create')
	}
}

export default function Communes({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	const e = state?.fieldErrors ?? {}
	const v = state?.values ?? {}
	return (
		<>
			<title>{`${t('communes.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('communes.title')}</PageTitle>
			{loaderData.created ? <Notice kind="success">{t('communes.created', { name: loaderData.created })}</Notice> : null}
			<Table caption={t('communes.title')}>
				<thead>
					<tr>
						<th scope="col">{t('city.name')}</th>
						<th scope="col">{t('communes.slug')}</th>
						<th scope="col">{t('communes.hostnames')}</th>
						{loaderData.canChoose ? <th scope="col">{t('table.actions')}</th> : null}
					</tr>
				</thead>
				<tbody>
					{loaderData.communes.map((c) => (
						<tr key={c.id}>
							<td>
								{t(`commune.kind.${c.kind}`)}: {c.name}
							</td>
							<td>
								<code>{c.slug}</code>
							</td>
							<td>{c.hostnames.join(', ') || '—'}</td>
							{loaderData.canChoose ? (
								<td>
									{c.id === loaderData.currentId ? (
										<strong>{t('communes.current')}</strong>
									) : (
										<PostForm>
											<input type="hidden" name="intent" value="choose" />
											<input type="hidden" name="slug" value={c.slug} />
											<button type="submit" className="link-button">
												{t('communes.select')}
												<span className="visually-hidden"> {c.name}</span>
											</button>
										</PostForm>
									)}
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</Table>
			{loaderData.canCreate ? (
				<>
					<h2 id="create">{t('communes.create')}</h2>
					<ErrorSummary state={state} />
					<PostForm noValidate className="narrow">
						<input type="hidden" name="intent" value="create" />
						<TextField name="name" label={t('settings.name')} defaultValue={v.name} error={e.name} maxLength={200} />
						<TextField name="slug" label={t('communes.slug')} hint={t('form.slug')} defaultValue={v.slug} error={e.slug} maxLength={60} />
						<SelectField
							name="kind"
							label={t('communes.kind')}
							defaultValue={v.kind ?? 'xa'}
							error={e.kind}
							options={(['xa', 'phuong', 'dac_khu'] as const).map((k) => ({ value: k, label: t(`commune.kind.${k}`) }))}
						/>
						<TextField name="cityName" label={t('communes.cityName')} optional defaultValue={v.cityName} error={e.cityName} maxLength={200} />
						<TextField name="hostnames" label={t('communes.hostnames')} hint={t('communes.hostnamesHint')} optional defaultValue={v.hostnames} error={e.hostnames ?? e['hostnames.0']} maxLength={500} />
						<TextField name="hotline" label={t('settings.hotline')} type="tel" optional defaultValue={v.hotline} error={e.hotline} maxLength={40} />
						<TextField name="address" label={t('settings.address')} optional defaultValue={v.address} error={e.address} maxLength={300} />
						<TextField name="email" label={t('settings.email')} type="email" optional defaultValue={v.email} error={e.email} maxLength={200} />
						<Button>{t('communes.create')}</Button>
					</PostForm>
				</>
			) : null}
		</>
	)
}
