import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CommandContext, type Decider, handleCommand, loadStream } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { budgetDecider, budgetStream, currentFrameVersion, type ExistingBudget, type PlanOutcome, type RoundCommand, type RoundDecision, roundDecider, roundFrameOf, type RoundPhase, roundStream, type Winner } from '@lib/budgeting';
import { countRound, importPabulib, InMemoryRoundKeyVault } from '@lib/voting';
import { sealRound } from '@lib/audit';
import type { ReadModelDatabase } from '@lib/projections';

export const TENANT = 'GM0363';
export const VOTING_DECISION: RoundDecision = { body: 'college', number: 'B&W 2026/114', date: '2026-05-01' };

type Fact = { type: string; data: Record<string, unknown> };
/** Appends what it is given: how the round's phase-change handler appends the seal `sealRound` returns. */
const facts: Decider<Fact[], null, Fact> = { initialState: () => null, evolve: () => null, decide: (given) => given };

/** A round imported from a Pabulib fixture and walked through the round's own commands, sealed at each phase change. */
export interface AuditedRound {
  store: EventStore;
  roundId: string;
  budgetId: string;
  /** The count's winners (what the app published unless told otherwise). */
  winners: string[];
  names: Map<string, string>;
  /** The moment each step happened (metadata `at`). */
  at: Record<string, string>;
  /** Runs a round command at the next tick of the clock. */
  command(command: { type: string; data: Record<string, unknown> }, reason?: string): Promise<void>;
  /** Appends the round's seal (as the phase change does) and returns its digest. */
  seal(phase: string): Promise<string>;
  /** The count as the app publishes it: winners with the ballot's cost, every plan explained. */
  countedResult(): Promise<{ winners: Winner[]; explanation: PlanOutcome[] }>;
  now(): string;
}

/**
 * Imports `file` through @lib/voting's importPabulib, plans the round from the imported budget, walks
 * it to counting (sealing when voting opens and when counting starts), publishes `publish(count)`
 * through PublishResult, and moves to adoption (sealing again, so the published result is covered).
 */
export async function anAuditedRound(
  store: EventStore,
  file: string,
  options: { publish?: (counted: { winners: Winner[]; explanation: PlanOutcome[] }) => { winners: Winner[]; explanation: PlanOutcome[] } } = {},
): Promise<AuditedRound> {
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 4, 20, 9, 0, 0) + 60_000 * tick++);
  const context = (reason?: string): CommandContext => ({ actor: 'staff-1', role: 'administrator', tenant: TENANT, correlationId: randomUUID(), now: now(), ...(reason ? { reason } : {}) });
  const newId = () => randomUUID();
  const at: Record<string, string> = {};

  // 1. The Pabulib election, through the voting colleague's import (budget, box, roll, ballots, closed).
  const importContext = context();
  at.imported = importContext.now.toISOString();
  const text = await readFile(join(process.cwd(), 'test/fixtures/pabulib', file), 'utf8');
  const { roundId, budgetId } = await importPabulib({ store, vault: new InMemoryRoundKeyVault(), now: () => importContext.now, newId }, text, importContext, { concurrency: 8 });

  const run = async (command: { type: string; data: Record<string, unknown> }, reason?: string) => {
    const ctx = context(reason);
    at[command.type === 'AdvancePhase' ? String(command.data.to) : command.type] = ctx.now.toISOString();
    await handleCommand(store, roundStream(roundId), roundDecider, { ...command, data: { ...command.data, at: ctx.now.toISOString() } } as unknown as RoundCommand, ctx, { newId, streamMustExist: command.type !== 'PlanRound' });
  };
  const seal = async (phase: string) => {
    const ctx = context(`sealed when the round moved to ${phase}`);
    const sealed = await sealRound(store, roundId, { at: ctx.now.toISOString(), phase });
    await handleCommand(store, roundStream(roundId), facts, [sealed as unknown as Fact], ctx, { newId, streamMustExist: true });
    return sealed.data.digest;
  };
  const advance = (to: RoundPhase, decision: RoundDecision | null = null) => run({ type: 'AdvancePhase', data: { roundId, to, reason: `Schedule: ${to}`, decision, frame: null } });

  // 2. The round, planned on the imported budget's frame, walked to counting.
  const budget = (await loadStream(store, budgetStream(budgetId), budgetDecider, TENANT)).state as ExistingBudget;
  await run({
    type: 'PlanRound',
    data: {
      roundId,
      budgetId,
      title: null,
      year: 2026,
      decidedBy: null,
      preselection: false,
      schedule: [],
      carryOver: [],
      intakeDates: [],
      frame: roundFrameOf(budget),
      frameTitle: currentFrameVersion(budget).frame.title,
      plannedAt: now().toISOString(),
    },
  });
  for (const phase of ['submission', 'support', 'feasibility'] as const) await advance(phase);
  await advance('voting', VOTING_DECISION);
  await seal('voting');
  await advance('counting');
  await seal('counting');

  // 3. The count, published through the round's own command, then adoption opens (sealed).
  const { result, frame } = await countRound(store, roundId, TENANT);
  const cents = new Map(frame.plans.map((p) => [p.planId, p.costCents]));
  const countedResult = async () => {
    const counted = await countRound(store, roundId, TENANT);
    return {
      winners: counted.result.winners.map((id) => ({ proposalId: id, amountCents: cents.get(id)!, areaCode: null })),
      explanation: counted.result.projects.map((p) => ({ proposalId: p.id, selected: p.selected, explanation: p.reason.text, votes: p.votes })),
    };
  };
  const counted = await countedResult();
  const published = options.publish ? options.publish(counted) : counted;
  const count = {
    ballots: (await countRound(store, roundId, TENANT)).ballots,
    rule: result.rule,
    tieBreak: [...frame.tally.tieBreak, 'project-id'],
    seed: frame.tally.seed ?? null,
    countingUnitCents: frame.countingUnitCents,
    currency: frame.currency,
    budget: result.budget,
    cost: result.cost,
    leftover: result.leftover,
    fairness: { ...result.fairness },
    tieBreaks: result.tieBreaks,
    pots: result.pots.map((p) => ({ ...p })),
  };
  // The result as the server's count (`basis: 'count'`), with the winners also at the top level for the earlier command shape.
  await run({
    type: 'PublishResult',
    data: { roundId, reason: null, basis: 'count', counted: { winners: published.winners, explanation: published.explanation, count }, winners: published.winners, explanation: published.explanation },
  });
  await advance('adoption');
  await seal('adoption');

  return {
    store,
    roundId,
    budgetId,
    winners: result.winners,
    names: new Map(frame.plans.map((p) => [p.planId, p.name ?? p.planId])),
    at,
    command: run,
    seal,
    countedResult,
    now: () => now().toISOString(),
  };
}

/** Runs the CLI in-process and collects what it prints. */
export async function audit(store: EventStore, argv: string[], extra: { readModels?: () => Promise<ReadModelDatabase> } = {}) {
  const { runAudit } = await import('../audit-cli.js');
  let out = '';
  let err = '';
  const code = await runAudit({ argv, store, out: (t) => (out += t), err: (t) => (err += t), progress: false, now: () => new Date('2026-06-01T12:00:00.000Z'), ...extra });
  return { code, out, err };
}
