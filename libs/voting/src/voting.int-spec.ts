import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { DomainError, reactNow } from '@lib/es';
import { InMemoryEventStore } from '@lib/event-store';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../test/support/sql-store.js';
import { changePhase } from './ballot-box/change-phase/change-phase.use-case.js';
import { prepareBallotBoxWithFrame } from './ballot-box/prepare-ballot-box/prepare-ballot-box.use-case.js';
import { castBallotFor } from './ballot/cast-ballot/cast-ballot.use-case.js';
import type { BallotContent } from './ballot/ballot.content.js';
import { ballotStream } from './ballot/ballot.events.js';
import { countRound, standingBallots } from './count/count-round.js';
import { confirmBatch, countedOfBatch } from './paper-batch/confirm-paper-batch/confirm-paper-batch.use-case.js';
import { enterPaperBallotFor } from './paper-batch/enter-paper-ballot/enter-paper-ballot.use-case.js';
import { openBatch } from './paper-batch/open-paper-batch/open-paper-batch.use-case.js';
import { paperBatchStream } from './paper-batch/paper-batch.events.js';
import { paperCountReaction } from './paper-batch/paper-count/paper-count.reactor.js';
import { blockCode } from './participant/block-voting-code/block-voting-code.use-case.js';
import { generateVotingCodes } from './participant/generate-voting-codes/generate-voting-codes.use-case.js';
import { importVoterRoll } from './participant/import-voter-roll/import-voter-roll.use-case.js';
import { codeSuccessorReaction } from './participant/code-successor/code-successor.reactor.js';
import { participantByCode } from './participant/participant.lookup.js';
import { reissueCode } from './participant/reissue-voting-code/reissue-voting-code.use-case.js';
import { voterRollOf } from './participant/voter-roll.counts.js';
import { ballotRefOf, CODE_ALPHABET, participantRefOf } from './round-key/pseudonym.js';
import { FileRoundKeyVault } from './round-key/round-key.file-vault.js';
import { InMemoryRoundKeyVault, RoundKeyDestroyedError } from './round-key/round-key.vault.js';
import { aContext, anApprovalFrame } from './testing/voting.given.js';
import type { VotingDeps } from './voting.deps.js';

const context = aContext();
const voter = aContext({ role: 'voter', actor: 'voter' });

async function openRound(deps: VotingDeps, codes = 3, frame = anApprovalFrame()): Promise<{ roundId: string; codes: string[] }> {
  const roundId = randomUUID();
  await prepareBallotBoxWithFrame(deps, roundId, frame, context);
  const { csv } = await generateVotingCodes(deps, { roundId, count: codes, area: 'WK036301', ageBand: '18-64' }, context);
  await changePhase(deps, { roundId, change: 'open', reason: 'Schedule' }, context);
  return { roundId, codes: csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]!) };
}

async function cast(deps: VotingDeps, roundId: string, code: string, content: BallotContent, replaceAt?: bigint) {
  const participant = await participantByCode(deps.store, deps.vault, roundId, code, context.tenant);
  return castBallotFor(deps, { roundId, participantRef: participant!.state.participantRef, content, channel: 'online', verification: 'voting-code' }, voter, { replaceAt });
}

const memoryDeps = (): VotingDeps => ({ store: new InMemoryEventStore(), vault: new InMemoryRoundKeyVault(), now: () => new Date('2026-05-01T09:00:00.000Z'), newId: () => randomUUID() });
const plain = (events: { streamName: string; data: unknown; metadata: unknown }[]): string => JSON.stringify(events.map((e) => [e.streamName, e.data, e.metadata]));
const plansCount = (content: BallotContent): number => (content.type === 'approval' ? content.choices.length : 0);
const total = async (deps: VotingDeps) => (await deps.store.readAll({ maxCount: 100_000 })).length;

