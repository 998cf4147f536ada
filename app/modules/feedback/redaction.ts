// Automatic masking of Vietnamese personal data before a feedback item is published
// (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; NĐ 13/2023 lists phone numbers, identity numbers,
// addresses and names as basic personal data). Staff see the proposed masks and may edit the
// text before publishing; readers see the marker in place of what was removed.

export const REDACTION_MARKER = '[đã ẩn thông tin cá nhân]'

export type RedactionKind = 'name' | 'phone' | 'email' | 'identity_number' | 'address'

export type Redaction = {
	kind: RedactionKind
	/** Offsets in the NFC text, end exclusive. */
	start: number
	end: number
	text: string
}

export type RedactionResult = {
	/** The text with every match replaced by the marker. */
	text: string
	/** What was found, in the (NFC) original, in order. */
	redactions: Redaction[]
}

export type RedactionOptions = {
	/** Names the sender gave (their own, people they mention): masked wherever they appear. */
	names?: readonly string[]
	marker?: string
}

// Letters of Vietnamese words, for word boundaries that JavaScript's \b gets wrong on "ồ", "ư" …
const LETTER = '\\p{L}\\p{M}'
const NOT_WORD_BEFORE = `(?<![${LETTER}\\p{N}])`
const NOT_WORD_AFTER = `(?![${LETTER}\\p{N}])`
/** A house number: "12", "12A", "12/3", "12-14". */
const HOUSE = `\\d+[A-Za-z]?(?:\\s*[/-]\\s*\\d+[A-Za-z]?)*`
/** A lane after it: ", ngõ 34", "ngách 5/2", "hẻm số 12". */
const LANE = `\\s*,?\\s*(?:ngõ|ngách|hẻm|kiệt)(?:\\s*số)?\\s*${HOUSE}`

/**
 * Patterns, most specific first. Digits may be grouped with spaces, dots or hyphens, as people
 * write them ("0912 345 678", "0912.345.678", "+84 912 345 678", "(0220) 3 123 456").
 */
const PATTERNS: ReadonlyArray<{ kind: RedactionKind; pattern: RegExp }> = [
	{ kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu },
	// Căn cước công dân: 12 digits starting with the province code 001–096, so always a 0;
	// CMND: 9 digits, only after its label (9-digit numbers are too common otherwise).
	{
		kind: 'identity_number',
		pattern: new RegExp(`${NOT_WORD_BEFORE}0(?:[ .]?\\d){11}${NOT_WORD_AFTER}|(?<=(?:CCCD|CMND|căn cước|chứng minh(?: nhân dân| thư)?|số định danh)[^\\d\\n]{0,20})\\d{9}${NOT_WORD_AFTER}`, 'giu'),
	},
	// A landline with its area code in brackets: "(0220) 3 123 456".
	{
		kind: 'phone',
		pattern: new RegExp(`(?<![\\p{L}\\p{N}(])\\(0\\d{2,3}\\)[ .-]?(?:\\d[ .-]?){6,7}\\d${NOT_WORD_AFTER}`, 'gu'),
	},
	// Mobile (0 + 9 digits) and landline (0 + 10 digits, area codes 02x) numbers, or the same after
	// +84 / 84 instead of the 0; digits may be grouped.
	{
		kind: 'phone',
		pattern: new RegExp(`${NOT_WORD_BEFORE}(?:\\+84|0084|84|0)(?:[ .-]?\\d){9,10}${NOT_WORD_AFTER}`, 'gu'),
	},
	// House addresses: "số nhà 12A", "nhà số 7", "số 12/3", or "số 12" followed by ngõ / ngách /
	// hẻm / kiệt. A plain "số 5" is not (it is also "đường số 5", "tổ số 5", public places).
	{
		kind: 'address',
		pattern: new RegExp(
			`${NOT_WORD_BEFORE}(?:(?:số nhà|nhà số)\\s*${HOUSE}(?:${LANE})*|số\\s*\\d+[A-Za-z]?(?:\\s*/\\s*\\d+[A-Za-z]?)+(?:${LANE})*|số\\s*${HOUSE}(?:${LANE})+)${NOT_WORD_AFTER}`,
			'giu',
		),
	},
]

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A name as a pattern that ignores case and matches both with and without diacritics. */
function namePattern(name: string): RegExp | null {
	const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean)
	if (words.length === 0) return null
	// One-word names ("Lan") would mask every "lan" in the text; mask full names only.
	if (words.length < 2) return null
	const fold = (w: string) =>
		[...w]
			.map((ch) => {
				const base = ch.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
				const letters = new Set([ch, ch.toLowerCase(), ch.toUpperCase(), base, base.toLowerCase(), base.toUpperCase()])
				if (base.toLowerCase() === 'd') for (const v of ['đ', 'Đ']) letters.add(v)
				return letters.size > 1 ? `(?:${[...letters].map(escapeRegExp).join('|')})` : escapeRegExp(ch)
			})
			.join('')
	return new RegExp(`${NOT_WORD_BEFORE}${words.map(fold).join('\\s+')}${NOT_WORD_AFTER}`, 'gu')
}

/** Finds personal data in a text (taken in NFC) and masks it. */
export function redactPersonalData(input: string, options: RedactionOptions = {}): RedactionResult {
	const text = input.normalize('NFC')
	const found: Redaction[] = []
	const patterns: Array<{ kind: RedactionKind; pattern: RegExp }> = [
		...(options.names ?? []).flatMap((n) => {
			const pattern = namePattern(n)
			return pattern ? [{ kind: 'name' as const, pattern }] : []
		}),
		...PATTERNS,
	]
	for (const { kind, pattern } of patterns) {
		pattern.lastIndex = 0
		for (const match of text.matchAll(pattern)) {
			const start = match.index
			const end = start + match[0].length
			// Earlier (more specific) patterns win where matches overlap.
			if (found.some((r) => start < r.end && end > r.start)) continue
			found.push({ kind, start, end, text: match[0] })
		}
	}
	found.sort((a, b) => a.start - b.start)
	const marker = options.marker ?? REDACTION_MARKER
	let out = ''
	let at = 0
	for (const r of found) {
		out += text.slice(at, r.start) + marker
		at = r.end
	}
	out += text.slice(at)
	return { text: out, redactions: found }
}
