import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [reactRouter()],
	build: { target: 'es2022' },
	ssr: {
		// Server-only packages stay as runtime imports instead of being bundled.
		external: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'pino', 'date-holidays'],
	},
})
