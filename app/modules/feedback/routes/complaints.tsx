import { Button, PostForm } from '#app/ui/form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { PageTitle } from '#app/ui/parts.tsx'
import { requirePortalCommune } from '#app/modules/platform/http/request-state.server.ts'
import type { Route } from './+types/complaints.ts'

// Khiếu nại and tố cáo follow their own laws: this page says how, what the sender must give, and
// how the commune protects a denouncer, before the form.

export function loader({ context }: Route.LoaderArgs) {
	const commune = requirePortalCommune(context)
	return { commune: { name: commune.name, address: commune.address } }
}

export default function Complaints({ loaderData }: Route.ComponentProps) {
	const t = useT()
	return (
		<div className="narrow">
			<title>{`${t('feedback.legal.title')} — ${t('app.name')}`}</title>
			<PageTitle>{t('feedback.legal.title')}</PageTitle>
			<p className="lead">{t('feedback.legal.intro')}</p>
			<h2>{t('feedback.kind.khieu_nai')}</h2>
			<p>{t('feedback.legal.complaint')}</p>
			<PostForm action="/phan-anh-kien-nghi/gui">
				<input type="hidden" name="kind" value="khieu_nai" />
				<Button>{t('feedback.legal.startComplaint')}</Button>
			</PostForm>
			<h2>{t('feedback.kind.to_cao')}</h2>
			<p>{t('feedback.legal.denunciation')}</p>
			<p>{t('feedback.legal.protection')}</p>
			<PostForm action="/phan-anh-kien-nghi/gui">
				<input type="hidden" name="kind" value="to_cao" />
				<Button>{t('feedback.legal.startDenunciation')}</Button>
			</PostForm>
			<h2>{t('feedback.legal.inPerson')}</h2>
			<p>{t('feedback.legal.inPersonText', { commune: loaderData.commune.name })}</p>
			{loaderData.commune.address ? <p>{loaderData.commune.address}</p> : null}
		</div>
	)
}
