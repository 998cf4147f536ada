import { data, Link } from 'react-router'
import { filesFromForm, inspectUploads } from '#app/core/files/uploads.server.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { formValues, httpError, rethrowAsHttp, type FormState } from '#app/core/http/responses.ts'
import { formatDate, formatDateTime, formatNumber } from '#app/core/i18n/i18n.ts'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { listAgencies, listVillages } from '#app/modules/platform/org.server.ts'
import { can } from '#app/modules/platform/permissions.ts'
import { Button, ErrorSummary, FieldScope, FileField, PostForm, SelectField, TextArea, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, SummaryRow, Table } from '#app/ui/parts.tsx'
import { listObligations } from '../../catalogue.server.ts'
import { RecordFields, recordLabels } from '../../components/record-fields.tsx'
import { RecordStatusTag } from '../../components/record-status.tsx'
import { DISCLOSURE_FORMS } from '../../disclosure.constants.ts'
import { DISCLOSURE_LIMITS } from '../../disclosure.inputs.ts'
import { dateForForm, isoOrAsTyped, recordErrorResponse, recordFormInput } from '../../http/record-form.server.ts'
import { periodLabel, publicRecordPath } from '../../labels.ts'
import {
	addPosting,
	addRecordFiles,
	deleteDraft,
	endPosting,
	endRecord,
	getRecordForStaff,
	markReviewed,
	publishRecord,
	removePosting,
	removeRecordFile,
	updateRecord,
	withdrawRecord,
} from '../../records.server.ts'
import type { Route } from './+types/record.ts'

// One publication record in the back office: its state and the steps that change it, where and
// when it was posted (each posting with its proof), its documents, its text, its history.

export const handle = staffHandle('disclosure.view', 'disclosure.record', { recordScoped: true })

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.view')
	const { db } = context.get(servicesContext)
	const detail = await getRecordForStaff(db, staff.actor, staff.communeId, params.recordId).catch(rethrowAsHttp)
	const [obligations, agencies, villages] = await Promise.all([
		listObligations(db, staff.communeId, { activeOnly: true }),
		listAgencies(db, staff.actor, staff.communeId),
		listVillages(db, staff.actor, staff.communeId),
	])
	const { flash, headers } = await takeFlash(request, context)
	const { record } = detail
	return data(
		{
			detail: {
				...detail,
				record: { ...record, search: undefined },
				files: detail.files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, postingId: f.postingId, removedAt: f.removedAt })),
			},
			form: {
				title: record.title,
				obligationIds: detail.obligations.map((o) => o.id).join(','),
				decisionRef: record.decisionRef,
				decisionDate: dateForForm(record.decisionDate),
				period: record.period ?? '',
				agencyId: record.agencyId ?? '',
				body: record.body,
			},
			obligations: obligations.map((o) => ({ id: o.id, title: o.title, legalBasis: o.legalBasis, field: o.field })),
			agencies: agencies.filter((a) => a.active).map((a) => ({ id: a.id, name: a.name })),
			villages: villages.filter((v) => v.active).map((v) => ({ id: v.id, name: v.name })),
			canRecord: can(staff.actor, 'disclosure.record', staff.communeId),
			canPublish: can(staff.actor, 'disclosure.publish', staff.communeId),
			flash: typeof flash?.done === 'string' ? flash.done : typeof flash?.created === 'string' ? 'created' : null,
		},
		{ headers },
	)
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.record')
	const { db } = context.get(servicesContext)
	const form = await request.formData()
	const values = formValues(form)
	const intent = values.intent ?? ''
	const recordId = params.recordId
	const { actor, communeId } = staff
	const done = (what: string, to = `/quan-tri/cong-khai/${recordId}`) => redirectWithFlash(request, context, to, { done: what })
	try {
		switch (intent) {
			case 'update': {
				const parsed = recordFormInput(form)
				await updateRecord(db, actor, communeId, recordId, parsed.input, { reason: values.reason })
				return await done('updated')
			}
			case 'files':
				await addRecordFiles(db, actor, communeId, recordId, await inspectUploads(await filesFromForm(form, 'files')))
				return await done('filesAdded')
			case 'removeFile':
				await removeRecordFile(db, actor, communeId, recordId, values.fileId ?? '')
				return await done('fileRemoved')
			case 'posting': {
				const startedOn = isoOrAsTyped(values.startedOn)
				const endedOn = isoOrAsTyped(values.endedOn)
				const proof = await inspectUploads(await filesFromForm(form, 'proofFiles'))
				await addPosting(db, actor, communeId, recordId, { ...values, startedOn, endedOn }, proof)
				return await done('postingAdded')
			}
			case 'endPosting': {
				const endedOn = isoOrAsTyped(values.endedOn)
				await endPosting(db, actor, communeId, recordId, values.postingId ?? '', { endedOn })
				return await done('postingEnded')
			}
			case 'removePosting':
				await removePosting(db, actor, communeId, recordId, values.postingId ?? '')
				return await done('postingRemoved')
			case 'publish':
				await publishRecord(db, actor, communeId, recordId)
				return await done('published')
			case 'end':
				await endRecord(db, actor, communeId, recordId)
				return await done('ended')
			case 'withdraw':
				await withdrawRecord(db, actor, communeId, recordId, { reason: values.reason })
				return await done('withdrawn')
			case 'review':
				await markReviewed(db, actor, communeId, recordId)
				return await done('reviewed')
			case 'delete':
				await deleteDraft(db, actor, communeId, recordId)
				return await done('deleted', '/quan-tri/cong-khai')
			default:
				throw httpError(400, 'error.badRequest')
		}
	} catch (err) {
		const fileField = intent === 'posting' ? 'proofFiles' : 'files'
		return recordErrorResponse(err, values, intent === 'endPosting' ? `${intent}:${values.postingId ?? ''}` : intent, fileField)
	}
}

