import { Feed } from 'feed'
import { servicesContext } from '#app/core/http/context.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { exportPublished } from '../public.server.ts'
import type { Route } from './+types/public-feed.ts'

// An Atom feed of the latest published answers, for the commune website and feed readers.

/** The feed carries text as HTML (inside CDATA): escape it so a reader shows it, never runs it. */
function asHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/]]>/g, ']]&gt;')
		.replace(/\n/g, '<br>')
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const origin = new URL(request.url).origin
	const items = await exportPublished(context.get(servicesContext).db, commune.id, {}, 50)
	const feed = new Feed({
		title: `Trả lời phản ánh, kiến nghị — ${commune.name}`,
		id: `${origin}/phan-anh-kien-nghi`,
		link: `${origin}/phan-anh-kien-nghi`,
		language: 'vi',
		updated: items[0]?.publishedAt ?? new Date(0),
		copyright: commune.name,
		generator: 'Thân Thiện',
		feedLinks: { atom: `${origin}/phan-anh-kien-nghi/nguon-tin.atom` },
	})
	for (const item of items) {
		const link = `${origin}/phan-anh-kien-nghi/y-kien/${item.code}`
		feed.addItem({
			title: `${item.code}: ${item.title}`,
			id: link,
			link,
			date: item.publishedAt ?? new Date(`${item.receivedOn}T00:00:00+07:00`),
			description: asHtml(item.content),
			content: `<p><strong>Nội dung:</strong> ${asHtml(item.content)}</p><p><strong>Trả lời:</strong> ${asHtml(item.answer)}</p>`,
		})
	}
	return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } })
}
