import { index, layout, route, type RouteConfig } from '@react-router/dev/routes'

// Every URL of the application, grouped by face and module. Public pages have Vietnamese slugs;
// the staff back office lives under /quan-tri.
const platform = (file: string) => `modules/platform/routes/${file}`
const feedback = (file: string) => `modules/feedback/routes/${file}`
const disclosure = (file: string) => `modules/disclosure/routes/${file}`

export default [
	route('healthz', 'routes/healthz.ts'),
	route('ngon-ngu', 'routes/language.ts'),

	// Open data and other apps (no cookies, no layout).
	route('phan-anh-kien-nghi/nguon-tin.atom', feedback('public-feed.ts')),
	route('phan-anh-kien-nghi/du-lieu.csv', feedback('public-data.ts'), { id: 'feedback-data-csv' }),
	route('phan-anh-kien-nghi/du-lieu.json', feedback('public-data.ts'), { id: 'feedback-data-json' }),
	route('open311/v2/*', feedback('open311.ts')),
	route('cong-khai/nguon-tin.atom', disclosure('public-feed.ts')),
	route('cong-khai/du-lieu.json', disclosure('public-data.ts')),
	route('cong-khai/:code/to-niem-yet.pdf', disclosure('notice-sheet.ts')),
	route('cong-khai/:code/tep/:fileId', disclosure('public-file.ts')),

	// Public portal: no JavaScript, works with scripts off.
	layout('routes/public-layout.tsx', [
		index('routes/home.tsx'),
		route('thanh-pho', platform('city.tsx')),
		route('dang-nhap', platform('sign-in.tsx')),
		route('phan-anh-kien-nghi', feedback('public-list.tsx')),
		route('phan-anh-kien-nghi/y-kien/:code', feedback('public-item.tsx')),
		route('phan-anh-kien-nghi/gui/:step?', feedback('submit.tsx')),
		route('phan-anh-kien-nghi/da-gui', feedback('submitted.tsx')),
		route('phan-anh-kien-nghi/tra-cuu', feedback('lookup.tsx')),
		route('phan-anh-kien-nghi/khieu-nai-to-cao', feedback('complaints.tsx')),
		route('cong-khai', disclosure('public-list.tsx')),
		route('cong-khai/danh-muc', disclosure('public-catalogue.tsx')),
		route('cong-khai/:code', disclosure('public-record.tsx')),
		route('lien-he', disclosure('public-facts.tsx')),
	]),

	// Staff back office.
	route('quan-tri', 'routes/staff-layout.tsx', [
		index(platform('staff/dashboard.tsx')),
		route('dang-xuat', platform('staff/sign-out.ts')),
		route('tai-khoan', platform('staff/account.tsx')),
		route('thong-tin-xa', platform('staff/commune-settings.tsx')),
		route('don-vi', platform('staff/org.tsx')),
		route('don-vi/co-quan/:agencyId', platform('staff/agency-edit.tsx')),
		route('don-vi/thon/:villageId', platform('staff/village-edit.tsx')),
		route('nguoi-dung', platform('staff/users.tsx')),
		route('nguoi-dung/:userId', platform('staff/user-detail.tsx')),
		route('lich-lam-viec', platform('staff/calendar.tsx')),
		route('nhat-ky', platform('staff/audit.tsx')),
		route('cac-xa', platform('staff/communes.tsx')),
		route('y-kien', feedback('staff/queue.tsx')),
		route('y-kien/tiep-nhan', feedback('staff/intake.tsx')),
		route('y-kien/:itemId', feedback('staff/item.tsx')),
		route('y-kien/:itemId/in', feedback('staff/item-print.tsx')),
		route('y-kien/:itemId/tep/:fileId', feedback('staff/item-file.ts')),
		route('thu-thap-y-kien', feedback('staff/collection.tsx')),
		route('thu-thap-y-kien/tuan', feedback('staff/compliance.tsx')),
		route('hom-thu', feedback('staff/mailbox.tsx')),
		route('y-kien-cai-dat', feedback('staff/settings.tsx')),
		route('cong-khai', disclosure('staff/records.tsx')),
		route('cong-khai/moi', disclosure('staff/record-new.tsx')),
		route('cong-khai/tuan-thu', disclosure('staff/compliance.tsx')),
		route('cong-khai/danh-sach-quy', disclosure('staff/quarterly.tsx')),
		route('cong-khai/danh-sach-quy.docx', disclosure('staff/quarterly-docx.ts')),
		route('cong-khai/danh-muc', disclosure('staff/catalogue.tsx')),
		route('cong-khai/danh-muc/:obligationId', disclosure('staff/obligation.tsx')),
		route('cong-khai/:recordId', disclosure('staff/record.tsx')),
		route('cong-khai/:recordId/tep/:fileId', disclosure('staff/record-file.ts')),
		route('thong-tin-cong-khai', disclosure('staff/facts.tsx')),
	]),

	route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
