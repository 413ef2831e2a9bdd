/**
 * A voting round ready for ballots, for the fault tests and the voting-peak benchmark: a budget and
 * two admitted plans as given events (written before the api starts, so PGlite works too), then over
 * HTTP: the ballot box, voting codes, opening, and one voter session per code.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '../../../libs/event-store/src/index.js';
import { anAdmittedPlan } from '../../../libs/budgeting/src/proposal/testing/proposal.given.js';
import { type LoadRequest, send } from './load.js';

export const TENANT = 'GM0363';

export interface BallotRound {
  roundId: string;
  budgetId: string;
  plans: string[];
}

/** A burgerbegroting frame with two wijken and an approval ballot. */
export function budgetFrame(title: string): Record<string, unknown> {
  return {
    form: 'burgerbegroting',
    title,
    amountKind: 'budget',
    amountCents: 30_000_000,
    areas: [
      { code: 'WK036301', name: 'Indische Buurt', kind: 'wijk', share: 6000 },
      { code: 'WK036302', name: 'Oostelijk Havengebied', kind: 'wijk', share: 4000 },
    ],
    allocation: { kind: 'shares' },
    criteria: [{ id: 'max-amount', text: 'A plan costs at most €50.000', kind: 'maximum-amount', amountCents: 5_000_000 }],
    participation: { areaCodes: ['WK036301', 'WK036302'], minimumAge: 12, participants: ['residents'], excludedRoles: [], credential: 'postal-voting-code' },
    ballot: { type: 'approval', minPlans: 1, costCapCents: 30_000_000 },
    tally: { rule: 'greedy', tieBreak: ['most-votes', 'lowest-cost'] },
    interimResultsPublic: false,
    regime: { kind: 'advisory', adoptedBy: 'college' },
    decision: { body: 'council', number: 'RB-2025-118', date: '2025-12-11' },
  };
}

function given(type: string, data: Record<string, unknown>): NewEvent {
  return { id: randomUUID(), type, data, metadata: { actor: 'staff-0', role: 'administrator', tenant: TENANT, $correlationId: 'given', $causationId: 'given' } };
}

/** Appends the budget and two admitted plans of a new round (what earlier phases would have recorded). */
export async function seedBallotRound(store: EventStore): Promise<BallotRound> {
  const round: BallotRound = { roundId: randomUUID(), budgetId: randomUUID(), plans: [randomUUID(), randomUUID()] };
  const { decision, ...frame } = budgetFrame('Buurtbudget Oost 2026');
  await store.append(
    `Budget-${round.budgetId}`,
    [given('BudgetEstablished', { budgetId: round.budgetId, version: 1, frame, areaAmounts: [], decision, template: null, establishedAt: '2026-01-15T10:00:00.000Z' })],
    { expectedRevision: 'no_stream' },
  );
  for (const planId of round.plans) {
    const events = anAdmittedPlan().map((e) =>
      given(e.type, { ...(e.data as Record<string, unknown>), proposalId: planId, ...(e.type === 'ProposalSubmitted' ? { roundId: round.roundId, budgetId: round.budgetId } : {}) }),
    );
    await store.append(`Proposal-${planId}`, events, { expectedRevision: 'no_stream' });
  }
  return round;
}

async function expectStatus(what: string, answer: Promise<{ status: number; body: Record<string, unknown> | undefined }>, status: number) {
  const outcome = await answer;
  if (outcome.status !== status) throw new Error(`${what}: expected ${status}, got ${outcome.status} ${JSON.stringify(outcome.body)}`);
  return outcome;
}

/** Prepares the box, prints `voters` codes and opens voting; returns the codes. */
export async function openBallotRound(url: string, adminToken: string, round: BallotRound, voters: number): Promise<string[]> {
  const { roundId } = round;
  await expectStatus('prepare ballot box', send(url, { method: 'POST', path: `/rounds/${roundId}/ballot-box`, token: adminToken, body: { budgetId: round.budgetId, proposalIds: round.plans } }), 201);
  const codes: string[] = [];
  while (codes.length < voters) {
    const count = Math.min(10_000, voters - codes.length);
    const printed = await expectStatus(
      'voting codes',
      send(url, { method: 'POST', path: `/rounds/${roundId}/voting-codes`, token: adminToken, body: { count, area: 'WK036301', ageBand: '18-64' } }, undefined, 600_000),
      201,
    );
    const csv = String(printed.body?.text ?? '');
    codes.push(...csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]!));
  }
  await expectStatus('open voting', send(url, { method: 'POST', path: `/rounds/${roundId}/ballot-box/open`, token: adminToken, body: { reason: 'Voting period of the council decision' } }), 200);
  return codes;
}

/**
 * Signs every code in (`POST /rounds/{id}/voter-sessions`) with `concurrency` in flight; each voter
 * from an address of its own (X-Forwarded-For, trusted from loopback), as behind the municipality's
 * proxy. Returns the voter tokens in code order.
 */
export async function voterSessions(url: string, roundId: string, codes: readonly string[], concurrency = 16): Promise<string[]> {
  const tokens: string[] = new Array<string>(codes.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < codes.length) {
        const i = next++;
        const outcome = await send(url, { method: 'POST', path: `/rounds/${roundId}/voter-sessions`, body: { code: codes[i] }, headers: { 'x-forwarded-for': addressOf(i) } });
        if (outcome.status !== 201) throw new Error(`voter session ${i}: ${outcome.status} ${JSON.stringify(outcome.body)}`);
        tokens[i] = outcome.body!.token as string;
      }
    }),
  );
  return tokens;
}

/** A distinct documentation-range-like address per voter (10.x.y.z). */
export function addressOf(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** One ballot: an approval of one of the plans. */
export function ballotRequest(round: BallotRound, token: string, i: number, tag?: unknown): LoadRequest {
  return { method: 'POST', path: `/rounds/${round.roundId}/ballots`, token, body: { type: 'approval', choices: [round.plans[i % round.plans.length]] }, tag };
}

/** The event a first ballot appends, for the raw append rate (same shape and size). */
export function sampleBallotEvent(round: BallotRound): NewEvent {
  return {
    id: randomUUID(),
    type: 'BallotCast',
    data: {
      roundId: round.roundId,
      ballotRef: randomBytes(32).toString('base64url'),
      channel: 'online',
      verification: 'voting-code',
      area: 'WK036301',
      content: { type: 'approval', choices: [round.plans[0]] },
      batchId: null,
      castAt: new Date().toISOString(),
    },
    metadata: { actor: 'voter', role: 'voter', tenant: TENANT, $correlationId: randomUUID(), $causationId: randomUUID(), hash: randomBytes(32).toString('hex'), previousHash: null },
  };
}
