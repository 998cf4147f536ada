import { defineConfig } from 'drizzle-kit'

// drizzle-kit is used only to generate and check migrations; they are applied by
// app/core/db/migrate.server.ts, the same code the app runs at start.
export default defineConfig({
	dialect: 'postgresql',
	schema: './app/core/db/schema.ts',
	out: './db/migrations',
})
