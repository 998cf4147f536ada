// Pure helpers about recipients: checking and normalising them, and masking them for logs and
// screens. No server code here, so the UI can show masked recipients too.

export type Channel = 'email' | 'sms'

// One plain address: no display name, no list (a comma would add recipients).
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/

export function isEmailAddress(value: string): boolean {
	return value.length <= 254 && EMAIL_RE.test(value)
}

// Vietnamese mobile numbers: 0 + 3/5/7/8/9 + 8 digits, or the same after +84 / 0084 / 84
// (people often keep the 0 after the country code: +84 (0) 912 345 678).
const VN_MOBILE_RE = /^(?:(?:\+|00)?840?|0)([35789]\d{8})$/

/** `0912 345 678`, `84912345678`, `+84 (0) 912.345.678` -> `+84912345678`; null when not a Vietnamese mobile number. */
export function normalizeVietnamPhone(input: string): string | null {
	const compact = input.trim().replace(/[\s.\-()]/g, '')
	const match = VN_MOBILE_RE.exec(compact)
	return match ? `+84${match[1]}` : null
}

/** `nguyen.lan@example.com` -> `n***@example.com` */
export function maskEmail(address: string): string {
	const at = address.lastIndexOf('@')
	if (at < 1) return '***'
	return `${address[0]}***${address.slice(at)}`
}

/** `0912345678` or `+84912345678` -> `09******78` (shown in the national form). */
export function maskPhone(number: string): string {
	const normalized = normalizeVietnamPhone(number)
	const digits = normalized ? `0${normalized.slice(3)}` : number.replace(/\D/g, '')
	if (digits.length < 6) return '***'
	return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`
}

export function maskRecipient(channel: Channel, to: string): string {
	return channel === 'email' ? maskEmail(to) : maskPhone(to)
}
