import { createContext, useContext, useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react'
import { Form, type FormProps } from 'react-router'
import type { FormState } from '#app/core/http/responses.ts'
import { useRootData, useT } from './i18n.tsx'

// Form parts after the GOV.UK Design System: a label above each field, a hint, the error in
// words next to the field and in a summary at the top; everything works without JavaScript.

const FieldScopeContext = createContext('')

/**
 * Gives the fields inside their own ids (`field-<scope>-<name>`), for a page with several forms
 * whose fields share names; pass the same scope to that form's ErrorSummary.
 */
export function FieldScope({ scope, children }: { scope: string; children: ReactNode }) {
	return <FieldScopeContext.Provider value={scope}>{children}</FieldScopeContext.Provider>
}

function fieldId(name: string, scope: string): string {
	return scope ? `field-${scope}-${name}` : `field-${name}`
}

function useFieldId(name: string): string {
	return fieldId(name, useContext(FieldScopeContext))
}

/** A POST form carrying the CSRF token. Every form that changes data uses it. */
export function PostForm({ children, ...props }: Omit<FormProps, 'method'> & { children: ReactNode }) {
	const csrf = useRootData()?.csrfToken ?? ''
	return (
		<Form method="post" {...props}>
			<input type="hidden" name="_csrf" value={csrf} />
			{children}
		</Form>
	)
}

/**
 * With JavaScript, a summary link moves focus to its field itself (as GOV.UK Frontend does): left
 * to the router, the #hash would count as a new navigation and clear the form's errors.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
	const target = document.getElementById(id)
	if (!target) return
	event.preventDefault()
	const label = target.closest('.field')?.querySelector('label, legend')
	;(label ?? target).scrollIntoView({ block: 'start' })
	target.focus({ preventScroll: true })
}

export function ErrorSummary({ state, labels, scope = '' }: { state: FormState | undefined; labels?: Record<string, string>; scope?: string }) {
	const t = useT()
	const ref = useRef<HTMLDivElement>(null)
	// With JavaScript the page does not reload after a failed submission: bring the summary into
	// view and focus, as a reload would have shown it first.
	useEffect(() => {
		ref.current?.focus()
	}, [state])
	if (!state?.formError && !state?.fieldErrors) return null
	const fields = Object.entries(state.fieldErrors ?? {})
	return (
		<div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
			<h2 className="error-summary__title">{t('form.errorSummary')}</h2>
			{state.formError && fields.length === 0 ? <p>{t(state.formError.key, state.formError.params)}</p> : null}
			{fields.length > 0 ? (
				<ul>
					{fields.map(([field, key]) => (
						<li key={field}>
							{field !== '_form' ? (
								<a href={`#${fieldId(field, scope)}`} onClick={(event) => focusField(event, fieldId(field, scope))}>
									{labels?.[field] ? `${labels[field]}: ` : ''}
									{t(key)}
								</a>
							) : (
								t(key)
							)}
						</li>
					))}
				</ul>
			) : null}
		</div>
	)
}

type FieldProps = {
	name: string
	label: string
	hint?: string
	error?: string
	optional?: boolean
}

/** What every control inside a field carries: its id and name, and the links to its hint and error. */
type ControlProps = { id: string; name: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }

function describedBy(...ids: Array<string | undefined>): string | undefined {
	return ids.filter(Boolean).join(' ') || undefined
}

function FieldShell({ name, label, hint, error, optional, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
	const t = useT()
	const base = useId()
	const id = useFieldId(name)
	const hintId = hint ? `${base}-hint` : undefined
	const errorId = error ? `${base}-error` : undefined
	return (
		<div className={`field${error ? ' field--error' : ''}`}>
			<label className="field__label" htmlFor={id}>
				{label}
				{optional ? <span className="field__optional"> {t('form.optional')}</span> : null}
			</label>
			{hint ? (
				<p className="field__hint" id={hintId}>
					{hint}
				</p>
			) : null}
			{error ? (
				<p className="field__error" id={errorId}>
					{t(error)}
				</p>
			) : null}
			{children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(hintId, errorId) })}
		</div>
	)
}

export function TextField({
	type = 'text',
	defaultValue,
	autoComplete,
	maxLength,
	inputMode,
	required,
	...field
}: FieldProps & {
	type?: 'text' | 'password' | 'email' | 'tel' | 'search' | 'date' | 'number'
	defaultValue?: string
	autoComplete?: string
	maxLength?: number
	inputMode?: 'text' | 'numeric' | 'tel' | 'email'
	required?: boolean
}) {
	return (
		<FieldShell {...field}>
			{(control) => (
				<input
					className="input"
					{...control}
					type={type}
					defaultValue={defaultValue}
					autoComplete={autoComplete}
					maxLength={maxLength}
					inputMode={inputMode}
					required={required}
				/>
			)}
		</FieldShell>
	)
}