function sizeText(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`
}

export default function RecordPage({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	const { detail, canRecord, canPublish } = loaderData
	const { record } = detail
	const failedFor = (intent: string) => (state?.intent === intent ? state : undefined)
	const errorsFor = (intent: string) => failedFor(intent)?.fieldErrors ?? {}
	const valuesFor = (intent: string) => failedFor(intent)?.values
	const open = record.status !== 'withdrawn'
	const documents = detail.files.filter((f) => f.postingId === null && !f.removedAt)
	const proofOf = (postingId: string) => detail.files.filter((f) => f.postingId === postingId && !f.removedAt)
	const postingLabels = {
		form: t('disclosure.posting.form'),
		villageId: t('disclosure.posting.village'),
		place: t('disclosure.posting.place'),
		startedOn: t('disclosure.posting.startedOn'),
		endedOn: t('disclosure.posting.endedOn'),
		proofNote: t('disclosure.posting.proofNote'),
		proofUrl: t('disclosure.posting.proofUrl'),
		proofFiles: t('disclosure.posting.proofFiles'),
	}
	const publicPath = publicRecordPath(record.code)

	return (
		<>
			<title>{`${record.code}: ${record.title} — ${t('app.name')}`}</title>
			<p>
				<Link to="/quan-tri/cong-khai">← {t('disclosure.staff.backToList')}</Link>
			</p>
			<PageTitle caption={record.code}>
				<bdi>{record.title}</bdi>
			</PageTitle>
			{loaderData.flash ? <Notice kind="success">{t(`disclosure.done.${loaderData.flash}`, { code: record.code })}</Notice> : null}
			{record.status === 'withdrawn' ? (
				<Notice kind="warning">{t('disclosure.record.withdrawnNotice', { date: record.withdrawnAt ? formatDate(record.withdrawnAt) : '', reason: record.withdrawReason ?? '' })}</Notice>
			) : null}
			{state?.formError && !state.fieldErrors ? <ErrorSummary state={state} /> : null}

			<dl className="summary-list">
				<SummaryRow label={t('disclosure.record.status')}>
					<RecordStatusTag status={record.status} />
				</SummaryRow>
				<SummaryRow label={t('disclosure.record.obligations')}>
					<ul className="plain-list">
						{detail.obligations.map((o) => (
							<li key={o.id}>
								{o.title} <span className="muted">({o.legalBasis})</span>
							</li>
						))}
					</ul>
				</SummaryRow>
				{record.decisionRef || record.decisionDate ? (
					<SummaryRow label={t('disclosure.record.decision')}>
						{record.decisionRef}
						{record.decisionDate ? ` · ${formatDate(record.decisionDate)}` : ''}
					</SummaryRow>
				) : null}
				{record.period ? <SummaryRow label={t('disclosure.record.period')}>{periodLabel(t, record.period)}</SummaryRow> : null}
				{detail.agencyName ? <SummaryRow label={t('disclosure.record.agency')}>{detail.agencyName}</SummaryRow> : null}
				{record.publishedAt ? <SummaryRow label={t('disclosure.record.publishedAt')}>{formatDateTime(record.publishedAt)}</SummaryRow> : null}
				{record.status !== 'draft' ? (
					<SummaryRow label={t('disclosure.record.publicPage')}>
						<a href={publicPath}>{publicPath}</a> · <a href={`${publicPath}/to-niem-yet.pdf`}>{t('disclosure.record.noticeSheet')}</a>
					</SummaryRow>
				) : null}
			</dl>

			{(canPublish && record.status !== 'withdrawn') || (canRecord && (record.status === 'draft' || record.status === 'published')) ? (
				<section aria-labelledby="steps">
					<h2 id="steps">{t('disclosure.record.steps')}</h2>
					<div className="button-group">
						{record.status === 'draft' && canPublish ? (
							<PostForm>
								<input type="hidden" name="intent" value="publish" />
								<Button>{t('disclosure.record.publish')}</Button>
							</PostForm>
						) : null}
						{record.status === 'published' && canRecord ? (
							<PostForm>
								<input type="hidden" name="intent" value="review" />
								<Button variant="secondary">{t('disclosure.record.markReviewed')}</Button>
							</PostForm>
						) : null}
						{record.status === 'published' && canPublish ? (
							<PostForm>
								<input type="hidden" name="intent" value="end" />
								<Button variant="secondary">{t('disclosure.record.end')}</Button>
							</PostForm>
						) : null}
						{record.status === 'draft' && canRecord ? (
							<PostForm>
								<input type="hidden" name="intent" value="delete" />
								<Button variant="warning">{t('disclosure.record.deleteDraft')}</Button>
							</PostForm>
						) : null}
					</div>
					{record.status === 'draft' ? <p className="muted">{t('disclosure.record.publishHint')}</p> : null}
					{(record.status === 'published' || record.status === 'ended') && canPublish ? (
						<details className="details" open={Boolean(failedFor('withdraw'))}>
							<summary>{t('disclosure.record.withdraw')}</summary>
							<FieldScope scope="withdraw">
								<ErrorSummary state={failedFor('withdraw')} labels={{ reason: t('disclosure.record.withdrawReason') }} scope="withdraw" />
								<PostForm noValidate>
									<input type="hidden" name="intent" value="withdraw" />
									<TextArea name="reason" label={t('disclosure.record.withdrawReason')} hint={t('disclosure.record.withdrawHint')} error={errorsFor('withdraw').reason} maxLength={DISCLOSURE_LIMITS.reason} rows={3} />
									<Button variant="warning">{t('disclosure.record.withdraw')}</Button>
								</PostForm>
							</FieldScope>
						</details>
					) : null}
				</section>
			) : null}

			<section aria-labelledby="postings">
				<h2 id="postings">{t('disclosure.posting.title')}</h2>
				<p className="muted">{t('disclosure.posting.intro')}</p>
				<Table caption={t('disclosure.posting.title')}>
					<thead>
						<tr>
							<th scope="col">{postingLabels.form}</th>
							<th scope="col">{postingLabels.place}</th>
							<th scope="col">{postingLabels.startedOn}</th>
							<th scope="col">{postingLabels.endedOn}</th>
							<th scope="col">{t('disclosure.posting.proof')}</th>
							{canRecord && open ? <th scope="col">{t('table.actions')}</th> : null}
						</tr>
					</thead>
					<tbody>
						{detail.postings.length === 0 ? <EmptyRow columns={canRecord && open ? 6 : 5}>{t('disclosure.posting.none')}</EmptyRow> : null}
						{detail.postings.map((p) => {
							const endIntent = `endPosting:${p.id}`
							return (
								<tr key={p.id}>
									<td>{t(`disclosure.channel.${p.form}`)}</td>
									<td>
										<bdi>{p.place}</bdi>
									</td>
									<td className="nowrap">{formatDate(p.startedOn)}</td>
									<td className="nowrap">{p.endedOn ? formatDate(p.endedOn) : t('disclosure.posting.stillUp')}</td>
									<td>
										{p.proofNote ? <p className="prewrap">{p.proofNote}</p> : null}
										{p.proofUrl ? (
											<p>
												<a href={p.proofUrl} rel="noreferrer noopener">
													{p.proofUrl}
												</a>
											</p>
										) : null}
										{proofOf(p.id).map((f) => (
											<p key={f.id}>
												<a href={`/quan-tri/cong-khai/${record.id}/tep/${f.id}`}>{f.fileName}</a> ({sizeText(f.size)})
											</p>
										))}
									</td>
									{canRecord && open ? (
										<td>
											{!p.endedOn ? (
												<FieldScope scope={`end-${p.id}`}>
													<PostForm noValidate className="inline-form">
														<input type="hidden" name="intent" value="endPosting" />
														<input type="hidden" name="postingId" value={p.id} />
														<TextField
															name="endedOn"
															label={t('disclosure.posting.endOn')}
															defaultValue={valuesFor(endIntent)?.endedOn ?? formatDate(new Date())}
															error={errorsFor(endIntent).endedOn}
															maxLength={20}
														/>
														<Button variant="secondary">{t('disclosure.posting.end')}</Button>
													</PostForm>
												</FieldScope>
											) : null}
											<PostForm>
												<input type="hidden" name="intent" value="removePosting" />
												<input type="hidden" name="postingId" value={p.id} />
												<Button variant="warning">
													{t('disclosure.posting.remove')}
													<span className="visually-hidden"> ({t(`disclosure.channel.${p.form}`)} {formatDate(p.startedOn)})</span>
												</Button>
											</PostForm>
										</td>
									) : null}
								</tr>
							)
						})}
					</tbody>
				</Table>
				{canRecord && open ? (
					<details className="details" open={Boolean(failedFor('posting'))}>
						<summary>{t('disclosure.posting.add')}</summary>
						<FieldScope scope="posting">
							<ErrorSummary state={failedFor('posting')} labels={postingLabels} scope="posting" />
							<PostForm encType="multipart/form-data" noValidate>
								<input type="hidden" name="intent" value="posting" />
								<SelectField
									name="form"
									label={postingLabels.form}
									defaultValue={valuesFor('posting')?.form ?? ''}
									error={errorsFor('posting').form}
									options={[{ value: '', label: t('disclosure.posting.chooseForm') }, ...DISCLOSURE_FORMS.map((f) => ({ value: f, label: t(`disclosure.channel.${f}`) }))]}
								/>
								<SelectField
									name="villageId"
									label={postingLabels.villageId}
									hint={t('disclosure.posting.villageHint')}
									defaultValue={valuesFor('posting')?.villageId ?? ''}
									error={errorsFor('posting').villageId}
									options={[{ value: '', label: t('disclosure.posting.noVillage') }, ...loaderData.villages.map((v) => ({ value: v.id, label: v.name }))]}
								/>
								<TextField name="place" label={postingLabels.place} hint={t('disclosure.posting.placeHint')} defaultValue={valuesFor('posting')?.place} error={errorsFor('posting').place} maxLength={DISCLOSURE_LIMITS.place} optional />
								<TextField name="startedOn" label={postingLabels.startedOn} hint={t('disclosure.dateHint')} defaultValue={valuesFor('posting')?.startedOn ?? formatDate(new Date())} error={errorsFor('posting').startedOn} maxLength={20} />
								<TextField name="endedOn" label={postingLabels.endedOn} hint={t('disclosure.posting.endedOnHint')} defaultValue={valuesFor('posting')?.endedOn} error={errorsFor('posting').endedOn} maxLength={20} optional />
								<TextArea name="proofNote" label={postingLabels.proofNote} hint={t('disclosure.posting.proofNoteHint')} defaultValue={valuesFor('posting')?.proofNote} error={errorsFor('posting').proofNote} maxLength={DISCLOSURE_LIMITS.note} rows={3} optional />
								<TextField name="proofUrl" label={postingLabels.proofUrl} defaultValue={valuesFor('posting')?.proofUrl} error={errorsFor('posting').proofUrl} maxLength={DISCLOSURE_LIMITS.url} optional />
								<FileField name="proofFiles" label={postingLabels.proofFiles} hint={t('disclosure.posting.proofFilesHint')} error={errorsFor('posting').proofFiles} multiple optional />
								<Button>{t('disclosure.posting.save')}</Button>
							</PostForm>
						</FieldScope>
					</details>
				) : null}
			</section>

			<section aria-labelledby="documents">
				<h2 id="documents">{t('disclosure.record.files')}</h2>
				{documents.length === 0 ? <p>{t('disclosure.record.noFiles')}</p> : null}
				<ul className="plain-list">
					{documents.map((f) => (
						<li key={f.id}>
							<a href={`/quan-tri/cong-khai/${record.id}/tep/${f.id}`}>{f.fileName}</a> ({sizeText(f.size)})
							{canRecord && open ? (
								<PostForm className="inline-form">
									<input type="hidden" name="intent" value="removeFile" />
									<input type="hidden" name="fileId" value={f.id} />
									<Button variant="warning">
										{t('disclosure.record.removeFile')}
										<span className="visually-hidden"> {f.fileName}</span>
									</Button>
								</PostForm>
							) : null}
						</li>
					))}
				</ul>
				{canRecord && open ? (
					<FieldScope scope="files">
						<ErrorSummary state={failedFor('files')} labels={{ files: t('disclosure.record.files') }} scope="files" />
						<PostForm encType="multipart/form-data" noValidate>
							<input type="hidden" name="intent" value="files" />
							<FileField name="files" label={t('disclosure.record.addFiles')} hint={t('disclosure.record.filesHint')} error={errorsFor('files').files} multiple />
							<Button variant="secondary">{t('disclosure.record.upload')}</Button>
						</PostForm>
					</FieldScope>
				) : null}
			</section>

			<section aria-labelledby="text">
				<h2 id="text">{t('disclosure.record.body')}</h2>
				{record.body ? (
					<p className="prewrap" dir="auto">
						{record.body}
					</p>
				) : (
					<p className="muted">{t('disclosure.record.noBody')}</p>
				)}
				{canRecord && open ? (
					<details className="details" open={Boolean(failedFor('update'))}>
						<summary>{t('disclosure.record.edit')}</summary>
						<FieldScope scope="update">
							<ErrorSummary state={failedFor('update')} labels={recordLabels(t)} scope="update" />
							<PostForm noValidate>
								<input type="hidden" name="intent" value="update" />
								<RecordFields
									obligations={loaderData.obligations}
									agencies={loaderData.agencies}
									values={valuesFor('update') ?? loaderData.form}
									errors={errorsFor('update')}
									withReason={record.status !== 'draft'}
								/>
								<Button>{t('disclosure.record.saveChanges')}</Button>
							</PostForm>
						</FieldScope>
					</details>
				) : null}
			</section>

			{detail.versions.length ? (
				<section aria-labelledby="history">
					<h2 id="history">{t('disclosure.record.history')}</h2>
					<ul className="plain-list">
						{detail.versions.map((v) => (
							<li key={v.id}>
								<details className="details">
									<summary>{t('disclosure.record.versionLine', { version: v.version, date: formatDateTime(v.replacedAt) })}</summary>
									<p>
										<strong>{t('disclosure.record.reason')}:</strong> {v.reason}
									</p>
									<p className="prewrap" dir="auto">
										{v.title}
										{'\n\n'}
										{v.body}
									</p>
								</details>
							</li>
						))}
					</ul>
				</section>
			) : null}
		</>
	)
}
