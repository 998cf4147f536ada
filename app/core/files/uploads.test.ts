import { crc32, deflateSync } from 'node:zlib'
import exifr from 'exifr'
import { describe, expect, test } from 'vitest'
import { AppError } from '#app/core/errors.ts'
import { MalformedImageError, stripJpegMetadata, stripPngMetadata, stripWebpMetadata } from '#app/core/files/metadata-strip.ts'
import { UPLOAD_LIMITS, cleanFileName, filesFromForm, inspectUpload, inspectUploads } from '#app/core/files/uploads.server.ts'

// All fixtures are built here, byte by byte, so that each test shows what it feeds in.

// --- byte helpers ---

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const utf8 = (text: string) => new TextEncoder().encode(text)
const u16 = (n: number) => Uint8Array.of((n >>> 8) & 0xff, n & 0xff)
const u32 = (n: number) => Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff)
const le16 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff)
const le32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff)

function cat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
	let at = 0
	for (const p of parts) {
		out.set(p, at)
		at += p.length
	}
	return out
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
	return Buffer.from(haystack).indexOf(Buffer.from(needle))
}

const contains = (haystack: Uint8Array, needle: Uint8Array | string) =>
	indexOfBytes(haystack, typeof needle === 'string' ? utf8(needle) : needle) >= 0

// --- EXIF (TIFF) with a GPS position: Ủy ban nhân dân in Hà Nội, 21°1'42"N 105°51'12"E ---

function tiffWithGps(): Uint8Array {
	// Big-endian TIFF. Layout: header (8) | IFD0, 2 entries (30) | "Canon\0" (6) |
	// GPS IFD, 5 entries (66) | latitude 3 rationals (24) | longitude 3 rationals (24).
	const ifd0At = 8
	const makeAt = ifd0At + 2 + 2 * 12 + 4
	const gpsAt = makeAt + 6
	const latAt = gpsAt + 2 + 5 * 12 + 4
	const lonAt = latAt + 24
	const entry = (tag: number, type: number, count: number, value: Uint8Array) => cat(u16(tag), u16(type), u32(count), value)
	const rationals = (...values: number[]) => cat(...values.flatMap((v) => [u32(v), u32(1)]))
	return cat(
		ascii('MM'),
		u16(42),
		u32(ifd0At),
		u16(2),
		entry(0x010f, 2, 6, u32(makeAt)), // Make
		entry(0x8825, 4, 1, u32(gpsAt)), // GPSInfo pointer
		u32(0),
		ascii('Canon\0'),
		u16(5),
		entry(0x0000, 1, 4, Uint8Array.of(2, 3, 0, 0)), // GPSVersionID
		entry(0x0001, 2, 2, ascii('N\0\0\0')), // GPSLatitudeRef
		entry(0x0002, 5, 3, u32(latAt)), // GPSLatitude
		entry(0x0003, 2, 2, ascii('E\0\0\0')), // GPSLongitudeRef
		entry(0x0004, 5, 3, u32(lonAt)), // GPSLongitude
		u32(0),
		rationals(21, 1, 42),
		rationals(105, 51, 12),
	)
}

// --- EXIF of a phone photo taken in portrait: Make, Model, Orientation, GPS, in either byte order ---

function phoneTiff(orientation: number | undefined, order: 'MM' | 'II' = 'MM'): Uint8Array {
	const w16 = order === 'MM' ? u16 : le16
	const w32 = order === 'MM' ? u32 : le32
	const make = ascii('Apple\0')
	const model = ascii('iPhone 12\0')
	const entryCount = orientation === undefined ? 3 : 4
	// Layout: header (8) | IFD0 | Make | Model | GPS IFD, 4 entries (54) | latitude, longitude: 3 rationals each (48).
	const ifd0At = 8
	const makeAt = ifd0At + 2 + entryCount * 12 + 4
	const modelAt = makeAt + make.length
	const gpsAt = modelAt + model.length
	const latAt = gpsAt + 2 + 4 * 12 + 4
	const lonAt = latAt + 24
	const entry = (tag: number, type: number, count: number, value: Uint8Array) => cat(w16(tag), w16(type), w32(count), value)
	const short = (n: number) => cat(w16(n), Uint8Array.of(0, 0))
	return cat(
		ascii(order),
		w16(42),
		w32(ifd0At),
		w16(entryCount),
		entry(0x010f, 2, make.length, w32(makeAt)), // Make
		entry(0x0110, 2, model.length, w32(modelAt)), // Model
		...(orientation === undefined ? [] : [entry(0x0112, 3, 1, short(orientation))]), // Orientation
		entry(0x8825, 4, 1, w32(gpsAt)), // GPSInfo pointer
		w32(0),
		make,
		model,
		w16(4),
		entry(0x0001, 2, 2, ascii('N\0\0\0')), // GPSLatitudeRef
		entry(0x0002, 5, 3, w32(latAt)), // GPSLatitude
		entry(0x0003, 2, 2, ascii('E\0\0\0')), // GPSLongitudeRef
		entry(0x0004, 5, 3, w32(lonAt)), // GPSLongitude
		w32(0),
		...[21, 1, 42, 105, 51, 12].flatMap((v) => [w32(v), w32(1)]),
	)
}

/** What the stripper writes back: "MM" TIFF, IFD0 with the Orientation entry alone, no next IFD. */
const orientationTiff = (orientation: number) => cat(ascii('MM'), u16(42), u32(8), u16(1), u16(0x0112), u16(3), u32(1), u16(orientation), u16(0), u32(0))

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,1.7N" exif:GPSLongitude="105,51.2E"><dc:creator><rdf:Seq><rdf:li>Nguyễn Văn An</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>'

// --- JPEG ---

const jpegSegment = (marker: number, payload: Uint8Array) => cat(Uint8Array.of(0xff, marker), u16(payload.length + 2), payload)

