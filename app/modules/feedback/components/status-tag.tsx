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

/** "On time" or "late" for an answered item; "overdue" or the due date for an open one (nothing when the date is shown beside it). */
export function DeadlineTag({ dueOn, answeredOn, today, dateShown }: { dueOn: string; answeredOn: string | null; today: string; dateShown?: boolean }) {
	const t = useT()
	if (answeredOn) return answeredOn <= dueOn ? <Tag kind="success">{t('feedback.onTime')}</Tag> : <Tag kind="danger">{t('feedback.late')}</Tag>
	if (dueOn < today) return <Tag kind="danger">{t('feedback.overdue')}</Tag>
	return dateShown ? null : <Tag>{t('feedback.dueOn', { date: dueOn.split('-').reverse().join('/') })}</Tag>
}
