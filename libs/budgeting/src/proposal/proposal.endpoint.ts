import type { Response } from 'express';
import { type CommandAcceptedDto, type CommandShell, REACTIONS_HEADER, reactionsHeader } from '@lib/platform';
import type { ProposalCommandResult } from './proposal.append.js';

/** How the `Reactions` header is documented on a plan command that reactors carry into another stream. */
export const PLAN_REACTIONS_HEADER = {
  [REACTIONS_HEADER]: {
    description:
      'Set when reactors carry the command into another stream (the grant onto the plan, a release onto the round, a merge onto the continuing plan): `complete` when they did before this answer, `pending; reactors="…"` when the wait (REACTOR_WAIT_MS) ran out; they finish on their own, read the plan again later.',
    schema: { type: 'string' as const },
  },
};

/** `ETag`, the `Reactions` header when reactors were waited for, and the accepted body. */
export function planAccepted(shell: CommandShell, response: Response, proposalId: string, outcome: ProposalCommandResult): CommandAcceptedDto {
  if (outcome.reactions) response.setHeader(REACTIONS_HEADER, reactionsHeader(outcome.reactions));
  return shell.accepted(response, proposalId, outcome);
}
