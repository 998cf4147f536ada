import { data } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, parseDateInput } from '#app/core/i18n/i18n.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { Button, ErrorSummary, PostForm, SelectField, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, Table } from '#app/ui/parts.tsx'
import { addCalendarDay, communeAdjustments, listCalendarDays, removeCalendarDay } from '../../calendar.server.ts'
import { addWorkingDays, holidaysBetween, toIsoDate } from '../../calendar/working-days.ts'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { can } from '../../permissions.ts'
import type { Route } from './+types/calendar.ts'

export const handle = staffHandle('backoffice.access', 'calendar.manage')

function weekday(iso: string): number {
	return new Date(`${iso}T00:00:00Z`).getUTCDay()
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context)
	const { db } = context.get(servicesContext)
	const url = new URL(request.url)
	const today = toIsoDate(new Date())
	const yearParam = Number(url.searchParams.get('nam'))
	const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : Number(today.slice(0, 4))
	const adjustments = await communeAdjustments(db, staff.communeId)
	// The calculator: a GET form, so a result can be bookmarked or printed.
	let calc: { from: string; days: string; result?: string; weekday?: number; error?: string } | null = null
	if (url.searchParams.has('tu-ngay')) {
		const fromText = (url.searchParams.get('tu-ngay') ?? '').slice(0, 20)
		const daysText = (url.searchParams.get('so-ngay') ?? '').slice(0, 5)
		const from = parseDateInput(fromText)
		const days = Number(daysText)
		if (!from) calc = { from: fromText, days: daysText, error: 'form.date' }
		else if (!/^\d{1,3}$/.test(daysText.trim()) || days > 365) calc = { from: fromText, days: daysText, error: 'form.number' }
		else {
			const result = addWorkingDays(from, days, adjustments)
			calc = { from: fromText, days: daysText, result, weekday: weekday(result) }
		}
	}
	const { flash, headers } = await takeFlash(request, context)
	return data(
		{
			year,
			holidays: holidaysBetween(`${year}-01-01`, `${year}-12-31`, adjustments).map((h) => ({ ...h, weekday: weekday(h.date) })),
			own: await listCalendarDays(db, staff.actor, staff.communeId),
			canManage: can(staff.actor, 'calendar.manage', staff.communeId),
			calc,
			done: flash?.done ?? null,
		},
		{ headers },
	)
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'calendar.manage')
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	try {
		if (values.intent === 'remove') {
			await removeCalendarDay(db, staff.actor, staff.communeId, values.id ?? '')
			return await redirectWithFlash(request, context, '/quan-tri/lich-lam-viec', { done: 'remove' })
		}
		if (values.intent !== 'add') throw httpError(400, 'error.badRequest')
		const day = parseDateInput(values.day ?? '')
		await addCalendarDay(db, staff.actor, staff.communeId, { day: day ?? '', kind: values.kind, name: values.name ?? '' })
		return await redirectWithFlash(request, context, '/quan-tri/lich-lam-viec', { done: 'add' })
	} catch (err) {
		return formErrorResponse(err, values, values.intent)
	}
}

