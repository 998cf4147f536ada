import type { Capability } from '../permissions.ts'

/**
 * Every staff route declares the capability it needs in its handle. The route walk test reads
 * these declarations and checks each route answers every role accordingly.
 */
export type StaffHandle = { hydrate: true; capability: Capability }

export function staffHandle(capability: Capability): StaffHandle {
	return { hydrate: true, capability }
}
