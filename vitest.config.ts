import { defineConfig } from 'vitest/config'

// Three projects:
// - unit: pure functions, no database;
// - db:   use cases against a real database: PGlite restored from a migrated template, or
//         PostgreSQL when DATABASE_URL is set (each test file gets its own database);
// - http: the built app served in-process, walked over HTTP (needs `npm run build` first).
export default defineConfig({
	// Resolve packages as Node itself does ("module-sync" first), so that the server and the
	// built app share one copy of react-router instead of mixing its CommonJS and ESM builds.
	ssr: { resolve: { conditions: ['module-sync', 'node', 'import', 'default'], externalConditions: ['module-sync', 'node'] } },
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['app/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['**/*.db.test.ts', 'node_modules/**'],
				},
			},
			{
				test: {
					name: 'db',
					include: ['app/**/*.db.test.ts', 'tests/db/**/*.db.test.ts', 'scripts/**/*.db.test.ts'],
					globalSetup: ['tests/setup/db-global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
				},
			},
			{
				test: {
					name: 'http',
					include: ['tests/http/**/*.test.ts'],
					globalSetup: ['tests/setup/db-global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
				},
			},
		],
	},
})
