import type { Response } from 'express';
import { type CommandAcceptedDto, CommandEndpoint, type CommandShell, plain, type ProblemCodes, REACTIONS_HEADER, REACTIONS_HEADER_DOC, reactionsHeader, WRITE_ROLES } from '@lib/platform';
import type { RoundCommandOutcome } from './round-command.runner.js';
import type { RoundDecision, Winner } from './round.events.js';

/** A command on an existing round: POST, administrators only, `If-Match` honoured, answered 201 with the new `ETag` (and `Reactions` where reactors follow it); ROUND.NOT_FOUND besides its own `problems`. */
export function RoundCommandEndpoint(path: string, summary: string, problems: ProblemCodes) {
  return CommandEndpoint({ method: 'POST', path, roles: WRITE_ROLES, summary, problems: { ...problems, 404: ['ROUND.NOT_FOUND', ...(problems[404] ?? [])] }, headers: { [REACTIONS_HEADER]: REACTIONS_HEADER_DOC } });
}

/** `ETag`, `Location: /rounds/{id}`, the `Reactions` header when reactors were waited for, and the accepted body. */
export function roundAccepted(shell: CommandShell, response: Response, roundId: string, outcome: RoundCommandOutcome): CommandAcceptedDto {
  if (outcome.reactions) response.setHeader(REACTIONS_HEADER, reactionsHeader(outcome.reactions));
  return shell.accepted(response, roundId, outcome, `/rounds/${roundId}`);
}

export const winnersOf = (winners: { proposalId: string; amountCents: number; areaCode?: string }[]): Winner[] =>
  winners.map((w) => ({ proposalId: w.proposalId, amountCents: w.amountCents, areaCode: w.areaCode ?? null }));

export const decisionOf = (decision: object | undefined): RoundDecision | null => (decision === undefined ? null : plain<RoundDecision>(decision));
