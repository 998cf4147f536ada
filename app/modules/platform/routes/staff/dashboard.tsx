import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, formatNumber } from '#app/core/i18n/i18n.ts'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle } from '#app/ui/parts.tsx'
import { workingDayDeadline } from '../../calendar.server.ts'
import { requireStaff } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { getOrgFigures } from '../../org.server.ts'
import type { Route } from './+types/dashboard.ts'

export const handle = staffHandle('backoffice.access')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaff(request, context)
	const { db } = context.get(servicesContext)
	const figures = await getOrgFigures(db, staff.actor, staff.communeId)
	const deadline = staff.communeId ? await workingDayDeadline(db, staff.communeId, new Date(), 10) : null
	return { person: { fullName: staff.user.fullName, role: staff.user.role }, figures, deadline }
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
				{figures.communes !== null ? (
					<li className="stat">
						<span className="stat__value">{formatNumber(figures.communes)}</span>
						<span className="stat__label">{t('dashboard.communes')}</span>
					</li>
				) : null}
				{figures.agencies !== null ? (
					<li className="stat">
						<span className="stat__value">{formatNumber(figures.agencies)}</span>
						<span className="stat__label">{t('dashboard.agencies')}</span>
					</li>
				) : null}
				{figures.villages !== null ? (
					<li className="stat">
						<span className="stat__value">{formatNumber(figures.villages)}</span>
						<span className="stat__label">{t('dashboard.villages')}</span>
					</li>
				) : null}
				{figures.staff !== null ? (
					<li className="stat">
						<span className="stat__value">{formatNumber(figures.staff)}</span>
						<span className="stat__label">{t('dashboard.staff')}</span>
					</li>
				) : null}
			</ul>
			{deadline ? <p>{t('dashboard.nextDeadline', { date: formatDate(deadline) })}</p> : null}
		</>
	)
}