const APP0_JFIF = jpegSegment(0xe0, cat(ascii('JFIF\0'), Uint8Array.of(1, 1, 0, 0, 1, 0, 1, 0, 0)))
const APP2_ICC = jpegSegment(0xe2, cat(ascii('ICC_PROFILE\0'), Uint8Array.of(1, 1), ascii('fake colour profile bytes')))
const APP14_ADOBE = jpegSegment(0xee, cat(ascii('Adobe'), Uint8Array.of(0, 100, 0, 0, 0, 0, 1)))
const APP1_EXIF = jpegSegment(0xe1, cat(ascii('Exif\0\0'), tiffWithGps()))
const APP1_XMP = jpegSegment(0xe1, cat(ascii('http://ns.adobe.com/xap/1.0/\0'), utf8(XMP)))
// Photoshop IRB 0x0404 holding one IPTC record, 2:120 Caption.
const IPTC_CAPTION = ascii('Nha ong Binh, xom 3')
const APP13_IPTC = jpegSegment(
	0xed,
	cat(ascii('Photoshop 3.0\0'), ascii('8BIM'), u16(0x0404), u16(0), u32(5 + IPTC_CAPTION.length), Uint8Array.of(0x1c, 2, 120), u16(IPTC_CAPTION.length), IPTC_CAPTION, Uint8Array.of(0)),
)
const COM_TEXT = jpegSegment(0xfe, ascii('Chup tai nha so 12, thon Dong'))

// A 1x1 grey baseline JPEG: one-code Huffman tables, so the scan is DC "0" + EOB "0", padded with ones.
const JPEG_BODY = cat(
	jpegSegment(0xdb, cat(Uint8Array.of(0), new Uint8Array(64).fill(1))), // DQT
	jpegSegment(0xc0, Uint8Array.of(8, 0, 1, 0, 1, 1, 1, 0x11, 0)), // SOF0, 1x1, one component
	jpegSegment(0xc4, cat(Uint8Array.of(0x00, 1), new Uint8Array(15), Uint8Array.of(0))), // DHT DC
	jpegSegment(0xc4, cat(Uint8Array.of(0x10, 1), new Uint8Array(15), Uint8Array.of(0))), // DHT AC
	jpegSegment(0xda, Uint8Array.of(1, 1, 0x00, 0, 63, 0)), // SOS
	Uint8Array.of(0x3f), // entropy-coded data
	Uint8Array.of(0xff, 0xd9), // EOI
)
const SOI = Uint8Array.of(0xff, 0xd8)
const PLAIN_JPEG = cat(SOI, APP0_JFIF, JPEG_BODY)
const TAGGED_JPEG = cat(SOI, APP0_JFIF, APP1_EXIF, APP1_XMP, APP2_ICC, APP13_IPTC, COM_TEXT, APP14_ADOBE, JPEG_BODY, ascii('<script>alert(1)</script>'))
const exifApp1 = (tiff: Uint8Array) => jpegSegment(0xe1, cat(ascii('Exif\0\0'), tiff))
const orientationApp1 = (orientation: number) => exifApp1(orientationTiff(orientation))
const PORTRAIT_JPEG = cat(SOI, APP0_JFIF, exifApp1(phoneTiff(6)), APP1_XMP, APP2_ICC, COM_TEXT, JPEG_BODY)

// --- PNG ---

const pngChunk = (type: string, data: Uint8Array) => {
	const typeAndData = cat(ascii(type), data)
	return cat(u32(data.length), typeAndData, u32(crc32(typeAndData)))
}
const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const IHDR = pngChunk('IHDR', cat(u32(1), u32(1), Uint8Array.of(8, 2, 0, 0, 0))) // 1x1 RGB
const SRGB = pngChunk('sRGB', Uint8Array.of(0))
const PHYS = pngChunk('pHYs', cat(u32(2835), u32(2835), Uint8Array.of(1)))
const IDAT = pngChunk('IDAT', deflateSync(Uint8Array.of(0, 0xcc, 0x33, 0x33)))
const IEND = pngChunk('IEND', new Uint8Array(0))
const PLAIN_PNG = cat(PNG_SIGNATURE, IHDR, SRGB, PHYS, IDAT, IEND)
const TAGGED_PNG = cat(
	PNG_SIGNATURE,
	IHDR,
	SRGB,
	pngChunk('eXIf', tiffWithGps()),
	pngChunk('tEXt', ascii('Author\0Nguyen Van An')),
	pngChunk('iTXt', cat(ascii('XML:com.adobe.xmp\0\0\0\0\0'), utf8(XMP))),
	pngChunk('tIME', Uint8Array.of(0x07, 0xe8, 5, 17, 8, 30, 0)),
	PHYS,
	pngChunk('prVt', ascii('private camera data')),
	IDAT,
	IEND,
	ascii('PK\x03\x04 hidden after IEND'),
)

// --- WebP ---

const riffChunk = (fourcc: string, data: Uint8Array) => cat(ascii(fourcc), le32(data.length), data, data.length % 2 ? Uint8Array.of(0) : new Uint8Array(0))
const webp = (...chunks: Uint8Array[]) => {
	const body = cat(ascii('WEBP'), ...chunks)
	return cat(ascii('RIFF'), le32(body.length), body)
}
// 1x1 lossless bitstream (the one Modernizr uses to probe WebP support).
const VP8L = riffChunk('VP8L', Uint8Array.of(0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07))
const vp8x = (flags: number) => riffChunk('VP8X', Uint8Array.of(flags, 0, 0, 0, 0, 0, 0, 0, 0, 0))
const ICC_FLAG = 0x20
const EXIF_FLAG = 0x08
const XMP_FLAG = 0x04
const ICCP = riffChunk('ICCP', ascii('fake colour profile'))
const EXIF_TIFF = cat(tiffWithGps(), Uint8Array.of(0x42)) // odd length: exercises padding
const TAGGED_WEBP = webp(vp8x(ICC_FLAG | EXIF_FLAG | XMP_FLAG), ICCP, VP8L, riffChunk('EXIF', EXIF_TIFF), riffChunk('XMP ', utf8(XMP)), riffChunk('junk', ascii('x')))

// --- documents ---

