import { redirect } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, rethrowAsHttp, type FormState } from '#app/core/http/responses.ts'
import { useT } from '#app/ui/i18n.tsx'
import { AgencyFields, orgInput } from '../../components/org-forms.tsx'
import { OrgEditPage } from '../../components/org-edit-page.tsx'
import { requireStaffInCommune } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { getAgency, updateAgency } from '../../org.server.ts'
import type { Route } from './+types/agency-edit.ts'

export const handle = staffHandle('org.manage')

export async function loader({ request, context, params }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'org.manage')
	try {
		return { agency: await getAgency(context.get(servicesContext).db, staff.actor, staff.communeId, params.agencyId) }
	} catch (err) {
		rethrowAsHttp(err)
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'org.manage')
	const values = formValues(await request.formData())
	try {
		await updateAgency(context.get(servicesContext).db, staff.actor, staff.communeId, params.agencyId, orgInput(values))
		return redirect('/quan-tri/don-vi')
	} catch (err) {
		return formErrorResponse(err, values)
	}
}

export default function AgencyEdit({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	return (
		<OrgEditPage title={t('org.editAgency')} caption={loaderData.agency.name} state={state}>
			<AgencyFields values={state?.values ?? loaderData.agency} errors={state?.fieldErrors ?? {}} />
		</OrgEditPage>
	)
}
