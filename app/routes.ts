import { index, layout, route, type RouteConfig } from '@react-router/dev/routes'

// Every URL of the application, grouped by face and module. Public pages have Vietnamese slugs;
// the staff back office lives under /quan-tri.
const platform = (file: string) => `modules/platform/routes/${file}`

export default [
	route('healthz', 'routes/healthz.ts'),
	route('ngon-ngu', 'routes/language.ts'),

	// Public portal: no JavaScript, works with scripts off.
	layout('routes/public-layout.tsx', [
		index('routes/home.tsx'),
		route('thanh-pho', platform('city.tsx')),
		route('dang-nhap', platform('sign-in.tsx')),
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
	]),

	route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