const PDF = ascii('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

/** A store-only ZIP archive, enough for file-type to read the entries. */
function zip(entries: Record<string, string>): Uint8Array {
	const locals: Uint8Array[] = []
	const centrals: Uint8Array[] = []
	let offset = 0
	for (const [name, text] of Object.entries(entries)) {
		const nameBytes = utf8(name)
		const data = utf8(text)
		const common = cat(le16(20), le16(0), le16(0), le16(0), le16(0x21), le32(crc32(data)), le32(data.length), le32(data.length), le16(nameBytes.length), le16(0))
		const local = cat(le32(0x04034b50), common, nameBytes, data)
		centrals.push(cat(le32(0x02014b50), le16(20), common, le16(0), le16(0), le16(0), le32(0), le32(offset), nameBytes))
		locals.push(local)
		offset += local.length
	}
	const central = cat(...centrals)
	const count = le16(centrals.length)
	return cat(...locals, central, le32(0x06054b50), le16(0), le16(0), count, count, le32(central.length), le32(offset), le16(0))
}

const contentTypes = (mainPart: string, type: string) =>
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${mainPart}" ContentType="${type}.main+xml"/></Types>`
const DOCX = zip({
	'[Content_Types].xml': contentTypes('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
	'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
})
const XLSX = zip({
	'[Content_Types].xml': contentTypes('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
	'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
})
const DOCM = zip({
	'[Content_Types].xml': contentTypes('/word/document.xml', 'application/vnd.ms-word.document.macroEnabled'),
	'word/document.xml': '<w:document/>',
})
const PLAIN_ZIP = zip({ 'readme.txt': 'hello', 'run.sh': '#!/bin/sh\nrm -rf /\n' })

/** An MS-CFB header followed by a directory entry naming one stream. */
const cfb = (stream: string) =>
	cat(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(504), Buffer.from(`Root Entry\0${stream}\0`, 'utf16le'), new Uint8Array(64))

const HEIC = cat(u32(24), ascii('ftypheic'), u32(0), ascii('mif1heic'), u32(8), ascii('mdat'))

// --- assertions ---

async function rejection(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise
	} catch (err) {
		expect(err).toBeInstanceOf(AppError)
		return err as AppError
	}
	throw new Error('expected a rejection')
}

async function rejectionKey(promise: Promise<unknown>): Promise<string> {
	return (await rejection(promise)).messageKey
}

/** Deterministic pseudo-random numbers, so a failing fuzz case can be replayed. */
function prng(seed: number) {
	let state = seed >>> 0
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0
		return state / 2 ** 32
	}
}

describe('photos lose the metadata that can identify a person or a place', () => {
	test('JPEG: EXIF with GPS, XMP, IPTC, comment and trailing bytes go; JFIF, ICC and Adobe stay byte for byte', async () => {
		const before = await exifr.parse(Buffer.from(TAGGED_JPEG), { gps: true, xmp: true, iptc: true })
		expect(before.latitude).toBeCloseTo(21.0283, 3)
		expect(before.longitude).toBeCloseTo(105.8533, 3)
		expect(before.Make).toBe('Canon')
		expect(JSON.stringify(before)).toContain('Nguyễn Văn An')
		expect(before.Caption).toBe('Nha ong Binh, xom 3')

		const checked = await inspectUpload({ name: 'IMG_0001.JPG', bytes: TAGGED_JPEG })
		expect(checked).toMatchObject({ fileName: 'IMG_0001.jpg', mime: 'image/jpeg', ext: 'jpg', isImage: true })
		expect(checked.bytes).toEqual(cat(SOI, APP0_JFIF, APP2_ICC, APP14_ADOBE, JPEG_BODY))
		expect(checked.size).toBe(checked.bytes.length)

		const after = await exifr.parse(Buffer.from(checked.bytes), { gps: true, xmp: true, iptc: true })
		expect(after?.latitude).toBeUndefined()
		expect(after?.Make).toBeUndefined()
		expect(after?.Caption).toBeUndefined()
		expect(after?.creator).toBeUndefined()
		expect(await exifr.gps(Buffer.from(checked.bytes))).toBeUndefined()
		for (const leak of ['Exif', 'Canon', 'Nguyễn', 'Photoshop', 'Nha ong Binh', 'Chup tai nha', '<script>']) expect(contains(checked.bytes, leak), leak).toBe(false)
		expect([...checked.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8])
		expect([...checked.bytes.subarray(-2)]).toEqual([0xff, 0xd9])
	})

	test('JPEG: a clean photo comes out unchanged, and stripping twice changes nothing more', () => {
		expect(stripJpegMetadata(PLAIN_JPEG)).toEqual(PLAIN_JPEG)
		const once = stripJpegMetadata(TAGGED_JPEG)
		expect(stripJpegMetadata(once)).toEqual(once)
	})

	test('JPEG: fill bytes, stuffed bytes and restart markers inside the scan are kept as they are', () => {
		const scan = Uint8Array.of(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff)
		const body = cat(JPEG_BODY.subarray(0, JPEG_BODY.length - 3), scan, Uint8Array.of(0xff, 0xd9))
		const input = cat(SOI, APP1_EXIF, body)
		expect(stripJpegMetadata(input)).toEqual(cat(SOI, body))
	})

	test('JPEG: fill bytes before markers are dropped', () => {
		const padded = cat(SOI, Uint8Array.of(0xff, 0xff, 0xff), APP0_JFIF, Uint8Array.of(0xff), JPEG_BODY)
		expect(stripJpegMetadata(padded)).toEqual(PLAIN_JPEG)
	})

	test('PNG: eXIf, tEXt, iTXt, tIME, private chunks and trailing bytes go; kept chunks stay byte for byte', async () => {
		const before = await exifr.parse(Buffer.from(TAGGED_PNG), { gps: true, xmp: true })
		expect(before.latitude).toBeCloseTo(21.0283, 3)

		const checked = await inspectUpload({ name: 'chup-man-hinh.png', bytes: TAGGED_PNG })
		expect(checked).toMatchObject({ fileName: 'chup-man-hinh.png', mime: 'image/png', isImage: true })
		expect(checked.bytes).toEqual(PLAIN_PNG)
		expect(await exifr.gps(Buffer.from(checked.bytes))).toBeUndefined()
		for (const leak of ['eXIf', 'tEXt', 'iTXt', 'tIME', 'Nguyen', 'prVt', 'PK']) expect(contains(checked.bytes, leak), leak).toBe(false)
	})

	test('WebP: EXIF and XMP chunks go, their VP8X flags are cleared and the RIFF size is recomputed', async () => {
		expect((await exifr.gps(Buffer.from(EXIF_TIFF))).latitude).toBeCloseTo(21.0283, 3)

		const checked = await inspectUpload({ name: 'anh.webp', bytes: TAGGED_WEBP })
		expect(checked).toMatchObject({ fileName: 'anh.webp', mime: 'image/webp', isImage: true })
		const expected = webp(vp8x(ICC_FLAG), ICCP, VP8L)
		expect(checked.bytes).toEqual(expected)
		const riffSize = Buffer.from(checked.bytes).readUInt32LE(4)
		expect(riffSize).toBe(checked.bytes.length - 8)
		for (const leak of ['EXIF', 'XMP ', 'Nguyễn', 'junk']) expect(contains(checked.bytes, leak), leak).toBe(false)
	})

	test('WebP: a simple lossless file passes unchanged', () => {
		const simple = webp(VP8L)
		expect(stripWebpMetadata(simple)).toEqual(simple)
	})

	test('WebP: a missing padding byte after the last chunk is restored', () => {
		const unpadded = VP8L.subarray(0, VP8L.length - 1)
		const input = cat(ascii('RIFF'), le32(4 + unpadded.length), ascii('WEBP'), unpadded)
		expect(stripWebpMetadata(input)).toEqual(webp(VP8L))
	})
})

describe('the orientation of a portrait photo survives, alone', () => {
	const STRIPPED = cat(SOI, APP0_JFIF, APP2_ICC, JPEG_BODY)
	// Every TIFF block exifr knows about: IFD0, EXIF, GPS, interoperability, thumbnail IFD1.
	const EVERY_IFD = { tiff: true, exif: true, gps: true, interop: true, ifd1: true, makerNote: true, userComment: true, mergeOutput: false, translateValues: false }

	test('JPEG: GPS, Make and Model go; Orientation 6 comes back in an APP1 of its own after JFIF', async () => {
		const before = await exifr.parse(Buffer.from(PORTRAIT_JPEG), { gps: true, tiff: true })
		expect(before).toMatchObject({ Make: 'Apple', Model: 'iPhone 12' })
		expect(before.latitude).toBeCloseTo(21.0283, 3)
		expect(await exifr.orientation(Buffer.from(PORTRAIT_JPEG))).toBe(6)
		expect(await exifr.parse(Buffer.from(PORTRAIT_JPEG), EVERY_IFD)).toMatchObject({ ifd0: { Make: 'Apple', Orientation: 6 }, gps: { GPSLatitudeRef: 'N' } })

		const checked = await inspectUpload({ name: 'IMG_2041.jpg', bytes: PORTRAIT_JPEG })
		expect(checked.bytes).toEqual(cat(SOI, APP0_JFIF, orientationApp1(6), APP2_ICC, JPEG_BODY))
		expect(checked.size).toBe(checked.bytes.length)

		const after = Buffer.from(checked.bytes)
		expect(await exifr.orientation(after)).toBe(6)
		expect(await exifr.parse(after, { gps: true, tiff: true, translateValues: false })).toEqual({ Orientation: 6 })
		expect(await exifr.parse(after, EVERY_IFD)).toEqual({ ifd0: { Orientation: 6 } })
		expect(await exifr.gps(after)).toBeUndefined()
		for (const leak of ['Apple', 'iPhone', 'Nguyễn', 'Chup tai nha']) expect(contains(checked.bytes, leak), leak).toBe(false)
	})

	test.each(['MM', 'II'] as const)('JPEG: every orientation from 2 to 8 is read in %s byte order', async (order) => {
		for (let orientation = 2; orientation <= 8; orientation++) {
			const out = stripJpegMetadata(cat(SOI, APP0_JFIF, exifApp1(phoneTiff(orientation, order)), JPEG_BODY))
			expect(out, `orientation ${orientation}`).toEqual(cat(SOI, APP0_JFIF, orientationApp1(orientation), JPEG_BODY))
			expect(await exifr.orientation(Buffer.from(out))).toBe(orientation)
		}
	})

	test.each([
		['Orientation 1', phoneTiff(1)],
		['Orientation 1, little-endian', phoneTiff(1, 'II')],
		['no Orientation', phoneTiff(undefined)],
	])('JPEG with %s: no APP1 at all', async (_case, tiff) => {
		const out = stripJpegMetadata(cat(SOI, APP0_JFIF, exifApp1(tiff), APP1_XMP, APP2_ICC, JPEG_BODY))
		expect(out).toEqual(STRIPPED)
		expect(contains(out, Uint8Array.of(0xff, 0xe1))).toBe(false)
		expect(await exifr.parse(Buffer.from(out), { gps: true, tiff: true })).toBeUndefined()
	})

	test('JPEG without JFIF: the APP1 goes right after SOI', () => {
		const out = stripJpegMetadata(cat(SOI, exifApp1(phoneTiff(8)), APP2_ICC, JPEG_BODY))
		expect(out).toEqual(cat(SOI, orientationApp1(8), APP2_ICC, JPEG_BODY))
	})

	test('JPEG: only the first EXIF APP1 before the image data counts, and stripping again changes nothing', () => {
		const twoExif = cat(SOI, APP0_JFIF, exifApp1(phoneTiff(6)), exifApp1(phoneTiff(3)), JPEG_BODY)
		const once = stripJpegMetadata(twoExif)
		expect(once).toEqual(cat(SOI, APP0_JFIF, orientationApp1(6), JPEG_BODY))
		expect(stripJpegMetadata(once)).toEqual(once)
		// An XMP APP1 first does not hide the EXIF one.
		expect(stripJpegMetadata(cat(SOI, APP0_JFIF, APP1_XMP, exifApp1(phoneTiff(5)), JPEG_BODY))).toEqual(cat(SOI, APP0_JFIF, orientationApp1(5), JPEG_BODY))
		// Between the scan and EOI, too late for a browser to rotate.
		const afterScan = cat(SOI, APP0_JFIF, JPEG_BODY.subarray(0, -2), exifApp1(phoneTiff(6)), Uint8Array.of(0xff, 0xd9))
		expect(stripJpegMetadata(afterScan)).toEqual(PLAIN_JPEG)
	})

	// A valid big-endian TIFF whose IFD0 holds one entry, spelt out so each case breaks one thing.
	const oneEntry = (entry: Uint8Array, { order = 'MM', magic = 42, ifd0 = 8, count = 1 } = {}) => cat(ascii(order), u16(magic), u32(ifd0), u16(count), entry, u32(0))
	const orientationEntry = (type: number, count: number, value: Uint8Array) => cat(u16(0x0112), u16(type), u32(count), value)
	const SHORT_6 = orientationEntry(3, 1, cat(u16(6), u16(0)))

	test('the spelt-out TIFF is read, so the cases below each test what they break', () => {
		expect(stripJpegMetadata(cat(SOI, APP0_JFIF, exifApp1(oneEntry(SHORT_6)), JPEG_BODY))).toEqual(cat(SOI, APP0_JFIF, orientationApp1(6), JPEG_BODY))
	})

	test.each([
		['an empty EXIF', new Uint8Array(0)],
		['a TIFF cut inside its header', ascii('MM\0*\0\0')],
		['an unknown byte order', oneEntry(SHORT_6, { order: 'XX' })],
		['the byte order of the other kind', cat(ascii('II'), oneEntry(SHORT_6).subarray(2))],
		['a wrong magic number', oneEntry(SHORT_6, { magic: 43 })],
		['IFD0 far past the end', oneEntry(SHORT_6, { ifd0: 0xfffffff0 })],
		['IFD0 just past the end', oneEntry(SHORT_6, { ifd0: 8 + 2 + 12 + 4 - 1 })],
		['IFD0 inside the header', oneEntry(SHORT_6, { ifd0: 2 })],
		['IFD0 at offset 0', oneEntry(SHORT_6, { ifd0: 0 })],
		['65535 entries announced, none of them the Orientation', oneEntry(orientationEntry(3, 1, u32(0)).fill(0x11, 0, 2), { count: 0xffff })],
		['65535 entries announced, IFD0 cut before the Orientation', cat(oneEntry(cat(u16(0x010f), u16(2), u32(1), u32(0)), { count: 0xffff }).subarray(0, -4))],
		['an Orientation cut before the end of its value field', oneEntry(SHORT_6).subarray(0, 8 + 2 + 10)],
		['an Orientation of type LONG', oneEntry(orientationEntry(4, 1, u32(6)))],
		['an Orientation with 2 values', oneEntry(orientationEntry(3, 2, cat(u16(6), u16(6))))],
		['an Orientation with 2^32 - 1 values', oneEntry(orientationEntry(3, 0xffffffff, cat(u16(6), u16(0))))],
		['an Orientation of 0', oneEntry(orientationEntry(3, 1, cat(u16(0), u16(0))))],
		['an Orientation of 9', oneEntry(orientationEntry(3, 1, cat(u16(9), u16(0))))],
		['an Orientation of 0xFFFF', oneEntry(orientationEntry(3, 1, cat(u16(0xffff), u16(0))))],
		['an Orientation of 6 in the wrong half of a little-endian value', cat(ascii('II'), le16(42), le32(8), le16(1), le16(0x0112), le16(3), le32(1), Uint8Array.of(0, 0, 6, 0), le32(0))],
	])('JPEG whose EXIF has %s: EXIF dropped, nothing written back, no error', async (_case, tiff) => {
		const bytes = cat(SOI, APP0_JFIF, exifApp1(tiff), APP2_ICC, JPEG_BODY)
		expect(stripJpegMetadata(bytes)).toEqual(STRIPPED)
		expect((await inspectUpload({ name: 'a.jpg', bytes })).bytes).toEqual(STRIPPED)
	})

	test('JPEG with random bytes overwritten inside the EXIF: never an error, at most a lone valid Orientation', () => {
		const tiff = phoneTiff(6, 'II')
		const random = prng(20250301)
		for (let round = 0; round < 2000; round++) {
			const broken = tiff.slice()
			const changes = 1 + Math.floor(random() * 6)
			for (let i = 0; i < changes; i++) broken[Math.floor(random() * broken.length)] = Math.floor(random() * 256)
			const out = stripJpegMetadata(cat(SOI, APP0_JFIF, exifApp1(broken), APP2_ICC, JPEG_BODY))
			if (out.length === STRIPPED.length) {
				expect(out, `round ${round}`).toEqual(STRIPPED)
				continue
			}
			const orientation = out[APP0_JFIF.length + 2 + 4 + 6 + 8 + 2 + 8 + 1] ?? 0
			expect(orientation, `round ${round}`).toBeGreaterThanOrEqual(2)
			expect(orientation, `round ${round}`).toBeLessThanOrEqual(8)
			expect(out, `round ${round}`).toEqual(cat(SOI, APP0_JFIF, orientationApp1(orientation), APP2_ICC, JPEG_BODY))
		}
	})

	const exifChunk = (bytes: Uint8Array) => {
		const at = indexOfBytes(bytes, ascii('EXIF'))
		return at < 0 ? undefined : bytes.subarray(at + 8, at + 8 + Buffer.from(bytes).readUInt32LE(at + 4))
	}

	test('WebP: the EXIF chunk is replaced by one holding only the Orientation; the EXIF flag stays set', async () => {
		const input = webp(vp8x(ICC_FLAG | EXIF_FLAG | XMP_FLAG), ICCP, VP8L, riffChunk('EXIF', phoneTiff(6)), riffChunk('XMP ', utf8(XMP)))
		const checked = await inspectUpload({ name: 'anh.webp', bytes: input })
		expect(checked.bytes).toEqual(webp(vp8x(ICC_FLAG | EXIF_FLAG), ICCP, VP8L, riffChunk('EXIF', orientationTiff(6))))
		expect(Buffer.from(checked.bytes).readUInt32LE(4)).toBe(checked.bytes.length - 8)
		const tiff = Buffer.from(exifChunk(checked.bytes) ?? [])
		expect(await exifr.parse(tiff, { gps: true, tiff: true, translateValues: false })).toEqual({ Orientation: 6 })
		expect(await exifr.orientation(tiff)).toBe(6)
		for (const leak of ['Apple', 'iPhone', 'Nguyễn']) expect(contains(checked.bytes, leak), leak).toBe(false)
	})

	test('WebP: a little-endian EXIF behind a JPEG-style "Exif\\0\\0" prefix is read too, and the new chunk takes its place', () => {
		const input = webp(vp8x(EXIF_FLAG), riffChunk('EXIF', cat(ascii('Exif\0\0'), phoneTiff(3, 'II'))), VP8L, riffChunk('junk', ascii('x')))
		expect(stripWebpMetadata(input)).toEqual(webp(vp8x(EXIF_FLAG), riffChunk('EXIF', orientationTiff(3)), VP8L))
	})

	test('WebP: Orientation 1, a broken EXIF or a simple file without VP8X: no EXIF chunk, flag cleared', () => {
		const expected = webp(vp8x(ICC_FLAG), ICCP, VP8L)
		for (const tiff of [phoneTiff(1), phoneTiff(undefined, 'II'), phoneTiff(6).subarray(0, 20), ascii('garbage')]) {
			expect(stripWebpMetadata(webp(vp8x(ICC_FLAG | EXIF_FLAG), ICCP, VP8L, riffChunk('EXIF', tiff)))).toEqual(expected)
		}
		// EXIF is only allowed in the extended format: there is no flag to set in a simple file.
		expect(stripWebpMetadata(webp(VP8L, riffChunk('EXIF', phoneTiff(6))))).toEqual(webp(VP8L))
	})

	test('WebP: a missing padding byte after the last chunk is still restored around the new chunk', () => {
		const unpadded = VP8L.subarray(0, VP8L.length - 1)
		const body = cat(ascii('WEBP'), vp8x(EXIF_FLAG), riffChunk('EXIF', phoneTiff(6)), unpadded)
		const input = cat(ascii('RIFF'), le32(body.length), body)
		expect(stripWebpMetadata(input)).toEqual(webp(vp8x(EXIF_FLAG), riffChunk('EXIF', orientationTiff(6)), VP8L))
	})
})

describe('broken or hostile images are refused as damaged, never crash or hang', () => {
	test.each([
		['JPEG', 'a.jpg', PLAIN_JPEG, 3],
		['PNG', 'a.png', PLAIN_PNG, 4],
		['WebP', 'a.webp', webp(vp8x(0), VP8L), 12],
	])('%s cut at every length', async (_kind, name, full, from) => {
		for (let length = from; length < full.length; length++) {
			const err = await rejection(inspectUpload({ name, bytes: full.subarray(0, length) }))
			expect(err.messageKey, `cut at ${length}`).toBe('upload.damaged')
		}
	})

	test.each([
		['JPEG', TAGGED_JPEG],
		['JPEG with an Orientation', PORTRAIT_JPEG],
		['PNG', TAGGED_PNG],
		['WebP', TAGGED_WEBP],
		['WebP with an Orientation', webp(vp8x(EXIF_FLAG), VP8L, riffChunk('EXIF', phoneTiff(6, 'II')))],
	])('%s with random bytes overwritten: accepted or refused with an AppError', async (_kind, original) => {
		const random = prng(20240517)
		for (let round = 0; round < 300; round++) {
			const bytes = original.slice()
			const changes = 1 + Math.floor(random() * 4)
			for (let i = 0; i < changes; i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256)
			try {
				await inspectUpload({ name: 'x', bytes })
			} catch (err) {
				expect(err, `round ${round}`).toBeInstanceOf(AppError)
			}
		}
	})

	test('PNG with a chunk length pointing far past the end', async () => {
		const bogus = cat(u32(0x7ffffff0), ascii('tEXt'), ascii('abc'))
		const err = await rejection(inspectUpload({ name: 'a.png', bytes: cat(PNG_SIGNATURE, IHDR, bogus, IDAT, IEND) }))
		expect(err.messageKey).toBe('upload.damaged')
		expect(err.params).toEqual({ name: 'a.png' })
	})

	test('PNG with a length above 2^31 or a corrupted IDAT checksum', async () => {
		const huge = cat(u32(0xfffffff0), ascii('IDAT'))
		expect(await rejectionKey(inspectUpload({ name: 'a.png', bytes: cat(PNG_SIGNATURE, IHDR, huge, IEND) }))).toBe('upload.damaged')
		const badCrc = IDAT.slice()
		badCrc.set([(badCrc.at(-1) ?? 0) ^ 0xff], badCrc.length - 1)
		expect(await rejectionKey(inspectUpload({ name: 'a.png', bytes: cat(PNG_SIGNATURE, IHDR, badCrc, IEND) }))).toBe('upload.damaged')
	})

	test('PNG whose first chunk is not IHDR, or without IDAT', () => {
		expect(() => stripPngMetadata(cat(PNG_SIGNATURE, SRGB, IHDR, IDAT, IEND))).toThrow(MalformedImageError)
		expect(() => stripPngMetadata(cat(PNG_SIGNATURE, IHDR, IEND))).toThrow(MalformedImageError)
	})

	test.each([
		['a segment length of 0', cat(SOI, Uint8Array.of(0xff, 0xe1, 0, 0), JPEG_BODY)],
		['a segment length past the end', cat(SOI, Uint8Array.of(0xff, 0xe1, 0xff, 0xff, 1, 2, 3))],
		['no scan before EOI', cat(SOI, APP0_JFIF, Uint8Array.of(0xff, 0xd9))],
		['garbage where a marker should be', cat(SOI, APP0_JFIF, ascii('hello'), JPEG_BODY)],
		['only 0xFF bytes', cat(SOI, new Uint8Array(1000).fill(0xff))],
		['a second SOI', cat(SOI, SOI, JPEG_BODY)],
		['a restart marker outside a scan', cat(SOI, Uint8Array.of(0xff, 0xd0), JPEG_BODY)],
		['a scan before the frame header', cat(SOI, JPEG_BODY.subarray(JPEG_BODY.indexOf(0xda) - 1))],
	])('JPEG with %s', async (_case, bytes) => {
		expect(await rejectionKey(inspectUpload({ name: 'a.jpg', bytes }))).toBe('upload.damaged')
	})

	test.each([
		['a RIFF size larger than the file', cat(ascii('RIFF'), le32(0xfffffff0), ascii('WEBP'), VP8L)],
		['a chunk size past the RIFF end', webp(cat(ascii('VP8L'), le32(0x7fffffff), ascii('abcd')))],
		['no image chunk', webp(vp8x(0), ICCP)],
		['a short VP8X', webp(riffChunk('VP8X', Uint8Array.of(0, 0)), VP8L)],
	])('WebP with %s', async (_case, bytes) => {
		expect(await rejectionKey(inspectUpload({ name: 'a.webp', bytes }))).toBe('upload.damaged')
	})
})

describe('the type comes from the content, from an allow-list', () => {
	test('a PDF is accepted as it is', async () => {
		const checked = await inspectUpload({ name: 'Đơn đề nghị.pdf', bytes: PDF })
		expect(checked).toEqual({ fileName: 'Đơn đề nghị.pdf', mime: 'application/pdf', ext: 'pdf', size: PDF.length, bytes: PDF, isImage: false })
	})

	test.each([
		['x.pdf', 'HTML with a script', utf8('<!DOCTYPE html><html><body><script>fetch("/api")</script></body></html>')],
		['x.pdf', 'a bare script tag', utf8('<script>alert(document.cookie)</script>')],
		['anh.jpg', 'PHP', utf8('<?php system($_GET["c"]); ?>')],
		['ghi-chu.txt', 'plain text', utf8('Kính gửi UBND xã,\nTôi xin phản ánh…')],
		['anh.svg', 'SVG', utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
		['a.png', 'an ELF executable', cat(Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), new Uint8Array(120))],
		['a.doc', 'a Windows executable', cat(ascii('MZ'), new Uint8Array(200))],
		['a.docx', 'a ZIP that is not an Office document', PLAIN_ZIP],
		['a.docx', 'a macro-enabled Word document', DOCM],
		['a.gif', 'a GIF', cat(ascii('GIF89a'), Uint8Array.of(1, 0, 1, 0, 0, 0, 0), ascii(';'))],
	])('%s holding %s is refused', async (name, _what, bytes) => {
		const err = await rejection(inspectUpload({ name, bytes }))
		expect(err.messageKey).toBe('upload.typeNotAllowed')
		expect(err.code).toBe('invalid')
		expect(err.params).toEqual({ name })
	})

	test('HEIC is refused with its own message, asking for JPEG', async () => {
		const err = await rejection(inspectUpload({ name: 'IMG_1234.HEIC', bytes: HEIC }))
		expect(err.messageKey).toBe('upload.heicNotSupported')
		expect(err.params).toEqual({ name: 'IMG_1234.HEIC' })
	})

	test('DOCX and XLSX are recognised inside their ZIP container', async () => {
		expect(await inspectUpload({ name: 'bao-cao.docx', bytes: DOCX })).toMatchObject({
			fileName: 'bao-cao.docx',
			ext: 'docx',
			mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			isImage: false,
		})
		expect(await inspectUpload({ name: 'so-lieu.zip', bytes: XLSX })).toMatchObject({
			fileName: 'so-lieu.xlsx',
			ext: 'xlsx',
			mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		})
	})

	test('legacy DOC and XLS only with the matching name and main stream', async () => {
		expect(await inspectUpload({ name: 'to-trinh.doc', bytes: cfb('WordDocument') })).toMatchObject({ mime: 'application/msword', ext: 'doc', fileName: 'to-trinh.doc' })
		expect(await inspectUpload({ name: 'bang-ke.XLS', bytes: cfb('Workbook') })).toMatchObject({ mime: 'application/vnd.ms-excel', ext: 'xls', fileName: 'bang-ke.xls' })
		expect(await rejectionKey(inspectUpload({ name: 'to-trinh.docx', bytes: cfb('WordDocument') }))).toBe('upload.typeNotAllowed')
		expect(await rejectionKey(inspectUpload({ name: 'bang-ke.doc', bytes: cfb('Workbook') }))).toBe('upload.typeNotAllowed')
		// An installer or an Outlook message is a compound file too.
		expect(await rejectionKey(inspectUpload({ name: 'setup.doc', bytes: cfb('SummaryInformation') }))).toBe('upload.typeNotAllowed')
	})

	test('an image sent under a wrong extension gets the extension of its content', async () => {
		expect((await inspectUpload({ name: 'photo.php', bytes: PLAIN_JPEG })).fileName).toBe('photo.jpg')
		expect((await inspectUpload({ name: 'scan.JPG', bytes: PLAIN_PNG })).fileName).toBe('scan.png')
		expect((await inspectUpload({ name: 'hoa-don', bytes: PDF })).fileName).toBe('hoa-don.pdf')
	})
})

describe('sizes and counts', () => {
	test('an empty file is refused', async () => {
		const err = await rejection(inspectUpload({ name: 'a.pdf', bytes: new Uint8Array(0) }))
		expect(err.messageKey).toBe('upload.empty')
	})

	test('a file over the limit is refused; one at the limit is accepted', async () => {
		const err = await rejection(inspectUpload({ name: 'a.pdf', bytes: PDF }, { maxBytesPerFile: PDF.length - 1 }))
		expect(err.messageKey).toBe('upload.tooLarge')
		expect(err.params).toEqual({ name: 'a.pdf', maxMb: 0 })
		expect((await inspectUpload({ name: 'a.pdf', bytes: PDF }, { maxBytesPerFile: PDF.length })).size).toBe(PDF.length)
	})

	test('the default limit is 5 MB, reported in MB', async () => {
		expect(UPLOAD_LIMITS).toEqual({ maxFiles: 5, maxBytesPerFile: 5 * 1024 * 1024 })
		const big = new Uint8Array(UPLOAD_LIMITS.maxBytesPerFile + 1)
		big.set(PDF)
		const err = await rejection(inspectUpload({ name: 'big.pdf', bytes: big }))
		expect(err.params).toEqual({ name: 'big.pdf', maxMb: 5 })
	})

	test('more files than allowed are refused before any is inspected', async () => {
		const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, bytes: PDF }))
		const err = await rejection(inspectUploads(six))
		expect(err.messageKey).toBe('upload.tooMany')
		expect(err.params).toEqual({ max: 5 })
		expect(await rejectionKey(inspectUploads(six.slice(0, 3), { maxFiles: 2 }))).toBe('upload.tooMany')
		expect(await inspectUploads(six.slice(0, 5))).toHaveLength(5)
	})

	test('the empty entry of an unused file input is skipped, a named empty file is not', async () => {
		const blank = { name: '', bytes: new Uint8Array(0) }
		const checked = await inspectUploads([blank, { name: 'a.pdf', bytes: PDF }, blank], { maxFiles: 1 })
		expect(checked.map((c) => c.fileName)).toEqual(['a.pdf'])
		expect(await inspectUploads([blank])).toEqual([])
		expect(await rejectionKey(inspectUploads([{ name: 'rong.pdf', bytes: new Uint8Array(0) }]))).toBe('upload.empty')
	})

	test('one bad file refuses the whole batch', async () => {
		const err = await rejection(inspectUploads([{ name: 'a.pdf', bytes: PDF }, { name: 'b.exe', bytes: cat(ascii('MZ'), new Uint8Array(64)) }]))
		expect(err.messageKey).toBe('upload.typeNotAllowed')
		expect(err.params).toEqual({ name: 'b.exe' })
	})
})