export default function Calendar({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const failed = actionData as FormState | undefined
	const done = loaderData.done
	const e = failed?.fieldErrors ?? {}
	const calc = loaderData.calc
	return (
		<>
			<title>{`${t('calendar.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('calendar.title')}</PageTitle>
			<p className="lead">{t('calendar.intro')}</p>
			{done === 'remove' ? <Notice kind="success">{t('calendar.removed')}</Notice> : null}
			{done === 'add' ? <Notice kind="success">{t('form.saved')}</Notice> : null}

			<h2>{t('calendar.calculator')}</h2>
			<form method="get" className="inline-form">
				<TextField name="tu-ngay" label={t('calendar.from')} hint="dd/mm/yyyy" defaultValue={calc?.from ?? formatDate(new Date())} error={calc?.error === 'form.date' ? calc.error : undefined} maxLength={20} />
				<TextField name="so-ngay" label={t('calendar.days')} inputMode="numeric" defaultValue={calc?.days ?? '10'} error={calc?.error === 'form.number' ? calc.error : undefined} maxLength={3} />
				<input type="hidden" name="nam" value={loaderData.year} />
				<Button variant="secondary">{t('calendar.compute')}</Button>
			</form>
			{calc?.result ? (
				<p className="result" role="status">
					<strong>{t('calendar.result', { date: formatDate(calc.result), weekday: t(`weekday.${calc.weekday}`) })}</strong>
				</p>
			) : null}

			<h2>{t('calendar.own')}</h2>
			<ErrorSummary state={failed} labels={{ day: t('calendar.day'), name: t('calendar.name'), kind: t('calendar.kind') }} />
			<Table caption={t('calendar.own')}>
				<thead>
					<tr>
						<th scope="col">{t('calendar.day')}</th>
						<th scope="col">{t('calendar.kind')}</th>
						<th scope="col">{t('calendar.name')}</th>
						{loaderData.canManage ? <th scope="col">{t('table.actions')}</th> : null}
					</tr>
				</thead>
				<tbody>
					{loaderData.own.length === 0 ? (
						<EmptyRow columns={4}>{t('table.empty')}</EmptyRow>
					) : null}
					{loaderData.own.map((d) => (
						<tr key={d.id}>
							<td>{formatDate(d.day)}</td>
							<td>{t(`calendar.kind.${d.kind}`)}</td>
							<td>{d.name}</td>
							{loaderData.canManage ? (
								<td>
									<PostForm>
										<input type="hidden" name="intent" value="remove" />
										<input type="hidden" name="id" value={d.id} />
										<button type="submit" className="link-button">
											{t('calendar.remove')}
											<span className="visually-hidden"> {formatDate(d.day)}</span>
										</button>
									</PostForm>
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</Table>
			{loaderData.canManage ? (
				<details className="details" open={Boolean(failed)}>
					<summary>{t('calendar.add')}</summary>
					<PostForm noValidate>
						<input type="hidden" name="intent" value="add" />
						<TextField name="day" label={t('calendar.day')} hint="dd/mm/yyyy" defaultValue={failed?.values?.day} error={e.day} maxLength={20} />
						<SelectField
							name="kind"
							label={t('calendar.kind')}
							defaultValue={failed?.values?.kind ?? 'day_off'}
							error={e.kind}
							options={[
								{ value: 'day_off', label: t('calendar.kind.day_off') },
								{ value: 'working_day', label: t('calendar.kind.working_day') },
							]}
						/>
						<TextField name="name" label={t('calendar.name')} defaultValue={failed?.values?.name} error={e.name} maxLength={200} />
						<Button>{t('calendar.add')}</Button>
					</PostForm>
				</details>
			) : null}

			<h2>{t('calendar.holidays', { year: loaderData.year })}</h2>
			<p>
				<a href={`?nam=${loaderData.year - 1}`}>← {loaderData.year - 1}</a> · <a href={`?nam=${loaderData.year + 1}`}>{loaderData.year + 1} →</a>
			</p>
			<Table caption={t('calendar.holidays', { year: loaderData.year })}>
				<thead>
					<tr>
						<th scope="col">{t('calendar.day')}</th>
						<th scope="col">{t('calendar.kind')}</th>
						<th scope="col">{t('calendar.name')}</th>
					</tr>
				</thead>
				<tbody>
					{loaderData.holidays.map((h) => (
						<tr key={h.date}>
							<td>
								{t(`weekday.${h.weekday}`)}, {formatDate(h.date)}
							</td>
							<td>{t(`calendar.kind.${h.kind}`)}</td>
							<td>{h.name}</td>
						</tr>
					))}
				</tbody>
			</Table>
		</>
	)
}
