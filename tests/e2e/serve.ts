import { rmSync } from 'node:fs'
import path from 'node:path'

// Starts the built app for the browser tests on an empty data folder, so every run begins with
// the freshly seeded demo commune. Run by playwright.config.ts as `node --import tsx tests/e2e/serve.ts`.

const dataDir = path.resolve(process.env.DATA_DIR ?? '.cache/e2e-data')
if (!dataDir.includes(`${path.sep}.cache${path.sep}`)) {
	console.error(`Refusing to empty ${dataDir}: the test data folder must be under .cache/`)
	process.exit(2)
}
rmSync(dataDir, { recursive: true, force: true })
process.env.DATA_DIR = dataDir

await import('../../server/main.ts')
