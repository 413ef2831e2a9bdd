import type { Position } from '@lib/event-store';

/** Where each reactor stands in `$all`: the last event whose commands were all carried out. */
export interface ReactorCheckpoints {
  /** The reactor's checkpoint; null before its first event. */
  load(name: string): Promise<Position | null>;
  /** Moves the checkpoint forward (never back). */
  save(name: string, position: Position, handled: number, lastEventAt: Date | null): Promise<void>;
}

/** Checkpoints of one process (an in-memory event store, tests): lost on restart together with the store. */
export class InMemoryReactorCheckpoints implements ReactorCheckpoints {
  private readonly positions = new Map<string, Position>();

  async load(name: string): Promise<Position | null> {
    return this.positions.get(name) ?? null;
  }

  async save(name: string, position: Position): Promise<void> {
    this.positions.set(name, position);
  }
}
