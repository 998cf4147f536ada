import { servicesContext } from '#app/core/http/context.ts'
import { httpError } from '#app/core/http/responses.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { Notice, PageTitle, SummaryRow, Table, Tag } from '#app/ui/parts.tsx'
import type { RecordStatus } from '../disclosure.constants.ts'
import { periodLabel } from '../labels.ts'
import { getPublicRecord } from '../public.server.ts'
import { publicRecordPath } from '../labels.ts'
import type { Route } from './+types/public-record.ts'

// One publication as citizens see it, at a stable address (printed on the notice sheet, linked
// from the feed and the open data): its text and documents, where and when it was posted, what
// changed after publication and why, and plainly whether it was withdrawn. Never a draft; the
// proof of postings stays internal.

export async function loader({ params, context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	const detail = await getPublicRecord(context.get(servicesContext).db, commune.id, (params.code ?? '').slice(0, 30))
	if (!detail) throw httpError(404, 'error.notFound')
	const { record } = detail
	return {
		record: {
			code: record.code,
			title: record.title,
			body: record.body,
			field: record.field,
			status: record.status,
			version: record.version,
			decisionRef: record.decisionRef,
			decisionDate: record.decisionDate,
			period: record.period,
			publishedAt: record.publishedAt,
			endedAt: record.endedAt,
			withdrawnAt: record.withdrawnAt,
			withdrawReason: record.withdrawReason,
			updatedAt: record.updatedAt,
		},
		obligations: detail.obligations.map((o) => ({ id: o.id, title: o.title, legalBasis: o.legalBasis })),
		// What was posted where and when; the proof (notes, photos, who recorded it) is internal.
		postings: detail.postings.map((p) => ({ id: p.id, form: p.form, place: p.place, startedOn: p.startedOn, endedOn: p.endedOn })),
		files: detail.files.map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size })),
		versions: detail.versions.map((v) => ({
			id: v.id,
			version: v.version,
			title: v.title,
			body: v.body,
			decisionRef: v.decisionRef,
			decisionDate: v.decisionDate,
			reason: v.reason,
			replacedAt: v.replacedAt,
		})),
		agencyName: detail.agencyName,
		path: publicRecordPath(record.code),
		commune: { name: commune.name },
	}
}

function StatusTag({ status }: { status: RecordStatus }) {
	const t = useT()
	return <Tag kind={status === 'published' ? 'success' : status === 'withdrawn' ? 'danger' : 'neutral'}>{t(`disclosure.status.${status}`)}</Tag>
}

/** "PDF, 120 KB": the kind of file and its size, so people on a phone know what they open. */
function fileKind(mime: string, size: number): string {
	const kind = mime === 'application/pdf' ? 'PDF' : mime.startsWith('image/') ? mime.slice(6).toUpperCase() : mime.includes('word') ? 'Word' : mime.includes('sheet') || mime.includes('excel') ? 'Excel' : ''
	const kb = Math.max(1, Math.round(size / 1024))
	const amount = kb >= 1024 ? `${formatNumber(Math.round((kb / 1024) * 10) / 10)} MB` : `${formatNumber(kb)} KB`
	return kind ? `${kind}, ${amount}` : amount
}

