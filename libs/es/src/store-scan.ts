import { comparePositions, type EventStore, type Position, type ReadAllOptions, type RecordedEvent } from '@lib/event-store';

/** Reads `$all` page by page, up to an optional position (inclusive). */
export async function* scanAll(
  store: EventStore,
  options: { upTo?: Position; filter?: ReadAllOptions['filter']; pageSize?: number; onPage?: (count: number) => void } = {},
): AsyncGenerator<RecordedEvent> {
  let after: Position | 'start' = 'start';
  const pageSize = options.pageSize ?? 1000;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize, filter: options.filter });
    for (const event of page) {
      if (options.upTo && comparePositions(event.position, options.upTo) > 0) return;
      yield event;
    }
    options.onPage?.(page.length);
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.position;
  }
}
