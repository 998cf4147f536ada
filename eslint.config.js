import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{ ignores: ['build/', '.react-router/', 'node_modules/', '.cache/', 'data/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['../*/../*'], message: 'Import across folders with #app/…' }] },
			],
		},
	},
	{
		// The core layer knows no module: modules plug into it, never the other way round.
		files: ['app/core/**/*.{ts,tsx}'],
		ignores: ['app/core/db/schema.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['#app/modules/*', '../../modules/*'], message: 'app/core must not import modules' }] }],
		},
	},
	{
		// The shared UI kit knows no module either.
		files: ['app/ui/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['#app/modules/*'], message: 'app/ui must not import modules' }] }],
		},
	},
)
