import { filesFromForm, inspectUploads } from '#app/core/files/uploads.server.ts'
import { servicesContext } from '#app/core/http/context.ts'
import type { FormState } from '#app/core/http/responses.ts'
import { redirectWithFlash, requireStaffInCommune } from '#app/modules/platform/http/request-state.server.ts'
import { staffHandle } from '#app/modules/platform/http/staff-handle.ts'
import { listAgencies } from '#app/modules/platform/org.server.ts'
import { Button, ErrorSummary, PostForm } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle } from '#app/ui/parts.tsx'
import { listObligations } from '../../catalogue.server.ts'
import { RecordFields, recordLabels } from '../../components/record-fields.tsx'
import { zPeriod } from '../../disclosure.inputs.ts'
import { recordErrorResponse, recordFormInput } from '../../http/record-form.server.ts'
import { addRecordFiles, createRecord } from '../../records.server.ts'
import type { Route } from './+types/record-new.ts'

// A new publication record, as a draft: what it is, which obligations it fulfils, the decision
// it publishes, its text and documents. Postings and publishing happen on the record's page.

export const handle = staffHandle('disclosure.record')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.record')
	const { db } = context.get(servicesContext)
	const [obligations, agencies] = await Promise.all([listObligations(db, staff.communeId, { activeOnly: true }), listAgencies(db, staff.actor, staff.communeId)])
	const url = new URL(request.url)
	const preset = url.searchParams.get('noi-dung') ?? ''
	const period = zPeriod.safeParse(url.searchParams.get('ky') ?? '')
	return {
		obligations: obligations.map((o) => ({ id: o.id, title: o.title, legalBasis: o.legalBasis, field: o.field })),
		agencies: agencies.filter((a) => a.active).map((a) => ({ id: a.id, name: a.name })),
		preset: {
			obligationIds: obligations.some((o) => o.id === preset) ? preset : '',
			period: period.success ? (period.data ?? '') : '',
		},
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'disclosure.record')
	const { db } = context.get(servicesContext)
	const form = await request.formData()
	const { values, input } = recordFormInput(form)
	try {
		const files = await inspectUploads(await filesFromForm(form, 'files'))
		const record = await createRecord(db, staff.actor, staff.communeId, input)
		await addRecordFiles(db, staff.actor, staff.communeId, record.id, files)
		return await redirectWithFlash(request, context, `/quan-tri/cong-khai/${record.id}`, { created: record.code })
	} catch (err) {
		return recordErrorResponse(err, values)
	}
}

export default function RecordNew({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const state = actionData as FormState | undefined
	return (
		<>
			<title>{`${t('disclosure.new.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('disclosure.new.title')}</PageTitle>
			<p className="lead">{t('disclosure.new.intro')}</p>
			<ErrorSummary state={state} labels={recordLabels(t)} />
			<PostForm encType="multipart/form-data" noValidate>
				<RecordFields obligations={loaderData.obligations} agencies={loaderData.agencies} values={state?.values ?? loaderData.preset} errors={state?.fieldErrors ?? {}} withFiles />
				<Button>{t('disclosure.new.save')}</Button>
			</PostForm>
		</>
	)
}
