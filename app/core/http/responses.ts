import { data } from 'react-router'
import { AppError, InputError } from '#app/core/errors.ts'

// How use-case errors become answers. Loaders let AppErrors become error pages; actions turn them
// into form state so the person sees what to fix next to what they typed.

export type FormState = {
	/** i18n key per field. */
	fieldErrors?: Record<string, string>
	/** i18n key of a message about the whole form, with its parameters. */
	formError?: { key: string; params?: Record<string, string | number> }
	/** Values to put back into the form (never passwords). */
	values?: Record<string, string>
	/** Which of several forms on the page was sent. */
	intent?: string
}

/** In an action: turns an expected error into a 4xx form state; anything else is rethrown. */
export function formErrorResponse(err: unknown, values?: Record<string, string>, intent?: string) {
	if (err instanceof InputError) {
		return data<FormState>({ fieldErrors: err.fieldErrors, formError: { key: err.messageKey }, values, intent }, { status: 400 })
	}
	if (err instanceof AppError) {
		if (err.code === 'forbidden') throw httpError(403, 'error.forbidden')
		if (err.code === 'not_found') throw httpError(404, 'error.notFound')
		return data<FormState>({ formError: { key: err.messageKey, params: err.params }, values, intent }, { status: err.status })
	}
	throw err
}

/** In a loader: turns an expected error into an error page with the right status. */
export function rethrowAsHttp(err: unknown): never {
	if (err instanceof AppError) throw httpError(err.status, err.messageKey)
	throw err
}

export type HttpErrorBody = { messageKey: string }

export function httpError(status: number, messageKey: string) {
	return data<HttpErrorBody>({ messageKey }, { status })
}

/** Form fields as strings, dropping files; the CSRF field is removed. */
export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {}
	for (const [key, value] of form) {
		if (typeof value === 'string' && key !== '_csrf') values[key] = value
	}
	return values
}

/** A relative path inside the site, or the fallback: never an open redirect. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string') return fallback
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
	if (value.length > 500 || /[\r\n]/.test(value)) return fallback
	return value
}
