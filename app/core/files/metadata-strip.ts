import { crc32 } from 'node:zlib'

// Removes from uploaded photos everything that can identify a person or a place (camera EXIF
// with GPS position and serial numbers, XMP, IPTC captions, comments, timestamps), keeping
// only what a browser needs to display the picture. Each parser walks the container
// structure (JPEG segments, PNG chunks, RIFF chunks) with bounds checked at every step and
// always moves forward, so hostile or truncated input ends in MalformedImageError, never in
// another exception or an endless loop. Pixels are copied untouched: nothing is re-encoded.

export type StrippableImage = 'jpeg' | 'png' | 'webp'

/** The image structure cannot be walked: truncated, lengths pointing past the end, missing parts. */
export class MalformedImageError extends Error {
	constructor(reason: string) {
		super(`malformed image: ${reason}`)
		this.name = 'MalformedImageError'
	}
}

export function stripImageMetadata(bytes: Uint8Array, kind: StrippableImage): Uint8Array {
	switch (kind) {
		case 'jpeg':
			return stripJpegMetadata(bytes)
		case 'png':
			return stripPngMetadata(bytes)
		case 'webp':
			return stripWebpMetadata(bytes)
	}
}

function fail(reason: string): never {
	throw new MalformedImageError(reason)
}

// The output is a list of byte ranges of the input, merged when adjacent: a file made of
// thousands of tiny segments costs two numbers per segment, not one array each.
class Ranges {
	private readonly bounds: number[] = []

	add(start: number, end: number): void {
		if (end <= start) return
		if (this.bounds.length > 0 && this.bounds[this.bounds.length - 1] === start) this.bounds[this.bounds.length - 1] = end
		else this.bounds.push(start, end)
	}

	get size(): number {
		let size = 0
		for (let i = 0; i < this.bounds.length; i += 2) size += (this.bounds[i + 1] as number) - (this.bounds[i] as number)
		return size
	}

	/** Copies the ranges to `to` from `at`, with `insert` placed `insertAt` bytes into them (0 ≤ insertAt ≤ size). */
	copy(from: Uint8Array, to: Uint8Array, at: number, insert: Uint8Array = NOTHING, insertAt = 0): void {
		let copied = 0
		let pending = insert.length > 0
		for (let i = 0; i < this.bounds.length; i += 2) {
			let start = this.bounds[i] as number
			const end = this.bounds[i + 1] as number
			if (pending && insertAt <= copied + end - start) {
				const split = start + insertAt - copied
				to.set(from.subarray(start, split), at)
				at += split - start
				copied += split - start
				to.set(insert, at)
				at += insert.length
				pending = false
				start = split
			}
			to.set(from.subarray(start, end), at)
			at += end - start
			copied += end - start
		}
		if (pending) to.set(insert, at)
	}

	build(from: Uint8Array, insert: Uint8Array = NOTHING, insertAt = 0): Uint8Array {
		const out = new Uint8Array(this.size + insert.length)
		this.copy(from, out, 0, insert, insertAt)
		return out
	}
}

const NOTHING = new Uint8Array(0)

function startsWithAscii(bytes: Uint8Array, at: number, text: string): boolean {
	if (at + text.length > bytes.length) return false
	for (let i = 0; i < text.length; i++) {
		if (bytes[at + i] !== text.charCodeAt(i)) return false
	}
	return true
}

function u16be(bytes: Uint8Array, at: number): number {
	return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0)
}

