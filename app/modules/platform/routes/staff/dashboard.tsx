import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle } from '#app/ui/parts.tsx'
import { workingDayDeadline } from '../../calendar.server.ts'
import { requireStaff } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { getOrgFigures } from '../../org.server.ts'
import { complianceCounts } from '#app/modules/disclosure/compliance.server.ts'
import { collectionCompliance } from '#app/modules/feedback/collection.server.ts'
import { dashboardFigures } from '#app/modules/feedback/workflow.server.ts'
import { can } from '../../permissions.ts'
import type { Route } from './+types/dashboard.ts'

export const handle = staffHandle('backoffice.access')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaff(request, context)
	const { db } = context.get(servicesContext)
	const figures = await getOrgFigures(db, staff.actor, staff.communeId)
	const deadline = staff.communeId ? await workingDayDeadline(db, staff.communeId, new Date(), 10) : null
	const feedback = staff.communeId && can(staff.actor, 'feedback.intake', staff.communeId) ? await dashboardFigures(db, staff.actor, staff.communeId) : null
	const gaps =
		staff.communeId && can(staff.actor, 'feedback.viewAll', staff.communeId)
			? (await collectionCompliance(db, staff.actor, staff.communeId, { weeks: 1 })).missingThisWeek.length
			: null
	const disclosure = staff.communeId && can(staff.actor, 'disclosure.view', staff.communeId) ? await complianceCounts(db, staff.actor, staff.communeId) : null
	return { person: { fullName: staff.user.fullName, role: staff.user.role }, figures, deadline, feedback, gaps, disclosure }
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
	const t = useT()
	const { person, figures, deadline } = loaderData
	return (
		<>
			<title>{`${t('dashboard.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('dashboard.title')}</PageTitle>
			<p className="lead">{t('dashboard.welcome', { name: person.fullName })}</p>
			<p>{t('dashboard.role', { role: t(`role.${person.role}`) })}</p>
			<ul className="stat-list">
				{(
					[
						[figures.communes, 'dashboard.communes'],
						[figures.agencies, 'dashboard.agencies'],
						[figures.villages, 'dashboard.villages'],
						[figures.staff, 'dashboard.staff'],
					] as const
				).map(([value, labelKey]) =>
					value === null ? null : (
						<li className="stat" key={labelKey}>
							<span className="stat__value">{formatNumber(value)}</span>
							<span className="stat__label">{t(labelKey)}</span>
						</li>
					),
				)}
			</ul>
			{loaderData.feedback ? (
				<section aria-labelledby="feedback-figures">
					<h2 id="feedback-figures">{t('nav.feedback')}</h2>
					<ul className="stat-list">
						{(
							[
								['week', 'dashboard.feedback.week'],
								['late', 'dashboard.feedback.late'],
								['due_soon', 'dashboard.feedback.dueSoon'],
								['review', 'dashboard.feedback.review'],
							] as const
						).map(([queue, labelKey]) => (
							<li className="stat" key={queue}>
								<a className="stat__value" href={`/quan-tri/y-kien?hang=${queue}`}>
									{formatNumber(loaderData.feedback!.counts[queue])}
								</a>
								<span className="stat__label">{t(labelKey)}</span>
							</li>
						))}
						<li className="stat">
							<a className="stat__value" href="/phan-anh-kien-nghi">
								{loaderData.feedback.rated ? `${Math.round((100 * loaderData.feedback.satisfied) / loaderData.feedback.rated)}%` : '—'}
							</a>
							<span className="stat__label">{t('dashboard.feedback.satisfied', { rated: loaderData.feedback.rated })}</span>
						</li>
						{loaderData.gaps !== null ? (
							<li className="stat">
								<a className="stat__value" href="/quan-tri/thu-thap-y-kien/tuan?thieu=1">
									{formatNumber(loaderData.gaps)}
								</a>
								<span className="stat__label">{t('dashboard.feedback.gaps')}</span>
							</li>
						) : null}
					</ul>
				</section>
			) : null}
			{loaderData.disclosure ? (
				<section aria-labelledby="disclosure-figures">
					<h2 id="disclosure-figures">{t('nav.disclosure')}</h2>
					<ul className="stat-list">
						{(['overdue', 'late', 'short', 'forms', 'due_soon'] as const).map((kind) => (
							<li className="stat" key={kind}>
								<a className="stat__value" href={`/quan-tri/cong-khai/tuan-thu?loai=${kind}`}>
									{formatNumber(loaderData.disclosure![kind])}
								</a>
								<span className="stat__label">{t(`disclosure.finding.${kind}.title`)}</span>
							</li>
						))}
					</ul>
				</section>
			) : null}
			{deadline ? <p>{t('dashboard.nextDeadline', { date: formatDate(deadline) })}</p> : null}
		</>
	)
}
