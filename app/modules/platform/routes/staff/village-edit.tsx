import { redirect } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, rethrowAsHttp, type FormState } from '#app/core/http/responses.ts'
import { useT } from '#app/ui/i18n.tsx'
import { VillageFields, orgInput } from '../../components/org-forms.tsx'
import { OrgEditPage } from '../../components/org-edit-page.tsx'
import { requireStaffInCommune } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { getVillage, updateVillage } from '../../org.server.ts'
import type { Route } from './+types/village-edit.ts'

export const handle = staffHandle('org.manage')

export async function loader({ request, context, params }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'org.manage')
	try {
		return { village: await getVillage(context.get(servicesContext).db, staff.actor, staff.communeId, params.villageId) }
	} catch (err) {
		rethrowAsHttp(err)
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'org.manage')
	const values = formValues(await request.formData())
	try {
		await updateVillage(context.get(servicesContext).db, staff.actor, staff.communeId, params.villageId, orgInput(values))
		return redirect('/quan-tri/don-vi')
	} catch (err) {
		return formErrorResponse(err, values)
	}
}

export default function VillageEdit({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	return (
		<OrgEditPage title={t('org.editVillage')} caption={loaderData.village.name} state={state}>
			<VillageFields values={state?.values ?? loaderData.village} errors={state?.fieldErrors ?? {}} />
		</OrgEditPage>
	)
}
