import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { openDatabase } from '#app/core/db/client.server.ts'
import { migrateDatabase } from '#app/core/db/migrate.server.ts'
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, postgresUrl, withDatabaseName } from './test-db.ts'

/** Migrates one template database before the suite; each test file then starts from a copy. */
export default async function setup() {
	const url = postgresUrl()
	if (url) {
		const admin = new pg.Client({ connectionString: url })
		await admin.connect()
		await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`)
		await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`)
		await admin.end()
		const database = await openDatabase(withDatabaseName(url, PG_TEMPLATE_DB))
		await migrateDatabase(database)
		await database.close()
		return
	}
	const database = await openDatabase('pglite://memory')
	await migrateDatabase(database)
	const dump = await database.pglite!.dumpDataDir('none')
	fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true })
	fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()))
	await database.close()
}
