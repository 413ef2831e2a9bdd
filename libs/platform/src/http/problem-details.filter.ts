import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { CommandStreamMissing, DomainError, type DomainErrorKind, parseStreamName } from '@lib/es';
import { EventStoreUnavailableError, isConnectionLevel, StreamDeletedError, WrongExpectedVersionError } from '@lib/event-store';
import type { Request, Response } from 'express';

/** RFC 9457 problem details, plus a stable `code` clients can branch on. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

const STATUS_OF_KIND: Record<DomainErrorKind, number> = { rule: 409, conflict: 409, not_found: 404, invalid: 400, forbidden: 403 };

const CODE_OF_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'HTTP.NOT_FOUND',
  405: 'HTTP.METHOD_NOT_ALLOWED',
  406: 'HTTP.NOT_ACCEPTABLE',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
};

export function problemType(code: string): string {
  return `urn:inwonersbudget:problem:${code}`;
}

/** Builds the problem document and the status for anything thrown while handling a request. */
export function toProblem(error: unknown, request: { url?: string; headers?: Record<string, unknown> }): { problem: ProblemDetails; headers: Record<string, string> } {
  const instance = request.url?.split('?')[0];
  const make = (status: number, code: string, title: string, detail?: string, extra: Record<string, unknown> = {}): ProblemDetails => ({
    type: problemType(code),
    title,
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(instance === undefined ? {} : { instance }),
    ...extra,
  });

  if (error instanceof DomainError) {
    const status = STATUS_OF_KIND[error.kind];
    return { problem: make(status, error.code, error.message, undefined, Object.keys(error.details).length ? { details: error.details } : {}), headers: {} };
  }
  if (error instanceof CommandStreamMissing) {
    const { category } = parseStreamName(error.streamName);
    return { problem: make(404, `${category.toUpperCase()}.NOT_FOUND`, `${category} not found`), headers: {} };
  }
  if (error instanceof WrongExpectedVersionError) {
    const pinned = request.headers?.['if-match'] !== undefined;
    const actual = error.actual === 'no_stream' ? null : String(error.actual);
    return pinned
      ? { problem: make(412, 'REQUEST.PRECONDITION_FAILED', 'The resource changed since you read it', `If-Match did not match; the current ETag is "${actual}"`, { currentRevision: actual }), headers: actual === null ? {} : { ETag: `"${actual}"` } }
      : { problem: make(409, 'STORE.CONCURRENT_WRITE', 'A concurrent change won; read again and retry'), headers: {} };
  }
  if (error instanceof StreamDeletedError) return { problem: make(410, 'STORE.STREAM_DELETED', 'This resource was deleted'), headers: {} };
  // A lost database connection outside the event store (key vault, read models) is just as temporary.
  if (error instanceof EventStoreUnavailableError || isConnectionLevel(error)) {
    return { problem: make(503, 'STORE.UNAVAILABLE', 'The event store is unavailable', 'The change may not have been recorded; read the resource again or retry after a few seconds', { retryAfterSeconds: 5 }), headers: { 'Retry-After': '5' } };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const code = typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : (CODE_OF_STATUS[status] ?? `HTTP.${status}`);
    const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
    const extra: Record<string, unknown> = {};
    let detail: string | undefined;
    if (Array.isArray(message)) extra.errors = message;
    else if (typeof message === 'string') detail = message;
    if (typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors)) extra.errors = (body as { errors: unknown[] }).errors;
    // A failed health check keeps its per-check details, so operators see why.
    if (typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'error' && 'details' in body) {
      return { problem: make(status, 'HEALTH.NOT_READY', 'Not ready', undefined, { details: (body as { details: unknown }).details }), headers: {} };
    }
    const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
    return { problem: make(status, code, HttpStatus[status]?.toString().replaceAll('_', ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase()) ?? 'Error', detail, extra), headers };
  }
  return { problem: make(500, 'INTERNAL', 'Internal error', 'The error was logged; nothing about it is shown here'), headers: {} };
}

/** The one place where errors become HTTP: problem details for everything, no internals leaked. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const { problem, headers } = toProblem(error, request);
    if (problem.status >= 500) this.logger.error({ err: error, code: problem.code, path: problem.instance }, 'request failed');
    if (response.headersSent) return;
    response.status(problem.status).set({ 'Content-Type': 'application/problem+json', ...headers }).send(JSON.stringify(problem));
  }
}
