import { data } from 'react-router'
import { formatDate } from '#app/core/i18n/i18n.ts'
import { takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle, SummaryRow } from '#app/ui/parts.tsx'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import type { Route } from './+types/submitted.ts'

// The confirmation page: the reference code and the secret, shown once, and the date by which the
// commune must answer. Reloading it later shows how to look the item up instead.

export async function loader({ request, context }: Route.LoaderArgs) {
	requirePortalCommune(context)
	const { flash, headers } = await takeFlash(request, context)
	const sent =
		flash && typeof flash.code === 'string' && typeof flash.secret === 'string'
			? { code: flash.code, secret: flash.secret, due: String(flash.due ?? ''), kind: String(flash.kind ?? '') }
			: null
	return data({ sent }, { headers: { ...headers, 'Cache-Control': 'no-store' } })
}

export default function Submitted({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { sent } = loaderData
	if (!sent) {
		return (
			<div className="narrow">
				<title>{`${t('feedback.done.title')} — ${t('app.name')}`}</title>
				<PageTitle>{t('feedback.done.title')}</PageTitle>
				<Notice>{t('feedback.done.gone')}</Notice>
				<p>
					<a href="/phan-anh-kien-nghi/tra-cuu">{t('feedback.submit.trackLink')}</a>
				</p>
			</div>
		)
	}
	return (
		<div className="narrow">
			<title>{`${t('feedback.done.title')} — ${t('app.name')}`}</title>
			<div className="panel-confirm">
				<h1>{t('feedback.done.title')}</h1>
				<p>{t('feedback.done.yourCode')}</p>
				<strong className="panel-confirm__code">{sent.code}</strong>
			</div>
			<dl className="summary-list">
				<SummaryRow label={t('feedback.done.secret')}>
					<strong className="panel-confirm__code">{sent.secret}</strong>
				</SummaryRow>
				<SummaryRow label={t('feedback.done.due')}>{sent.due ? formatDate(sent.due) : ''}</SummaryRow>
			</dl>
			<Notice kind="warning">{t('feedback.done.keep')}</Notice>
			<h2>{t('feedback.done.next')}</h2>
			<p>{sent.kind === 'to_cao' || sent.kind === 'khieu_nai' ? t('feedback.done.nextLegal') : t('feedback.done.nextGeneral')}</p>
			<p>
				<a href="/phan-anh-kien-nghi/tra-cuu">{t('feedback.submit.trackLink')}</a> · <a href="/phan-anh-kien-nghi/gui">{t('feedback.done.another')}</a>
			</p>
		</div>
	)
}
