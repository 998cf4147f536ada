import type { Translate } from '#app/core/i18n/i18n.ts'
import { parsePeriod } from './periods.ts'

// Labels of the module's values in the reader's language, shared by public and staff pages.

/** `2026-Q3` → "Quý III năm 2026"; unknown keys are shown as they are. */
export function periodLabel(t: Translate, key: string | null): string {
	if (!key) return ''
	if (!parsePeriod(key)) return key
	const year = key.slice(0, 4)
	if (key.includes('-Q')) return t('disclosure.period.quarter', { quarter: ['I', 'II', 'III', 'IV'][Number(key.slice(-1)) - 1]!, year })
	if (key.endsWith('-H1')) return t('disclosure.period.half1', { year })
	if (key.endsWith('-H2')) return t('disclosure.period.half2', { year })
	return t('disclosure.period.year', { year })
}

/** The public address of a record, relative to the commune's site. */
export function publicRecordPath(code: string): string {
	return `/cong-khai/${code}`
}
