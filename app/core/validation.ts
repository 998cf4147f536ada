import type { z } from 'zod'
import { InputError } from './errors.ts'

/** Keys the schemas use as messages look like "form.required"; anything else falls back to a generic one. */
const KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {}
	for (const issue of error.issues) {
		const field = issue.path.length ? issue.path.map(String).join('.') : '_form'
		if (errors[field]) continue
		errors[field] = KEY.test(issue.message) ? issue.message : issue.code === 'invalid_type' ? 'form.required' : 'form.invalid'
	}
	return errors
}

/** Parses input with a schema; bad input throws an InputError with a message key per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input)
	if (!result.success) throw new InputError(fieldErrorsOf(result.error))
	return result.data
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids in URLs are checked before they reach the database (a malformed uuid is "not found"). */
export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value)
}
