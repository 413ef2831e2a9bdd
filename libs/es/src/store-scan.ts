import { comparePositions, type EventStore, type Position, type ReadAllOptions, type RecordedEvent } from '@lib/event-store';

/**
 * Reads `$all` page by page, up to an optional position (inclusive). The next page is asked for as
 * soon as a full page arrives, so the store reads it while the caller works through this one.
 */
export async function* scanAll(
  store: EventStore,
  options: { upTo?: Position; filter?: ReadAllOptions['filter']; pageSize?: number; onPage?: (count: number) => void } = {},
): AsyncGenerator<RecordedEvent> {
  const pageSize = options.pageSize ?? 1000;
  const read = (after: Position | 'start') => {
    const page = store.readAll({ after, maxCount: pageSize, filter: options.filter });
    // Handled when awaited; a caller that stops early leaves it unread.
    page.catch(() => undefined);
    return page;
  };
  let pending = read('start');
  for (;;) {
    const page = await pending;
    const last = page[page.length - 1];
    const more = page.length >= pageSize && !(options.upTo && last && comparePositions(last.position, options.upTo) >= 0);
    if (more) pending = read(last!.position);
    for (const event of page) {
      if (options.upTo && comparePositions(event.position, options.upTo) > 0) return;
      yield event;
    }
    options.onPage?.(page.length);
    if (!more) return;
  }
}
