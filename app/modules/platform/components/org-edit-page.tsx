import type { ReactNode } from 'react'
import type { FormState } from '#app/core/http/responses.ts'
import { Button, ErrorSummary, PostForm } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle } from '#app/ui/parts.tsx'

/** The page that edits one agency or one village: title, errors, the fields, save. */
export function OrgEditPage({ title, caption, state, children }: { title: string; caption: string; state: FormState | undefined; children: ReactNode }) {
	const t = useT()
	return (
		<div className="narrow">
			<title>{`${title} — ${t('app.name')}`}</title>
			<PageTitle caption={caption}>{title}</PageTitle>
			<ErrorSummary state={state} />
			<PostForm noValidate>
				{children}
				<Button>{t('form.save')}</Button>
			</PostForm>
		</div>
	)
}
