import { useT } from '#app/ui/i18n.tsx'
import { Tag } from '#app/ui/parts.tsx'
import type { FeedbackStatus } from '../feedback.constants.ts'

const KIND: Partial<Record<FeedbackStatus, 'success' | 'warning' | 'danger'>> = {
	published: 'success',
	answered_private: 'success',
	forwarded: 'success',
	rejected: 'danger',
	drafted: 'warning',
	approved: 'warning',
}

/** An item's status as a coloured tag, in words. */
export function StatusTag({ status }: { status: FeedbackStatus }) {
	const t = useT()
	return <Tag kind={KIND[status] ?? 'neutral'}>{t(`feedback.status.${status}`)}</Tag>
}

/** "On time" or "late" for an answered item, or the days left for an open one. */
export function DeadlineTag({ dueOn, answeredOn, today }: { dueOn: string; answeredOn: string | null; today: string }) {
	const t = useT()
	if (answeredOn) return answeredOn <= dueOn ? <Tag kind="success">{t('feedback.onTime')}</Tag> : <Tag kind="danger">{t('feedback.late')}</Tag>
	return dueOn < today ? <Tag kind="danger">{t('feedback.overdue')}</Tag> : <Tag>{t('feedback.dueOn', { date: dueOn.split('-').reverse().join('/') })}</Tag>
}
