import { CommandStreamMissing, derivedId } from '@lib/es';
import type { EventStore, Position } from '@lib/event-store';
import type { ReactorLogger, Timer } from '@lib/platform';
import { type VotingDeps, loadBallotBox } from '../../voting.deps.js';
import type { BallotBoxClosed } from '../ballot-box.events.js';
import { keyDestructionDue } from '../ballot-box.state.js';
import { destroyRoundKeyAtWindowEnd } from './destroy-round-key.use-case.js';

export const ROUND_KEY_CLOCK = 'round-key-clock';

/**
 * Destroys round keys whose correction window ended. It learns of closed boxes from `$all` and
 * decides on each box's stream as it is, so a tick after downtime destroys every key that came due
 * while the process was down, and a second process finds the destruction recorded and does nothing.
 */
export class RoundKeyClock implements Timer {
  readonly name = ROUND_KEY_CLOCK;
  private after: Position | 'start' = 'start';
  /** Closed boxes whose key may still live, with their municipality. */
  private readonly pending = new Map<string, string>();

  constructor(
    private readonly deps: Pick<VotingDeps, 'store' | 'vault' | 'newId'>,
    private readonly logger: ReactorLogger = { info: () => undefined, error: () => undefined },
  ) {}

  async tick(now: Date): Promise<void> {
    await this.learn(this.deps.store);
    for (const [roundId, tenant] of this.pending) {
      let box;
      try {
        box = (await loadBallotBox(this.deps.store, roundId, tenant)).state;
      } catch (error) {
        if (!(error instanceof CommandStreamMissing)) throw error;
        this.pending.delete(roundId);
        continue;
      }
      if (box.keyDestroyedAt) {
        this.pending.delete(roundId);
        continue;
      }
      const due = keyDestructionDue(box);
      if (!due || due.getTime() > now.getTime()) continue;
      const context = { actor: ROUND_KEY_CLOCK, role: 'system', tenant, correlationId: derivedId(`${ROUND_KEY_CLOCK}:${roundId}`), reason: 'correction window ended', now };
      await destroyRoundKeyAtWindowEnd({ ...this.deps, now: () => now }, roundId, context);
      this.pending.delete(roundId);
      this.logger.info(`round ${roundId}: the correction window ended, the round key is destroyed`, { timer: ROUND_KEY_CLOCK, roundId });
    }
  }

  private async learn(store: EventStore): Promise<void> {
    for (;;) {
      const page = await store.readAll({ after: this.after, maxCount: 500, filter: { eventTypes: ['BallotBoxClosed'] } });
      for (const event of page) {
        const tenant = typeof event.metadata.tenant === 'string' ? event.metadata.tenant : '';
        if (tenant !== '') this.pending.set((event.data as BallotBoxClosed['data']).roundId, tenant);
      }
      if (page.length > 0) this.after = page[page.length - 1]!.position;
      if (page.length < 500) return;
    }
  }
}
