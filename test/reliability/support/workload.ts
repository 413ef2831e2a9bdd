/**
 * The command the voting-peak benchmark drives. Ballots (`POST /rounds/{id}/ballots`) once the api
 * serves them; until then the command path that exists (`POST /budgets`, a new stream with
 * `no_stream` per request, the same store shape as a first ballot), and the benchmark says so.
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../../libs/event-store/src/index.js';
import { send } from './load.js';

export interface WorkloadApi {
  url: string;
  token(role: 'administrator' | 'voter', subject: string, extra?: { round?: string }): Promise<string>;
}

export interface WorkloadRequest {
  path: string;
  body: unknown;
  token: string;
}

export interface Workload {
  name: string;
  /** What one acknowledged request is (ballots, budgets). */
  unit: string;
  /** Creates what `count` requests need (voters with sessions, …). */
  prepare(count: number): Promise<void>;
  next(): WorkloadRequest;
  /** An event of the size and shape the command appends, for the raw append rate. */
  sampleEvent(): NewEvent;
  projectionLag?(): Promise<string>;
  verify?(): Promise<void>;
}

/** The ballot endpoint when the api serves it, otherwise the budget fallback. */
export async function chooseWorkload(api: WorkloadApi): Promise<Workload> {
  const docs = await send(api.url, { method: 'GET', path: '/docs-json' });
  const paths = Object.keys((docs.body?.paths as Record<string, unknown> | undefined) ?? {});
  if (paths.some((p) => /^\/rounds\/\{[^}]+\}\/ballots$/.test(p))) {
    const { ballotWorkload } = await import('./ballot-workload.js');
    return ballotWorkload(api);
  }
  return budgetWorkload(api);
}

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

/** Fallback: `POST /budgets` (validation of a nested DTO, a decider, a `no_stream` append, the hash chain). */
export async function budgetWorkload(api: WorkloadApi): Promise<Workload> {
  const token = await api.token('administrator', 'staff-bench');
  let n = 0;
  return {
    name: 'POST /budgets (fallback: no ballot endpoint yet)',
    unit: 'budgets',
    prepare: async () => undefined,
    next: () => ({ path: '/budgets', body: budgetFrame(`Burgerbegroting ${++n}`), token }),
    sampleEvent: () => {
      const { decision, ...frame } = budgetFrame(`Burgerbegroting ${++n}`);
      return {
        id: randomUUID(),
        type: 'BudgetEstablished',
        data: { budgetId: randomUUID(), version: 1, frame, areaAmounts: [{ areaCode: 'WK036301', amountCents: 18_000_000 }, { areaCode: 'WK036302', amountCents: 12_000_000 }], decision, template: null, establishedAt: new Date().toISOString() },
        metadata: { actor: 'staff-bench', role: 'administrator', tenant: 'GM0363', $correlationId: randomUUID(), $causationId: randomUUID() },
      };
    },
  };
}
