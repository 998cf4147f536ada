import { Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, PageTitle, Table } from '#app/ui/parts.tsx'
import { complianceReport, type Finding } from '../../compliance.server.ts'
import { FINDING_KINDS, type FindingKind } from '../../disclosure.constants.ts'
import { periodLabel } from '../../labels.ts'
import type { Route } from './+types/compliance.ts'

// Is the commune publishing what it must? Obligations overdue, publications late after the
// decision, postings shorter than the law's minimum, forms missing, reviews overdue, deadlines
// coming up. Every figure opens the list behind it, and every line its record or obligation.

export const handle = staffHandle('disclosure.view')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.view')
	const report = await complianceReport(context.get(servicesContext).db, staff.actor, staff.communeId)
	const kind = new URL(request.url).searchParams.get('loai') ?? ''
	const selected = (FINDING_KINDS as readonly string[]).includes(kind) ? (kind as FindingKind) : null
	return { ...report, selected }
}

function FindingRow({ f }: { f: Finding }) {
	const t = useT()
	const newRecord = `/quan-tri/cong-khai/moi?noi-dung=${f.obligationId}${f.period ? `&ky=${f.period}` : ''}`
	return (
		<tr>
			<td>
				{f.recordId ? (
					<Link to={`/quan-tri/cong-khai/${f.recordId}`}>
						{f.recordCode}: <bdi>{f.recordTitle}</bdi>
					</Link>
				) : (
					<Link to={newRecord}>{t('disclosure.compliance.publishNow')}</Link>
				)}
			</td>
			<td>
				<Link to={`/quan-tri/cong-khai?noi-dung=${f.obligationId}`}>{f.obligationTitle}</Link>
				{f.period ? <span className="muted"> · {periodLabel(t, f.period)}</span> : null}
			</td>
			<td>
				{f.kind === 'overdue' && f.days === null
					? t('disclosure.finding.overdue.nothingUp')
					: t(`disclosure.finding.${f.kind}.detail`, { days: f.days ?? 0, required: f.required ?? 0, form: f.form ? t(`disclosure.channel.${f.form}`) : '' })}
			</td>
			<td className="nowrap">{f.dueOn ? formatDate(f.dueOn) : '—'}</td>
		</tr>
	)
}

export default function Compliance({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { findings, counts, selected, obligations, today } = loaderData
	const kinds = selected ? [selected] : FINDING_KINDS.filter((k) => counts[k] > 0)
	return (
		<>
			<title>{`${t('disclosure.compliance.title')} — ${t('app.name')}`}</title>
			<p>
				<Link to="/quan-tri/cong-khai">← {t('disclosure.staff.backToList')}</Link>
			</p>
			<PageTitle>{t('disclosure.compliance.title')}</PageTitle>
			<p className="lead">{t('disclosure.compliance.intro', { count: formatNumber(obligations), date: formatDate(today) })}</p>
			<ul className="figures">
				{FINDING_KINDS.map((k) => (
					<li className="figure" key={k}>
						<Link to={`?loai=${k}`} aria-current={selected === k ? 'true' : undefined}>
							<span className="figure__value">{formatNumber(counts[k])}</span>
							{t(`disclosure.finding.${k}.title`)}
						</Link>
					</li>
				))}
			</ul>
			{selected ? (
				<p>
					<Link to="?">{t('disclosure.compliance.showAll')}</Link>
				</p>
			) : null}
			{kinds.length === 0 ? <p>{t('disclosure.compliance.allGood')}</p> : null}
			{kinds.map((k) => (
				<section key={k} aria-labelledby={`finding-${k}`}>
					<h2 id={`finding-${k}`}>
						{t(`disclosure.finding.${k}.title`)} ({formatNumber(counts[k])})
					</h2>
					<p className="muted">{t(`disclosure.finding.${k}.explain`)}</p>
					<Table caption={t(`disclosure.finding.${k}.title`)}>
						<thead>
							<tr>
								<th scope="col">{t('disclosure.compliance.record')}</th>
								<th scope="col">{t('disclosure.record.obligation')}</th>
								<th scope="col">{t('disclosure.compliance.problem')}</th>
								<th scope="col">{t('disclosure.compliance.dueOn')}</th>
							</tr>
						</thead>
						<tbody>
							{findings.filter((f) => f.kind === k).length === 0 ? <EmptyRow columns={4}>{t('table.empty')}</EmptyRow> : null}
							{findings
								.filter((f) => f.kind === k)
								.map((f, i) => (
									<FindingRow key={`${f.obligationId}-${f.recordId ?? ''}-${f.period ?? ''}-${f.form ?? ''}-${i}`} f={f} />
								))}
						</tbody>
					</Table>
				</section>
			))}
		</>
	)
}
