import { data, Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formatDate, parseDateInput } from '#app/core/i18n/i18n.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { Button, ErrorSummary, PostForm, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, Table } from '#app/ui/parts.tsx'
import { listMailboxOpenings, recordMailboxOpening } from '../../collection.server.ts'
import type { Route } from './+types/mailbox.ts'

// The paper suggestion box (hòm thư góp ý): each opening is recorded as the minutes say, then each
// letter found becomes an item at intake, linked to its opening.

export const handle = staffHandle('feedback.intake')

const PATH = '/quan-tri/hom-thu'

/** A blank number is missing, not zero: "0" has to be typed on purpose. */
function numberOrMissing(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value
}

function intakeLink(openingId: string): string {
	return `/quan-tri/y-kien/tiep-nhan?kenh=mailbox&hom-thu=${encodeURIComponent(openingId)}`
}

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	const { db } = context.get(servicesContext)
	const openings = await listMailboxOpenings(db, staff.actor, staff.communeId)
	const { flash, headers } = await takeFlash(request, context)
	const saved = typeof flash?.saved === 'string' ? openings.find((o) => o.id === flash.saved) : undefined
	return data(
		{
			openings: openings.map((o) => ({ id: o.id, openedOn: o.openedOn, place: o.place, openedBy: o.openedBy, letterCount: o.letterCount, note: o.note })),
			saved: saved ? { id: saved.id, openedOn: saved.openedOn, letterCount: saved.letterCount } : null,
		},
		{ headers },
	)
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'feedback.intake')
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	try {
		if (values.intent !== 'record') throw httpError(400, 'error.badRequest')
		const opening = await recordMailboxOpening(db, staff.actor, staff.communeId, {
			openedOn: parseDateInput(values.openedOn ?? '') ?? '',
			place: values.place,
			openedBy: values.openedBy,
			letterCount: numberOrMissing(values.letterCount),
			note: values.note,
		})
		return await redirectWithFlash(request, context, PATH, { saved: opening.id })
	} catch (err) {
		return formErrorResponse(err, values, values.intent)
	}
}

export default function Mailbox({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const failed = actionData as FormState | undefined
	const e = failed?.fieldErrors ?? {}
	const v = failed?.values ?? {}
	const { openings, saved } = loaderData
	const labels = {
		openedOn: t('mailbox.openedOn'),
		place: t('mailbox.place'),
		openedBy: t('mailbox.openedBy'),
		letterCount: t('mailbox.letterCount'),
		note: t('mailbox.note'),
	}
	return (
		<>
			<title>{`${t('mailbox.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('mailbox.title')}</PageTitle>
			<p className="lead">{t('mailbox.intro')}</p>
			{saved ? (
				<Notice kind="success">
					{t('mailbox.saved', { date: formatDate(saved.openedOn) })}{' '}
					{saved.letterCount > 0 ? <Link to={intakeLink(saved.id)}>{t('mailbox.recordLetters')}</Link> : null}
				</Notice>
			) : null}

			<h2 id="record">{t('mailbox.record')}</h2>
			<ErrorSummary state={failed} labels={labels} />
			<PostForm noValidate>
				<input type="hidden" name="intent" value="record" />
				<TextField name="openedOn" label={labels.openedOn} hint={t('mailbox.dateHint')} defaultValue={v.openedOn ?? formatDate(new Date())} error={e.openedOn} maxLength={20} />
				<TextField name="place" label={labels.place} hint={t('mailbox.placeHint')} defaultValue={v.place} error={e.place} maxLength={200} />
				<TextField name="openedBy" label={labels.openedBy} hint={t('mailbox.openedByHint')} defaultValue={v.openedBy} error={e.openedBy} maxLength={500} />
				<TextField
					name="letterCount"
					label={labels.letterCount}
					hint={t('mailbox.letterCountHint')}
					defaultValue={v.letterCount}
					error={e.letterCount}
					inputMode="numeric"
					maxLength={5}
				/>
				<TextField name="note" label={labels.note} defaultValue={v.note} error={e.note} maxLength={2000} optional />
				<Button>{t('mailbox.record')}</Button>
			</PostForm>

			<h2 id="openings">{t('mailbox.list')}</h2>
			<Table caption={t('mailbox.list')}>
				<thead>
					<tr>
						<th scope="col">{labels.openedOn}</th>
						<th scope="col">{labels.place}</th>
						<th scope="col">{labels.openedBy}</th>
						<th scope="col">{labels.letterCount}</th>
						<th scope="col">{labels.note}</th>
						<th scope="col">{t('table.actions')}</th>
					</tr>
				</thead>
				<tbody>
					{openings.length === 0 ? <EmptyRow columns={6}>{t('table.empty')}</EmptyRow> : null}
					{openings.map((o) => (
						<tr key={o.id}>
							<td className="nowrap">{formatDate(o.openedOn)}</td>
							<td>{o.place}</td>
							<td>{o.openedBy}</td>
							<td>{o.letterCount === 0 ? t('mailbox.noLetters') : o.letterCount}</td>
							<td>{o.note}</td>
							<td>
								<Link to={intakeLink(o.id)}>
									{t('mailbox.recordLetters')}
									<span className="visually-hidden"> ({formatDate(o.openedOn)})</span>
								</Link>
							</td>
						</tr>
					))}
				</tbody>
			</Table>
		</>
	)
}
