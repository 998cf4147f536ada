import { servicesContext } from '#app/core/http/context.ts'
import { httpError } from '#app/core/http/responses.ts'
import { formatDate } from '#app/core/i18n/i18n.ts'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle, SummaryRow, Tag } from '#app/ui/parts.tsx'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { getPublished } from '../public.server.ts'
import type { Route } from './+types/public-item.ts'

// One published answer, with a stable address (linked from the feed and the open data).

export async function loader({ params, context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const item = await getPublished(context.get(servicesContext).db, commune.id, (params.code ?? '').slice(0, 30))
	if (!item) throw httpError(404, 'error.notFound')
	return { item, commune: { name: commune.name } }
}

export default function PublicItem({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { item } = loaderData
	return (
		<>
			<title>{`${item.title} — ${loaderData.commune.name}`}</title>
			<p>
				<a href="/phan-anh-kien-nghi">← {t('feedback.public.title')}</a>
			</p>
			<PageTitle caption={`${item.code} · ${t(`feedback.kind.${item.kind}`)}`}>{item.title}</PageTitle>
			<dl className="summary-list">
				{item.field ? (
					<SummaryRow label={t('feedback.field.field')}>{item.field}</SummaryRow>
				) : null}
				{item.village ? (
					<SummaryRow label={t('feedback.field.village')}>{item.village}</SummaryRow>
				) : null}
				<SummaryRow label={t('feedback.field.received')}>{formatDate(item.receivedOn)}</SummaryRow>
				<SummaryRow label={t('feedback.field.answered')}>
					{item.answeredOn ? formatDate(item.answeredOn) : '—'}
					{item.workingDaysTaken !== null ? ` (${t('feedback.public.daysTaken', { days: item.workingDaysTaken })})` : ''}{' '}
					{item.onTime !== null ? <Tag kind={item.onTime ? 'success' : 'danger'}>{item.onTime ? t('feedback.onTime') : t('feedback.late')}</Tag> : null}
				</SummaryRow>
			</dl>
			<h2>{t('feedback.field.content')}</h2>
			<p className="prewrap">{item.content}</p>
			<h2>{t('feedback.lookup.answer')}</h2>
			<div className="answer">{item.answer}</div>
			<p className="muted">{t('feedback.public.maskedNote')}</p>
		</>
	)
}
