import { httpError } from '#app/core/http/responses.ts'

// Any URL no route claims: the root error boundary renders the 404 page in the user's language.
export function loader() {
	throw httpError(404, 'error.notFound')
}

export function action() {
	throw httpError(404, 'error.notFound')
}

export default function NotFound() {
	return null
}