function u32be(bytes: Uint8Array, at: number): number {
	return (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0
}

function u32le(bytes: Uint8Array, at: number): number {
	return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0
}

function le32(value: number): Uint8Array {
	return Uint8Array.of(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff)
}

// --- EXIF orientation ---------------------------------------------------------------------
//
// Phones store portrait photos sideways and set the EXIF Orientation tag (0x0112) so that
// viewers rotate them on display. Dropping EXIF would show them lying on their side, so the
// tag alone is carried over: read from IFD0 of the original EXIF, written back in a TIFF
// structure of our own making that holds nothing else (no other tag, no pointer to the EXIF,
// GPS or thumbnail IFDs). The value is only ever a number from 2 to 8.

const ORIENTATION_TAG = 0x0112
const TIFF_SHORT = 3

/**
 * The Orientation (1–8) in IFD0 of the TIFF structure at bytes[tiffAt, tiffEnd). Anything
 * out of place (byte order, header, offsets past the end, wrong type or count, value out of
 * range) gives 1, "as stored": a damaged EXIF is dropped like any other, it never throws.
 */
function readOrientation(bytes: Uint8Array, tiffAt: number, tiffEnd: number): number {
	if (tiffAt < 0 || tiffEnd > bytes.length || tiffEnd - tiffAt < 8) return 1
	let little: boolean
	if (bytes[tiffAt] === 0x49 && bytes[tiffAt + 1] === 0x49) little = true
	else if (bytes[tiffAt] === 0x4d && bytes[tiffAt + 1] === 0x4d) little = false
	else return 1
	const u16 = (at: number) => (little ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : u16be(bytes, at))
	const u32 = (at: number) => (little ? u32le(bytes, at) : u32be(bytes, at))
	if (u16(tiffAt + 2) !== 42) return 1
	// Offsets count from the start of the TIFF header; IFD0 cannot overlap the header itself.
	const ifdOffset = u32(tiffAt + 4)
	if (ifdOffset < 8 || ifdOffset > tiffEnd - tiffAt - 2) return 1
	const ifdAt = tiffAt + ifdOffset
	const count = u16(ifdAt)
	// At most 65535 entries, and the loop stops at the first one that does not fit.
	for (let i = 0; i < count; i++) {
		const entry = ifdAt + 2 + i * 12
		if (entry + 12 > tiffEnd) return 1
		if (u16(entry) !== ORIENTATION_TAG) continue
		const value = u16(entry + 8)
		return u16(entry + 2) === TIFF_SHORT && u32(entry + 4) === 1 && value >= 1 && value <= 8 ? value : 1
	}
	return 1
}

/** A big-endian TIFF structure: header, IFD0 with the one Orientation entry, no next IFD (26 bytes). */
function orientationTiff(orientation: number): Uint8Array {
	return Uint8Array.of(
		0x4d, 0x4d, 0, 42, 0, 0, 0, 8, // "MM", 42, IFD0 at 8
		0, 1, // one entry
		0x01, 0x12, 0, TIFF_SHORT, 0, 0, 0, 1, 0, orientation & 0xff, 0, 0, // Orientation, SHORT, 1 value
		0, 0, 0, 0, // no next IFD
	)
}

// --- JPEG ---------------------------------------------------------------------------------
//
// Kept: APP0 "JFIF", APP2 "ICC_PROFILE" (colours), APP14 "Adobe" (tells how to convert the
// colour channels), and the standard segments a decoder needs (tables, frame, scans).
// Dropped: APP1 (EXIF with GPS, XMP), APP13 (Photoshop/IPTC), other APPn (MPF, maker data,
// JFXX thumbnails), COM, reserved markers, and every byte after EOI (phones append extra
// images there, each with its own EXIF; it is also where polyglot payloads hide).
// The Orientation tag of the first EXIF APP1 before the image data (the one browsers read) is
// written back, when it asks for a rotation or mirroring (2–8), in a new APP1 holding only
// that tag, placed right after SOI or after a JFIF APP0 that opens the file.

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const COM = 0xfe
const EXIF_HEADER = Uint8Array.from('Exif\0\0', (c) => c.charCodeAt(0))

function isStartOfFrame(marker: number): boolean {
	// C0–CF are frame headers except DHT (C4), JPG (C8) and DAC (CC).
	return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
}

function keepJpegSegment(marker: number, bytes: Uint8Array, payloadAt: number, payloadEnd: number): boolean {
	const startsWith = (text: string) => payloadAt + text.length <= payloadEnd && startsWithAscii(bytes, payloadAt, text)
	if (marker === 0xe0) return startsWith('JFIF\0')
	if (marker === 0xe2) return startsWith('ICC_PROFILE\0')
	if (marker === 0xee) return startsWith('Adobe')
	if (marker >= 0xe0 && marker <= 0xef) return false
	if (marker === COM) return false
	// Frame headers, DHT, DAC, DQT, DNL, DRI, DHP, EXP, SOS.
	return (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc8) || (marker >= 0xdb && marker <= 0xdf) || marker === SOS
}

export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
	const length = bytes.length
	if (length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) fail('jpeg: no SOI')
	const kept = new Ranges()
	kept.add(0, 2)
	let sawFrame = false
	let sawScan = false
	let firstSegment = true
	let exifSeen = false
	let orientation = 1
	// Where the orientation APP1 goes in the output: after SOI, or after a leading JFIF APP0.
	let orientationAt = 2
	let at = 2
	for (;;) {
		if (at >= length) fail('jpeg: no EOI')
		if (bytes[at] !== 0xff) fail('jpeg: marker expected')
		// Any number of 0xFF fill bytes may precede a marker.
		while (at < length && bytes[at] === 0xff) at++
		if (at >= length) fail('jpeg: truncated marker')
		const marker = bytes[at] as number
		// The marker is copied with the one 0xFF before it: fill bytes are dropped.
		const markerStart = at - 1
		at++
		if (marker === EOI) {
			if (!sawFrame || !sawScan) fail('jpeg: no image data')
			kept.add(markerStart, at)
			if (orientation === 1) return kept.build(bytes)
			const tiff = orientationTiff(orientation)
			const app1 = new Uint8Array(4 + EXIF_HEADER.length + tiff.length)
			app1.set([0xff, 0xe1, 0, app1.length - 2])
			app1.set(EXIF_HEADER, 4)
			app1.set(tiff, 4 + EXIF_HEADER.length)
			return kept.build(bytes, app1, orientationAt)
		}
		// RSTn only occur inside scans (handled below); TEM, SOI and 0x00 have no business here.
		if (marker === 0x00 || marker === 0x01 || marker === SOI || (marker >= 0xd0 && marker <= 0xd7)) fail('jpeg: unexpected marker')
		if (at + 2 > length) fail('jpeg: truncated segment length')
		const segmentLength = u16be(bytes, at)
		if (segmentLength < 2 || at + segmentLength > length) fail('jpeg: bad segment length')
		const segmentEnd = at + segmentLength
		if (keepJpegSegment(marker, bytes, at + 2, segmentEnd)) {
			kept.add(markerStart, segmentEnd)
			if (firstSegment && marker === 0xe0) orientationAt = kept.size
		}
		firstSegment = false
		// Decoders read the markers up to the first scan, and the first EXIF APP1 among them.
		if (marker === 0xe1 && !sawScan && !exifSeen && segmentEnd - (at + 2) >= EXIF_HEADER.length && startsWithAscii(bytes, at + 2, 'Exif\0\0')) {
			exifSeen = true
			orientation = readOrientation(bytes, at + 2 + EXIF_HEADER.length, segmentEnd)
		}
		if (isStartOfFrame(marker)) sawFrame = true
		at = segmentEnd
		if (marker !== SOS) continue
		if (!sawFrame) fail('jpeg: scan before frame')
		sawScan = true
		// Entropy-coded data runs up to the next marker: 0xFF followed by something other than
		// a stuffed 0x00, a restart marker RSTn, or another 0xFF (fill byte).
		let search = at
		for (;;) {
			const ff = bytes.indexOf(0xff, search)
			if (ff < 0 || ff + 1 >= length) fail('jpeg: truncated scan')
			const next = bytes[ff + 1] as number
			if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
				search = ff + 1
				continue
			}
			kept.add(at, ff)
			at = ff
			break
		}
	}
}