export default function PublicRecord({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { record, obligations, postings, files, versions, agencyName, path } = loaderData
	return (
		<>
			<title>{`${record.title} — ${loaderData.commune.name}`}</title>
			<p>
				<a href="/cong-khai">← {t('disclosure.public.title')}</a>
			</p>
			<PageTitle caption={`${record.code} · ${t(`disclosure.field.${record.field}`)}`}>
				<bdi>{record.title}</bdi>
			</PageTitle>

			{record.status === 'withdrawn' ? (
				<Notice kind="warning">
					<p>
						<strong>{t('disclosure.public.withdrawnTitle', { date: record.withdrawnAt ? formatDate(record.withdrawnAt) : '—' })}</strong>
					</p>
					{record.withdrawReason ? (
						<p>
							{t('disclosure.public.withdrawnReason')}{' '}
							<span className="prewrap" dir="auto">
								{record.withdrawReason}
							</span>
						</p>
					) : null}
					<p>{t('disclosure.public.withdrawnKept')}</p>
				</Notice>
			) : null}
			{record.status === 'ended' && record.endedAt ? <Notice>{t('disclosure.public.endedNotice', { date: formatDate(record.endedAt) })}</Notice> : null}

			<dl className="summary-list">
				<SummaryRow label={t('disclosure.public.status')}>
					<StatusTag status={record.status} />
				</SummaryRow>
				<SummaryRow label={t('disclosure.public.code')}>{record.code}</SummaryRow>
				{record.decisionRef || record.decisionDate ? (
					<SummaryRow label={t('disclosure.public.decision')}>
						<bdi>{record.decisionRef}</bdi>
						{record.decisionDate ? ` ${t('disclosure.public.decisionDated', { date: formatDate(record.decisionDate) })}` : ''}
					</SummaryRow>
				) : null}
				{record.period ? <SummaryRow label={t('disclosure.public.period')}>{periodLabel(t, record.period)}</SummaryRow> : null}
				{agencyName ? <SummaryRow label={t('disclosure.public.agency')}>{agencyName}</SummaryRow> : null}
				{record.publishedAt ? <SummaryRow label={t('disclosure.public.publishedAt')}>{formatDate(record.publishedAt)}</SummaryRow> : null}
				{record.version > 1 ? (
					<SummaryRow label={t('disclosure.public.version')}>
						<a href="#lich-su">{t('disclosure.public.versionChanged', { version: record.version, date: formatDate(versions[0]?.replacedAt ?? record.updatedAt) })}</a>
					</SummaryRow>
				) : null}
			</dl>

			{obligations.length ? (
				<>
					<h2>{t('disclosure.public.obligations')}</h2>
					<ul className="item-list">
						{obligations.map((o) => (
							<li className="item-list__item" key={o.id}>
								{o.title}
								<p className="item-list__meta">
									{t('disclosure.public.legalBasis')}: {o.legalBasis}
								</p>
							</li>
						))}
					</ul>
				</>
			) : null}

			<h2>{t('disclosure.public.text')}</h2>
			{record.body ? (
				<div className="prewrap" dir="auto">
					{record.body}
				</div>
			) : (
				<p>{t('disclosure.public.noText')}</p>
			)}

			<h2>{t('disclosure.public.files')}</h2>
			{files.length ? (
				<ul className="file-list">
					{files.map((f) => (
						<li key={f.id}>
							<a href={`${path}/tep/${f.id}`}>
								<bdi>{f.fileName}</bdi>
							</a>{' '}
							<span className="muted">({fileKind(f.mime, f.size)})</span>
						</li>
					))}
				</ul>
			) : (
				<p>{t('disclosure.public.noFiles')}</p>
			)}

			<h2>{t('disclosure.public.postings')}</h2>
			<Table>
				<thead>
					<tr>
						<th scope="col">{t('disclosure.public.postingForm')}</th>
						<th scope="col">{t('disclosure.public.postingPlace')}</th>
						<th scope="col">{t('disclosure.public.postingWhen')}</th>
					</tr>
				</thead>
				<tbody>
					{postings.length ? (
						postings.map((p) => (
							<tr key={p.id}>
								<td>{t(`disclosure.channel.${p.form}`)}</td>
								<td>
									<bdi>{p.place}</bdi>
								</td>
								<td>
									<span className="nowrap">{formatDate(p.startedOn)}</span> – <span className="nowrap">{p.endedOn ? formatDate(p.endedOn) : t('disclosure.public.postingOngoing')}</span>
								</td>
							</tr>
						))
					) : (
						<tr>
							<td colSpan={3}>{t('disclosure.public.noPostings')}</td>
						</tr>
					)}
				</tbody>
			</Table>

			{versions.length ? (
				<>
					<h2 id="lich-su">{t('disclosure.public.versions')}</h2>
					<p>{t('disclosure.public.versionsIntro')}</p>
					<ul className="item-list">
						{versions.map((v) => (
							<li className="item-list__item" key={v.id}>
								<h3>
									{t('disclosure.public.versionItem', { version: v.version })}, {t('disclosure.public.replacedOn', { date: formatDate(v.replacedAt) })}
								</h3>
								<p>
									{t('disclosure.public.changeReason')}{' '}
									<span className="prewrap" dir="auto">
										{v.reason}
									</span>
								</p>
								<details className="details">
									<summary>{t('disclosure.public.earlierText', { version: v.version })}</summary>
									<p>
										<strong>
											<bdi>{v.title}</bdi>
										</strong>
									</p>
									{v.decisionRef || v.decisionDate ? (
										<p className="item-list__meta">
											{t('disclosure.public.decision')}: <bdi>{v.decisionRef}</bdi>
											{v.decisionDate ? ` ${t('disclosure.public.decisionDated', { date: formatDate(v.decisionDate) })}` : ''}
										</p>
									) : null}
									<div className="prewrap" dir="auto">
										{v.body}
									</div>
								</details>
							</li>
						))}
					</ul>
				</>
			) : null}

			<p>
				<a className="button button--secondary" href={`${path}/to-niem-yet.pdf`}>
					{t('disclosure.public.print')}
				</a>
			</p>
			<p className="muted">{t('disclosure.public.printHint')}</p>
		</>
	)
}