async function rejected(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('voting over the event store', () => {
  it('generated codes: 16 symbols of the unambiguous alphabet, only their HMAC on the roll', async () => {
    const deps = memoryDeps();
    const { roundId, codes } = await openRound(deps);
    for (const code of codes) expect(code).toMatch(new RegExp(`^([${CODE_ALPHABET}]{4}-){3}[${CODE_ALPHABET}]{4}$`));
    const all = plain(await deps.store.readAll({ maxCount: 1000 }));
    for (const code of codes) {
      expect(all).not.toContain(code);
      expect(all).not.toContain(code.replaceAll('-', ''));
    }
    const key = await deps.vault.keyFor(roundId);
    expect(all).toContain(participantRefOf(key, codes[0]!));
  });

  it('200 concurrent first ballots with the same code: exactly one stands', async () => {
    const deps = memoryDeps();
    const { roundId, codes } = await openRound(deps, 1);
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => cast(deps, roundId, codes[0]!, { type: 'approval', choices: [i % 2 ? 'p-park' : 'p-bench'] })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as DomainError).code ?? (o.reason as Error).name);
    expect(new Set(refusals)).toEqual(new Set(['BALLOT.ALREADY_CAST']));
    const key = await deps.vault.keyFor(roundId);
    const participant = await participantByCode(deps.store, deps.vault, roundId, codes[0]!, context.tenant);
    const events = await deps.store.readStream(ballotStream(roundId, ballotRefOf(key, participant!.state.rootRef)));
    expect(events.map((e) => e.type)).toEqual(['BallotCast']);
    expect(await standingBallots(deps.store, roundId, context.tenant)).toHaveLength(1);
  });

  it('each broken constraint has its own code and appends nothing', async () => {
    const deps = memoryDeps();
    const { roundId, codes } = await openRound(deps, 1);
    const before = await total(deps);
    const cases: [BallotContent, string][] = [
      [{ type: 'approval', choices: ['p-park', 'p-bench', 'p-trees', 'p-mural'] }, 'BALLOT.TOO_MANY_PLANS'],
      [{ type: 'approval', choices: [] }, 'BALLOT.TOO_FEW_PLANS'],
      [{ type: 'approval', choices: ['p-park', 'p-trees', 'p-mural'] }, 'BALLOT.COST_CAP_EXCEEDED'],
      [{ type: 'approval', choices: ['p-unknown'] }, 'BALLOT.UNKNOWN_PLAN'],
      [{ type: 'cumulative', points: { 'p-park': 3 } }, 'BALLOT.WRONG_TYPE'],
    ];
    for (const [content, code] of cases) expect(await rejected(cast(deps, roundId, codes[0]!, content))).toBe(code);
    expect(await total(deps)).toBe(before);
  });

  it('replaces a ballot at the revision the voter saw, refuses a stale one, and refuses once voting closed', async () => {
    const deps = memoryDeps();
    const { roundId, codes } = await openRound(deps, 1);
    const first = await cast(deps, roundId, codes[0]!, { type: 'approval', choices: ['p-park'] });
    const second = await cast(deps, roundId, codes[0]!, { type: 'approval', choices: ['p-trees'] }, first.nextRevision);
    expect(second.events.map((e) => e.type)).toEqual(['BallotReplaced']);
    await expect(cast(deps, roundId, codes[0]!, { type: 'approval', choices: ['p-bench'] }, first.nextRevision)).rejects.toMatchObject({ name: 'WrongExpectedVersionError' });
    const signedIn = await participantByCode(deps.store, deps.vault, roundId, codes[0]!, context.tenant);
    await changePhase(deps, { roundId, change: 'close', reason: 'End of the period' }, context);
    // A voter signed in before the close is refused for the close (not for the key that went with it); the code itself no longer leads anywhere.
    const late = castBallotFor(deps, { roundId, participantRef: signedIn!.state.participantRef, content: { type: 'approval', choices: ['p-bench'] }, channel: 'online', verification: 'voting-code' }, voter, { replaceAt: second.nextRevision });
    expect(await rejected(late)).toBe('BALLOT.VOTING_CLOSED');
    expect(await rejected(cast(deps, roundId, codes[0]!, { type: 'approval', choices: ['p-bench'] }, second.nextRevision))).toBe('ROUND_KEY.DESTROYED');
    const [ballot] = await standingBallots(deps.store, roundId, context.tenant);
    expect(ballot!.content).toEqual({ type: 'approval', choices: ['p-trees'] });
  });

  it('a blocked code is refused; a re-issued code leads to the same ballot', async () => {
    const deps = memoryDeps();
    const { roundId, codes } = await openRound(deps, 2);
    await blockCode(deps, { roundId, code: codes[0]!, reason: 'Letter stolen' }, context);
    expect(await rejected(cast(deps, roundId, codes[0]!, { type: 'approval', choices: ['p-park'] }))).toBe('BALLOT.CODE_BLOCKED');

    await cast(deps, roundId, codes[1]!, { type: 'approval', choices: ['p-park'] });
    const { code: successor, stream, result } = await reissueCode(deps, { roundId, code: codes[1]!, reason: 'Letter lost' }, context);
    // The re-issue is the old code's only; the new code is on the roll once the code-successor reactor ran.
    expect(result.events.map((e) => e.type)).toEqual(['VotingCodeReissued']);
    expect(await participantByCode(deps.store, deps.vault, roundId, successor, context.tenant)).toBeNull();
    const appended = await deps.store.readStream(stream, { fromRevision: result.nextRevision });
    await reactNow([codeSuccessorReaction(deps.store)], appended, (name, revision) => deps.store.readStream(name, { maxCount: Number(revision) + 1 }));
    expect((await participantByCode(deps.store, deps.vault, roundId, successor, context.tenant))?.state).toMatchObject({ status: 'active', area: 'WK036301', ageBand: '18-64', eligible: true });
    expect(await rejected(cast(deps, roundId, successor, { type: 'approval', choices: ['p-bench'] }))).toBe('BALLOT.ALREADY_CAST');
    // The successor stands for a participant already on the roll.
    expect(await voterRollOf(deps.store, roundId, context.tenant)).toEqual({ registered: 2, eligible: 2 });
    expect(await rejected(cast(deps, roundId, codes[1]!, { type: 'approval', choices: ['p-bench'] }))).toBe('BALLOT.CODE_BLOCKED');
  });

  it('refuses a roll file with personal data or unknown columns whole, and applies the frame\'s eligibility', async () => {
    const deps = memoryDeps();
    const roundId = randomUUID();
    await prepareBallotBoxWithFrame(deps, roundId, anApprovalFrame(), context);
    const before = await total(deps);
    expect(await rejected(importVoterRoll(deps, roundId, 'code,area,age_band,naam\nABCD2345EFGH,WK036301,18-64,Jansen\n', context))).toBe('VOTER_ROLL.PERSONAL_DATA_COLUMN');
    expect(await rejected(importVoterRoll(deps, roundId, 'code;area;age_band;bsn\nABCD2345EFGH;WK036301;18-64;123456782\n', context))).toBe('VOTER_ROLL.PERSONAL_DATA_COLUMN');
    expect(await rejected(importVoterRoll(deps, roundId, 'code,area,age_band,notes\nABCD2345EFGH,WK036301,18-64,x\n', context))).toBe('VOTER_ROLL.UNEXPECTED_COLUMN');
    expect(await rejected(importVoterRoll(deps, roundId, 'code,area,age_band\nABCD2345EFGH,WK036301,18-64\nABCD2345EFGZ,WK036301,12-17\n', context))).toBe('PARTICIPANT.AGE_BAND_STRADDLES_MINIMUM');
    expect(await total(deps)).toBe(before);
    const summary = await importVoterRoll(deps, roundId, 'code,area,age_band,role\nABCD2345EFGH,WK036301,18-64,\nABCD2345EFGK,WK036302,12-15,\nABCD2345EFGM,WK036302,65+,council-member\nABCD2345EFGN,WK036302,65+,\n', context);
    expect(summary).toEqual({ registered: 4, eligible: 2 });
    // Each code in its own stream and nowhere else: the box holds no count, the registrations are the roll.
    const added = (await deps.store.readAll({ maxCount: 1000 })).slice(before);
    expect(added.map((e) => [e.streamName.split('_')[0], e.type])).toEqual(Array.from({ length: 4 }, () => [`Participant-${roundId}`, 'ParticipantRegistered']));
    expect(await voterRollOf(deps.store, roundId, context.tenant)).toEqual({ registered: 4, eligible: 2 });
    expect(await rejected(importVoterRoll(deps, roundId, 'code,area,age_band\nabcd-2345-efgh,WK036301,18-64\n', context))).toBe('PARTICIPANT.ALREADY_REGISTERED');
  });

  it('paper: a confirmed batch counts; a code used on paper and online counts once (paper wins)', async () => {
    const deps = memoryDeps();
    const { roundId, codes } = await openRound(deps, 3);
    await cast(deps, roundId, codes[0]!, { type: 'approval', choices: ['p-park'] });
    const officialA = aContext({ actor: 'official-a', role: 'official' });
    const officialB = aContext({ actor: 'official-b', role: 'official' });
    const { batchId } = await openBatch(deps, { roundId, pollingStation: 'Stadhuis', batchNumber: 1, slipCount: 2 }, officialA);
    await enterPaperBallotFor(deps, { roundId, batchId, code: codes[0]!, content: { type: 'approval', choices: ['p-mural'] } }, officialA);
    expect(await rejected(confirmBatch(deps, { roundId, batchId }, officialB))).toBe('PAPER_BATCH.COUNT_MISMATCH');
    await enterPaperBallotFor(deps, { roundId, batchId, code: codes[1]!, content: { type: 'approval', choices: ['p-mural', 'p-bench'] } }, officialA);
    expect(await rejected(confirmBatch(deps, { roundId, batchId }, officialA))).toBe('PAPER_BATCH.SAME_OFFICIAL');
    // Before confirmation only the online ballot counts.
    expect(await standingBallots(deps.store, roundId, context.tenant)).toHaveLength(1);
    await changePhase(deps, { roundId, change: 'close', reason: 'End of the period' }, context);
    const confirmed = await confirmBatch(deps, { roundId, batchId }, officialB);
    // The confirmation is the batch's only: its ballots count once the paper-count reactor ran.
    expect(confirmed.events.map((e) => e.type)).toEqual(['PaperBatchConfirmed']);
    expect(await standingBallots(deps.store, roundId, context.tenant)).toHaveLength(1);
    const appended = await deps.store.readStream(paperBatchStream(roundId, batchId), { fromRevision: confirmed.nextRevision });
    await reactNow([paperCountReaction(deps.store)], appended, (stream, revision) => deps.store.readStream(stream, { maxCount: Number(revision) + 1 }));
    expect(await countedOfBatch(deps.store, { roundId, batchId }, context.tenant)).toBe(2);
    const ballots = await standingBallots(deps.store, roundId, context.tenant);
    expect(ballots.map((b) => b.channel).sort()).toEqual(['paper', 'paper']);
    expect(ballots.map((b) => b.content).sort((a, b) => plansCount(a) - plansCount(b))).toEqual([
      { type: 'approval', choices: ['p-mural'] },
      { type: 'approval', choices: ['p-mural', 'p-bench'] },
    ]);
  });
});

