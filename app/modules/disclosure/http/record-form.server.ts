import { data } from 'react-router'
import { AppError } from '#app/core/errors.ts'
import { formErrorResponse, formValues, type FormState } from '#app/core/http/responses.ts'
import { formatDate, parseDateInput } from '#app/core/i18n/i18n.ts'

// Reading the record form (new and edit pages): several obligations, dates typed dd/mm/yyyy.

/** The form's values for the use case, and the values to put back into the form on an error. */
export function recordFormInput(form: FormData) {
	const values = formValues(form)
	const obligationIds = form.getAll('obligationIds').filter((v): v is string => typeof v === 'string')
	values.obligationIds = obligationIds.join(',')
	return { values, input: { ...values, obligationIds, decisionDate: isoOrAsTyped(values.decisionDate) } }
}

/**
 * A date typed dd/mm/yyyy as YYYY-MM-DD; a date that cannot be read is passed on as typed, so that
 * the use case reports it ("form.date") together with every other mistake of the form.
 */
export function isoOrAsTyped(typed: string | undefined): string {
	const text = (typed ?? '').trim()
	return text ? (parseDateInput(text) ?? text) : ''
}

/** Like formErrorResponse, with upload problems shown next to the file field. */
export function recordErrorResponse(err: unknown, values: Record<string, string>, intent?: string, fileField = 'files') {
	if (err instanceof AppError && err.messageKey.startsWith('upload.')) {
		return data<FormState>({ fieldErrors: { [fileField]: err.messageKey }, formError: { key: err.messageKey, params: err.params }, values, intent }, { status: 400 })
	}
	return formErrorResponse(err, values, intent)
}

/** An ISO date as the form shows it. */
export function dateForForm(iso: string | null): string {
	return iso ? formatDate(iso) : ''
}
