import type { AuditDomain } from '@lib/audit';

/**
 * The domain logic the audit runs, from @lib/budgeting and @lib/voting: each stream's decider fold
 * and voting's own count. Loaded on first use, so the verbs that only read chains and seals start
 * without the domain libraries.
 */
export async function loadAuditDomain(): Promise<AuditDomain> {
  // One after the other: Jest's ESM loader fails on two concurrent imports that share modules.
  const budgeting = await import('@lib/budgeting');
  const voting = await import('@lib/voting');
  return {
    folds: {
      [budgeting.ROUND_CATEGORY]: budgeting.roundDecider,
      [budgeting.BUDGET_CATEGORY]: budgeting.budgetDecider,
      [budgeting.PROPOSAL_CATEGORY]: budgeting.proposalDecider,
      [voting.BALLOT_BOX_CATEGORY]: voting.ballotBoxDecider,
      [voting.BALLOT_CATEGORY]: voting.ballotDecider,
      [voting.PARTICIPANT_CATEGORY]: voting.participantDecider,
      [voting.PAPER_BATCH_CATEGORY]: voting.paperBatchDecider,
    },
    ballotBox: voting.ballotBoxDecider,
    async electionOfRound(store, roundId, tenant, frame) {
      const ballots = await voting.standingBallots(store, roundId, tenant);
      return { election: voting.electionOf(frame, ballots), ballots: ballots.length };
    },
    voterRollOfRound: (store, roundId, tenant) => voting.voterRollOf(store, roundId, tenant),
  };
}
