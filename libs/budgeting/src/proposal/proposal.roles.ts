import type { Role } from '@lib/platform';

/** Who may do what with plans. Auditors only read. */
export const PLAN_MANAGERS = ['administrator'] as const satisfies readonly Role[];
export const PLAN_REVIEWERS = ['reviewer'] as const satisfies readonly Role[];
export const PLAN_READERS = ['administrator', 'reviewer', 'official', 'auditor'] as const satisfies readonly Role[];

/** The problem responses of a plan command that addresses an existing plan. */
export const PLAN_COMMAND_PROBLEMS = [400, 401, 403, 404, 409, 412];
