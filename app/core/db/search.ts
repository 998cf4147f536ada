import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { normalizeText } from '#app/core/text.ts'

/**
 * "column contains query", ignoring case, diacritics and Unicode form, and treating % and _ in
 * the query as plain characters. Matches the trigram indexes on f_unaccent(lower(column)).
 */
export function containsFolded(column: SQLWrapper, query: string): SQL {
	const escaped = normalizeText(query).replace(/[\\%_]/g, (c) => `\\${c}`)
	return sql`f_unaccent(lower(${column})) like '%' || f_unaccent(lower(${escaped})) || '%'`
}
