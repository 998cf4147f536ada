import { servicesContext } from '#app/core/http/context.ts'
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
		const inline = file.mime.startsWith('image/') || file.mime === 'application/pdf'
		return new Response(Buffer.from(file.bytes), {
			headers: {
				'Content-Type': file.mime,
				'Content-Length': String(file.bytes.byteLength),
				'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
				'Cache-Control': 'private, no-store',
				'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
			},
		})
	} catch (err) {
		rethrowAsHttp(err)
	}
}
