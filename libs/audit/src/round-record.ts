import { budgetStream, roundStream } from '@lib/budgeting/events';
import type { EventStore } from '@lib/event-store';
import type { BallotPlan, VotingFrame } from '@lib/voting/events';
import type { AuditDomain } from './audit-domain.js';
import { history, type HistoryEntry } from './history.js';
import { ballotBoxOf, recountRound, resultsOf, RecountUnavailableError, type RecountUnavailableReason, type PublishedResult, type RecountReport } from './recount.js';
import type { SigningCertificate } from './record-signature.js';
import { roundSeals, sealVerificationCommands, type StoredSeal } from './seal-round.js';
import { verifyStore, type VerifyReport } from './verify-store.js';

/**
 * A decision the round rests on: the frame's establishment and amendments, phase changes, adoption,
 * corrections. `decidedOn` is the date the council or college took it; `recordedAt` when it was entered.
 */
export interface DecisionReference {
  type: string;
  /** RoundPhaseAdvanced: the phase the round moved to. */
  phase?: string;
  /** ResultCorrected: which correction. */
  correction?: number;
  /** council | college | residents-body, as the event names the body. */
  body?: string;
  number?: string;
  decidedOn?: string;
  recordedAt: string;
  reason?: string;
}

/** A round stopped before its result was adopted (RoundCancelled): when, by which role, from which phase, why, under which decision. */
export interface RoundCancellation {
  at: string;
  /** The role of who recorded it (administrator, official, …), never the person. */
  role: string;
  from: string;
  reason: string;
  decision: Pick<DecisionReference, 'body' | 'number' | 'decidedOn'> | null;
}

/** Everything the official record (proces-verbaal) of a round states, read from the event store alone. */
export interface RoundRecord {
  roundId: string;
  tenant: string | null;
  title: string;
  form: string | null;
  phase: string | null;
  /** Set when the round was cancelled. */
  cancellation: RoundCancellation | null;
  /** The result is adopted (ResultAdopted on the round stream); before that, and unless cancelled, the record is provisional (voorlopig). */
  adopted: boolean;
  generatedAt: string;
  /** Where the record was drawn up: `audit report` (the CLI) or the api's `GET /rounds/{roundId}/proces-verbaal`. */
  drawnUpBy: 'cli' | 'api';
  frame: {
    budgetId: string;
    frameVersion: number;
    amountCents: number;
    currency: string;
    countingUnitCents: number;
    rule: string;
    tieBreak: string[];
    seed?: string;
    thresholdVotes?: number;
    /** greedy-reserve: the share of a plan's cost the budget left must cover, and the reserve in cents (unlimited when absent). */
    reservePercent?: number;
    reserveCents?: number;
    ballot: VotingFrame['ballot'];
    plans: BallotPlan[];
    /** Per-area pots, when the round counts each area's plans apart. */
    areaBudgets: { areaCode: string; amountCents: number }[];
  } | null;
  decisions: DecisionReference[];
  history: HistoryEntry[];
  turnout: { registered: number; eligible: number; ballots: number; percentage: string | null } | null;
  /** The result as it stands (the latest correction, else the published result). */
  result: PublishedResult | null;
  /** Every result the round stream holds, published first, then each correction. */
  results: PublishedResult[];
  recount: RecountReport | null;
  recountUnavailable?: RecountUnavailableReason | 'nothing-published';
  verification: Pick<VerifyReport, 'ok' | 'streams' | 'events' | 'seals' | 'breaks'>;
  seals: (StoredSeal & { verified: boolean })[];
  /** The commands that check this record. */
  commands: string[];
  /** The certificate the PDF is signed with; null when it is written unsigned (no key configured). */
  signedBy: SigningCertificate | null;
}

