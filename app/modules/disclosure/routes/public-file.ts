import { AppError } from '#app/core/errors.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { fileResponse } from '#app/core/http/file-response.ts'
import { getRequestState } from '#app/modules/platform/http/request-state.server.ts'
import { getPublicRecord } from '../public.server.ts'
import { getRecordFile } from '../records.server.ts'
import type { Route } from './+types/public-file.ts'

// A published document of a publication, by the record's public code: only the record's own
// documents (never the proof of a posting, a file taken off, or a draft's file), and only when
// the file belongs to the record with that code in this commune. PDFs and images open in the
// browser, other documents download (see fileResponse).

function notFound() {
	return new Response('Không tìm thấy tệp. / File not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}

export async function loader({ params, context }: Route.LoaderArgs) {
	const { commune } = getRequestState(context)
	if (!commune) return notFound()
	const { db } = context.get(servicesContext)
	const detail = await getPublicRecord(db, commune.id, (params.code ?? '').slice(0, 30))
	if (!detail) return notFound()
	try {
		const file = await getRecordFile(db, commune.id, detail.record.id, params.fileId ?? '', { publicOnly: true })
		return fileResponse(file, { cache: 'public' })
	} catch (err) {
		if (err instanceof AppError && err.code === 'not_found') return notFound()
		throw err
	}
}
