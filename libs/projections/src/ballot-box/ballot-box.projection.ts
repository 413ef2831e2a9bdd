import type { RecordedEvent } from '@lib/event-store';
import type { BallotBoxEvent, BallotCast, BallotReplaced, ParticipantRegistered, VoterRollExtended, VoterSignedIn } from '@lib/voting/events';
import { domainEvent, type Projection, type ProjectionContext, tenantOf, truncateTables } from '../projection.js';
import { CounterBatch, RowBatch } from '../rows.js';
import type { BallotBoxRow, TurnoutBallotsAgeRow, TurnoutBallotsRow, TurnoutRollRow } from './ballot-box.entity.js';

type VotingReadEvent = Exclude<BallotBoxEvent, VoterRollExtended> | ParticipantRegistered | VoterSignedIn | BallotCast | BallotReplaced;

const TABLES = ['ballot_box', 'turnout_ballots', 'turnout_ballots_age', 'turnout_roll'] as const;

/**
 * Ballot boxes (phase, plans, roll size, sign-ins, when the round key went) and turnout: ballots per area and channel, ballots per age band, eligible per area and age band.
 * The roll's size is counted from its registrations. `VoterRollExtended`, which older stores hold beside
 * the same registrations, is not read: counting both would count the roll twice.
 */
export const ballotBoxProjection: Projection = {
  name: 'ballot-box',
  // 2: ballots per age band (turnout_ballots_age). 3: registered and eligible from ParticipantRegistered.
  version: 3,
  // Sign-ins and key destructions are new types: boxes from before have none, so no rebuild.
  canHandle: ['BallotBoxPrepared', 'BallotBoxOpened', 'BallotBoxClosed', 'RoundKeyDestroyed', 'BallotBoxSealed', 'ParticipantRegistered', 'VoterSignedIn', 'BallotCast', 'BallotReplaced'],
  tables: TABLES,
  truncate: truncateTables(TABLES),
  async handle(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const boxes = new RowBatch<BallotBoxRow>(context, 'ballot_box', ['round_id']);
    const ballots = new CounterBatch<TurnoutBallotsRow>(context, 'turnout_ballots', ['round_id', 'area', 'channel'], ['ballots']);
    const ages = new CounterBatch<TurnoutBallotsAgeRow>(context, 'turnout_ballots_age', ['round_id', 'age_band'], ['ballots']);
    const roll = new CounterBatch<TurnoutRollRow>(context, 'turnout_roll', ['round_id', 'area', 'age_band'], ['eligible']);
    await boxes.load('round_id', events.filter((e) => e.type !== 'BallotCast' && e.type !== 'BallotReplaced').map((e) => (e.data as { roundId: string }).roundId));
    for (const recorded of events) {
      const event = domainEvent<VotingReadEvent>(recorded);
      const tenant = tenantOf(recorded);
      switch (event.type) {
        case 'BallotCast':
          ballots.add({ round_id: event.data.roundId, area: event.data.area, channel: event.data.channel, tenant, ballots: 1 });
          // A replaced ballot is the same participant's: its age band does not change.
          ages.add({ round_id: event.data.roundId, age_band: event.data.ageBand ?? 'unknown', tenant, ballots: 1 });
          continue;
        case 'BallotReplaced':
          if (event.data.replacedChannel === event.data.channel) continue;
          ballots.add({ round_id: event.data.roundId, area: event.data.area, channel: event.data.replacedChannel, tenant, ballots: -1 });
          ballots.add({ round_id: event.data.roundId, area: event.data.area, channel: event.data.channel, tenant, ballots: 1 });
          continue;
        case 'ParticipantRegistered': {
          // A re-issued code stands for a participant already on the roll.
          if (event.data.source === 'reissue') continue;
          if (event.data.eligible) roll.add({ round_id: event.data.roundId, area: event.data.area, age_band: event.data.ageBand, tenant, eligible: 1 });
          const box = boxes.get(event.data.roundId);
          if (box) boxes.set({ ...box, registered: box.registered + 1, eligible: box.eligible + (event.data.eligible ? 1 : 0), updated_at: event.data.registeredAt });
          continue;
        }
        case 'BallotBoxPrepared': {
          const { frame } = event.data;
          boxes.set({
            round_id: event.data.roundId,
            tenant,
            budget_id: frame.budgetId,
            frame_version: frame.frameVersion,
            phase: 'prepared',
            ballot_type: frame.ballot.type,
            tally_rule: frame.tally.rule,
            budget_cents: frame.budgetCents,
            plans: frame.plans,
            registered: 0,
            eligible: 0,
            opened_at: null,
            closed_at: null,
            sealed_at: null,
            sign_ins: 0,
            key_destroyed_at: null,
            updated_at: event.data.preparedAt,
          });
          continue;
        }
      }
      const box = boxes.get(event.data.roundId);
      if (!box) continue;
      switch (event.type) {
        case 'BallotBoxOpened':
          boxes.set({ ...box, phase: 'open', opened_at: event.data.openedAt, updated_at: event.data.openedAt });
          break;
        case 'BallotBoxClosed':
          boxes.set({ ...box, phase: 'closed', closed_at: event.data.closedAt, updated_at: event.data.closedAt });
          break;
        case 'BallotBoxSealed':
          boxes.set({ ...box, phase: 'sealed', sealed_at: event.data.sealedAt, updated_at: event.data.sealedAt });
          break;
        case 'RoundKeyDestroyed':
          boxes.set({ ...box, key_destroyed_at: event.data.destroyedAt, updated_at: event.data.destroyedAt });
          break;
        case 'VoterSignedIn':
          boxes.set({ ...box, sign_ins: box.sign_ins + 1 });
          break;
      }
    }
    await boxes.flush();
    await ballots.flush();
    await ages.flush();
    await roll.flush();
  },
};
