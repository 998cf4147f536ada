import type { FormState } from '#app/core/http/responses.ts'
import { useT } from '#app/ui/i18n.tsx'
import { OrgEditPage } from '../../components/org-edit-page.tsx'
import { AgencyFields } from '../../components/org-forms.tsx'
import { orgEditHandlers } from '../../http/org-edit.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { getAgency, updateAgency } from '../../org.server.ts'
import type { Route } from './+types/agency-edit.ts'

export const handle = staffHandle('org.manage')

const handlers = orgEditHandlers({ idParam: 'agencyId', get: getAgency, update: updateAgency })
export const loader = handlers.loader
export const action = handlers.action

export default function AgencyEdit({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	return (
		<OrgEditPage title={t('org.editAgency')} caption={loaderData.record.name} state={state}>
			<AgencyFields values={state?.values ?? loaderData.record} errors={state?.fieldErrors ?? {}} />
		</OrgEditPage>
	)
}
