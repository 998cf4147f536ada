import { pino, type Logger } from 'pino'

// Structured JSON logs on stdout, one line per event. Never log passwords, tokens or
// citizens' personal data: log ids instead.

export type { Logger }

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
	return pino({
		level,
		base: { app: 'than-thien' },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: { paths: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie'], censor: '[redacted]' },
	})
}