// --- PNG ----------------------------------------------------------------------------------
//
// Kept: critical chunks, colour and geometry information, transparency and APNG animation.
// Dropped: tEXt, zTXt, iTXt (XMP and free text), eXIf, tIME, and any private chunk. Kept
// chunks are copied with their CRC; every byte after IEND is dropped.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const PNG_KEPT = new Set([
	'IHDR',
	'PLTE',
	'IDAT',
	'IEND',
	'tRNS',
	'iCCP',
	'sRGB',
	'gAMA',
	'cHRM',
	'cICP',
	'mDCV',
	'cLLI',
	'pHYs',
	'sBIT',
	'bKGD',
	'acTL',
	'fcTL',
	'fdAT',
])

function isAsciiLetter(byte: number | undefined): boolean {
	return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a))
}

export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
	const length = bytes.length
	if (length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) fail('png: no signature')
	const kept = new Ranges()
	kept.add(0, PNG_SIGNATURE.length)
	let sawData = false
	let at = PNG_SIGNATURE.length
	while (at < length) {
		if (at + 12 > length) fail('png: truncated chunk')
		const dataLength = u32be(bytes, at)
		if (dataLength > 0x7fffffff) fail('png: bad chunk length')
		if (![0, 1, 2, 3].every((i) => isAsciiLetter(bytes[at + 4 + i]))) fail('png: bad chunk type')
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
		const chunkEnd = at + 12 + dataLength
		if (chunkEnd > length) fail('png: chunk past the end')
		if (at === PNG_SIGNATURE.length && (type !== 'IHDR' || dataLength !== 13)) fail('png: IHDR must come first')
		if (PNG_KEPT.has(type)) {
			const crcOk = crc32(bytes.subarray(at + 4, at + 8 + dataLength)) === u32be(bytes, at + 8 + dataLength)
			// Decoders refuse a critical chunk with a bad CRC and skip an ancillary one: do the same.
			const critical = (bytes[at + 4] as number) < 0x61
			if (!crcOk && critical) fail(`png: bad CRC in ${type}`)
			if (crcOk) kept.add(at, chunkEnd)
		}
		if (type === 'IDAT') sawData = true
		if (type === 'IEND') {
			if (!sawData) fail('png: no IDAT')
			return kept.build(bytes)
		}
		at = chunkEnd
	}
	fail('png: no IEND')
}

