/**
 * Staff roles a token can carry. `voter` tokens come from a voting code, for one round only;
 * `resident` tokens from the municipality's sign-in for residents, their subject a keyed pseudonym.
 */
export const STAFF_ROLES = ['administrator', 'reviewer', 'official', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'voter' | 'resident';
/** Roles of residents acting for themselves (not staff). */
export const RESIDENT_ROLES = ['resident', 'voter'] as const;

/** Who is calling: a pseudonymous subject, their roles, their municipality (CBS code, e.g. GM0363). */
export interface Principal {
  subject: string;
  roles: Role[];
  tenant: string;
  /** Only on voter tokens: the one round they may vote in. */
  round?: string;
  /** Only on voter tokens: how the voter signed in, with a voting code or at the residents' provider (OIDC). */
  signedInWith?: 'voting-code' | 'oidc';
  /** Only on resident tokens: the area code the residents' provider gave at sign-in, when it gives one. */
  area?: string;
  /** Only on resident tokens: the age band (`18-24`, `75+`) derived at sign-in from the birth date, which is not kept. */
  ageBand?: string;
}

export const CBS_MUNICIPALITY_CODE = /^GM\d{4}$/;
