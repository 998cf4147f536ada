import { CheckboxField, SelectField, TextField } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { AGENCY_KINDS } from '../org.constants.ts'

// Fields of the agency and village forms, shared by the "add" and "edit" pages.

type Values = Readonly<Record<string, unknown>>

export function AgencyFields({ values, errors }: { values?: Values; errors: Record<string, string> }) {
	const t = useT()
	return (
		<>
			<TextField name="name" label={t('org.name')} defaultValue={String(values?.name ?? '')} error={errors.name} maxLength={200} />
			<TextField name="code" label={t('org.code')} hint={t('form.slug')} defaultValue={String(values?.code ?? '')} error={errors.code} maxLength={60} />
			<SelectField
				name="kind"
				label={t('org.kind')}
				defaultValue={String(values?.kind ?? 'other')}
				error={errors.kind}
				options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))}
			/>
			<TextField name="sortOrder" label={t('org.sortOrder')} inputMode="numeric" defaultValue={String(values?.sortOrder ?? '0')} error={errors.sortOrder} maxLength={4} />
			<CheckboxField name="active" label={t('org.active')} defaultChecked={values?.active === undefined ? true : values.active === true || values.active === 'on'} />
		</>
	)
}

export function VillageFields({ values, errors }: { values?: Values; errors: Record<string, string> }) {
	const t = useT()
	return (
		<>
			<TextField name="name" label={t('org.name')} defaultValue={String(values?.name ?? '')} error={errors.name} maxLength={120} />
			<TextField name="sortOrder" label={t('org.sortOrder')} inputMode="numeric" defaultValue={String(values?.sortOrder ?? '0')} error={errors.sortOrder} maxLength={4} />
			<CheckboxField name="active" label={t('org.active')} defaultChecked={values?.active === undefined ? true : values.active === true || values.active === 'on'} />
		</>
	)
}

/** Form values of an agency or village, as the use cases take them (checkbox → boolean). */
export function orgInput(values: Record<string, string>) {
	return { ...values, active: values.active === 'on', sortOrder: values.sortOrder?.trim() || '0' }
}
