import { servicesContext } from '#app/core/http/context.ts'
import { rethrowAsHttp } from '#app/core/http/responses.ts'
import { formatDate, formatDateTime } from '#app/core/i18n/i18n.ts'
import { requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { useT } from '#app/ui/i18n.tsx'
import { SummaryRow } from '#app/ui/parts.tsx'
import { getItemForStaff } from '../../workflow.server.ts'
import type { Route } from './+types/item-print.ts'

// A printable record of one item (phiếu theo dõi): what came in, deadlines, the answer and the
// timeline, without the sender's protected identity.

export const handle = staffHandle('feedback.intake', undefined, { recordScoped: true })

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	try {
		const view = await getItemForStaff(context.get(servicesContext).db, staff.actor, staff.communeId, params.itemId)
		return { item: view.item, names: view.names, events: view.events.filter((e) => e.type !== 'identity_viewed') }
	} catch (err) {
		rethrowAsHttp(err)
	}
}

export default function ItemPrint({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { item, names, events } = loaderData
	return (
		<article className="print-sheet">
			<title>{`${item.code} — ${t('feedback.item.print')}`}</title>
			<h1 className="page-title">
				{t('feedback.item.printTitle')} {item.code}
			</h1>
			<dl className="summary-list">
				<SummaryRow label={t('feedback.field.kind')}>
					{t(`feedback.kind.${item.kind}`)} · {t(`feedback.channel.${item.channel}`)}
				</SummaryRow>
				<SummaryRow label={t('feedback.field.received')}>{formatDateTime(item.receivedAt)}</SummaryRow>
				<SummaryRow label={t('feedback.field.due')}>{formatDate(item.dueOn)}</SummaryRow>
				<SummaryRow label={t('feedback.field.status')}>{t(`feedback.status.${item.status}`)}</SummaryRow>
				<SummaryRow label={t('feedback.field.agency')}>
					{names.agency ?? '—'}
					{names.handler ? ` · ${names.handler}` : ''}
				</SummaryRow>
			</dl>
			<h2>{item.title}</h2>
			<p className="prewrap">{item.content}</p>
			{item.answer ? (
				<>
					<h2>{t('feedback.item.answer')}</h2>
					<p className="prewrap">{item.answer}</p>
				</>
			) : null}
			<h2>{t('feedback.lookup.timeline')}</h2>
			<ol>
				{events.map((e) => (
					<li key={e.id}>
						{formatDateTime(e.at)} · {e.actorLabel} · {t(`feedback.event.${e.type}`)}
						{e.note ? `: ${e.note}` : ''}
					</li>
				))}
			</ol>
			<p className="no-print">
				<a href={`/quan-tri/y-kien/${item.id}`}>← {item.code}</a>
			</p>
		</article>
	)
}
