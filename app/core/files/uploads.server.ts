import { fileTypeFromBuffer } from 'file-type'
import { AppError } from '#app/core/errors.ts'
import { stripImageMetadata, type StrippableImage } from '#app/core/files/metadata-strip.ts'
import { normalizeText } from '#app/core/text.ts'

// Files that citizens and staff attach (photos of a problem, scanned letters, office
// documents). The type is decided by the content alone: the name and the content type the
// browser declares are chosen by the sender. Photos lose their metadata (GPS position,
// camera serial, author) before they are stored, all but the orientation flag that keeps
// portrait shots upright (see metadata-strip.ts), and names are cleaned so they can be shown
// and downloaded safely. Serve the bytes with the returned `mime`, `X-Content-Type-Options:
// nosniff` and, for documents, `Content-Disposition: attachment`.

export const UPLOAD_LIMITS = { maxFiles: 5, maxBytesPerFile: 5 * 1024 * 1024 } as const

export type UploadOptions = { maxFiles?: number; maxBytesPerFile?: number }

export type UploadInput = { name: string; bytes: Uint8Array }

export type CheckedUpload = {
	/** Cleaned name with the extension of the detected type. */
	fileName: string
	mime: string
	ext: string
	/** Size of `bytes`, after metadata was removed. */
	size: number
	bytes: Uint8Array
	isImage: boolean
}

type Kind = { mime: string; ext: string; image?: StrippableImage }

const JPEG: Kind = { mime: 'image/jpeg', ext: 'jpg', image: 'jpeg' }
const PNG: Kind = { mime: 'image/png', ext: 'png', image: 'png' }
const WEBP: Kind = { mime: 'image/webp', ext: 'webp', image: 'webp' }
const PDF: Kind = { mime: 'application/pdf', ext: 'pdf' }
const DOCX: Kind = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' }
const XLSX: Kind = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' }
const DOC: Kind = { mime: 'application/msword', ext: 'doc' }
const XLS: Kind = { mime: 'application/vnd.ms-excel', ext: 'xls' }

const FALLBACK_STEM = 'tep-dinh-kem'
const MAX_NAME_LENGTH = 120
const MB = 1024 * 1024

export async function inspectUpload(file: UploadInput, options: UploadOptions = {}): Promise<CheckedUpload> {
	const maxBytes = options.maxBytesPerFile ?? UPLOAD_LIMITS.maxBytesPerFile
	const name = displayName(file.name)
	const size = file.bytes.byteLength
	if (size === 0) throw new AppError('invalid', 'upload.empty', { name })
	if (size > maxBytes) throw new AppError('invalid', 'upload.tooLarge', { name, maxMb: Math.round((maxBytes / MB) * 10) / 10 })

	const kind = await detectKind(file.bytes, name)
	let bytes = file.bytes
	if (kind.image) {
		try {
			bytes = stripImageMetadata(file.bytes, kind.image)
		} catch {
			// Whatever the parser tripped on, the sender sees one message: the picture is broken.
			throw new AppError('invalid', 'upload.damaged', { name })
		}
	}
	return {
		fileName: cleanFileName(file.name, kind.ext),
		mime: kind.mime,
		ext: kind.ext,
		size: bytes.byteLength,
		bytes,
		isImage: kind.image !== undefined,
	}
}

/**
 * Checks the files of one form field. An empty <input type=file> arrives as an entry with
 * no name and no bytes: such entries are skipped, not refused.
 */
export async function inspectUploads(files: UploadInput[], options: UploadOptions = {}): Promise<CheckedUpload[]> {
	const maxFiles = options.maxFiles ?? UPLOAD_LIMITS.maxFiles
	const present = files.filter((f) => !(f.name === '' && f.bytes.byteLength === 0))
	if (present.length > maxFiles) throw new AppError('invalid', 'upload.tooMany', { max: maxFiles })
	const checked: CheckedUpload[] = []
	for (const file of present) checked.push(await inspectUpload(file, options))
	return checked
}

/** The files sent in one field of a multipart form (text values of the same name are ignored). */
export async function filesFromForm(form: FormData, field: string): Promise<UploadInput[]> {
	const files: UploadInput[] = []
	for (const value of form.getAll(field)) {
		if (typeof value === 'string') continue
		const blob: Blob = value
		const name = 'name' in blob && typeof blob.name === 'string' ? blob.name : ''
		files.push({ name, bytes: new Uint8Array(await blob.arrayBuffer()) })
	}
	return files
}

