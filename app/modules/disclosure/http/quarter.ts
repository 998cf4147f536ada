import { quarterKey } from '../quarterly.server.ts'

/** The quarter a page asks for (`?nam=2026&quy=3`), the current one when missing or malformed. */
export function quarterFrom(url: URL) {
	const year = Number(url.searchParams.get('nam')) || null
	const quarter = Number(url.searchParams.get('quy')) || null
	return quarterKey(year, quarter)
}
