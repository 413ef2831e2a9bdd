import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEsdbEventStore, type EventStore, InMemoryEventStore } from '@lib/event-store';
import { EsdbDouble } from '../../../test/esdb-double/esdb-double.js';
import { closeSharedPglite, openTestSqlStore } from '../../../test/support/sql-store.js';
import { anAuditedRound, audit, type AuditedRound } from './testing/audited-round.js';

interface Backend {
  name: string;
  open(): Promise<{ store: EventStore; close(): Promise<void> }>;
}

const double = new EsdbDouble();
const backends: Backend[] = [
  { name: 'in memory', open: async () => ({ store: new InMemoryEventStore(), close: async () => undefined }) },
  {
    name: `SQL (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
    open: async () => {
      const db = await openTestSqlStore();
      return { store: db.store, close: () => db.cleanup() };
    },
  },
  {
    name: 'EventStoreDB (gRPC double)',
    open: async () => {
      await double.start();
      const store = createEsdbEventStore({ connectionString: double.connectionString(), deadlineMs: 5000 });
      return {
        store,
        close: async () => {
          await store.close();
          await double.stop();
        },
      };
    },
  },
];

/** What every backend must answer the same, for Assen 2024 walked through the same commands. */
const ASSEN_WINNERS = ['11', '12', '13', '14', '2', '3', '5', '6', '9'];

afterAll(closeSharedPglite);

for (const backend of backends) {
  describe(`the audit CLI against ${backend.name}`, () => {
    let opened: Awaited<ReturnType<Backend['open']>>;
    let round: AuditedRound;
    beforeAll(async () => {
      opened = await backend.open();
      round = await anAuditedRound(opened.store, 'Netherlands_Assen_2024.pb');
    });
    afterAll(async () => {
      await opened?.close();
    });

    it('verifies the chains and seals, and the digest the council published', async () => {
      const { code, out } = await audit(opened.store, ['verify', '--round', round.roundId, '--json']);
      expect(code).toBe(0);
      // Budget, Round, BallotBox (the key destroyed at the close among them), 84 ballots and 84 participants: every event of the round.
      expect(JSON.parse(out)).toMatchObject({ ok: true, streams: 171, events: 190, seals: 6, breaks: [] });
      const seal = JSON.parse((await audit(opened.store, ['seal', '--round', round.roundId, '--json'])).out) as { digest: string; phase: string };
      expect(seal.phase).toBe('adoption');
      expect((await audit(opened.store, ['verify', '--round', round.roundId, '--expect-seal', seal.digest])).code).toBe(0);
      expect((await audit(opened.store, ['verify', '--round', round.roundId, '--expect-seal', '0'.repeat(64)])).code).toBe(1);
    });

    it('lists the round\'s decisions in order', async () => {
      const { code, out } = await audit(opened.store, ['history', '--round', round.roundId, '--json']);
      expect(code).toBe(0);
      const entries = JSON.parse(out) as { type: string; streamName: string }[];
      // The import's commands (plan, phases, the roll, the count published), each phase change followed by its seal and
      // by the box and the budget (its reactions, in order), then the adoption and its seal. The roll's 84 registrations
      // are one act: the first of them stands for the import.
      expect(entries.map((e) => `${e.streamName.split('-')[0]} ${e.type}`)).toEqual([
        'Budget BudgetEstablished',
        'Round RoundPlanned',
        'Round RoundPhaseAdvanced',
        'Round SubmissionOpened',
        'Round RoundSealed',
        'Round RoundPhaseAdvanced',
        'Round RoundSealed',
        'Round RoundPhaseAdvanced',
        'Round RoundSealed',
        'BallotBox BallotBoxPrepared',
        'Round RoundPhaseAdvanced',
        'Round RoundRulesFrozen',
        'Round RoundSealed',
        'BallotBox BallotBoxOpened',
        'Budget FrameVersionFrozen',
        'Participant ParticipantRegistered',
        'Round RoundPhaseAdvanced',
        'Round RoundSealed',
        'BallotBox BallotBoxClosed',
        'BallotBox RoundKeyDestroyed',
        'Round ResultPublished',
        'Round RoundPhaseAdvanced',
        'Round RoundSealed',
      ]);
    });

    it('recounts the ballots to the published result', async () => {
      const { code, out } = await audit(opened.store, ['recount', '--round', round.roundId, '--json']);
      expect(code).toBe(0);
      const report = JSON.parse(out) as { match: boolean; ballots: number; recount: { winners: string[] } };
      expect(report).toMatchObject({ match: true, ballots: 84 });
      expect([...report.recount.winners].sort()).toEqual(ASSEN_WINNERS);
    });
  });
}
