import { findStream, handleCommand, type Reaction, type Reactor } from '@lib/es';
import { type EventStore, WrongExpectedVersionError } from '@lib/event-store';
import { RecordGrant } from '../proposal/decide-grant/decide-grant.command.js';
import { proposalDecider } from '../proposal/proposal.decider.js';
import { ProposalChangedSinceGrantError, ProposalNotFoundError } from '../proposal/proposal.errors.js';
import { proposalStream } from '../proposal/proposal.events.js';
import type { ProposalState } from '../proposal/proposal.state.js';
import { ReleaseFunds } from '../round/release-funds/release-funds.command.js';
import { roundDecider } from '../round/round.decider.js';
import { type FundsCommitted, roundStream } from '../round/round.events.js';

/** Gives the commitment back unless the plan recorded its grant (the compensation of a grant the plan refused). */
export class ReleaseUnrecordedGrant {
  readonly type = 'ReleaseUnrecordedGrant' as const;
  constructor(readonly data: { roundId: string; proposalId: string; amountCents: number; commitment: string; at: string }) {}
}

export type GrantRecorderCommand = RecordGrant | ReleaseUnrecordedGrant;

/**
 * The round decides the commitment, the plan records the beschikking: a `FundsCommitted` carrying a
 * grant is recorded on the plan as `ProposalGranted`, at the plan's revision the grant was decided on.
 * Then, whatever happened, the commitment is released unless the plan holds that grant (it was
 * withdrawn or changed meanwhile): a compensation, never a silent gap.
 */
export const grantRecorderReactor: Reactor<GrantRecorderCommand> = {
  name: 'grant-recorder',
  canHandle: ['FundsCommitted'],
  handle(event) {
    const { roundId, proposalId, amountCents, at, grant } = event.data as FundsCommitted['data'];
    if (grant === undefined) return [];
    const { decisionReference, decisionDate, appeal, reason, objection, grantedTotalCents } = grant;
    const revision = objection === undefined ? {} : { objection };
    return [
      new RecordGrant({ proposalId, commitment: event.id, amountCents: grantedTotalCents ?? amountCents, decisionReference, decisionDate, appeal, reason, at, ...revision }),
      new ReleaseUnrecordedGrant({ roundId, proposalId, amountCents, commitment: event.id, at }),
    ];
  },
};

const recorded = (state: ProposalState | undefined, commitment: string): boolean => state?.exists === true && state.grant?.commitment === commitment;

/** Why the plan does not hold the grant, for the release's reason. */
function whyNotRecorded(plan: { state: ProposalState; revision: bigint } | null, decidedOn: number): string {
  if (plan === null || !plan.state.exists) return 'the plan does not exist';
  if (plan.state.status !== 'submitted' && plan.state.status !== 'selected') return `the plan is ${plan.state.status.replaceAll('_', ' ')} now`;
  return `the plan changed after the decision (revision ${plan.revision}, decided on ${decidedOn})`;
}

/**
 * The reactor with its commands: RecordGrant on the plan (at the revision decided on, or refused),
 * then ReleaseUnrecordedGrant on the round (with the commitment as its cause, so once).
 */
export function grantRecorderReaction(store: EventStore): Reaction<GrantRecorderCommand> {
  return {
    reactor: grantRecorderReactor,
    async execute(command, { event, context, newId }) {
      const { grant } = event.data as FundsCommitted['data'];
      const decidedOn = BigInt(grant!.proposalRevision);
      const stream = proposalStream(command.data.proposalId);
      for (let attempt = 0; ; attempt++) {
        const plan = await findStream(store, stream, proposalDecider, context.tenant);
        if (recorded(plan?.state, command.data.commitment)) return;
        if (command.type === 'ReleaseUnrecordedGrant') {
          const { roundId, proposalId, amountCents, commitment, at } = command.data;
          const reason = `The grant was not recorded: ${whyNotRecorded(plan, grant!.proposalRevision)}; its commitment is released`;
          await handleCommand(store, roundStream(roundId), roundDecider, new ReleaseFunds({ roundId, proposalId, amountCents, reason, at, cause: commitment }), { ...context, reason }, { streamMustExist: true, newId });
          return;
        }
        if (plan === null) throw new ProposalNotFoundError(`Plan ${command.data.proposalId} does not exist`, { proposalId: command.data.proposalId });
        if (plan.revision !== decidedOn) {
          throw new ProposalChangedSinceGrantError(`Plan ${command.data.proposalId} changed after its grant was decided`, { decidedOn: grant!.proposalRevision, revision: Number(plan.revision) });
        }
        try {
          await handleCommand(store, stream, proposalDecider, command, { ...context, reason: command.data.reason }, { expectedRevision: decidedOn, streamMustExist: true, newId });
          return;
        } catch (error) {
          // Appended to meanwhile (or by another runner of this reactor): look again.
          if (error instanceof WrongExpectedVersionError && attempt < 3) continue;
          throw error;
        }
      }
    },
  };
}
