import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CommandContext, type Decider, handleCommand } from '@lib/es';
import type { EventStore } from '@lib/event-store';
import { type PlanOutcome, type RoundCommand, roundDecider, roundStream, type Winner } from '@lib/budgeting';
import { importPabulib, InMemoryRoundKeyVault, loadBallotBox } from '@lib/voting';
import { sealRound } from '@lib/audit';
import type { ReadModelDatabase } from '@lib/projections';
import type { AuditRun } from '../audit-cli.js';

export const TENANT = 'GM0363';

type Fact = { type: string; data: Record<string, unknown> };
/** Appends what it is given: how the round's phase-change handler appends the seal `sealRound` returns. */
const facts: Decider<Fact[], null, Fact> = { initialState: () => null, evolve: () => null, decide: (given) => given };

/** A round imported from a Pabulib fixture, sealed at counting and at adoption. */
export interface AuditedRound {
  store: EventStore;
  roundId: string;
  budgetId: string;
  /** The count's winners, as the import published them. */
  winners: string[];
  names: Map<string, string>;
  /** The moment each step happened (metadata `at`). */
  at: Record<string, string>;
  /** Runs a round command at the next tick of the clock. */
  command(command: { type: string; data: Record<string, unknown> }, reason?: string): Promise<void>;
  /** Appends the round's seal (as the phase change does) and returns its digest. */
  seal(phase: string): Promise<string>;
  /** The count as the import published it. */
  countedResult(): Promise<{ winners: Winner[]; explanation: PlanOutcome[] }>;
  now(): string;
}

/**
 * Imports `file` (or `options.text`, a file written for the test) through @lib/voting's importPabulib,
 * which plans the round, runs the vote (sealing every phase change up to counting), and publishes the
 * server's count; then moves it to adoption through the round's own command and seals it as the
 * round-seal reactor would.
 */
export async function anAuditedRound(store: EventStore, file: string, options: { text?: string } = {}): Promise<AuditedRound> {
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 4, 20, 9, 0, 0) + 60_000 * tick++);
  const context = (reason?: string): CommandContext => ({ actor: 'staff-1', role: 'administrator', tenant: TENANT, correlationId: randomUUID(), now: now(), ...(reason ? { reason } : {}) });
  const newId = () => randomUUID();
  const at: Record<string, string> = {};

  // 1. The Pabulib election, through the voting colleague's import: budget, round, box, roll, ballots, count, published result.
  const importContext = context();
  at.imported = importContext.now.toISOString();
  const text = options.text ?? (await readFile(join(process.cwd(), 'test/fixtures/pabulib', file), 'utf8'));
  const { roundId, budgetId, result } = await importPabulib({ store, vault: new InMemoryRoundKeyVault(), now: () => importContext.now, newId }, text, importContext, { concurrency: 8 });

  const run = async (command: { type: string; data: Record<string, unknown> }, reason?: string) => {
    const ctx = context(reason);
    at[command.type === 'AdvancePhase' ? String(command.data.to) : command.type] = ctx.now.toISOString();
    await handleCommand(store, roundStream(roundId), roundDecider, { ...command, data: { ...command.data, at: ctx.now.toISOString() } } as unknown as RoundCommand, ctx, { newId, streamMustExist: true });
  };
  const seal = async (phase: string) => {
    const ctx = context('verzegeld bij de overgang naar een nieuwe fase');
    at[`sealed:${phase}`] = ctx.now.toISOString();
    const sealed = await sealRound(store, roundId, { at: ctx.now.toISOString(), phase });
    await handleCommand(store, roundStream(roundId), facts, [sealed as unknown as Fact], ctx, { newId, streamMustExist: true });
    return sealed.data.digest;
  };

  // 2. Adoption opens, and is sealed (covering the published count).
  await run({ type: 'AdvancePhase', data: { roundId, to: 'adoption', reason: 'Volgens de planning', decision: null, frame: null } });
  await seal('adoption');

  const box = (await loadBallotBox(store, roundId, TENANT)).state;
  const counted = { winners: result.winners, explanation: result.explanation };
  return {
    store,
    roundId,
    budgetId,
    winners: result.winners.map((w) => w.proposalId),
    names: new Map(box.frame.plans.map((p) => [p.planId, p.name ?? p.planId])),
    at,
    command: run,
    seal,
    countedResult: async () => counted,
    now: () => now().toISOString(),
  };
}

/** Runs the CLI in-process and collects what it prints. */
export async function audit(store: EventStore | null, argv: string[], extra: Pick<AuditRun, 'signer' | 'refuseUnsigned'> & { readModels?: () => Promise<ReadModelDatabase> } = {}) {
  const { runAudit } = await import('../audit-cli.js');
  let out = '';
  let err = '';
  const code = await runAudit({ argv, store, out: (t) => (out += t), err: (t) => (err += t), progress: false, now: () => new Date('2026-06-01T12:00:00.000Z'), ...extra });
  return { code, out, err };
}
