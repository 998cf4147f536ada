import { AppError } from '#app/core/errors.ts'

// Who may do what. Routes and use cases ask for a capability, never for a role name:
// the mapping from roles to capabilities lives here and nowhere else.

export const ROLES = [
	'system_admin',
	'city_viewer',
	'commune_admin',
	'commune_leader',
	'programme_lead',
	'agency_officer',
	'one_stop_officer',
	'collector',
	'reviewer',
] as const
export type Role = (typeof ROLES)[number]

/** Roles that span the whole deployment instead of one commune. */
export const DEPLOYMENT_ROLES: readonly Role[] = ['system_admin', 'city_viewer']

export const CAPABILITIES = [
	'backoffice.access', // sign in to the back office of a commune
	'city.view', // see every commune of the deployment side by side
	'communes.manage', // create communes and edit their identity
	'commune.settings', // edit one commune's public facts (hotline, address …)
	'org.manage', // agencies and villages of a commune
	'users.manage', // staff accounts of a commune: create, reset password, unlock, disable
	'audit.read', // browse the audit log
	'calendar.manage', // a commune's extra days off and make-up working days
	'feedback.intake', // record feedback that came by mailbox, hotline, in person, e-mail, collection
	'feedback.collect', // record weekly collection sessions (MTTQ, đoàn thể, trưởng thôn)
	'feedback.handle', // work on the items of one's agency or assigned to oneself: notes, draft answers
	'feedback.viewAll', // see every item of the commune and the collection compliance
	'feedback.triage', // assign, set deadlines, extend, forward, merge, reject
	'feedback.approve', // approve answers (lãnh đạo UBND xã)
	'feedback.publish', // mask personal data and publish an approved answer, or answer privately
	'feedback.settings', // fields, deadline policies, Open311 API keys
	'disclosure.view', // see publication records, the catalogue and compliance (supervision)
	'disclosure.record', // prepare publication records, record where and when they were posted, with proof
	'disclosure.publish', // publish, end, withdraw records; the quarterly list
	'disclosure.catalogue', // edit the catalogue of obligations
	'disclosure.facts', // the commune's fixed public facts: boxes, commitment, phones, reception
] as const
export type Capability = (typeof CAPABILITIES)[number]

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
	system_admin: CAPABILITIES,
	city_viewer: ['backoffice.access', 'city.view'],
	commune_admin: [
		'backoffice.access',
		'commune.settings',
		'org.manage',
		'users.manage',
		'audit.read',
		'calendar.manage',
		'feedback.settings',
		'disclosure.view',
		'disclosure.catalogue',
		'disclosure.facts',
	],
	commune_leader: [
		'backoffice.access',
		'audit.read',
		'feedback.intake',
		'feedback.handle',
		'feedback.viewAll',
		'feedback.triage',
		'feedback.approve',
		'feedback.publish',
		'disclosure.view',
		'disclosure.record',
		'disclosure.publish',
		'disclosure.facts',
	],
	programme_lead: [
		'backoffice.access',
		'calendar.manage',
		'feedback.intake',
		'feedback.collect',
		'feedback.handle',
		'feedback.viewAll',
		'feedback.triage',
		'feedback.publish',
		'feedback.settings',
		'disclosure.view',
		'disclosure.record',
		'disclosure.publish',
		'disclosure.catalogue',
		'disclosure.facts',
	],
	agency_officer: ['backoffice.access', 'feedback.intake', 'feedback.handle', 'disclosure.view', 'disclosure.record'],
	one_stop_officer: ['backoffice.access', 'feedback.intake', 'feedback.handle', 'disclosure.view', 'disclosure.record'],
	collector: ['backoffice.access', 'feedback.intake', 'feedback.collect'],
	reviewer: ['backoffice.access', 'disclosure.view'],
}

/** Someone acting on the system: a signed-in staff member, or the system itself (CLI, seed). */
export type Actor =
	| {
			kind: 'staff'
			userId: string
			role: Role
			/** Null for deployment-wide roles. */
			communeId: string | null
			agencyId: string | null
			villageId: string | null
			name: string
			ip: string
	  }
	| { kind: 'system'; label: string; ip: string }

export function systemActor(label: string): Actor {
	return { kind: 'system', label, ip: '' }
}

export function roleCapabilities(role: Role): readonly Capability[] {
	return ROLE_CAPABILITIES[role]
}

/**
 * May the actor use this capability, in this commune when one is given? Commune-bound roles act
 * only in their own commune; deployment-wide roles act in any. The system actor may do anything.
 */
export function can(actor: Actor, capability: Capability, communeId?: string | null): boolean {
	if (actor.kind === 'system') return true
	if (!ROLE_CAPABILITIES[actor.role].includes(capability)) return false
	if (communeId === undefined || communeId === null) return true
	return actor.communeId === null || actor.communeId === communeId
}

export function assertCan(actor: Actor, capability: Capability, communeId?: string | null): void {
	if (!can(actor, capability, communeId)) throw new AppError('forbidden', 'error.forbidden')
}

/** May the actor see and change what belongs to the deployment rather than to one commune? */
export function isDeploymentAdmin(actor: Actor): boolean {
	return actor.kind === 'system' || actor.role === 'system_admin'
}

/** Roles an actor may give to accounts it creates. */
export function assignableRoles(actor: Actor): readonly Role[] {
	if (isDeploymentAdmin(actor)) return ROLES
	if (can(actor, 'users.manage')) return ROLES.filter((r) => !DEPLOYMENT_ROLES.includes(r))
	return []
}
