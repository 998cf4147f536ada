import type { ReactNode } from 'react'

// Small page parts shared by every module.

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children: ReactNode }) {
	return (
		<div className={`notice notice--${kind}`} role={kind === 'success' ? 'status' : undefined}>
			{children}
		</div>
	)
}

export function PageTitle({ children, caption }: { children: ReactNode; caption?: ReactNode }) {
	return (
		<>
			{caption ? <p className="caption">{caption}</p> : null}
			<h1 className="page-title">{children}</h1>
		</>
	)
}

/** A table that scrolls sideways on a phone instead of breaking the page. */
export function Table({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
	return (
		<div className="table-wrap" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : undefined}>
			<table className="table">
				{caption ? <caption className="table__caption">{caption}</caption> : null}
				{children}
			</table>
		</div>
	)
}

export function Tag({ children, kind = 'neutral' }: { children: ReactNode; kind?: 'neutral' | 'warning' | 'success' | 'danger' }) {
	return <strong className={`tag tag--${kind}`}>{children}</strong>
}

/** A GET search box: the query stays in the URL, so results can be shared and printed. */
export function SearchForm({ id, label, button, query, name = 'q' }: { id: string; label: string; button: string; query: string; name?: string }) {
	return (
		<form method="get" className="search-form" role="search">
			<label className="field__label" htmlFor={id}>
				{label}
			</label>
			<div className="search-form__row">
				<input className="input" id={id} name={name} type="search" defaultValue={query} maxLength={200} />
				<button className="button button--secondary" type="submit">
					{button}
				</button>
			</div>
		</form>
	)
}

/** The single row of a table with nothing in it. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
	return (
		<tr>
			<td colSpan={columns}>{children}</td>
		</tr>
	)
}

/** The first link of every page: straight to the main content, for keyboard and screen-reader users. */
export function SkipLink({ children }: { children: ReactNode }) {
	return (
		<a className="skip-link" href="#main">
			{children}
		</a>
	)
}

/** One row of a summary list (<dl className="summary-list">): a label and its value. */
export function SummaryRow({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
	return (
		<div className="summary-list__row">
			<dt>{label}</dt>
			<dd className={className}>{children}</dd>
		</div>
	)
}
