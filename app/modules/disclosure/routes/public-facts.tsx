import { servicesContext } from '#app/core/http/context.ts'
import { httpError } from '#app/core/http/responses.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, PageTitle, SummaryRow, Table } from '#app/ui/parts.tsx'
import { getPublicFacts } from '../facts.server.ts'
import type { Route } from './+types/public-facts.ts'

// "Liên hệ, góp ý và cam kết": the commune's fixed public facts. Hotline, address and e-mail,
// where the suggestion boxes are, the commitment not to cause trouble, the published phones of
// leaders and officials, the citizen reception schedule and the sessions held in the last year.

export async function loader({ context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const facts = await getPublicFacts(context.get(servicesContext).db, commune.id)
	if (!facts) throw httpError(404, 'error.notFound')
	return {
		commune: { name: facts.commune.name, hotline: facts.commune.hotline, address: facts.commune.address, email: facts.commune.email },
		mailboxPlaces: facts.facts.mailboxPlaces
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean),
		commitment: facts.facts.commitment.trim(),
		receptionSchedule: facts.facts.receptionSchedule.trim(),
		receptionPlace: facts.facts.receptionPlace.trim(),
		contacts: facts.contacts.map((c) => ({ id: c.id, fullName: c.fullName, position: c.position, phone: c.phone, duties: c.duties })),
		receptions: facts.receptions.map((r) => ({
			id: r.id,
			kind: r.kind,
			heldOn: r.heldOn,
			host: r.host,
			place: r.place,
			attendance: r.attendance,
			raised: r.raised,
			outcome: r.outcome,
		})),
	}
}

/** A `tel:` address: digits and a leading plus only. */
function telHref(phone: string): string {
	return `tel:${phone.replace(/[^0-9+]/g, '')}`
}

export default function PublicFacts({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { commune, mailboxPlaces, commitment, receptionSchedule, receptionPlace, contacts, receptions } = loaderData
	const hasContact = Boolean(commune.hotline || commune.address || commune.email)
	return (
		<>
			<title>{`${t('disclosure.public.facts.title')} — ${commune.name}`}</title>
			<PageTitle>{t('disclosure.public.facts.title')}</PageTitle>
			<p className="lead">{t('disclosure.public.facts.lead')}</p>

			<h2>{t('disclosure.public.facts.contact')}</h2>
			{hasContact ? (
				<dl className="summary-list">
					{commune.hotline ? (
						<SummaryRow label={t('home.hotline')}>
							<a href={telHref(commune.hotline)}>{commune.hotline}</a>
						</SummaryRow>
					) : null}
					{commune.address ? <SummaryRow label={t('home.address')}>{commune.address}</SummaryRow> : null}
					{commune.email ? (
						<SummaryRow label={t('home.email')}>
							<a href={`mailto:${commune.email}`}>{commune.email}</a>
						</SummaryRow>
					) : null}
				</dl>
			) : (
				<p>{t('disclosure.public.facts.noContact')}</p>
			)}
			<p>
				<a className="button button--primary" href="/phan-anh-kien-nghi/gui">
					{t('disclosure.public.facts.send')}
				</a>
			</p>

			<h2>{t('disclosure.public.facts.mailbox')}</h2>
			{mailboxPlaces.length ? (
				<>
					<p>{t('disclosure.public.facts.mailboxIntro')}</p>
					<ul>
						{mailboxPlaces.map((place, i) => (
							<li key={i}>
								<bdi>{place}</bdi>
							</li>
						))}
					</ul>
				</>
			) : (
				<p>{t('disclosure.public.facts.noMailbox')}</p>
			)}

			<h2>{t('disclosure.public.facts.commitment')}</h2>
			{commitment ? (
				<div className="notice notice--success prewrap" dir="auto">
					{commitment}
				</div>
			) : (
				<p>{t('disclosure.public.facts.noCommitment')}</p>
			)}

			<h2>{t('disclosure.public.facts.contacts')}</h2>
			<Table>
				<thead>
					<tr>
						<th scope="col">{t('disclosure.public.facts.name')}</th>
						<th scope="col">{t('disclosure.public.facts.phone')}</th>
					</tr>
				</thead>
				<tbody>
					{contacts.length ? (
						contacts.map((c) => (
							<tr key={c.id}>
								<td>
									<strong>
										<bdi>{c.fullName}</bdi>
									</strong>
									<br />
									<bdi>{c.position}</bdi>
									{c.duties ? (
										<>
											<br />
											<span className="muted">
												{t('disclosure.public.facts.duties')}: <bdi>{c.duties}</bdi>
											</span>
										</>
									) : null}
								</td>
								<td className="nowrap">
									<a href={telHref(c.phone)}>{c.phone}</a>
								</td>
							</tr>
						))
					) : (
						<EmptyRow columns={2}>{t('disclosure.public.facts.noContacts')}</EmptyRow>
					)}
				</tbody>
			</Table>

			<h2>{t('disclosure.public.facts.reception')}</h2>
			{receptionSchedule || receptionPlace ? (
				<dl className="summary-list">
					{receptionSchedule ? (
						<SummaryRow label={t('disclosure.public.facts.schedule')} className="prewrap">
							{receptionSchedule}
						</SummaryRow>
					) : null}
					{receptionPlace ? <SummaryRow label={t('disclosure.public.facts.place')}>{receptionPlace}</SummaryRow> : null}
				</dl>
			) : (
				<p>{t('disclosure.public.facts.noSchedule')}</p>
			)}

			<h2>{t('disclosure.public.facts.sessions')}</h2>
			{receptions.length ? (
				<ul className="item-list">
					{receptions.map((r) => (
						<li className="item-list__item" key={r.id}>
							<h3>
								{formatDate(r.heldOn)} · {t(`disclosure.reception.${r.kind}`)}
							</h3>
							<p className="item-list__meta">
								{t('disclosure.public.facts.host')}: <bdi>{r.host}</bdi>
								{r.place ? (
									<>
										{' · '}
										{t('disclosure.public.facts.place')}: <bdi>{r.place}</bdi>
									</>
								) : null}
								{r.attendance !== null ? ` · ${t('disclosure.public.facts.attendance')}: ${formatNumber(r.attendance)}` : ''}
							</p>
							{r.raised ? (
								<>
									<h4>{t('disclosure.public.facts.raised')}</h4>
									<p className="prewrap" dir="auto">
										{r.raised}
									</p>
								</>
							) : null}
							{r.outcome ? (
								<>
									<h4>{t('disclosure.public.facts.outcome')}</h4>
									<p className="prewrap" dir="auto">
										{r.outcome}
									</p>
								</>
							) : null}
						</li>
					))}
				</ul>
			) : (
				<p>{t('disclosure.public.facts.noSessions')}</p>
			)}
		</>
	)
}
