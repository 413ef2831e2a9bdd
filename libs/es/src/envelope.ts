import type { EventMetadata } from '@lib/event-store';

/** Who asks, for which municipality, why, and when: travels with every command into the events' metadata. */
export interface CommandContext {
  /** Pseudonymous staff id, `voter`, or `system`. */
  actor: string;
  role: string;
  /** Municipality, by CBS code. */
  tenant: string;
  correlationId: string;
  causationId?: string;
  /** Why, where a decision needs a reason. */
  reason?: string;
  /** The moment the command is handled; decisions never read the clock themselves. */
  now: Date;
}

/** What travels with a command besides its data: who, for which municipality, and the pinned revision. */
export interface CommandEnvelope {
  context: CommandContext;
  /** From `If-Match`. */
  expectedRevision?: bigint;
}

/** The metadata every event appended for this command carries. */
export function eventMetadata(context: CommandContext): EventMetadata {
  const metadata: EventMetadata = {
    $correlationId: context.correlationId,
    $causationId: context.causationId ?? context.correlationId,
    actor: context.actor,
    role: context.role,
    tenant: context.tenant,
    at: context.now.toISOString(),
  };
  if (context.reason !== undefined) metadata.reason = context.reason;
  return metadata;
}
