// Constants of the organisation shared by forms (client) and inputs (server), without zod.

/** What an agency is in the commune's organisation; the same list as the agency_kind enum. */
export const AGENCY_KINDS = [
	'people_council_office',
	'economy',
	'culture_social',
	'one_stop_centre',
	'public_service_centre',
	'fatherland_front',
	'mass_organisation',
	'party_building',
	'other',
] as const
export type AgencyKind = (typeof AGENCY_KINDS)[number]