describe('secrecy: after sealing nobody can link a code to its ballot, and every count still works (key directory and SQL store)', () => {
  let sql: TestSqlStore;
  let deps: VotingDeps;
  let keyDir: string;
  beforeAll(async () => {
    sql = await openTestSqlStore();
    keyDir = await mkdtemp(join(tmpdir(), 'round-keys-'));
    deps = { store: sql.store, vault: await FileRoundKeyVault.open(keyDir), now: () => new Date('2026-05-01T09:00:00.000Z'), newId: () => randomUUID() };
  });
  afterAll(async () => {
    await sql.cleanup();
    await closeSharedPglite();
    await rm(keyDir, { recursive: true, force: true });
  });

  it('200 concurrent first ballots with the same code over the SQL store: exactly one stands', async () => {
    const { roundId, codes } = await openRound(deps, 1);
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => cast(deps, roundId, codes[0]!, { type: 'approval', choices: ['p-park'] })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => (o.reason as DomainError).code ?? (o.reason as Error).name);
    expect(new Set(refusals)).toEqual(new Set(['BALLOT.ALREADY_CAST']));
    expect(await standingBallots(deps.store, roundId, context.tenant)).toHaveLength(1);
  });

  it('destroys the round key at the seal when a correction window kept it past the close: the same code no longer maps to its stream, the recount is unchanged, no event or table holds a code', async () => {
    const { roundId, codes } = await openRound(deps, 4, anApprovalFrame({ ballot: { ...anApprovalFrame().ballot, correctionWindowDays: 7 } }));
    const choices = [['p-park'], ['p-park', 'p-bench'], ['p-trees'], ['p-park', 'p-mural']];
    for (const [i, code] of codes.entries()) await cast(deps, roundId, code, { type: 'approval', choices: choices[i]! });
    const key = await deps.vault.keyFor(roundId);
    const participant = await participantByCode(deps.store, deps.vault, roundId, codes[0]!, context.tenant);
    const streamOfFirst = ballotStream(roundId, ballotRefOf(key, participant!.state.rootRef));
    expect(await deps.store.readStream(streamOfFirst)).toHaveLength(1);
    await changePhase(deps, { roundId, change: 'close', reason: 'End of the period' }, context);
    const before = await countRound(deps.store, roundId, context.tenant);

    expect(await rejected(changePhase(deps, { roundId, change: 'seal', reason: '' }, context))).toBe('BALLOT_BOX.REASON_REQUIRED');
    expect(await deps.vault.status(roundId)).toBe('active');
    await changePhase(deps, { roundId, change: 'seal', reason: 'Result adopted by the council' }, context);

    // The link is gone: the vault has no key, and no one can make one for the round again.
    expect(await deps.vault.status(roundId)).toBe('destroyed');
    expect(await deps.vault.existingKey(roundId)).toBeNull();
    await expect(deps.vault.keyFor(roundId)).rejects.toBeInstanceOf(RoundKeyDestroyedError);
    await expect(participantByCode(deps.store, deps.vault, roundId, codes[0]!, context.tenant)).rejects.toBeInstanceOf(RoundKeyDestroyedError);
    // A guessed key (or none) leads nowhere.
    const guess = ballotRefOf(Buffer.alloc(32), participantRefOf(Buffer.alloc(32), codes[0]!));
    expect(await deps.store.readStream(ballotStream(roundId, guess))).toHaveLength(0);

    // Counting and recounting work from the ballot events alone.
    const after = await countRound(deps.store, roundId, context.tenant);
    expect(after.result.winners).toEqual(before.result.winners);
    expect(after.ballots).toBe(4);

    // No event and no table holds a code, in clear or normalised.
    const dump = JSON.stringify(await sql.sql.query(`SELECT data, metadata, stream_id FROM ${sql.schema}.events`));
    const keys = JSON.stringify(await sql.sql.query(`SELECT * FROM information_schema.columns WHERE column_name = 'code'`));
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replaceAll('-', ''));
    }
    expect(keys).toBe('[]');
    // Ballot events never carry the participant's pseudonym, not even as actor.
    const ballotEvents = (await deps.store.readAll({ maxCount: 1000 })).filter((e) => e.streamName.startsWith('Ballot-'));
    expect(ballotEvents.every((e) => e.metadata.actor === 'voter')).toBe(true);
    expect(plain(ballotEvents)).not.toContain(participant!.state.participantRef);
  });
});