export function SelectField({
	options,
	defaultValue,
	...field
}: FieldProps & { options: ReadonlyArray<{ value: string; label: string }>; defaultValue?: string }) {
	return (
		<FieldShell {...field}>
			{(control) => (
				<select
					className="select"
					{...control}
					defaultValue={defaultValue}
				>
					{options.map((o) => (
						<option key={o.value} value={o.value}>
							{o.label}
						</option>
					))}
				</select>
			)}
		</FieldShell>
	)
}

export function CheckboxField({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
	const id = useFieldId(name)
	return (
		<div className="checkbox">
			<input className="checkbox__input" type="checkbox" id={id} name={name} value="on" defaultChecked={defaultChecked} />
			<label className="checkbox__label" htmlFor={id}>
				{label}
			</label>
		</div>
	)
}

export function Button({
	children,
	variant = 'primary',
	name,
	value,
	type = 'submit',
}: {
	children: ReactNode
	variant?: 'primary' | 'secondary' | 'warning'
	name?: string
	value?: string
	type?: 'submit' | 'button'
}) {
	return (
		<button className={`button button--${variant}`} type={type} name={name} value={value}>
			{children}
		</button>
	)
}

/** Multi-line text. */
export function TextArea({ defaultValue, maxLength, rows = 6, ...field }: FieldProps & { defaultValue?: string; maxLength?: number; rows?: number }) {
	return (
		<FieldShell {...field}>
			{(control) => (
				<textarea
					className="input textarea"
					{...control}
					rows={rows}
					defaultValue={defaultValue}
					maxLength={maxLength}
				/>
			)}
		</FieldShell>
	)
}

/** File input; the form must be sent as multipart/form-data. */
export function FileField({ accept, multiple, ...field }: FieldProps & { accept?: string; multiple?: boolean }) {
	return (
		<FieldShell {...field}>
			{(control) => (
				<input
					className="file-input"
					{...control}
					type="file"
					accept={accept}
					multiple={multiple}
				/>
			)}
		</FieldShell>
	)
}

/** One question answered by choosing one option, as a fieldset of radios (GOV.UK radios). */
export function RadioGroup(props: ChoiceGroupProps & { defaultValue?: string; asPageHeading?: boolean }) {
	const { defaultValue, ...rest } = props
	return <ChoiceGroup {...rest} type="radio" checked={(v) => defaultValue === v} />
}

/** A question answered by choosing any number of options, as a fieldset of checkboxes. */
export function CheckboxGroup(props: ChoiceGroupProps & { defaultValues?: readonly string[] }) {
	const { defaultValues = [], ...rest } = props
	return <ChoiceGroup {...rest} type="checkbox" checked={(v) => defaultValues.includes(v)} />
}

type ChoiceGroupProps = {
	name: string
	legend: string
	hint?: string
	error?: string
	options: ReadonlyArray<{ value: string; label: string; hint?: string }>
}

function ChoiceGroup({
	name,
	legend,
	hint,
	error,
	options,
	asPageHeading,
	type,
	checked,
}: ChoiceGroupProps & { asPageHeading?: boolean; type: 'radio' | 'checkbox'; checked: (value: string) => boolean }) {
	const t = useT()
	const base = useId()
	const id = useFieldId(name)
	const hintId = hint ? `${base}-hint` : undefined
	const errorId = error ? `${base}-error` : undefined
	const kind = type === 'radio' ? 'radio' : 'checkbox'
	return (
		<div className={`field${error ? ' field--error' : ''}`}>
			<fieldset className="fieldset" aria-describedby={describedBy(hintId, errorId)}>
				<legend className={asPageHeading ? 'fieldset__legend fieldset__legend--page' : 'fieldset__legend'}>
					{asPageHeading ? <h1 className="page-title">{legend}</h1> : legend}
				</legend>
				{hint ? (
					<p className="field__hint" id={hintId}>
						{hint}
					</p>
				) : null}
				{error ? (
					<p className="field__error" id={errorId}>
						{t(error)}
					</p>
				) : null}
				<div className={type === 'radio' ? 'radios' : 'checkboxes'}>
					{options.map((o, i) => (
						<div className={kind} key={o.value}>
							<input
								className={`${kind}__input`}
								type={type}
								id={i === 0 ? id : `${id}-${o.value}`}
								name={name}
								value={o.value}
								defaultChecked={checked(o.value)}
								aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
							/>
							<label className={`${kind}__label`} htmlFor={i === 0 ? id : `${id}-${o.value}`}>
								{o.label}
							</label>
							{o.hint ? (
								<p className={`${kind}__hint`} id={`${id}-${o.value}-hint`}>
									{o.hint}
								</p>
							) : null}
						</div>
					))}
				</div>
			</fieldset>
		</div>
	)
}
