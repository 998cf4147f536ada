import { hash, verify, type Options } from '@node-rs/argon2'

// Staff passwords are stored as argon2id hashes (PHC strings), with the OWASP minimum parameters:
// 19 MiB of memory, 2 passes, 1 lane.
const ARGON2ID = 2 as Options['algorithm']
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFC'))
	} catch {
		return false
	}
}

// Verifying against this keeps a sign-in for an unknown user as slow as for a known one.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<void> {
	dummyHash ??= hashPassword('not-a-real-password-for-timing')
	await verifyPassword(await dummyHash, password)
}

/** A readable random password for resets and new accounts: 4 groups of 4, no look-alike characters. */
export function generatePassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY3479'
	const bytes = crypto.getRandomValues(new Uint8Array(16))
	const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length])
	return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}
