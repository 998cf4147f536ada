import { z } from 'zod'

// Text as it enters the system: Unicode NFC (so "ễ" typed as e + two combining marks equals the
// precomposed letter), no control characters, no surrounding blanks. Every form and API field
// that takes free text goes through one of these schemas. Messages are i18n keys.

// C0/C1 control characters except tab and newline (CR is dropped; CRLF becomes LF).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

export function normalizeText(value: string): string {
	return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').trim()
}

/** Folds text for comparisons made in JavaScript: NFC, lower case, without diacritics, đ → d. */
export function foldForSearch(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
		.normalize('NFC')
}

/** A required single-line text field. */
export function zText(options: { max: number; min?: number }) {
	return z
		.string({ error: 'form.required' })
		.transform(normalizeText)
		.pipe(
			z
				.string()
				.min(options.min ?? 1, options.min && options.min > 1 ? 'form.tooShort' : 'form.required')
				.max(options.max, 'form.tooLong')
				.refine((v) => !v.includes('\n'), 'form.singleLine'),
		)
}

/** An optional single-line text field: blank becomes ''. */
export function zOptionalText(options: { max: number }) {
	return z
		.string()
		.optional()
		.transform((v) => normalizeText(v ?? ''))
		.pipe(z.string().max(options.max, 'form.tooLong').refine((v) => !v.includes('\n'), 'form.singleLine'))
}

/** Multi-line free text. */
export function zLongText(options: { max: number; required?: boolean }) {
	return z
		.string({ error: 'form.required' })
		.transform(normalizeText)
		.pipe(
			z
				.string()
				.min(options.required === false ? 0 : 1, 'form.required')
				.max(options.max, 'form.tooLong'),
		)
}

/** Multi-line text that may be left out altogether. */
export function zOptionalLongText(options: { max: number }) {
	return z
		.string()
		.optional()
		.transform((v) => v ?? '')
		.pipe(zLongText({ max: options.max, required: false }))
}

/** A search query: blank allowed, capped, NFC. */
export const ZSearchQuery = z
	.string()
	.optional()
	.transform((v) => normalizeText(v ?? '').slice(0, 200))