// --- WebP ---------------------------------------------------------------------------------
//
// Kept: image data (VP8, VP8L, ALPH, ANIM, ANMF), VP8X and ICCP. Dropped: EXIF, "XMP " and
// unknown chunks; the EXIF and XMP flags of VP8X are cleared and the RIFF size recomputed.
// Bytes after the RIFF size are dropped. When the first EXIF chunk of an extended (VP8X) file
// carries an Orientation of 2–8, a new EXIF chunk holding only that tag takes its place and
// the EXIF flag stays set. Viewers differ on whether they apply EXIF orientation to WebP;
// keeping the tag makes the cleaned file display as the original did in each of them. A
// simple file (no VP8X) may not carry EXIF at all, so nothing is written back there.

const WEBP_KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP'])
const VP8X_EXIF_FLAG = 0x08
const VP8X_XMP_FLAG = 0x04

export function stripWebpMetadata(bytes: Uint8Array): Uint8Array {
	if (bytes.length < 20 || !startsWithAscii(bytes, 0, 'RIFF') || !startsWithAscii(bytes, 8, 'WEBP')) fail('webp: no RIFF header')
	const riffEnd = 8 + u32le(bytes, 4)
	if (riffEnd > bytes.length || riffEnd < 20) fail('webp: bad RIFF size')
	const kept = new Ranges()
	let vp8xKept = false
	let missingPad = false
	let sawImage = false
	let exifSeen = false
	let orientation = 1
	// Where the orientation EXIF chunk goes among the kept chunks: where the original one was.
	let orientationAt = 0
	let at = 12
	while (at < riffEnd) {
		if (at + 8 > riffEnd) fail('webp: truncated chunk')
		const fourcc = String.fromCharCode(...bytes.subarray(at, at + 4))
		const dataLength = u32le(bytes, at + 4)
		const dataEnd = at + 8 + dataLength
		if (dataEnd > riffEnd) fail('webp: chunk past the end')
		// Chunks are padded to an even size; a missing final padding byte is tolerated.
		const chunkEnd = Math.min(dataEnd + (dataLength % 2), riffEnd)
		if (at === 12) {
			if (fourcc !== 'VP8 ' && fourcc !== 'VP8L' && fourcc !== 'VP8X') fail('webp: unexpected first chunk')
			if (fourcc === 'VP8X' && dataLength < 10) fail('webp: short VP8X')
			vp8xKept = fourcc === 'VP8X'
		}
		// A VP8X anywhere but first is invalid; only the first one's flags are fixed, so drop others.
		if (WEBP_KEPT.has(fourcc) && (fourcc !== 'VP8X' || at === 12)) {
			kept.add(at, chunkEnd)
			missingPad = chunkEnd < dataEnd + (dataLength % 2)
		}
		if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANMF') sawImage = true
		if (fourcc === 'EXIF' && !exifSeen) {
			exifSeen = true
			orientationAt = kept.size
			// The spec wants the TIFF header first; some writers put JPEG's "Exif\0\0" before it.
			const tiffAt = dataLength >= 6 && startsWithAscii(bytes, at + 8, 'Exif\0\0') ? at + 14 : at + 8
			orientation = readOrientation(bytes, tiffAt, dataEnd)
		}
		at = chunkEnd
	}
	if (!sawImage) fail('webp: no image data')
	let exif = NOTHING
	if (vp8xKept && orientation !== 1) {
		// 26 bytes of TIFF: even, so no padding byte.
		const tiff = orientationTiff(orientation)
		exif = new Uint8Array(8 + tiff.length)
		exif.set([0x45, 0x58, 0x49, 0x46]) // "EXIF"
		exif.set(le32(tiff.length), 4)
		exif.set(tiff, 8)
	}
	// A missing padding byte can only be that of the last chunk, after any insertion.
	const bodySize = kept.size + exif.length + (missingPad ? 1 : 0)
	const out = new Uint8Array(12 + bodySize)
	out.set(bytes.subarray(0, 12))
	out.set(le32(bodySize + 4), 4)
	kept.copy(bytes, out, 12, exif, orientationAt)
	// VP8X, when present, is the first chunk: its flags byte follows its 8-byte header.
	if (vp8xKept) out[20] = ((out[20] as number) & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG)) | (exif.length > 0 ? VP8X_EXIF_FLAG : 0)
	return out
}
