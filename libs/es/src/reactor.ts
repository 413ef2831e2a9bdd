import { createHash } from 'node:crypto';
import type { RecordedEvent } from '@lib/event-store';
import type { CommandContext } from './envelope.js';

/**
 * A reactor: a projection that writes events instead of rows. For each event it can handle it names
 * the commands that must follow in other streams. `handle` sees the triggering event and its own
 * stream up to and including it, never anything later, so a replay of the same event yields the
 * same commands.
 */
export interface Reactor<Command> {
  /** Stable name: the checkpoint and the lock are kept under it, and event ids are derived from it. */
  name: string;
  /** Event types it reads (the subscription filter). */
  canHandle: readonly string[];
  handle(event: RecordedEvent, history: readonly RecordedEvent[]): Command[];
}

/** What a reaction's command is executed with: who (the triggering event's author), when, and ids derived from the trigger. */
export interface ReactionContext {
  /** The event the reactor reacted to. */
  event: RecordedEvent;
  /** Tenant, actor and correlation of the trigger; causation is the trigger's id; `now` is when the trigger happened. */
  context: CommandContext;
  /** Event ids derived from (reactor, trigger, command index, call): the same on every replay, so the store's idempotent append writes nothing twice. */
  newId: () => string;
}

/** A reactor with the code that carries out its commands (appends to one stream each, through `handleCommand`). */
export interface Reaction<Command = unknown> {
  reactor: Reactor<Command>;
  execute(command: Command, reaction: ReactionContext): Promise<void>;
}

/** A uuid (version 8, RFC 9562) from a seed: the same seed gives the same id. */
export function derivedId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The context a reactor's `index`-th command for `event` runs in. */
export function reactionContext(reactor: string, event: RecordedEvent, index: number): ReactionContext {
  const metadata = event.metadata;
  const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value !== '' ? value : fallback);
  const at = typeof metadata.at === 'string' && !Number.isNaN(Date.parse(metadata.at)) ? new Date(metadata.at) : event.created;
  let calls = 0;
  return {
    event,
    context: {
      actor: text(metadata.actor, 'system'),
      role: text(metadata.role, 'system'),
      tenant: text(metadata.tenant, ''),
      correlationId: text(metadata.$correlationId, event.id),
      causationId: event.id,
      now: at,
    },
    newId: () => derivedId(`${reactor}:${event.id}:${index}:${calls++}`),
  };
}

/**
 * Runs the reactions to events just appended, in this process and at once (an import that needs the
 * effects before its next step). The reactors running elsewhere derive the same ids and find the work
 * done, so nothing is written twice.
 */
export async function reactNow(reactions: readonly Reaction[], events: readonly RecordedEvent[], readStream: (stream: string, revision: bigint) => Promise<readonly RecordedEvent[]>): Promise<void> {
  for (const event of events) {
    for (const { reactor, execute } of reactions) {
      if (!reactor.canHandle.includes(event.type)) continue;
      const history = await readStream(event.streamName, event.revision);
      const commands = reactor.handle(event, history);
      for (const [index, command] of commands.entries()) await execute(command, reactionContext(reactor.name, event, index));
    }
  }
}
