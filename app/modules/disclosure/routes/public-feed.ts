import { Feed } from 'feed'
import { textAsHtml } from '#app/core/html-text.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate } from '#app/core/i18n/i18n.ts'
import { getRequestState } from '#app/modules/platform/http/request-state.server.ts'
import { translatorFor } from '#app/ui/i18n.tsx'
import { latestPublicRecords } from '../public.server.ts'
import { publicRecordPath } from '../labels.ts'
import type { Route } from './+types/public-feed.ts'

// An Atom feed of the 50 newest publications, for the commune website and feed readers. In
// Vietnamese whatever the reader's language cookie (it is cached and shared). A withdrawn
// publication says so in its title and first line.

/**
 * The feed carries text as HTML (inside CDATA): escape it so a reader shows it, never runs it.
 * The same few lines as the feedback feed's; kept here because modules do not import each
 * other's routes.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const { commune } = getRequestState(context)
	if (!commune) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
	const t = translatorFor('vi')
	const origin = new URL(request.url).origin
	const records = await latestPublicRecords(context.get(servicesContext).db, commune.id, 50)
	const changedAt = (r: (typeof records)[number]) => r.withdrawnAt ?? r.endedAt ?? (r.updatedAt > r.publishedAt ? r.updatedAt : r.publishedAt)
	const updated = records.reduce((latest, r) => (changedAt(r) > latest ? changedAt(r) : latest), new Date(0))
	const feed = new Feed({
		title: t('disclosure.public.feedTitle', { commune: commune.name }),
		id: `${origin}/cong-khai`,
		link: `${origin}/cong-khai`,
		language: 'vi',
		updated,
		copyright: commune.name,
		generator: 'Thân Thiện',
		feedLinks: { atom: `${origin}/cong-khai/nguon-tin.atom` },
	})
	for (const r of records) {
		const link = `${origin}${publicRecordPath(r.code)}`
		const withdrawn = r.status === 'withdrawn'
		const status =
			withdrawn && r.withdrawnAt
				? t('disclosure.public.feed.withdrawn', { date: formatDate(r.withdrawnAt), reason: r.withdrawReason ?? '' })
				: r.status === 'ended' && r.endedAt
					? t('disclosure.public.feed.ended', { date: formatDate(r.endedAt) })
					: ''
		const decision = r.decisionRef ? `${r.decisionRef}${r.decisionDate ? ` ${t('disclosure.public.decisionDated', { date: formatDate(r.decisionDate) })}` : ''}` : ''
		const lines = [
			status ? `<p><strong>${textAsHtml(status)}</strong></p>` : '',
			`<p>${textAsHtml(`${t('disclosure.public.fieldLabel')}: ${t(`disclosure.field.${r.field}`)}`)}</p>`,
			decision ? `<p>${textAsHtml(`${t('disclosure.public.decision')}: ${decision}`)}</p>` : '',
			r.obligations.length ? `<p>${textAsHtml(`${t('disclosure.public.obligationLabel')}: ${r.obligations.join('; ')}`)}</p>` : '',
			r.body ? `<p>${textAsHtml(r.body)}</p>` : '',
		]
		feed.addItem({
			// The feed package marks titles as HTML too: escaped like the rest.
			title: textAsHtml(`${withdrawn ? `${t('disclosure.public.feed.withdrawnMark')} ` : ''}${r.code}: ${r.title}`),
			id: link,
			link,
			date: changedAt(r),
			published: r.publishedAt,
			description: textAsHtml(status || r.title),
			content: lines.join(''),
		})
	}
	return new Response(feed.atom1(), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
	})
}
