// Text as the document generators take it: whatever reaches them (it should already be clean,
// see app/core/text.ts, but a generator must not fail on a stray character) becomes Unicode NFC
// without control, bidi-override or lone-surrogate characters, so that it is valid in XML and
// cannot reorder what prints around it.

// C0/C1 controls except newline (tab and line separators become blanks or newlines first).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g
// Bidi embeddings, overrides and isolates, and the directional marks.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
// Unpaired UTF-16 halves and the two code points XML forbids.
const LONE_SURROGATES = /\p{Cs}/gu
const XML_NONCHARACTERS = /[\uFFFE\uFFFF]/g

/** Multi-line text: NFC, LF line ends, tabs as spaces, without controls and bidi overrides. */
export function cleanText(value: unknown): string {
	const text = typeof value === 'string' ? value : value == null ? '' : String(value)
	return text
		.replace(LONE_SURROGATES, '')
		.normalize('NFC')
		.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
		.replace(/\t/g, ' ')
		.replace(CONTROL_CHARS, '')
		.replace(BIDI_CONTROLS, '')
		.replace(XML_NONCHARACTERS, '')
}

/** One line: cleanText with line breaks and runs of blanks folded into one space, trimmed. */
export function cleanLine(value: unknown, maxLength = Infinity): string {
	return truncate(cleanText(value).replace(/\s+/g, ' ').trim(), maxLength)
}

/** Cuts text to at most maxLength code points, marking the cut with '…'. */
export function truncate(text: string, maxLength: number): string {
	if (text.length <= maxLength) return text
	const codePoints = Array.from(text)
	if (codePoints.length <= maxLength) return text
	return (
		codePoints
			.slice(0, Math.max(0, maxLength - 1))
			.join('')
			.trimEnd() + '…'
	)
}

/** Paragraphs of plain text: every non-blank line is one paragraph, trimmed. */
export function splitParagraphs(value: unknown): string[] {
	return cleanText(value)
		.split('\n')
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter((line) => line !== '')
}

/** The lines of a multi-line field (a signer's position "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"), blank lines dropped. */
export function splitLines(value: unknown, maxLength = Infinity): string[] {
	return cleanText(value)
		.split('\n')
		.map((line) => cleanLine(line, maxLength))
		.filter((line) => line !== '')
}
