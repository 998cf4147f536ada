// A stored file sent back: images and PDFs shown in the browser, other documents downloaded; the
// type is the one found by content at upload, never the sender's claim; the file can run nothing.

export function fileResponse(file: { mime: string; fileName: string; bytes: Uint8Array }, options: { cache?: 'private' | 'public' } = {}): Response {
	const inline = file.mime.startsWith('image/') || file.mime === 'application/pdf'
	return new Response(Buffer.from(file.bytes), {
		headers: {
			'Content-Type': file.mime,
			'Content-Length': String(file.bytes.byteLength),
			'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'Cache-Control': options.cache === 'public' ? 'public, max-age=3600' : 'private, no-store',
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
		},
	})
}
