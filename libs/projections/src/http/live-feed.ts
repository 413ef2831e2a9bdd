import { Injectable, Logger, type MessageEvent } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Observable } from 'rxjs';
import { ALL_PROJECTIONS } from '../read-models.js';
import { type FeedCursor, GetFeedChanges, GetFeedCursor } from './live-feed.query.js';

export interface LiveFeedOptions {
  /** How often a feed reads the change log. */
  pollMs: number;
  /** A `heartbeat` after this long without a message, so proxies keep the connection and clients notice a dead one. */
  heartbeatMs: number;
}

/**
 * The live feed of one municipality: `ready` on connect, then `changed` with the read models and the
 * round/budget/plan ids each committed batch touched, `heartbeat` when quiet. Ids only, never counts.
 * A feed stops polling as soon as its client disconnects.
 */
@Injectable()
export class LiveFeed {
  readonly options: LiveFeedOptions = { pollMs: 1000, heartbeatMs: 15_000 };
  private readonly logger = new Logger('LiveFeed');
  private openFeeds = 0;

  constructor(private readonly queries: QueryBus) {}

  /** Feeds with a connected client. */
  get open(): number {
    return this.openFeeds;
  }

  stream(tenant: string): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let closed = false;
      let timer: NodeJS.Timeout | undefined;
      let lastSent = Date.now();
      let cursor: FeedCursor | undefined;
      this.openFeeds++;
      const send = (message: MessageEvent) => {
        lastSent = Date.now();
        subscriber.next(message);
      };
      const tick = async () => {
        try {
          if (!cursor) {
            cursor = await this.queries.execute(new GetFeedCursor());
            if (closed) return;
            send({ type: 'ready', data: { projections: ALL_PROJECTIONS.map((p) => p.name) } });
          } else {
            const { cursor: next, changes } = await this.queries.execute(new GetFeedChanges(tenant, cursor));
            cursor = next;
            if (closed) return;
            if (changes.length > 0) send({ type: 'changed', data: { changes } });
          }
        } catch (error) {
          // The database may be away for a while: keep the connection, try again next poll.
          this.logger.warn(`live feed poll failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (closed) return;
        if (Date.now() - lastSent >= this.options.heartbeatMs) send({ type: 'heartbeat', data: {} });
        timer = setTimeout(() => void tick(), this.options.pollMs);
      };
      void tick();
      return () => {
        closed = true;
        this.openFeeds--;
        if (timer) clearTimeout(timer);
      };
    });
  }
}
