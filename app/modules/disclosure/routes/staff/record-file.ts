import { servicesContext } from '#app/core/http/context.ts'
import { fileResponse } from '#app/core/http/file-response.ts'
import { rethrowAsHttp } from '#app/core/http/responses.ts'
import { requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { getRecordFile } from '../../records.server.ts'
import type { Route } from './+types/record-file.ts'

// A record's document or a posting's proof, for staff (drafts and proof included).

export const handle = staffHandle('disclosure.view', undefined, { recordScoped: true })

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.view')
	const file = await getRecordFile(context.get(servicesContext).db, staff.communeId, params.recordId, params.fileId, { publicOnly: false }).catch(rethrowAsHttp)
	return fileResponse(file)
}
