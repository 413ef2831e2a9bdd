import { type Ballot, type BallotConstraints, type Election, type Money, type RuleName, rat, tally, type TallyResult, type TieBreakKey } from '@lib/tally';
import type { EventStore, Position } from '@lib/event-store';
import type { BallotContent } from '../ballot/ballot.content.js';
import { ballotDecider } from '../ballot/ballot.decider.js';
import { type BallotEvent, ballotStreamPrefix } from '../ballot/ballot.events.js';
import type { BallotState } from '../ballot/ballot.state.js';
import { domainError } from '@lib/es';
import { loadBallotBox } from '../voting.deps.js';
import type { VotingFrame } from '../voting-frame.js';

export class CountVotingOpenError extends domainError('COUNT.VOTING_OPEN') {}

/** A standing ballot as counted: its pseudonymous stream, area and content. */
export interface CountedBallot {
  ballotRef: string;
  area: string;
  ageBand: string;
  channel: string;
  content: BallotContent;
}

/**
 * Every standing ballot of a round, from the ballot events alone (`$all` filtered by the round's
 * ballot-stream prefix): no key, no roll, no read model. This is what a recount after sealing uses.
 */
export async function standingBallots(store: EventStore, roundId: string, tenant: string): Promise<CountedBallot[]> {
  const prefix = ballotStreamPrefix(roundId);
  const states = new Map<string, BallotState>();
  let after: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000, filter: { streamPrefixes: [prefix] } });
    for (const event of page) {
      if (event.metadata.tenant !== tenant || !event.streamName.startsWith(prefix)) continue;
      const state = states.get(event.streamName) ?? ballotDecider.initialState();
      states.set(event.streamName, ballotDecider.evolve(state, { type: event.type, data: event.data } as BallotEvent));
    }
    if (page.length < 1000) break;
    after = page[page.length - 1]!.position;
  }
  const ballots: CountedBallot[] = [];
  for (const [stream, state] of states) {
    if (state.cast) ballots.push({ ballotRef: stream.slice(prefix.length), area: state.area, ageBand: state.ageBand, channel: state.channel, content: state.content });
  }
  // By pseudonym: an order that says nothing about when or by whom a ballot was cast.
  return ballots.sort((a, b) => (a.ballotRef < b.ballotRef ? -1 : 1));
}

/** Cents in the frame's counting unit, exactly (a whole number when the unit divides it). */
export function inCountingUnit(cents: number, unitCents: number): Money {
  const n = BigInt(cents);
  const d = BigInt(unitCents);
  return n % d === 0n ? n / d : rat(n, d);
}

/** @lib/tally's view of a ballot. */
export function tallyBallot(content: BallotContent, area?: string): Ballot {
  const base = area ? { area } : {};
  switch (content.type) {
    case 'approval':
    case 'choose-1':
      return { type: content.type, choices: content.choices, ...base };
    case 'cumulative':
    case 'scoring':
      return { type: content.type, points: content.points, ...base };
    case 'ordinal':
      return { type: 'ordinal', ranking: content.ranking, ...base };
  }
}

/** The election @lib/tally counts: the frame's plans, budget, rule and declared tie-break, with the standing ballots. */
export function electionOf(frame: VotingFrame, ballots: readonly CountedBallot[]): Election {
  const unit = frame.countingUnitCents;
  const rules = frame.ballot;
  const areaBudgets = frame.areaBudgets !== undefined && frame.areaBudgets.length > 0 ? frame.areaBudgets : undefined;
  const constraints: BallotConstraints = {};
  if (rules.minPlans !== undefined) constraints.minLength = rules.minPlans;
  const maxLength = rules.type === 'ordinal' ? (rules.rankingLength ?? rules.maxPlans) : rules.maxPlans;
  if (maxLength !== undefined) constraints.maxLength = maxLength;
  if (rules.costCapCents !== undefined) constraints.maxSumCost = inCountingUnit(rules.costCapCents, unit);
  if (rules.minSpendCents !== undefined) constraints.minSumCost = inCountingUnit(rules.minSpendCents, unit);
  if (rules.type === 'cumulative' && rules.points !== undefined) constraints.maxSumPoints = rules.points;
  if (rules.type === 'scoring' && rules.points !== undefined) constraints.maxPoints = rules.points;
  // The frame's keys first; the plan id last, so a count never depends on storage order.
  const order: TieBreakKey[] = [...frame.tally.tieBreak, 'project-id'];
  const election: Election = {
    budget: inCountingUnit(frame.budgetCents, unit),
    projects: frame.plans.map((p) => ({ id: p.planId, cost: inCountingUnit(p.costCents, unit), ...(p.name ? { name: p.name } : {}), ...(areaBudgets && p.area ? { area: p.area } : {}) })),
    ballots: ballots.map((b) => tallyBallot(b.content)),
    rule: frame.tally.rule as RuleName,
    tieBreak: frame.tally.seed === undefined ? { order } : { order, seed: frame.tally.seed },
    constraints,
    currency: frame.currency,
    explainGroups: false,
  };
  if (frame.tally.thresholdVotes !== undefined) election.threshold = frame.tally.thresholdVotes;
  // greedy-reserve's terms (the frame requires the percentage; without it the tally refuses the rule).
  const { reservePercent, reserveCents } = frame.tally;
  if (frame.tally.rule === 'greedy-reserve' && reservePercent !== undefined) {
    election.reserve = { percent: reservePercent, ...(reserveCents !== undefined ? { amount: inCountingUnit(reserveCents, unit) } : {}) };
  }
  // add1 raises each voter's budget by one euro per step, whatever unit the count works in (plain
  // Equal Shares too: its count states what the add1 completions would select).
  if (frame.tally.rule.startsWith('equalshares')) election.add1 = { step: inCountingUnit(100, unit) };
  if (areaBudgets) {
    // Each area's plans are counted apart with its pot; what no area holds (if anything) is counted city-wide.
    election.areaBudgets = Object.fromEntries(areaBudgets.map((a) => [a.areaCode, inCountingUnit(a.amountCents, unit)]));
    election.budget = inCountingUnit(Math.max(0, frame.budgetCents - areaBudgets.reduce((sum, a) => sum + a.amountCents, 0)), unit);
  }
  return election;
}

/** Counts a closed (or sealed) round from its ballot events with the frame's rule. */
export async function countRound(store: EventStore, roundId: string, tenant: string): Promise<{ result: TallyResult; ballots: number; frame: VotingFrame }> {
  const box = await loadBallotBox(store, roundId, tenant);
  if (box.state.phase !== 'closed' && box.state.phase !== 'sealed') throw new CountVotingOpenError(`The round is counted once voting closed (the box is ${box.state.phase})`, { phase: box.state.phase });
  const ballots = await standingBallots(store, roundId, tenant);
  return { result: tally(electionOf(box.state.frame, ballots)), ballots: ballots.length, frame: box.state.frame };
}
