import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router'
import type { DbOrTx, Db } from '#app/core/db/client.server.ts'
import { servicesContext } from '#app/core/http/context.ts'
import { formErrorResponse, formValues, rethrowAsHttp } from '#app/core/http/responses.ts'
import { orgInput } from '../components/org-forms.tsx'
import type { Actor } from '../permissions.ts'
import { redirectWithFlash, requireStaffInCommune } from './request-state.server.ts'

/** Loader and action of a page that edits one record of the commune's organisation (agency, village). */
export function orgEditHandlers<T>(options: {
	idParam: string
	get: (db: DbOrTx, actor: Actor, communeId: string, id: string) => Promise<T>
	update: (db: Db, actor: Actor, communeId: string, id: string, input: unknown) => Promise<unknown>
}) {
	return {
		async loader({ request, context, params }: LoaderFunctionArgs) {
			const staff = await requireStaffInCommune(request, context, 'org.manage')
			try {
				return { record: await options.get(context.get(servicesContext).db, staff.actor, staff.communeId, params[options.idParam] ?? '') }
			} catch (err) {
				rethrowAsHttp(err)
			}
		},
		async action({ request, context, params }: ActionFunctionArgs) {
			const staff = await requireStaffInCommune(request, context, 'org.manage')
			const values = formValues(await request.formData())
			try {
				await options.update(context.get(servicesContext).db, staff.actor, staff.communeId, params[options.idParam] ?? '', orgInput(values))
				return await redirectWithFlash(request, context, '/quan-tri/don-vi', { saved: 'edit' })
			} catch (err) {
				return formErrorResponse(err, values)
			}
		},
	}
}
