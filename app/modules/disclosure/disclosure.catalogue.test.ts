import { describe, expect, test } from 'vitest'
import { AGENCY_KINDS } from '#app/modules/platform/org.constants.ts'
import { DISCLOSURE_CATALOGUE as CATALOGUE } from './disclosure.catalogue.ts'
import {
	type CatalogueEntry,
	DISCLOSURE_FIELDS,
	DISCLOSURE_FORMS,
	DURATION_KINDS,
	LAWS,
	PERIODIC_RECURRENCES,
	RECURRENCES,
} from './disclosure.constants.ts'

const isPeriodic = (e: CatalogueEntry) => (PERIODIC_RECURRENCES as readonly string[]).includes(e.recurrence)
/** Entries for a clause of Điều 11 Luật THDCCS. */
const article11 = CATALOGUE.filter((e) => e.law === 'dccs' && e.article === 11)
const ofClause = (clauses: number[]) => article11.filter((e) => clauses.includes(Number(e.clause)))

/** Clauses Điều 13 khoản 2 asks to niêm yết at the office and in the villages for 30 days. */
const POSTED_30_DAYS = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12]
/** Clauses Điều 13 khoản 2 asks to niêm yết thường xuyên. */
const POSTED_PERMANENTLY = [4, 13]
/** Clauses Điều 13 khoản 3–4 also send to the radio and the village heads. */
const ON_RADIO = [7, 8, 9, 10, 11, 12]

describe('disclosure catalogue: shape', () => {
	test('has a plausible number of entries', () => {
		expect(CATALOGUE.length).toBeGreaterThanOrEqual(25)
		expect(CATALOGUE.length).toBeLessThanOrEqual(60)
	})

	test('keys are unique, lowercase and start with the law and article', () => {
		const keys = CATALOGUE.map((e) => e.key)
		expect(new Set(keys).size).toBe(keys.length)
		for (const e of CATALOGUE) {
			expect(e.key, e.key).toMatch(/^[a-z]+(-[a-z0-9]+)+$/)
			expect(e.key.startsWith(`${e.law}-`), e.key).toBe(true)
			if (e.law !== 'other') expect(e.key.split('-')[1], e.key).toBe(String(e.article))
		}
	})

	test('titles are unique', () => {
		const titles = CATALOGUE.map((e) => e.title)
		expect(new Set(titles).size).toBe(titles.length)
	})

	test('every string is non-empty, trimmed and in NFC', () => {
		for (const e of CATALOGUE) {
			for (const [name, value] of Object.entries(e)) {
				if (typeof value !== 'string') continue
				const where = `${e.key}.${name}`
				expect(value.length, where).toBeGreaterThan(0)
				expect(value, where).toBe(value.trim())
				expect(value, where).toBe(value.normalize('NFC'))
				expect(value, where).not.toMatch(/\s{2,}/)
			}
		}
	})

	test('enum values come from the fixed lists', () => {
		for (const e of CATALOGUE) {
			expect(DISCLOSURE_FIELDS, e.key).toContain(e.field)
			expect(LAWS, e.key).toContain(e.law)
			expect(DURATION_KINDS, e.key).toContain(e.durationKind)
			expect(RECURRENCES, e.key).toContain(e.recurrence)
			expect(AGENCY_KINDS, e.key).toContain(e.responsibleAgencyKind)
			expect(['confirmed', 'default'], e.key).toContain(e.certainty)
			expect(e.requiredForms.length, e.key).toBeGreaterThan(0)
			expect(new Set(e.requiredForms).size, e.key).toBe(e.requiredForms.length)
			for (const form of e.requiredForms) expect(DISCLOSURE_FORMS, e.key).toContain(form)
		}
	})

	test('articles: laws have a positive article, the plan has none', () => {
		for (const e of CATALOGUE) {
			expect(Number.isInteger(e.article), e.key).toBe(true)
			if (e.law === 'other') expect(e.article, e.key).toBe(0)
			else expect(e.article, e.key).toBeGreaterThan(0)
		}
	})
})

describe('disclosure catalogue: timing rules are consistent', () => {
	test('minimumDays is set exactly when the duration is counted in days', () => {
		for (const e of CATALOGUE) {
			if (e.durationKind === 'days') {
				expect(Number.isInteger(e.minimumDays), e.key).toBe(true)
				expect(e.minimumDays, e.key).toBeGreaterThan(0)
			} else {
				expect(e.minimumDays, e.key).toBeNull()
			}
		}
	})

	test('periodGraceDays is set exactly for periodic obligations', () => {
		for (const e of CATALOGUE) {
			if (isPeriodic(e)) {
				expect(Number.isInteger(e.periodGraceDays), e.key).toBe(true)
				expect(e.periodGraceDays, e.key).toBeGreaterThan(0)
			} else {
				expect(e.periodGraceDays, e.key).toBeNull()
			}
		}
	})

	test('reviewMonths is set exactly for kept-current obligations, which stay posted', () => {
		for (const e of CATALOGUE) {
			if (e.recurrence === 'on_change') {
				expect(Number.isInteger(e.reviewMonths), e.key).toBe(true)
				expect(e.reviewMonths, e.key).toBeGreaterThan(0)
				expect(e.durationKind, e.key).toBe('permanent')
			} else {
				expect(e.reviewMonths, e.key).toBeNull()
			}
		}
	})

	test('radioDays is set exactly when the radio is a required form', () => {
		for (const e of CATALOGUE) {
			const onRadio = e.requiredForms.includes('radio')
			if (onRadio) expect(e.radioDays, e.key).toBeGreaterThan(0)
			else expect(e.radioDays, e.key).toBeNull()
		}
	})

	test('deadlines are positive whole working days, at most the 5 of Điều 12 khoản 3', () => {
		for (const e of CATALOGUE) {
			expect(Number.isInteger(e.deadlineWorkingDays), e.key).toBe(true)
			expect(e.deadlineWorkingDays, e.key).toBeGreaterThan(0)
			expect(e.deadlineWorkingDays, e.key).toBeLessThanOrEqual(5)
		}
	})

	test('every default is explained in the note', () => {
		for (const e of CATALOGUE) {
			if (e.certainty === 'default') expect(e.note, e.key).toContain('mặc định')
		}
	})
})

