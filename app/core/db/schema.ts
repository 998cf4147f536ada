// The one schema of the application: every module's tables, re-exported for drizzle.
// drizzle-kit reads this file to generate migrations into db/migrations.
export * from '../../modules/platform/platform.schema.ts'
export * from '../../modules/feedback/feedback.schema.ts'
export * from '../../modules/disclosure/disclosure.schema.ts'
