import { data } from 'react-router'
import { AppError } from '#app/core/errors.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, type FormState } from '#app/core/http/responses.ts'
import { formatDate, formatDateTime } from '#app/core/i18n/i18n.ts'
import { Button, ErrorSummary, PostForm, RadioGroup, TextArea, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle, SummaryRow, Tag } from '#app/ui/parts.tsx'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { lookupItem, rateAnswer, senderView } from '../items.server.ts'
import { StatusTag } from '../components/status-tag.tsx'
import type { Route } from './+types/lookup.ts'

// The sender's own page: with the code and the secret (or the phone's last digits) they see the
// timeline and the answer, and rate it. A POST form, so the secret never sits in a URL or a log.

export function loader({ context }: Route.LoaderArgs) {
	requirePortalCommune(context)
	return null
}

type LookupResult = FormState & { view?: Awaited<ReturnType<typeof senderView>>; code?: string; proof?: string; rated?: 'satisfied' | 'reopened' }

export async function action({ request, context }: Route.ActionArgs) {
	const commune = requirePortalCommune(context)
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	const code = (values.code ?? '').slice(0, 40)
	const proof = (values.proof ?? '').slice(0, 40)
	const noStore = { headers: { 'Cache-Control': 'no-store' } }
	try {
		let rated: LookupResult['rated']
		if (values.intent === 'rate') {
			try {
				const { reopened } = await rateAnswer(db, commune.id, code, proof, { satisfied: values.satisfied, comment: values.comment })
				rated = reopened ? 'reopened' : 'satisfied'
			} catch (err) {
				if (!(err instanceof AppError) || err.code === 'not_found') throw err
				const view = await senderView(db, await lookupItem(db, commune.id, code, proof))
				const failed = formErrorResponse(err, { comment: values.comment ?? '' }, 'rate')
				return data<LookupResult>({ ...(failed.data as FormState), view, code, proof }, { ...noStore, status: failed.init?.status ?? 400 })
			}
		}
		const view = await senderView(db, await lookupItem(db, commune.id, code, proof))
		return data<LookupResult>({ view, code, proof, rated }, noStore)
	} catch (err) {
		if (err instanceof AppError && err.code === 'not_found') {
			// "Not found", or the code's phone-digits look-up is locked after too many wrong tries.
			const formError = err.messageKey === 'feedback.lookup.locked' ? { key: err.messageKey, params: err.params } : { key: 'feedback.lookup.notFound' }
			return data<LookupResult>({ formError, values: { code } }, { ...noStore, status: 404 })
		}
		throw err
	}
}

export default function Lookup({ actionData }: Route.ComponentProps) {
	const t = useT()
	const result = actionData as LookupResult | undefined
	const view = result?.view
	return (
		<div className="narrow">
			<title>{`${t('feedback.lookup.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('feedback.lookup.title')}</PageTitle>
			{!view ? (
				<>
					<ErrorSummary state={result} />
					<PostForm noValidate>
						<TextField name="code" label={t('feedback.lookup.code')} hint={t('feedback.lookup.codeHint')} defaultValue={result?.values?.code} maxLength={40} autoComplete="off" />
						<TextField name="proof" label={t('feedback.lookup.proof')} hint={t('feedback.lookup.proofHint')} maxLength={40} autoComplete="off" />
						<Button>{t('feedback.lookup.submit')}</Button>
					</PostForm>
				</>
			) : (
				<>
					{result?.rated === 'satisfied' ? <Notice kind="success">{t('feedback.rate.thanks')}</Notice> : null}
					{result?.rated === 'reopened' ? <Notice kind="success">{t('feedback.rate.reopened')}</Notice> : null}
					<dl className="summary-list">
						<SummaryRow label={t('feedback.field.code')}>
							<strong>{view.code}</strong>
						</SummaryRow>
						<SummaryRow label={t('feedback.field.status')}>
							<StatusTag status={view.status} />
						</SummaryRow>
						<SummaryRow label={t('feedback.field.kind')}>{t(`feedback.kind.${view.kind}`)}</SummaryRow>
						<SummaryRow label={t('feedback.field.title')} className="prewrap">{view.title}</SummaryRow>
						<SummaryRow label={t('feedback.field.received')}>{formatDateTime(view.receivedAt)}</SummaryRow>
						<SummaryRow label={t('feedback.field.due')}>{formatDate(view.dueOn)}</SummaryRow>
					</dl>
					{view.answer !== null ? (
						<>
							<h2>{view.status === 'forwarded' ? t('feedback.lookup.forwarded', { to: view.forwardedTo ?? '' }) : t('feedback.lookup.answer')}</h2>
							<div className="answer">{view.answer}</div>
						</>
					) : null}
					{view.rejectionReason ? (
						<>
							<h2>{t('feedback.lookup.rejected')}</h2>
							<p className="prewrap">{view.rejectionReason}</p>
						</>
					) : null}
					<h2>{t('feedback.lookup.timeline')}</h2>
					<ol className="timeline">
						{view.events.map((e, i) => (
							<li className="timeline__item" key={i}>
								<span className="timeline__time">{formatDateTime(e.at)}</span>
								{t(`feedback.event.${e.type}`)}
							</li>
						))}
					</ol>
					{view.satisfied !== null ? (
						<p>
							{t('feedback.rate.yourRating')} <Tag kind={view.satisfied ? 'success' : 'warning'}>{view.satisfied ? t('feedback.rate.satisfied') : t('feedback.rate.notSatisfied')}</Tag>
						</p>
					) : null}
					{/* A refused rating (already rated from another tab …) says why, even once rating is closed. */}
					{!view.canRate && result?.intent === 'rate' ? <ErrorSummary state={result} /> : null}
					{view.canRate ? (
						<>
							<h2>{t('feedback.rate.title')}</h2>
							<ErrorSummary state={result?.intent === 'rate' ? result : undefined} />
							<PostForm noValidate>
								<input type="hidden" name="intent" value="rate" />
								<input type="hidden" name="code" value={result?.code ?? ''} />
								<input type="hidden" name="proof" value={result?.proof ?? ''} />
								<RadioGroup
									name="satisfied"
									legend={t('feedback.rate.question')}
									error={result?.intent === 'rate' ? result.fieldErrors?.satisfied : undefined}
									options={[
										{ value: 'yes', label: t('feedback.rate.satisfied') },
										{ value: 'no', label: t('feedback.rate.notSatisfied'), hint: t('feedback.rate.notSatisfiedHint') },
									]}
								/>
								<TextArea name="comment" label={t('feedback.rate.comment')} optional defaultValue={result?.values?.comment} rows={3} />
								<Button>{t('feedback.rate.submit')}</Button>
							</PostForm>
						</>
					) : null}
					<p>
						<a href="/phan-anh-kien-nghi/tra-cuu">{t('feedback.lookup.another')}</a>
					</p>
				</>
			)}
		</div>
	)
}
