// Errors a use case raises on purpose. Each carries an i18n key so the page can say, in the
// user's language, what went wrong; routes turn them into responses (403, 404, 409, 400 …).

export type AppErrorCode = 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'locked' | 'unauthenticated' | 'rate_limited'

const STATUS: Record<AppErrorCode, number> = {
	not_found: 404,
	forbidden: 403,
	invalid: 400,
	conflict: 409,
	locked: 423,
	unauthenticated: 401,
	rate_limited: 429,
}

export class AppError extends Error {
	constructor(
		public readonly code: AppErrorCode,
		/** i18n key of the message shown to the user. */
		public readonly messageKey: string,
		public readonly params: Record<string, string | number> = {},
	) {
		super(`${code}: ${messageKey}`)
		this.name = 'AppError'
	}

	get status(): number {
		return STATUS[this.code]
	}
}

export function isAppError(err: unknown): err is AppError {
	return err instanceof AppError
}

/** Bad input: one i18n key per field that is wrong (the first problem of each field). */
export class InputError extends AppError {
	constructor(public readonly fieldErrors: Record<string, string>) {
		super('invalid', 'form.fixErrors')
		this.name = 'InputError'
	}
}
