/**
 * A large, truly chained store generated straight into the event table, for the audit benchmark:
 * the same shapes as bench/projections.bench.ts (budgets and rounds, plans with support, verdicts
 * and admissions, ballot boxes, voter roll, ballots), but built in Node so that every event carries
 * its real hash chain (`chainEvents`), followed by the store-wide chain's links over all of them
 * (`linkDigest`, `streamsOf`), as the store would hold them had the events come through `handleCommand`.
 */
import { randomUUID } from 'node:crypto';
import {
  type ChainEntry,
  chainEvents,
  GENESIS_HASH,
  linkDigest,
  STORE_CHAIN_EXTENDED,
  STORE_CHAIN_LINK_EVENTS,
  STORE_CHAIN_STREAM,
  type StoreChainLink,
  streamsOf,
} from '../libs/es/src/index.js';
import { formatPosition, type Position, type SqlDriver } from '../libs/event-store/src/index.js';

export interface StoreShape {
  /** Rounds r1 … rN; each is the same size, so r1 is the same round in a small and a large store. */
  rounds: number;
  plansPerRound: number;
  supportsPerPlan: number;
  votersPerRound: number;
  ballotsPerRound: number;
}

export const PROJECTIONS_SHAPE: Omit<StoreShape, 'rounds'> = { plansPerRound: 500, supportsPerPlan: 20, votersPerRound: 15_000, ballotsPerRound: 25_000 };

/** Events per round of a shape (budget, round, plans, support, verdicts, admissions, ballot box, roll, ballots). */
export const eventsPerRound = (shape: Omit<StoreShape, 'rounds'>): number => 2 + shape.plansPerRound * (3 + shape.supportsPerPlan) + 2 + shape.votersPerRound + shape.ballotsPerRound;

