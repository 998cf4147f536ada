import { data, Link } from 'react-router'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, httpError, type FormState } from '#app/core/http/responses.ts'
import { ZSearchQuery } from '#app/core/text.ts'
import { Button, ErrorSummary, FieldScope, PostForm } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EmptyRow, Notice, PageTitle, SearchForm, Table, Tag } from '#app/ui/parts.tsx'
import { AgencyFields, orgInput, VillageFields } from '../../components/org-forms.tsx'
import { redirectWithFlash, requireStaffInCommune, takeFlash } from '../../http/request-state.server.ts'
import { staffHandle } from '../../http/staff-handle.ts'
import { createAgency, createVillage, listAgencies, listVillages } from '../../org.server.ts'
import { can } from '../../permissions.ts'
import type { Route } from './+types/org.ts'

export const handle = staffHandle('backoffice.access', 'org.manage')

export async function loader({ request, context }: Route.LoaderArgs) {
	const staff = await requireStaffInCommune(request, context)
	const { db } = context.get(servicesContext)
	const query = ZSearchQuery.parse(new URL(request.url).searchParams.get('q') ?? '')
	const [agencies, villages] = [await listAgencies(db, staff.actor, staff.communeId), await listVillages(db, staff.actor, staff.communeId, query)]
	const { flash, headers } = await takeFlash(request, context)
	return data({ agencies, villages, query, canManage: can(staff.actor, 'org.manage', staff.communeId), saved: flash?.saved ?? null }, { headers })
}

export async function action({ request, context }: Route.ActionArgs) {
	const staff = await requireStaffInCommune(request, context, 'org.manage')
	const { db } = context.get(servicesContext)
	const values = formValues(await request.formData())
	const intent = values.intent
	try {
		if (intent === 'add-agency') await createAgency(db, staff.actor, staff.communeId, orgInput(values))
		else if (intent === 'add-village') await createVillage(db, staff.actor, staff.communeId, orgInput(values))
		else throw httpError(400, 'error.badRequest')
		return await redirectWithFlash(request, context, '/quan-tri/don-vi', { saved: intent })
	} catch (err) {
		return formErrorResponse(err, values, intent)
	}
}

export default function Org({ loaderData, actionData }: Route.ComponentProps) {
	const t = useT()
	const result = actionData as FormState | undefined
	const failed = result
	const agencyErrors = result?.intent === 'add-agency' ? (failed?.fieldErrors ?? {}) : {}
	const villageErrors = result?.intent === 'add-village' ? (failed?.fieldErrors ?? {}) : {}
	return (
		<>
			<title>{`${t('org.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('org.title')}</PageTitle>
			{loaderData.saved ? <Notice kind="success">{t('form.saved')}</Notice> : null}
			{/* Both forms have a "name" field: each gets its own ids, and the summary links to the one sent. */}
			<ErrorSummary state={failed} scope={result?.intent === 'add-agency' ? 'agency' : 'village'} />

			<h2 id="agencies">{t('org.agencies')}</h2>
			<Table caption={t('org.agencies')}>
				<thead>
					<tr>
						<th scope="col">{t('org.name')}</th>
						<th scope="col">{t('org.kind')}</th>
						<th scope="col">{t('org.code')}</th>
						<th scope="col">{t('org.active')}</th>
						{loaderData.canManage ? <th scope="col">{t('table.actions')}</th> : null}
					</tr>
				</thead>
				<tbody>
					{loaderData.agencies.map((a) => (
						<tr key={a.id}>
							<td>{a.name}</td>
							<td>{t(`agencyKind.${a.kind}`)}</td>
							<td>
								<code>{a.code}</code>
							</td>
							<td>{a.active ? t('form.yes') : t('form.no')}</td>
							{loaderData.canManage ? (
								<td>
									<Link to={`/quan-tri/don-vi/co-quan/${a.id}`}>
										{t('org.edit')}
										<span className="visually-hidden"> {a.name}</span>
									</Link>
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</Table>
			{loaderData.canManage ? (
				<details className="details" open={result?.intent === 'add-agency'}>
					<summary>{t('org.addAgency')}</summary>
					<PostForm noValidate>
						<input type="hidden" name="intent" value="add-agency" />
						<FieldScope scope="agency">
							<AgencyFields values={result?.intent === 'add-agency' ? failed?.values : undefined} errors={agencyErrors} />
						</FieldScope>
						<Button>{t('form.add')}</Button>
					</PostForm>
				</details>
			) : null}

			<h2 id="villages">{t('org.villages')}</h2>
			<SearchForm id="village-search" label={t('org.searchVillages')} button={t('form.search')} query={loaderData.query} />
			<Table caption={t('org.villages')}>
				<thead>
					<tr>
						<th scope="col">{t('org.name')}</th>
						<th scope="col">{t('org.active')}</th>
						{loaderData.canManage ? <th scope="col">{t('table.actions')}</th> : null}
					</tr>
				</thead>
				<tbody>
					{loaderData.villages.length === 0 ? (
						<EmptyRow columns={3}>{t('table.empty')}</EmptyRow>
					) : null}
					{loaderData.villages.map((v) => (
						<tr key={v.id}>
							<td>
								{v.name} {v.isDemo ? <Tag>{t('org.demo')}</Tag> : null}
							</td>
							<td>{v.active ? t('form.yes') : t('form.no')}</td>
							{loaderData.canManage ? (
								<td>
									<Link to={`/quan-tri/don-vi/thon/${v.id}`}>
										{t('org.edit')}
										<span className="visually-hidden"> {v.name}</span>
									</Link>
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</Table>
			{loaderData.canManage ? (
				<details className="details" open={result?.intent === 'add-village'}>
					<summary>{t('org.addVillage')}</summary>
					<PostForm noValidate>
						<input type="hidden" name="intent" value="add-village" />
						<FieldScope scope="village">
							<VillageFields values={result?.intent === 'add-village' ? failed?.values : undefined} errors={villageErrors} />
						</FieldScope>
						<Button>{t('form.add')}</Button>
					</PostForm>
				</details>
			) : null}
		</>
	)
}
