import type { Capability } from '../permissions.ts'

/**
 * Every staff route declares the capability it needs in its handle. The route walk test reads
 * these declarations and checks each route answers every role accordingly.
 */
export type StaffHandle = {
	hydrate: true
	/** Needed to see the page. */
	capability: Capability
	/** Needed to send its forms, when more than seeing it. */
	actionCapability?: Capability
	/** The page shows one record, which a person with the capability may still not be allowed to see (404). */
	recordScoped?: true
}

export function staffHandle(capability: Capability, actionCapability?: Capability, options: { recordScoped?: true } = {}): StaffHandle {
	return { hydrate: true, capability, ...(actionCapability ? { actionCapability } : {}), ...options }
}
