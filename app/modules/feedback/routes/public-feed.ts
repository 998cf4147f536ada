import { Feed } from 'feed'
import { textAsHtml } from '#app/core/html-text.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { exportPublished } from '../public.server.ts'
import type { Route } from './+types/public-feed.ts'

// An Atom feed of the latest published answers, for the commune website and feed readers.

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
			// The feed package marks titles as HTML: escaped like the rest.
			title: textAsHtml(`${item.code}: ${item.title}`),
			id: link,
			link,
			date: item.publishedAt ?? new Date(`${item.receivedOn}T00:00:00+07:00`),
			description: textAsHtml(item.content),
			content: `<p><strong>Nội dung:</strong> ${textAsHtml(item.content)}</p><p><strong>Trả lời:</strong> ${textAsHtml(item.answer)}</p>`,
		})
	}
	return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } })
}
