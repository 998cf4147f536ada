import { data, Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, parseDateInput } from '#app/core/i18n/i18n.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { can } from '#app/modules/platform/permissions.ts'
import { Button, ErrorSummary, PostForm, SelectField, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, Table } from '#app/ui/parts.tsx'
import { collectorsFor, listCollectionSessions, recordCollectionSession } from '../../collection.server.ts'
import type { Route } from './+types/collection.ts'

// Weekly collection sessions (thu thập ý kiến) of the Fatherland Front, the mass organisations and
// the village heads: record one, see the recent ones. The items themselves are recorded at intake.

export const handle = staffHandle('feedback.collect')

const PATH = '/quan-tri/thu-thap-y-kien'

/** A blank number is missing, not zero: "0" has to be typed on purpose. */
function numberOrMissing(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.collect')
	const { db } = context.get(servicesContext)
	const [collectors, sessions] = await Promise.all([
		collectorsFor(db, staff.actor, staff.communeId),
		listCollectionSessions(db, staff.actor, staff.communeId, { limit: 50 }),
	])
	const { flash, headers } = await takeFlash(request, context)
	return data(
		{
			collectors,
			sessions,
			canViewAll: can(staff.actor, 'feedback.viewAll', staff.communeId),
			canIntake: can(staff.actor, 'feedback.intake', staff.communeId),
			saved: typeof flash?.saved === 'string' ? flash.saved : null,
		},
		{ headers },
	)
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.collect')
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	try {
		if (values.intent !== 'record') throw httpError(400, 'error.badRequest')
		const session = await recordCollectionSession(db, staff.actor, staff.communeId, {
			collector: values.collector ?? '',
			heldOn: parseDateInput(values.heldOn ?? '') ?? '',
			place: values.place,
			attendees: values.attendees,
			itemCount: numberOrMissing(values.itemCount),
			note: values.note,
		})
		return await redirectWithFlash(request, context, PATH, { saved: session.heldOn })
	} catch (err) {
		return formErrorResponse(err, values, values.intent)
	}
}

export default function Collection({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const failed = actionData as FormState | undefined
	const e = failed?.fieldErrors ?? {}
	const v = failed?.values ?? {}
	const { collectors, sessions } = loaderData
	const labels = {
		collector: t('collection.collector'),
		heldOn: t('collection.heldOn'),
		place: t('collection.place'),
		attendees: t('collection.attendees'),
		itemCount: t('collection.itemCount'),
		note: t('collection.note'),
	}
	const options = [
		...(collectors.length === 1 ? [] : [{ value: '', label: t('collection.collectorChoose') }]),
		...collectors.map((c) => ({ value: `${c.type}:${c.id}`, label: `${c.name} (${t(`collection.collectorType.${c.type}`)})` })),
	]
	return (
		<>
			<title>{`${t('collection.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('collection.title')}</PageTitle>
			<p className="lead">{t('collection.intro')}</p>
			{loaderData.saved ? <Notice kind="success">{t('collection.saved', { date: formatDate(loaderData.saved) })}</Notice> : null}
			{loaderData.canIntake ? (
				<p>
					{t('collection.itemsHint')} <Link to="/quan-tri/y-kien/tiep-nhan?kenh=collection">{t('collection.itemsLink')}</Link>.
				</p>
			) : null}
			{loaderData.canViewAll ? (
				<p>
					<Link to={`${PATH}/tuan`}>{t('collection.complianceLink')}</Link>
				</p>
			) : null}

			<h2 id="record">{t('collection.record')}</h2>
			<ErrorSummary state={failed} labels={labels} />
			{collectors.length === 0 ? (
				<Notice kind="warning">{t('collection.noCollector')}</Notice>
			) : (
				<PostForm noValidate>
					<input type="hidden" name="intent" value="record" />
					<SelectField
						name="collector"
						label={labels.collector}
						options={options}
						defaultValue={v.collector ?? (collectors.length === 1 ? options[0]!.value : '')}
						error={e.collector}
					/>
					<TextField name="heldOn" label={labels.heldOn} hint={t('collection.dateHint')} defaultValue={v.heldOn ?? formatDate(new Date())} error={e.heldOn} maxLength={20} />
					<TextField name="place" label={labels.place} hint={t('collection.placeHint')} defaultValue={v.place} error={e.place} maxLength={200} />
					<TextField name="attendees" label={labels.attendees} hint={t('collection.attendeesHint')} defaultValue={v.attendees} error={e.attendees} maxLength={2000} optional />
					<TextField
						name="itemCount"
						label={labels.itemCount}
						hint={t('collection.itemCountHint')}
						defaultValue={v.itemCount}
						error={e.itemCount}
						inputMode="numeric"
						maxLength={5}
					/>
					<TextField name="note" label={labels.note} defaultValue={v.note} error={e.note} maxLength={2000} optional />
					<Button>{t('collection.record')}</Button>
				</PostForm>
			)}

			<h2 id="recent">{t('collection.recent')}</h2>
			<Table caption={t('collection.recent')}>
				<thead>
					<tr>
						<th scope="col">{t('collection.date')}</th>
						<th scope="col">{labels.collector}</th>
						<th scope="col">{labels.place}</th>
						<th scope="col">{labels.attendees}</th>
						<th scope="col">{labels.itemCount}</th>
						<th scope="col">{labels.note}</th>
					</tr>
				</thead>
				<tbody>
					{sessions.length === 0 ? <EmptyRow columns={6}>{t('table.empty')}</EmptyRow> : null}
					{sessions.map((s) => (
						<tr key={s.id}>
							<td className="nowrap">{formatDate(s.heldOn)}</td>
							<td>{s.agencyName ?? s.villageName}</td>
							<td>{s.place}</td>
							<td>{s.attendees}</td>
							<td>{s.itemCount === 0 ? t('collection.none') : s.itemCount}</td>
							<td>{s.note}</td>
						</tr>
					))}
				</tbody>
			</Table>
		</>
	)
}
