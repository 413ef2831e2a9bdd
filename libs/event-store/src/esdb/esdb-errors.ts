import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamDeletedError as EsdbStreamDeletedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, StreamDeletedError, WrongExpectedVersionError } from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';

/** gRPC status codes that mean "the server is not there (now)": CANCELLED, DEADLINE_EXCEEDED, ABORTED, UNAVAILABLE. */
const UNAVAILABLE_CODES = new Set([1, 4, 10, 14]);

/** gRPC status codes that no retry will fix: INVALID_ARGUMENT, PERMISSION_DENIED, UNIMPLEMENTED, UNAUTHENTICATED. */
const PERMANENT_CODES = new Set([3, 7, 12, 16]);

/** True when the error means the server cannot be reached or did not answer: worth a retry later. */
export function isEsdbUnavailable(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError) return true;
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
  const code = grpcCode(error);
  if (code !== undefined && UNAVAILABLE_CODES.has(code)) return true;
  // Cluster discovery gives up with a plain Error when no node answers gossip.
  return error instanceof Error && /^Failed to discover after \d+ attempts/.test(error.message);
}

/** True when the call ran past its gRPC deadline (DEADLINE_EXCEEDED). */
export function isDeadlineExceeded(error: unknown): boolean {
  return error instanceof DeadlineExceededError || grpcCode(error) === 4;
}

/** True when retrying cannot help (bad request, no permission, unsupported server). */
export function isEsdbPermanent(error: unknown): boolean {
  if (error instanceof AccessDeniedError) return true;
  const code = grpcCode(error);
  return code !== undefined && PERMANENT_CODES.has(code);
}

/** Translates a client error into the port's errors; anything unknown is returned unchanged. */
export function toPortError(error: unknown, streamName: string, expected?: ExpectedRevision): unknown {
  if (error instanceof EventStoreUnavailableError || error instanceof WrongExpectedVersionError || error instanceof StreamDeletedError) return error;
  if (error instanceof EsdbWrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedVersionError(error.streamName || streamName, expected ?? 'any', typeof actual === 'bigint' && actual >= 0n ? actual : 'no_stream');
  }
  if (error instanceof EsdbStreamDeletedError) return new StreamDeletedError(error.streamName || streamName);
  if (isEsdbUnavailable(error)) {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${describe(error)}`, { cause: error });
  }
  return error;
}

function grpcCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return code;
  const raw = (error as { _raw?: { code?: unknown } })._raw?.code;
  return typeof raw === 'number' ? raw : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.constructor.name : String(error);
}
