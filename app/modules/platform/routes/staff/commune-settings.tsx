import { data } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { Button, ErrorSummary, PostForm, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle } from '#app/ui/parts.tsx'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { getPublicCommune, updateCommuneSettings } from '../../org.server.ts'
import type { Route } from './+types/commune-settings.ts'

export const handle = staffHandle('commune.settings')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'commune.settings')
	const commune = await getPublicCommune(context.get(servicesContext).db, staff.communeId)
	if (!commune) throw httpError(404, 'error.notFound')
	const { flash, headers } = await takeFlash(request, context)
	return data({ commune, saved: Boolean(flash?.saved) }, { headers })
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'commune.settings')
	const values = formValues(await request.formData())
	try {
		await updateCommuneSettings(context.get(servicesContext).db, staff.actor, staff.communeId, values)
		return await redirectWithFlash(request, context, '/quan-tri/thong-tin-xa', { saved: 1 })
	} catch (err) {
		return formErrorResponse(err, values)
	}
}

export default function CommuneSettings({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	const v = state?.values ?? loaderData.commune
	const e = state?.fieldErrors ?? {}
	return (
		<div className="narrow">
			<title>{`${t('settings.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('settings.title')}</PageTitle>
			{loaderData.saved ? <Notice kind="success">{t('form.saved')}</Notice> : null}
			<ErrorSummary state={state} />
			<PostForm noValidate>
				<TextField name="name" label={t('settings.name')} defaultValue={v.name} error={e.name} maxLength={200} />
				<TextField name="hotline" label={t('settings.hotline')} type="tel" defaultValue={v.hotline} error={e.hotline} optional maxLength={40} />
				<TextField name="address" label={t('settings.address')} defaultValue={v.address} error={e.address} optional maxLength={300} />
				<TextField name="email" label={t('settings.email')} type="email" defaultValue={v.email} error={e.email} optional maxLength={200} />
				<Button>{t('form.save')}</Button>
			</PostForm>
		</div>
	)
}
