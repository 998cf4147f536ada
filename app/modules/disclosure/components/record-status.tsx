import { useT } from '#app/ui/i18n.tsx'
import { Tag } from '#app/ui/parts.tsx'
import type { RecordStatus } from '../disclosure.constants.ts'

// A record's state as a coloured tag: published green, withdrawn red, draft and ended neutral.

const KIND: Record<RecordStatus, 'neutral' | 'success' | 'danger' | 'warning'> = {
	draft: 'warning',
	published: 'success',
	ended: 'neutral',
	withdrawn: 'danger',
}

export function RecordStatusTag({ status }: { status: RecordStatus }) {
	const t = useT()
	return <Tag kind={KIND[status]}>{t(`disclosure.status.${status}`)}</Tag>
}
