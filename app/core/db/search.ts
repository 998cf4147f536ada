import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { normalizeText } from '#app/core/text.ts'

/**
 * "column contains query", ignoring case, diacritics and Unicode form, and treating % and _ in
 * the query as plain characters. Matches the trigram indexes on f_unaccent(lower(column)).
 */
export function containsFolded(column: SQLWrapper, query: string): SQL {
	return foldedContains(sql`f_unaccent(lower(${column}))`, query)
}

/**
 * "column contains query" for a column that already holds folded text (a stored generated
 * column of f_unaccent(lower(…))): only the query is folded, so the database compares the
 * indexed value as it is and never refolds the rows the trigram index hands back.
 */
export function foldedContains(foldedColumn: SQLWrapper, query: string): SQL {
	const escaped = normalizeText(query).replace(/[\\%_]/g, (c) => `\\${c}`)
	return sql`${foldedColumn} like '%' || f_unaccent(lower(${escaped})) || '%'`
}