async function detectKind(bytes: Uint8Array, name: string): Promise<Kind> {
	let detected: { ext: string; mime: string } | undefined
	try {
		detected = await fileTypeFromBuffer(bytes)
	} catch {
		// file-type gives up on some broken containers; the signature check below still
		// lets a broken photo be reported as damaged rather than as a forbidden type.
		detected = undefined
	}
	switch (detected?.ext) {
		case 'jpg':
			return JPEG
		case 'png':
		case 'apng':
			return PNG
		case 'webp':
			return WEBP
		case 'pdf':
			return PDF
		case 'docx':
			return DOCX
		case 'xlsx':
			return XLSX
		case 'cfb': {
			const legacy = legacyOfficeKind(bytes, name)
			if (legacy) return legacy
			break
		}
		case 'heic':
			// HEIC keeps its EXIF in boxes this module does not rewrite: ask for JPEG instead.
			throw new AppError('invalid', 'upload.heicNotSupported', { name })
		case undefined: {
			const image = imageBySignature(bytes)
			if (image) return image
			break
		}
	}
	throw new AppError('invalid', 'upload.typeNotAllowed', { name })
}

function imageBySignature(bytes: Uint8Array): Kind | undefined {
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return JPEG
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return PNG
	if (asciiAt(bytes, 0, 'RIFF') && asciiAt(bytes, 8, 'WEBP')) return WEBP
	return undefined
}

// A compound file (CFB) may be a Word or Excel 97–2003 document, but also an .msi installer,
// an Outlook .msg or an encrypted OOXML package. Accept it only when the name says .doc/.xls
// and the directory holds the main stream of that application.
function legacyOfficeKind(bytes: Uint8Array, name: string): Kind | undefined {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
	if (ext === 'doc' && containsUtf16(bytes, 'WordDocument')) return DOC
	if (ext === 'xls' && (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book'))) return XLS
	return undefined
}

function asciiAt(bytes: Uint8Array, at: number, text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		if (bytes[at + i] !== text.charCodeAt(i)) return false
	}
	return true
}

// CFB directory entries store stream names in UTF-16LE.
function containsUtf16(bytes: Uint8Array, text: string): boolean {
	const needle = Buffer.from(text, 'utf16le')
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle)
}

// --- File names ---------------------------------------------------------------------------

// Bidirectional overrides and marks make "photo\u202Egpj.exe" display as "photoexe.jpg".
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/g
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*]/g
// Windows device names, refused with any extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i
// A trailing ".xyz" counts as an extension when it has a letter: "biên bản 2024.03" keeps ".03".
const EXTENSION = /\.(?=[a-z0-9]*[a-z])[a-z0-9]{1,10}$/i

function cleanBase(name: string): string {
	const text = normalizeText(name).replace(/\s+/g, ' ').replace(CONTROL_CHARS, '').replace(BIDI_CONTROLS, '')
	// Browsers send the base name, but old ones sent "C:\fakepath\x.jpg" and scripts send anything.
	const base = text.split(/[/\\]/).pop() ?? ''
	return base.replace(WINDOWS_FORBIDDEN, '').trim()
}

// Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows.
function trimStem(stem: string): string {
	return stem.replace(/^[\s.]+|[\s.]+$/g, '')
}

// Cuts between user-perceived characters, never inside one (a letter and its marks, an emoji).
// The limit counts UTF-16 units, so a letter piled with hundreds of marks cannot get through.
function capLength(text: string, max: number): string {
	if (text.length <= max) return text
	let out = ''
	for (const { segment } of new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(text)) {
		if (out.length + segment.length > max) break
		out += segment
	}
	return out
}

/** The name shown in error messages: cleaned, extension kept as sent. */
function displayName(name: string): string {
	return capLength(trimStem(cleanBase(name)), MAX_NAME_LENGTH) || FALLBACK_STEM
}

/**
 * A name safe to show and to offer for download: base name only, NFC, without control,
 * bidirectional or Windows-forbidden characters, at most 120 characters, and ending with the
 * extension of the detected type ("photo.php" holding a JPEG becomes "photo.jpg").
 */
export function cleanFileName(name: string, ext: string): string {
	let stem = trimStem(cleanBase(name).replace(EXTENSION, ''))
	if (WINDOWS_DEVICE.test(stem)) stem = `_${stem}`
	stem = trimStem(capLength(stem, MAX_NAME_LENGTH - ext.length - 1))
	return `${stem || FALLBACK_STEM}.${ext}`
}
