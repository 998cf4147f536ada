import { servicesContext } from '#app/core/http/context.ts'
import { getPublicCommune } from '#app/modules/platform/org.server.ts'
import { httpError } from '#app/core/http/responses.ts'
import { requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { quarterFrom } from '../../http/quarter.ts'
import { quarterlyListDocx } from '../../documents.server.ts'
import type { Route } from './+types/quarterly-docx.ts'

// The quarterly list of what was published, as a Word document to sign and post.

export const handle = staffHandle('disclosure.view')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.view')
	const { db } = context.get(servicesContext)
	const commune = await getPublicCommune(db, staff.communeId)
	if (!commune) throw httpError(404, 'error.notFound')
	const period = quarterFrom(new URL(request.url))
	const docx = await quarterlyListDocx(db, staff.actor, commune, period)
	return new Response(new Uint8Array(docx), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'Content-Length': String(docx.byteLength),
			'Content-Disposition': `attachment; filename="danh-sach-cong-khai-${period.key}.docx"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
