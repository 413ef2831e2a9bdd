import { type CommandEnvelope, CommandStreamMissing, derivedId, DomainError } from '@lib/es';
import type { EventStore, Position } from '@lib/event-store';
import type { ReactorLogger, Timer } from '@lib/platform';
import type { RoundPhaseAdvanced, RoundPlanned } from '../round/round.events.js';
import { readRound } from '../round/round.read.js';
import { type DueTransition, dueTransition } from '../round/round.schedule.js';

/** Carries out one transition the schedule made due, as the round clock (through the round's write path). */
export type ScheduledAdvance = (roundId: string, transition: DueTransition, envelope: CommandEnvelope) => Promise<void>;

export const ROUND_CLOCK = 'round-clock';

interface Watched {
  tenant: string;
  closed: boolean;
}

/**
 * The round's clock: at each tick it opens and closes the phases whose scheduled time has come, in
 * every round that has a schedule and is not closed. It learns of rounds from `$all` and decides on
 * each round's stream as it is, so after downtime its first tick takes every step that came due
 * (one after another, each recorded at the time it was taken), and a second process doing the same
 * finds the step taken and appends nothing.
 */
export class RoundClock implements Timer {
  readonly name = ROUND_CLOCK;
  private after: Position | 'start' = 'start';
  private readonly rounds = new Map<string, Watched>();
  /** Refusals already logged, so a round staff must fix is reported once per step, not every tick. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly advance: ScheduledAdvance,
    private readonly logger: ReactorLogger = { info: () => undefined, error: () => undefined },
  ) {}

  async tick(now: Date): Promise<void> {
    await this.learn();
    for (const [roundId, watched] of this.rounds) {
      if (watched.closed) continue;
      await this.catchUp(roundId, watched, now);
    }
  }

  /** New rounds with a schedule, and rounds that closed, since the last tick. */
  private async learn(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ after: this.after, maxCount: 500, filter: { eventTypes: ['RoundPlanned', 'RoundPhaseAdvanced'] } });
      for (const event of page) {
        if (event.type === 'RoundPlanned') {
          const data = event.data as RoundPlanned['data'];
          const tenant = typeof event.metadata.tenant === 'string' ? event.metadata.tenant : '';
          if (data.schedule.length > 0 && tenant !== '') this.rounds.set(data.roundId, { tenant, closed: false });
        } else {
          const data = event.data as RoundPhaseAdvanced['data'];
          const watched = this.rounds.get(data.roundId);
          if (watched && data.to === 'closed') watched.closed = true;
        }
      }
      if (page.length > 0) this.after = page[page.length - 1]!.position;
      if (page.length < 500) return;
    }
  }

  /** Every step that is due, in order: a process that was down across an opening and a closing takes both. */
  private async catchUp(roundId: string, watched: Watched, now: Date): Promise<void> {
    for (let step = 0; step < 16; step++) {
      let round;
      try {
        round = (await readRound(this.store, roundId, watched.tenant)).state;
      } catch (error) {
        if (error instanceof CommandStreamMissing) {
          watched.closed = true;
          return;
        }
        throw error;
      }
      const due = dueTransition(round, now);
      if (due === null) return;
      const key = `${roundId}:${due.from}:${due.to}`;
      const envelope: CommandEnvelope = {
        context: { actor: ROUND_CLOCK, role: 'system', tenant: watched.tenant, correlationId: derivedId(`${ROUND_CLOCK}:${key}`), reason: due.reason, now },
      };
      try {
        await this.advance(roundId, due, envelope);
        this.logger.info(`round ${roundId}: ${due.from} → ${due.to} (${due.reason})`, { timer: ROUND_CLOCK, roundId, from: due.from, to: due.to });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // The round itself refuses the step (no plans admitted, no result yet): staff must act; it stays due.
        if (!this.reported.has(`${key}:${error.code}`)) {
          this.reported.add(`${key}:${error.code}`);
          this.logger.error(`round ${roundId}: the schedule asks for ${due.from} → ${due.to}, but it was refused (${error.code}): ${error.message}`, { timer: ROUND_CLOCK, roundId, code: error.code });
        }
        return;
      }
    }
  }
}
