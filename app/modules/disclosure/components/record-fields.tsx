import { CheckboxGroup, FieldScope, FileField, SelectField, TextArea, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { DISCLOSURE_LIMITS } from '../disclosure.inputs.ts'

// The fields of a publication record, shared by the new-record page and the record page.

export type ObligationOption = { id: string; title: string; legalBasis: string; field: string }

export function recordLabels(t: (key: string) => string) {
	return {
		obligationIds: t('disclosure.record.obligations'),
		title: t('disclosure.record.title'),
		decisionRef: t('disclosure.record.decisionRef'),
		decisionDate: t('disclosure.record.decisionDate'),
		period: t('disclosure.record.period'),
		agencyId: t('disclosure.record.agency'),
		body: t('disclosure.record.body'),
		files: t('disclosure.record.files'),
		reason: t('disclosure.record.reason'),
	}
}

export function RecordFields({
	obligations,
	agencies,
	values,
	errors,
	withFiles,
	withReason,
}: {
	obligations: readonly ObligationOption[]
	agencies: ReadonlyArray<{ id: string; name: string }>
	values: Record<string, string | undefined>
	errors: Record<string, string>
	withFiles?: boolean
	withReason?: boolean
}) {
	const t = useT()
	const labels = recordLabels(t)
	const chosen = (values.obligationIds ?? '').split(',').filter(Boolean)
	return (
		<>
			<TextField name="title" label={labels.title} defaultValue={values.title} error={errors.title} maxLength={DISCLOSURE_LIMITS.title} />
			<ObligationChooser obligations={obligations} chosen={chosen} error={errors.obligationIds} />
			<TextField name="decisionRef" label={labels.decisionRef} hint={t('disclosure.record.decisionRefHint')} defaultValue={values.decisionRef} error={errors.decisionRef} maxLength={DISCLOSURE_LIMITS.ref} optional />
			<TextField name="decisionDate" label={labels.decisionDate} hint={t('disclosure.record.decisionDateHint')} defaultValue={values.decisionDate} error={errors.decisionDate} maxLength={20} optional />
			<TextField name="period" label={labels.period} hint={t('disclosure.record.periodHint')} defaultValue={values.period} error={errors.period} maxLength={10} optional />
			<SelectField
				name="agencyId"
				label={labels.agencyId}
				hint={t('disclosure.record.agencyHint')}
				defaultValue={values.agencyId ?? ''}
				error={errors.agencyId}
				options={[{ value: '', label: t('disclosure.record.agencyFromObligation') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
			/>
			<TextArea name="body" label={labels.body} hint={t('disclosure.record.bodyHint')} defaultValue={values.body} error={errors.body} maxLength={DISCLOSURE_LIMITS.body} rows={12} optional />
			{withFiles ? <FileField name="files" label={labels.files} hint={t('disclosure.record.filesHint')} error={errors.files} multiple optional /> : null}
			{withReason ? <TextArea name="reason" label={labels.reason} hint={t('disclosure.record.reasonHint')} defaultValue={values.reason} error={errors.reason} maxLength={DISCLOSURE_LIMITS.reason} rows={3} /> : null}
		</>
	)
}

/**
 * The catalogue's obligations to tick, grouped by field in sections that open on demand (those
 * holding a ticked one start open), so that a phone shows a short page.
 */
function ObligationChooser({ obligations, chosen, error }: { obligations: readonly ObligationOption[]; chosen: readonly string[]; error?: string }) {
	const t = useT()
	const fields = [...new Set(obligations.map((o) => o.field))]
	return (
		<div className={`field${error ? ' field--error' : ''}`}>
			<fieldset className="fieldset" id="field-obligationIds" tabIndex={-1} aria-describedby={error ? 'obligationIds-error' : 'obligationIds-hint'}>
				<legend className="fieldset__legend">{t('disclosure.record.obligations')}</legend>
				<p className="field__hint" id="obligationIds-hint">
					{t('disclosure.record.obligationsHint')}
				</p>
				{error ? (
					<p className="field__error" id="obligationIds-error">
						{t(error)}
					</p>
				) : null}
				{fields.map((field) => {
					const mine = obligations.filter((o) => o.field === field)
					const ticked = mine.filter((o) => chosen.includes(o.id)).length
					return (
						<details className="details" key={field} open={ticked > 0}>
							<summary>
								{t(`disclosure.field.${field}`)} ({ticked ? t('disclosure.record.chosenOf', { chosen: ticked, total: mine.length }) : mine.length})
							</summary>
							<FieldScope scope={`ob-${field}`}>
								<CheckboxGroup
									name="obligationIds"
									legend={t(`disclosure.field.${field}`)}
									defaultValues={chosen}
									options={mine.map((o) => ({ value: o.id, label: o.title, hint: o.legalBasis }))}
								/>
							</FieldScope>
						</details>
					)
				})}
			</fieldset>
		</div>
	)
}