describe('disclosure catalogue: Luật Thực hiện dân chủ ở cơ sở', () => {
	test('every clause 1–14 of Điều 11 is covered', () => {
		const clauses = new Set(article11.map((e) => Number(e.clause)))
		for (let clause = 1; clause <= 14; clause++) expect(clauses.has(clause), `khoản ${clause}`).toBe(true)
		for (const e of article11) {
			expect(e.clause, e.key).toMatch(/^(?:[1-9]|1[0-4])$/)
			expect(e.key.split('-')[2], e.key).toBe(e.clause)
			expect(e.legalBasis, e.key).toContain(`Điều 11 khoản ${e.clause}`)
		}
	})

	test('every Điều 11 entry is posted on the website (Điều 13 khoản 1)', () => {
		for (const e of article11) expect(e.requiredForms, e.key).toContain('website')
	})

	test('khoản 1, 2, 3, 5–12: niêm yết at the office and in the villages for 30 days', () => {
		const entries = ofClause(POSTED_30_DAYS)
		expect(entries.length).toBeGreaterThanOrEqual(POSTED_30_DAYS.length)
		for (const e of entries) {
			expect(e.requiredForms, e.key).toEqual(expect.arrayContaining(['notice_office', 'notice_village']))
			expect(e.durationKind, e.key).toBe('days')
			expect(e.minimumDays, e.key).toBe(30)
		}
	})

	test('khoản 4 and 13: niêm yết thường xuyên at the office, reviewed every 12 months', () => {
		const entries = ofClause(POSTED_PERMANENTLY)
		expect(entries.length).toBeGreaterThanOrEqual(POSTED_PERMANENTLY.length)
		for (const e of entries) {
			expect(e.requiredForms, e.key).toContain('notice_office')
			expect(e.durationKind, e.key).toBe('permanent')
			expect(e.recurrence, e.key).toBe('on_change')
			expect(e.reviewMonths, e.key).toBe(12)
		}
	})

	test('khoản 7–12: on the radio for 3 days and through the village heads', () => {
		const entries = ofClause(ON_RADIO)
		expect(entries.length).toBeGreaterThanOrEqual(ON_RADIO.length)
		for (const e of entries) {
			expect(e.requiredForms, e.key).toEqual(expect.arrayContaining(['radio', 'village_head']))
			expect(e.radioDays, e.key).toBe(3)
		}
	})

	test('khoản 1–6, 13, 14 are not sent to the radio', () => {
		for (const e of ofClause([1, 2, 3, 4, 5, 6, 13, 14])) {
			expect(e.requiredForms, e.key).not.toContain('radio')
			expect(e.radioDays, e.key).toBeNull()
		}
	})

	test('decision-driven Điều 11 entries are due within 5 working days', () => {
		for (const e of article11.filter((x) => x.recurrence === 'on_decision')) {
			expect(e.deadlineWorkingDays, e.key).toBe(5)
		}
	})

	test('budget execution is published quarterly, half-yearly and yearly', () => {
		const recurrences = ofClause([2]).map((e) => e.recurrence)
		expect(recurrences).toEqual(expect.arrayContaining(['quarterly', 'half_yearly', 'yearly', 'on_decision']))
	})

	test('the list of what was published is posted each quarter (Điều 13 khoản 2)', () => {
		const list = CATALOGUE.filter((e) => e.law === 'dccs' && e.article === 13 && e.recurrence === 'quarterly')
		expect(list).toHaveLength(1)
		expect(list[0]?.requiredForms).toEqual(expect.arrayContaining(['notice_office', 'notice_village']))
	})
})

describe('disclosure catalogue: other sources', () => {
	test('Luật Phòng, chống tham nhũng adds entries under Điều 10', () => {
		const pctn10 = CATALOGUE.filter((e) => e.law === 'pctn' && e.article === 10)
		expect(pctn10.length).toBeGreaterThan(0)
		for (const e of pctn10) expect(e.legalBasis, e.key).toContain('Điều 10 khoản')
	})

	test('the commitment not to harass is kept posted, citing the commune plan', () => {
		const commitment = CATALOGUE.find((e) => e.law === 'other' && /phiền hà, sách nhiễu/.test(e.title))
		expect(commitment).toBeDefined()
		expect(commitment?.durationKind).toBe('permanent')
		expect(commitment?.recurrence).toBe('on_change')
		expect(commitment?.legalBasis).toContain('III.6.a')
	})
})
