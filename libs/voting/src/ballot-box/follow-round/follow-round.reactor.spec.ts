import { describe, it } from '@jest/globals';
import { ReactorSpecification } from '@lib/es/testing';
import { aRoundIn, ROUND_ID } from '../../../../budgeting/src/round/testing/round.given.js';
import { FollowRound, followRoundReactor } from './follow-round.reactor.js';

const given = ReactorSpecification.for(followRoundReactor, `Round-${ROUND_ID}`);

describe('ballot-box reactor (the box follows its round)', () => {
  it('the round entering voting, leaving it, and its adoption: the box follows the round as it stood then', () => {
    const voting = aRoundIn('voting').slice(0, -1);
    given(voting).then([new FollowRound({ roundId: ROUND_ID, revision: BigInt(voting.length - 1) })]);
    const counting = aRoundIn('counting');
    given(counting).then([new FollowRound({ roundId: ROUND_ID, revision: BigInt(counting.length - 1) })]);
    const adopted = aRoundIn('implementation').slice(0, -1);
    given(adopted).then([new FollowRound({ roundId: ROUND_ID, revision: BigInt(adopted.length - 1) })]);
  });

  it('before voting there is no box to follow', () => {
    given(aRoundIn('support')).then([]);
    given(aRoundIn('feasibility')).then([]);
  });

  it('a round that does not vote has no box', () => {
    given(aRoundIn('intake', undefined, ['planned', 'intake', 'closed'])).then([]);
  });
});
