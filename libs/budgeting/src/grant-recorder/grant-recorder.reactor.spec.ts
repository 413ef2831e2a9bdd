import { describe, it } from '@jest/globals';
import { ReactorSpecification } from '@lib/es/testing';
import { RecordGrant } from '../proposal/decide-grant/decide-grant.command.js';
import { BEZWAAR } from '../proposal/testing/proposal.given.js';
import type { RoundEvent, RoundFrame } from '../round/round.events.js';
import { aRoundFrame, aRoundIn, ROUND_ID } from '../round/testing/round.given.js';
import { grantRecorderReactor, ReleaseUnrecordedGrant } from './grant-recorder.reactor.js';

const given = ReactorSpecification.for(grantRecorderReactor, `Round-${ROUND_ID}`);
const AT = '2026-03-10T12:00:00.000Z';
const FUND: RoundFrame = { ...aRoundFrame(), form: 'initiatievenfonds', areaCeilings: [], regime: null, hasBallot: false, intake: { decisionTermWeeks: 8, extensionWeeks: 6, fixedIntakeAboveCents: 500_000 } };
const intake = aRoundIn('intake', FUND, ['planned', 'intake', 'closed']);
const grant = { proposalRevision: 2, decisionReference: 'Z/26/0042', decisionDate: '2026-03-10', appeal: BEZWAAR, reason: 'Voldoet aan de regeling' };
const committed = (extra: object = {}): RoundEvent => ({ type: 'FundsCommitted', data: { roundId: ROUND_ID, proposalId: 'p-7', amountCents: 250_000, areaCode: null, committedCents: 250_000, at: AT, ...extra } });

describe('grant-recorder reactor', () => {
  it('a commitment for a grant records the grant on the plan, then releases the commitment unless the plan holds it', () => {
    const commitment = `event-${intake.length}`;
    given([...intake, committed({ grant })]).then([
      new RecordGrant({ proposalId: 'p-7', commitment, amountCents: 250_000, decisionReference: 'Z/26/0042', decisionDate: '2026-03-10', appeal: BEZWAAR, reason: 'Voldoet aan de regeling', at: AT }),
      new ReleaseUnrecordedGrant({ roundId: ROUND_ID, proposalId: 'p-7', amountCents: 250_000, commitment, at: AT }),
    ]);
  });

  it('a revised grant on an objection records the decision on it and the whole new amount; the release gives back only the raise', () => {
    const commitment = `event-${intake.length}`;
    const beroep = { route: 'beroep' as const, periodWeeks: 6, addressedTo: 'de rechtbank' };
    const objection = {
      proposalId: 'p-7',
      objectionId: 'o-1',
      outcome: 'gegrond' as const,
      decisionReference: 'BOB/26/001',
      decisionDate: '2026-04-15',
      revokes: 'Z/26/0042',
      revised: { granted: true as const, amountCents: 400_000 },
      beroep,
      reason: 'Hoger bedrag terecht',
      at: AT,
    };
    const revised = { proposalRevision: 5, decisionReference: 'BOB/26/001', decisionDate: '2026-04-15', appeal: beroep, reason: 'Hoger bedrag terecht', objection, grantedTotalCents: 400_000 };
    given([...intake, committed({ amountCents: 150_000, grant: revised })]).then([
      new RecordGrant({ proposalId: 'p-7', commitment, amountCents: 400_000, decisionReference: 'BOB/26/001', decisionDate: '2026-04-15', appeal: beroep, reason: 'Hoger bedrag terecht', at: AT, objection }),
      new ReleaseUnrecordedGrant({ roundId: ROUND_ID, proposalId: 'p-7', amountCents: 150_000, commitment, at: AT }),
    ]);
  });

  it('a commitment without a grant (made by hand, or before grants were recorded this way) asks nothing of the plan', () => {
    given([...intake, committed()]).then([]);
  });
});
