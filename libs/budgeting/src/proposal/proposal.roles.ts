import { type Principal, type ProblemCodes, RESIDENT_ROLES, type Role } from '@lib/platform';
import { ProposalWrongRoundError } from './proposal.errors.js';

/** Who may do what with plans. Auditors only read. */
export const PLAN_MANAGERS = ['administrator'] as const satisfies readonly Role[];
export const PLAN_REVIEWERS = ['reviewer'] as const satisfies readonly Role[];
export const PLAN_READERS = ['administrator', 'reviewer', 'official', 'auditor'] as const satisfies readonly Role[];

/** The problem codes of a plan command that addresses an existing plan: PROPOSAL.NOT_FOUND besides its own. */
export function planProblems(codes: ProblemCodes): ProblemCodes {
  return { ...codes, 404: ['PROPOSAL.NOT_FOUND', ...(codes[404] ?? [])] };
}

/** Residents acting for themselves: signed in as a resident, or with a voting code (then in its own round only). */
export const PLAN_RESIDENTS = [...RESIDENT_ROLES] as const satisfies readonly Role[];

/** A voter token is for one round: a resident's route in another round is refused (403 PROPOSAL.WRONG_ROUND). */
export function assertActsInRound(principal: Principal, roundId: string): void {
  if (principal.round !== undefined && principal.round !== roundId) throw new ProposalWrongRoundError('This voter token is for another round', { roundId });
  if (principal.round === undefined && !principal.roles.includes('resident')) throw new ProposalWrongRoundError('A voter token names its round', { roundId });
}
