import { ZSearchQuery } from '#app/core/text.ts'
import type { PublicFilter } from './public.server.ts'

// Helpers the public pages share between server and browser code.

/** Reads the list's filters from a URL (shared with the open-data downloads). */
export function publicFilterFrom(url: URL): PublicFilter {
	const p = url.searchParams
	const year = Number(p.get('nam'))
	const page = Number(p.get('trang'))
	const onTime = p.get('dung-han')
	return {
		q: ZSearchQuery.parse(p.get('q') ?? ''),
		kind: p.get('loai') ?? undefined,
		fieldId: p.get('linh-vuc') ?? undefined,
		villageId: p.get('thon') ?? undefined,
		year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
		onTime: onTime === 'yes' || onTime === 'no' ? onTime : undefined,
		page: Number.isInteger(page) && page > 0 ? page : 1,
	}
}

/** Percentage with no decimals, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
	return whole > 0 ? Math.round((100 * part) / whole) : null
}
