import { servicesContext } from '#app/core/http/context.ts'
import { httpError } from '#app/core/http/responses.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { noticeSheetPdf } from '../documents.server.ts'
import type { Route } from './+types/notice-sheet.ts'

// The A4 sheet for the notice board of a public record (PDF), with a QR code to its page.

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const pdf = await noticeSheetPdf(context.get(servicesContext).db, commune, params.code, new URL(request.url).origin)
	if (!pdf) throw httpError(404, 'error.notFound')
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Length': String(pdf.byteLength),
			'Content-Disposition': `inline; filename="to-niem-yet-${params.code.toUpperCase().replace(/[^A-Z0-9-]/g, '')}.pdf"`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
