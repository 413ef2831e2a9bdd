import type { EventStore, NewEvent } from '@lib/event-store';
import type { DomainEvent } from '@lib/es';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** One real HTTP request against the test api. */
export async function call(url: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Appends domain events as a given (state is reached only through events), as the municipality's staff would have. */
export async function given(store: EventStore, stream: string, events: DomainEvent[], tenant: string, ids: () => string): Promise<void> {
  const newEvents: NewEvent[] = events.map((event) => ({
    id: ids(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { actor: 'staff-0', role: 'administrator', tenant, $correlationId: 'given', $causationId: 'given' },
  }));
  await store.append(stream, newEvents, { expectedRevision: 'any' });
}

/** How many events the whole store holds (to prove a refusal appended nothing). */
export async function eventCount(store: EventStore): Promise<number> {
  return (await store.readAll({ maxCount: 100_000 })).length;
}
