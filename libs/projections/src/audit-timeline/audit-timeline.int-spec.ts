import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '@lib/event-store';
import { given, type GivenEvent, openTestReadModels, project, type TestReadModels } from '../testing/read-models.given.js';
import { auditTimelineProjection } from './audit-timeline.projection.js';

const R = 'r-roll';
const staff = (correlation: string, actor = 'staff-1') => ({ actor, role: 'administrator', $correlationId: correlation, $causationId: correlation });
const registered = (ref: string, source: string, metadata: GivenEvent['metadata']): GivenEvent => ({
  stream: `Participant-${R}_${ref}`,
  type: 'ParticipantRegistered',
  data: { roundId: R, participantRef: ref, rootRef: ref, area: 'BU01', ageBand: '18-64', eligible: true, ineligibility: null, source, registeredAt: '2026-04-20T10:00:00.000Z' },
  metadata,
});
const box = (type: string, data: object, metadata: GivenEvent['metadata']): GivenEvent => ({ stream: `BallotBox-${R}`, type, data: { roundId: R, ...data }, metadata });

describe('audit timeline: a roll import is one staff act', () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 10 });
  let rm: TestReadModels;
  const timeline = async () =>
    (
      await rm.db.read((m) =>
        m.query<{ stream_name: string; event_type: string; actor: string; correlation_id: string }[]>(
          `SELECT stream_name, event_type, actor, correlation_id FROM ${rm.db.schema}.audit_timeline WHERE round_id = $1 ORDER BY commit_position, prepare_position`,
          [R],
        ),
      )
    ).map((r) => [r.event_type, r.stream_name.split('_')[1] ?? r.stream_name, r.actor, r.correlation_id]);

  beforeAll(async () => {
    rm = await openTestReadModels();
  });
  afterAll(async () => {
    await rm.cleanup();
  });

  it('lists the first registration of each import (per correlation id), across batches; not a resident\'s own, not a successor, not VoterRollExtended', async () => {
    await given(store, [
      box('BallotBoxPrepared', { frame: { budgetId: 'b-1', plans: [] }, preparedAt: '2026-04-15T10:00:00.000Z' }, staff('prepare')),
      registered('a', 'municipality-file', staff('file-1')),
      registered('b', 'municipality-file', staff('file-1')),
      registered('c', 'municipality-file', staff('file-1')),
      // An older store also holds the box's count of the same import.
      box('VoterRollExtended', { source: 'municipality-file', registered: 3, eligible: 3, extendedAt: '2026-04-20T10:00:00.000Z' }, staff('file-1')),
      registered('d', 'generated', staff('print-1', 'staff-2')),
      registered('e', 'generated', staff('print-1', 'staff-2')),
      registered('r', 'oidc', { actor: 'resident', role: 'resident', $correlationId: 'sign-in-1', $causationId: 'sign-in-1' }),
    ]);
    await project(store, rm.db, [auditTimelineProjection]);
    expect(await timeline()).toEqual([
      ['BallotBoxPrepared', `BallotBox-${R}`, 'staff-1', 'prepare'],
      ['ParticipantRegistered', 'a', 'staff-1', 'file-1'],
      ['ParticipantRegistered', 'd', 'staff-2', 'print-1'],
    ]);

    // Later batches: more of a listed import add nothing; a re-issue is listed, its successor is not; a new import is.
    await given(store, [
      registered('f', 'generated', staff('print-1', 'staff-2')),
      { stream: `Participant-${R}_a`, type: 'VotingCodeReissued', data: { roundId: R, participantRef: 'a', successorRef: 'a2', reason: 'Brief kwijt', reissuedAt: '2026-04-25T10:00:00.000Z' }, metadata: staff('reissue-1') },
      registered('a2', 'reissue', staff('reissue-1')),
      registered('g', 'municipality-file', staff('file-2')),
    ]);
    await project(store, rm.db, [auditTimelineProjection]);
    expect((await timeline()).slice(3)).toEqual([
      ['VotingCodeReissued', 'a', 'staff-1', 'reissue-1'],
      ['ParticipantRegistered', 'g', 'staff-1', 'file-2'],
    ]);
  });
});
