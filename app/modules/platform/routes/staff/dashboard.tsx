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
			{deadline ? <p>{t('dashboard.nextDeadline', { date: formatDate(deadline) })}</p> : null}
		</>
	)
}
