import { servicesContext } from '#app/core/http/context.ts'
import { fileResponse } from '#app/core/http/file-response.ts'
import { rethrowAsHttp } from '#app/core/http/responses.ts'
import { requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { getAttachment } from '../../workflow.server.ts'
import type { Route } from './+types/item-file.ts'

// An item's attachment, for staff who may see the item. Images are shown inline; documents are
// downloaded. The type is the one found by content at upload, never the sender's claim.

export const handle = staffHandle('feedback.intake', undefined, { recordScoped: true })

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	try {
		const file = await getAttachment(context.get(servicesContext).db, staff.actor, staff.communeId, params.itemId, params.fileId)
		return fileResponse(file)
	} catch (err) {
		rethrowAsHttp(err)
	}
}