interface DecisionLike {
  body?: unknown;
  number?: unknown;
  date?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The decision's body, number and date apart (a bare string is a number without body or date). */
function decisionParts(decision: unknown): Pick<DecisionReference, 'body' | 'number' | 'decidedOn'> | null {
  if (typeof decision === 'string') return decision === '' ? null : { number: decision };
  if (!decision || typeof decision !== 'object') return null;
  const { body, number, date } = decision as DecisionLike;
  const parts = { ...(text(body) ? { body: text(body) } : {}), ...(text(number) ? { number: text(number) } : {}), ...(text(date) ? { decidedOn: text(date) } : {}) };
  return Object.keys(parts).length > 0 ? parts : null;
}

const DECISION_TYPES = new Set(['BudgetEstablished', 'FrameAmended', 'RoundPhaseAdvanced', 'RoundCancelled', 'ResultAdopted', 'ResultCorrected']);

/** The round's cancellation, from its RoundCancelled event. */
function cancellationOf(roundEvents: { type: string; data: Record<string, unknown>; metadata: Record<string, unknown>; created: Date }[]): RoundCancellation | null {
  const event = roundEvents.find((e) => e.type === 'RoundCancelled');
  if (!event) return null;
  const data = event.data as { from?: unknown; reason?: unknown; decision?: unknown; at?: unknown };
  return {
    at: typeof data.at === 'string' ? data.at : typeof event.metadata.at === 'string' ? event.metadata.at : event.created.toISOString(),
    role: typeof event.metadata.role === 'string' ? event.metadata.role : 'unknown',
    from: String(data.from ?? ''),
    reason: typeof data.reason === 'string' ? data.reason : '',
    decision: decisionParts(data.decision),
  };
}

/** Gathers the record of a round: frame, decisions, turnout, result with its recount, seals and verification. */
export async function roundRecord(store: EventStore, roundId: string, domain: AuditDomain, options: { now: Date; onProgress?: (events: number) => void; signedBy?: SigningCertificate | null; drawnUpBy?: 'cli' | 'api' }): Promise<RoundRecord> {
  // 1. The chains and seals of the round, and its decisions in order.
  const verification = await verifyStore(store, { roundId, onProgress: options.onProgress });
  const entries = await history(store, roundId, { onProgress: options.onProgress });
  // 2. The frozen frame, from the ballot box, and the roll, from the round's registrations; the round's own stream; the budget's.
  const box = await ballotBoxOf(store, roundId, domain);
  const roll = box ? await domain.voterRollOfRound(store, roundId, box.tenant) : null;
  const roundEvents = await store.readStream(roundStream(roundId));
  const planned = roundEvents.find((e) => e.type === 'RoundPlanned')?.data as { title?: string; budgetId?: string; frame?: { form?: string } } | undefined;
  const budgetId = box?.frame.budgetId ?? planned?.budgetId ?? null;
  const budgetEvents = budgetId ? await store.readStream(budgetStream(budgetId)) : [];
  const budgetFrame = (budgetEvents[0]?.data as { frame?: { title?: string; form?: string } } | undefined)?.frame;
  let phase: string | null = null;
  for (const e of roundEvents) if (e.type === 'RoundPhaseAdvanced') phase = String((e.data as { to?: unknown }).to);
  if (phase === null && roundEvents.some((e) => e.type === 'RoundPlanned')) phase = 'planned';

  const decisions: DecisionReference[] = [];
  for (const e of [...budgetEvents, ...roundEvents]) {
    const data = e.data as { decision?: unknown; reason?: unknown; to?: unknown; correction?: unknown };
    const parts = decisionParts(data.decision);
    if (!parts || !DECISION_TYPES.has(e.type)) continue;
    const reason = typeof data.reason === 'string' ? data.reason : typeof e.metadata.reason === 'string' ? e.metadata.reason : undefined;
    decisions.push({
      type: e.type,
      ...(e.type === 'RoundPhaseAdvanced' ? { phase: String(data.to) } : {}),
      ...(e.type === 'ResultCorrected' && typeof data.correction === 'number' ? { correction: data.correction } : {}),
      ...parts,
      recordedAt: typeof e.metadata.at === 'string' ? e.metadata.at : e.created.toISOString(),
      ...(reason ? { reason } : {}),
    });
  }

  // 3. The results, and the recount against the one that stands.
  const results = resultsOf(roundEvents);
  let recount: RecountReport | null = null;
  let recountUnavailable: RoundRecord['recountUnavailable'];
  try {
    recount = await recountRound(store, roundId, domain);
  } catch (error) {
    if (!(error instanceof RecountUnavailableError)) throw error;
    recountUnavailable = error.reason;
  }
  if (recount && recount.published === null) recountUnavailable = 'nothing-published';
  const ballots = recount?.ballots ?? null;

  // 4. The seals, each with whether it still recomputes.
  const brokenSeals = new Set(verification.breaks.filter((b) => b.problem === 'seal-mismatch').map((b) => `${b.streamName}@${b.revision}`));
  const seals = (await roundSeals(store, roundId)).map((s) => ({ ...s, verified: !brokenSeals.has(`Round-${roundId}@${s.revision}`) }));
  const latest = seals[seals.length - 1];
  const commands = latest
    ? sealVerificationCommands(roundId, latest.digest, latest.storeChain?.digest)
    : [`npm run --silent audit -- verify --round ${roundId}`, `npm run --silent audit -- recount --round ${roundId}`, `npm run --silent audit -- history --round ${roundId}`];
  commands.push(`npm run --silent audit -- report --round ${roundId} --out DIR`);

  const frame = box?.frame;
  return {
    roundId,
    tenant: box?.tenant ?? (typeof roundEvents[0]?.metadata.tenant === 'string' ? roundEvents[0].metadata.tenant : null),
    title: planned?.title ?? budgetFrame?.title ?? `Ronde ${roundId}`,
    form: planned?.frame?.form ?? budgetFrame?.form ?? null,
    phase,
    cancellation: cancellationOf(roundEvents),
    adopted: roundEvents.some((e) => e.type === 'ResultAdopted'),
    generatedAt: options.now.toISOString(),
    drawnUpBy: options.drawnUpBy ?? 'cli',
    frame: frame
      ? {
          budgetId: frame.budgetId,
          frameVersion: frame.frameVersion,
          amountCents: frame.budgetCents,
          currency: frame.currency,
          countingUnitCents: frame.countingUnitCents,
          rule: frame.tally.rule,
          tieBreak: [...frame.tally.tieBreak],
          ...(frame.tally.seed !== undefined ? { seed: frame.tally.seed } : {}),
          ...(frame.tally.thresholdVotes !== undefined ? { thresholdVotes: frame.tally.thresholdVotes } : {}),
          ...(frame.tally.reservePercent !== undefined ? { reservePercent: frame.tally.reservePercent } : {}),
          ...(frame.tally.reserveCents !== undefined ? { reserveCents: frame.tally.reserveCents } : {}),
          ballot: frame.ballot,
          plans: frame.plans,
          areaBudgets: [...(frame.areaBudgets ?? [])],
        }
      : null,
    decisions,
    history: entries,
    turnout: roll
      ? { registered: roll.registered, eligible: roll.eligible, ballots: ballots ?? 0, percentage: ballots !== null && roll.eligible > 0 ? ((100 * ballots) / roll.eligible).toFixed(1) : null }
      : null,
    result: results[results.length - 1] ?? null,
    results,
    recount,
    ...(recountUnavailable ? { recountUnavailable } : {}),
    verification: { ok: verification.ok, streams: verification.streams, events: verification.events, seals: verification.seals, breaks: verification.breaks },
    seals,
    commands,
    signedBy: options.signedBy ?? null,
  };
}
