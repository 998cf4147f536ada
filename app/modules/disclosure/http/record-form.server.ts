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
	const typedDate = (values.decisionDate ?? '').trim()
	const decisionDate = typedDate ? parseDateInput(typedDate) : ''
	return {
		values,
		dateError: decisionDate === null,
		input: { ...values, obligationIds, decisionDate: decisionDate ?? '' },
	}
}

/** A 400 answer for a date that is not a real dd/mm/yyyy date. */
export function dateErrorResponse(field: string, values: Record<string, string>, intent?: string) {
	return data<FormState>({ fieldErrors: { [field]: 'form.date' }, formError: { key: 'form.fixErrors' }, values, intent }, { status: 400 })
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
