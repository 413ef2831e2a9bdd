import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE, Reactors } from '@lib/platform';
import { AdvancePhase } from '../round/advance-phase/advance-phase.command.js';
import { RoundCommandRunner } from '../round/round-command.runner.js';
import { RoundClock } from './round-clock.timer.js';

/** Runs the round clock in this process (ROUND_CLOCK_TICK_MS > 0): through the round's own write path, as any staff step. */
@Injectable()
export class RoundClockRegistration implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reactors: Reactors,
    private readonly runner: RoundCommandRunner,
  ) {}

  onModuleInit(): void {
    const intervalMs = this.reactors.config.ROUND_CLOCK_TICK_MS;
    if (intervalMs === 0) return;
    const log = new Logger('RoundClock');
    const clock = new RoundClock(
      this.store,
      async (roundId, due, envelope) => {
        const data = { roundId, to: due.to, reason: due.reason, decision: null, at: envelope.context.now.toISOString() };
        await this.runner.run(roundId, (_round, frame) => new AdvancePhase({ ...data, frame }), envelope);
      },
      { info: (m, d) => log.log(m, d), error: (m, d) => log.warn(m, d) },
    );
    this.reactors.registerTimer(clock, intervalMs);
  }
}