describe('file names', () => {
	const noLoneSurrogate = (text: string) => expect(() => encodeURIComponent(text)).not.toThrow()

	test.each([
		['../../etc/passwd', 'pdf', 'passwd.pdf'],
		['C:\\fakepath\\đơn khiếu nại.pdf', 'pdf', 'đơn khiếu nại.pdf'],
		['a\u202Egpj.exe', 'jpg', 'agpj.jpg'],
		['invoice\u2066\u2069\u200F.pdf', 'pdf', 'invoice.pdf'],
		['Ảnh hiện trường.jpg'.normalize('NFD'), 'jpg', 'Ảnh hiện trường.jpg'],
		['<b>bao "cao"<b>|?*:.docx', 'docx', 'bbao caob.docx'],
		['ho so/<b>x</b>.pdf', 'pdf', 'b.pdf'],
		['  tab\there\nnew\u0000line\u0007 .pdf', 'pdf', 'tab here newline.pdf'],
		['biên bản 2024.03', 'pdf', 'biên bản 2024.03.pdf'],
		['.htaccess', 'jpg', 'tep-dinh-kem.jpg'],
		['...', 'png', 'tep-dinh-kem.png'],
		['', 'pdf', 'tep-dinh-kem.pdf'],
		['\u0000\u202E', 'pdf', 'tep-dinh-kem.pdf'],
		['/', 'pdf', 'tep-dinh-kem.pdf'],
		['CON.pdf', 'pdf', '_CON.pdf'],
		['anh. .jpg', 'jpg', 'anh.jpg'],
	])('%j → %s', (name, ext, expected) => {
		expect(cleanFileName(name, ext)).toBe(expected)
	})

	test('long names are cut to 120 characters, keeping the extension and whole characters', () => {
		const long = cleanFileName(`${'x'.repeat(500)}.jpg`, 'jpg')
		expect(long).toHaveLength(120)
		expect(long).toBe(`${'x'.repeat(116)}.jpg`)

		const vietnamese = cleanFileName('Phản ánh về đường làng bị sụt lún '.repeat(10).normalize('NFD'), 'pdf')
		expect(vietnamese.length).toBeLessThanOrEqual(120)
		expect(vietnamese).toBe(vietnamese.normalize('NFC'))
		expect(vietnamese.endsWith('.pdf')).toBe(true)

		const emoji = cleanFileName(`${'a'.repeat(115)}😀😀.png`, 'png')
		noLoneSurrogate(emoji)
		expect(emoji).toBe(`${'a'.repeat(115)}.png`)

		// One letter with hundreds of combining marks is one "character" but not a short one.
		const zalgo = cleanFileName(`a${'\u0301\u0302'.repeat(200)}.pdf`, 'pdf')
		expect(zalgo.length).toBeLessThanOrEqual(120)
		expect(zalgo).toBe('tep-dinh-kem.pdf')
	})

	test('the name in error messages is cleaned too', async () => {
		const err = await rejection(inspectUpload({ name: '../../\u202Etxt.exe', bytes: utf8('hello') }))
		expect(err.params).toEqual({ name: 'txt.exe' })
		const longErr = await rejection(inspectUpload({ name: 'y'.repeat(300), bytes: new Uint8Array(0) }))
		expect(String(longErr.params.name)).toHaveLength(120)
	})
})

describe('reading the files of a form', () => {
	test('returns the File entries of the field with their bytes, ignoring text values and other fields', async () => {
		// File wants bytes backed by a plain ArrayBuffer: copy.
		const part = (bytes: Uint8Array) => new Uint8Array(bytes)
		const form = new FormData()
		form.append('files', new File([part(PDF)], 'don.pdf', { type: 'text/html' }))
		form.append('files', 'not a file')
		form.append('files', new File([], ''))
		form.append('other', new File([part(PLAIN_PNG)], 'other.png'))
		form.append('files', new Blob([part(PLAIN_JPEG)]))

		const files = await filesFromForm(form, 'files')
		expect(files.map((f) => f.name)).toEqual(['don.pdf', '', 'blob'])
		expect(files[0]?.bytes).toEqual(PDF)
		expect(files[2]?.bytes).toEqual(PLAIN_JPEG)

		const checked = await inspectUploads(files)
		expect(checked.map((c) => [c.fileName, c.mime])).toEqual([
			['don.pdf', 'application/pdf'],
			['blob.jpg', 'image/jpeg'],
		])
	})

	test('a field that is absent gives no files', async () => {
		expect(await filesFromForm(new FormData(), 'files')).toEqual([])
	})
})