interface Planned {
  stream: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

const meta = (actor: string, role = 'administrator') => ({ tenant: 'GM0363', actor, role, $correlationId: randomUUID(), at: '2026-05-01T10:00:00.000Z' });
const area = (n: number) => `BU0363${String(n).padStart(4, '0')}`;

/** The events in `$all` order, kind by kind across the rounds (as the projections benchmark writes them). */
function* events(shape: StoreShape): Generator<Planned> {
  const { rounds, plansPerRound: plans, supportsPerPlan: supports, votersPerRound: voters, ballotsPerRound: ballots } = shape;
  const each = function* <T>(n: number, f: (i: number) => T): Generator<T> {
    for (let i = 1; i <= n; i++) yield f(i);
  };
  for (const r of each(rounds, (r) => r)) {
    yield {
      stream: `Budget-b${r}`,
      type: 'BudgetEstablished',
      data: {
        budgetId: `b${r}`,
        version: 1,
        frame: { form: 'burgerbegroting', title: `Budget ${r}`, amountKind: 'budget', amountCents: 100000000, areas: [{ code: area(r), name: `Buurt ${r}`, kind: 'buurt' }], ballot: { type: 'approval' }, tally: { rule: 'greedy', tieBreak: ['lowest-cost'] } },
        decision: { body: 'council', number: `RB-${r}`, date: '2025-12-11' },
        establishedAt: '2026-01-15T10:00:00.000Z',
      },
      metadata: meta('staff-1'),
    };
    yield {
      stream: `Round-r${r}`,
      type: 'RoundPlanned',
      data: { roundId: `r${r}`, budgetId: `b${r}`, title: `Ronde ${r}`, year: 2026, decidedBy: 'vote', pipeline: ['planned', 'submission', 'voting', 'counting', 'adoption', 'implementation', 'closed'], plannedAt: '2026-02-01T09:00:00.000Z' },
      metadata: meta('staff-1'),
    };
  }
  const plan = (r: number, p: number) => `p${r}_${p}`;
  for (let r = 1; r <= rounds; r++)
    for (let p = 1; p <= plans; p++)
      yield {
        stream: `Proposal-${plan(r, p)}`,
        type: 'ProposalSubmitted',
        data: {
          proposalId: plan(r, p),
          roundId: `r${r}`,
          budgetId: `b${r}`,
          form: 'burgerbegroting',
          areaId: area(r),
          themeId: 'groen',
          version: { number: 1, title: `Plan ${p}`, summary: 'Meer groen', costEstimate: { investmentCents: 100000 * (1 + (p % 40)), maintenancePerYearCents: 0, maintenanceYears: 0 }, at: '2026-03-05T12:00:00.000Z' },
          submittedAt: '2026-03-05T12:00:00.000Z',
        },
        metadata: meta('resident', 'resident'),
      };
  for (let r = 1; r <= rounds; r++)
    for (let p = 1; p <= plans; p++)
      for (let k = 1; k <= supports; k++)
        yield { stream: `Proposal-${plan(r, p)}`, type: 'ProposalSupported', data: { proposalId: plan(r, p), supporterRef: `s${r}_${p}_${k}`, supportCount: k, at: '2026-03-10T12:00:00.000Z' }, metadata: meta('resident', 'resident') };
  for (let r = 1; r <= rounds; r++)
    for (let p = 1; p <= plans; p++) {
      const met = p % 5 !== 0;
      yield { stream: `Proposal-${plan(r, p)}`, type: 'ProposalFeasibilityVerdictGiven', data: { proposalId: plan(r, p), criterionId: 'c-cost', outcome: met ? 'met' : 'not_met', reason: 'Getoetst', version: 1, at: '2026-04-01T12:00:00.000Z' }, metadata: meta('staff-reviewer') };
      yield { stream: `Proposal-${plan(r, p)}`, type: met ? 'ProposalAdmittedToBallot' : 'ProposalRefusedForBallot', data: { proposalId: plan(r, p), version: 1, reason: 'Toetsing', at: '2026-04-10T12:00:00.000Z' }, metadata: meta('staff-1') };
    }
  for (let r = 1; r <= rounds; r++) {
    const planIds = Array.from({ length: plans }, (_, i) => i + 1).filter((p) => p % 5 !== 0);
    yield {
      stream: `BallotBox-r${r}`,
      type: 'BallotBoxPrepared',
      data: { roundId: `r${r}`, frame: { budgetId: `b${r}`, frameVersion: 1, ballot: { type: 'approval' }, tally: { rule: 'greedy' }, budgetCents: 100000000, plans: planIds.map((p) => ({ planId: plan(r, p), costCents: 100000 * (1 + (p % 40)) })) }, preparedAt: '2026-04-15T10:00:00.000Z' },
      metadata: meta('staff-1'),
    };
    yield { stream: `BallotBox-r${r}`, type: 'BallotBoxOpened', data: { roundId: `r${r}`, reason: 'Planning', openedAt: '2026-05-01T08:00:00.000Z' }, metadata: meta('staff-1') };
  }
  for (let r = 1; r <= rounds; r++)
    for (let v = 1; v <= voters; v++)
      yield {
        stream: `Participant-r${r}_${v}`,
        type: 'ParticipantRegistered',
        data: { roundId: `r${r}`, participantRef: `v${r}_${v}`, area: area(v % 12), ageBand: ['12-17', '18-24', '25-44', '45-64', '65+'][v % 5], eligible: true, ineligibility: null, source: 'municipality-file', registeredAt: '2026-04-20T10:00:00.000Z' },
        metadata: { tenant: 'GM0363', actor: 'staff-1', role: 'administrator', $correlationId: `roll-import-r${r}`, at: '2026-04-20T10:00:00.000Z' },
      };
  for (let r = 1; r <= rounds; r++)
    for (let b = 1; b <= ballots; b++)
      yield {
        stream: `Ballot-r${r}_${b}`,
        type: 'BallotCast',
        data: {
          roundId: `r${r}`,
          ballotRef: `b${r}_${b}`,
          channel: b % 10 === 0 ? 'paper' : 'online',
          verification: 'voting-code',
          area: area(b % 12),
          content: { type: 'approval', choices: [plan(r, 1 + (b % plans)), plan(r, 1 + ((b * 7) % plans)), plan(r, 1 + ((b * 13) % plans))] },
          batchId: null,
          castAt: '2026-05-02T10:00:00.000Z',
        },
        metadata: { tenant: 'GM0363', actor: 'voter', role: 'voter' },
      };
}

const INSERT_BATCH = 4000;

/**
 * Writes the store's events into `schema`'s event table (one transaction per batch, in `$all`
 * order), each chained to its stream's previous one, then the store-wide chain's links over all of
 * them. Answers how many events it wrote and the last one's position.
 */
export async function generateChainedStore(driver: SqlDriver, schema: string, shape: StoreShape, onProgress?: (events: number) => void): Promise<{ events: number; last: Position }> {
  const table = `"${schema}".events`;
  const insert = `INSERT INTO ${table} (transaction_id, stream_id, revision, event_id, event_type, data, metadata)
    SELECT pg_current_xact_id(), x.s, x.r, x.i, x.t, x.d, x.m FROM jsonb_to_recordset($1::text::jsonb) AS x(s text, r bigint, i uuid, t text, d jsonb, m jsonb)
    RETURNING event_id::text AS id, transaction_id::text AS c, global_position::text AS p`;
  const heads = new Map<string, { revision: bigint; hash: string }>();
  const entries: ChainEntry[] = [];
  let batch: { s: string; r: string; i: string; t: string; d: unknown; m: unknown }[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = await driver.query<{ id: string; c: string; p: string }>(insert, [JSON.stringify(batch)]);
    const at = new Map(rows.map((row) => [row.id, { commit: BigInt(row.c), prepare: BigInt(row.p) }]));
    const placed = batch.map((e) => ({ e, position: at.get(e.i)! })).sort((a, b) => (a.position.prepare < b.position.prepare ? -1 : 1));
    for (const { e, position } of placed) entries.push({ position, streamName: e.s, revision: BigInt(e.r), hash: (e.m as { hash: string }).hash });
    written += batch.length;
    batch = [];
    onProgress?.(written);
  };
  for (const planned of events(shape)) {
    const head = heads.get(planned.stream);
    const [chained] = chainEvents(planned.stream, head?.hash ?? GENESIS_HASH, [{ type: planned.type, data: planned.data, metadata: planned.metadata }]);
    const revision = head ? head.revision + 1n : 0n;
    heads.set(planned.stream, { revision, hash: chained!.metadata.hash as string });
    batch.push({ s: planned.stream, r: revision.toString(), i: randomUUID(), t: planned.type, d: planned.data, m: chained!.metadata });
    if (batch.length === INSERT_BATCH) await flush();
  }
  await flush();
  // The store-wide chain over everything written, in links of STORE_CHAIN_LINK_EVENTS.
  let previous = GENESIS_HASH;
  let after = '0/0';
  let linkHash = GENESIS_HASH;
  const links: { s: string; r: string; i: string; t: string; d: unknown; m: unknown }[] = [];
  for (let start = 0, link = 0; start < entries.length; start += STORE_CHAIN_LINK_EVENTS, link++) {
    const range = entries.slice(start, start + STORE_CHAIN_LINK_EVENTS);
    const data: StoreChainLink = { link, after, upTo: formatPosition(range[range.length - 1]!.position), events: range.length, previous, digest: linkDigest(previous, range), streams: streamsOf(range), chainedAt: '2026-05-03T00:00:00.000Z' };
    const metadata = { $correlationId: 'bench', $causationId: 'bench', actor: 'store-chain', role: 'system', tenant: '*', at: '2026-05-03T00:00:00.000Z' };
    const [chained] = chainEvents(STORE_CHAIN_STREAM, linkHash, [{ type: STORE_CHAIN_EXTENDED, data, metadata }]);
    linkHash = (chained!.metadata as Record<string, unknown>).hash as string;
    links.push({ s: STORE_CHAIN_STREAM, r: String(link), i: randomUUID(), t: STORE_CHAIN_EXTENDED, d: data, m: chained!.metadata });
    previous = data.digest;
    after = data.upTo;
  }
  for (let i = 0; i < links.length; i += 200) await driver.query(insert, [JSON.stringify(links.slice(i, i + 200))]);
  return { events: entries.length, last: entries[entries.length - 1]!.position };
}
