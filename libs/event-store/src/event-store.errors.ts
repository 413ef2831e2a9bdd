import type { ExpectedRevision } from './event-store.port.js';

/** The stream was not at the expected revision. `actual` is `no_stream` when it does not exist. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The stream was hard-deleted (tombstoned). */
export class StreamDeletedError extends Error {
  readonly code = 'STORE.STREAM_DELETED';
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} is deleted`);
    this.name = 'StreamDeletedError';
  }
}

/** The store cannot be reached or did not answer in time; the caller may retry later. */
export class EventStoreUnavailableError extends Error {
  readonly code = 'STORE.UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
