import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, type ApiResponseOptions, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { problemType } from './problem-details.filter.js';

/** A problem document (RFC 9457) with a stable code. */
@ApiSchema({ description: 'An error as RFC 9457 problem details, with the stable `code` a client branches on (and `errors` per field, `details` facts)' })
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:inwonersbudget:problem:BUDGET.FRAME_FROZEN' })
  type!: string;
  @ApiProperty({ example: 'Frame version 1 is frozen: a round is voting under it' })
  title!: string;
  @ApiProperty({ example: 409 })
  status!: number;
  @ApiProperty({ example: 'BUDGET.FRAME_FROZEN' })
  code!: string;
  @ApiProperty({ required: false, example: { version: 1, rounds: ['r-2026'] } })
  details?: Record<string, unknown>;
}

/** The problem codes an operation can answer, per status: `{ 404: ['BUDGET.NOT_FOUND'], 409: ['BUDGET.FRAME_FROZEN'] }`. */
export type ProblemCodes = Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 429 | 503, readonly string[]>>;

/** The OpenAPI extension on each problem response that lists its codes. */
export const PROBLEM_CODES_EXTENSION = 'x-problem-codes';

export interface ApiProblemsOptions {
  /** The operation reads or writes the event store or the read models, so it can answer 503 STORE.UNAVAILABLE (default true). */
  store?: boolean;
  /** The rate limit applies (every path but the health probes; default true). */
  rateLimited?: boolean;
}

const SUMMARIES: Record<number, string> = {
  400: 'The request is invalid; nothing was appended',
  401: 'No or an invalid bearer token',
  403: 'Not allowed for this caller',
  404: "No such resource in the caller's municipality",
  409: 'A rule refused the request; nothing was appended',
  410: 'The resource was deleted',
  412: 'If-Match did not match the current ETag; nothing was appended',
  413: 'The body is too large',
  429: 'Too many requests; retry after `Retry-After` seconds',
  503: 'Not available now; retry after `Retry-After` seconds',
};

/** Codes every operation of a kind can give, whatever its use case: added where the status applies. */
const SHARED = {
  authentication: 'AUTH.UNAUTHENTICATED',
  forbidden: 'AUTH.FORBIDDEN',
  invalid: 'REQUEST.INVALID',
  invalidId: 'REQUEST.INVALID_ID',
  invalidIfMatch: 'REQUEST.INVALID_IF_MATCH',
  preconditionFailed: 'REQUEST.PRECONDITION_FAILED',
  concurrentWrite: 'STORE.CONCURRENT_WRITE',
  rateLimited: 'REQUEST.RATE_LIMITED',
  tooLarge: 'REQUEST.TOO_LARGE',
  storeUnavailable: 'STORE.UNAVAILABLE',
} as const;

const TITLES: Record<string, string> = {
  'AUTH.UNAUTHENTICATED': 'Unauthorized',
  'AUTH.FORBIDDEN': 'Forbidden',
  'REQUEST.INVALID': 'Bad request',
  'REQUEST.INVALID_ID': 'Bad request',
  'REQUEST.INVALID_IF_MATCH': 'Bad request',
  'REQUEST.PRECONDITION_FAILED': 'The resource changed since you read it',
  'STORE.CONCURRENT_WRITE': 'A concurrent change won; read again and retry',
  'REQUEST.RATE_LIMITED': 'Too many requests',
  'REQUEST.TOO_LARGE': 'Payload too large',
  'STORE.UNAVAILABLE': 'The event store is unavailable',
};

function merge(...maps: ProblemCodes[]): Map<number, string[]> {
  const merged = new Map<number, string[]>();
  for (const map of maps) {
    for (const [status, codes] of Object.entries(map) as [string, readonly string[]][]) {
      const list = merged.get(Number(status)) ?? [];
      for (const code of codes) if (!list.includes(code)) list.push(code);
      merged.set(Number(status), list);
    }
  }
  return merged;
}

/**
 * OpenAPI: the problem responses of an operation with the codes each can carry. Shared codes are
 * added here (401 AUTH.UNAUTHENTICATED, 429 REQUEST.RATE_LIMITED, 503 STORE.UNAVAILABLE) and by
 * `documentProblems` from the operation itself (403 AUTH.FORBIDDEN unless public, 400
 * REQUEST.INVALID / REQUEST.INVALID_ID where it takes a body, a query or a path id).
 */
export function ApiProblems(codes: ProblemCodes, options: ApiProblemsOptions = {}) {
  const shared: ProblemCodes = { 401: [SHARED.authentication] };
  if (options.rateLimited ?? true) shared[429] = [SHARED.rateLimited];
  if (options.store ?? true) shared[503] = [SHARED.storeUnavailable];
  const merged = merge(codes, shared);
  const content = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } };
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...[...merged].map(([status, list]) => ApiResponse({ status, description: SUMMARIES[status] ?? 'Refused', content, [PROBLEM_CODES_EXTENSION]: list } as ApiResponseOptions)),
  );
}

/** The codes a command adds by going through the command shell: a body that is invalid (or any body where it takes none), a malformed `If-Match`, a lost concurrent write, a stale `If-Match`. */
export function commandProblems(codes: ProblemCodes, ifMatch: boolean): ProblemCodes {
  const shared: ProblemCodes = { 400: [SHARED.invalid, SHARED.invalidIfMatch], 409: [SHARED.concurrentWrite] };
  if (ifMatch) shared[412] = [SHARED.preconditionFailed];
  return Object.fromEntries(merge(codes, shared)) as ProblemCodes;
}

/** A readable title for an example: `BUDGET.FRAME_FROZEN` → `Budget: frame frozen`. */
function titleOf(code: string): string {
  const known = TITLES[code];
  if (known !== undefined) return known;
  const [category = '', ...fact] = code.split('.');
  const words = (text: string) => text.toLowerCase().replaceAll('_', ' ');
  return `${words(category).replace(/^./, (c) => c.toUpperCase())}: ${words(fact.join(' '))}`;
}

interface ProblemResponse {
  description?: string;
  content?: Record<string, { schema?: unknown; examples?: Record<string, unknown> }>;
  [PROBLEM_CODES_EXTENSION]?: string[];
}
interface DocumentedOperation {
  parameters?: { in?: string; name?: string }[];
  requestBody?: unknown;
  responses: Record<string, ProblemResponse>;
  'x-public'?: boolean;
}

/**
 * Completes the problem responses of every operation in the document: the shared codes that
 * follow from the operation (403 unless public, 400 for its body, query and path ids, 413 where a
 * body can be sent), then a
 * description listing the codes and one example per code (in `components.examples`, named by the
 * code, each referenced where the code can be answered).
 */
export function documentProblems(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  const shared = (components.examples ??= {});
  const exampleOf = (code: string, status: number): { $ref: string } => {
    const value = { type: problemType(code), title: titleOf(code), status, code };
    const existing = shared[code] as { value?: { status?: number } } | undefined;
    const name = existing === undefined || existing.value?.status === status ? code : `${code}.${status}`;
    shared[name] ??= { summary: code, value };
    return { $ref: `#/components/examples/${name}` };
  };
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of [['get', item.get], ['put', item.put], ['post', item.post], ['delete', item.delete], ['patch', item.patch]] as [string, DocumentedOperation | undefined][]) {
      if (!operation) continue;
      const responses = operation.responses;
      const add = (status: number, code: string) => {
        const response = responses[String(status)];
        if (response === undefined) return;
        const list = (response[PROBLEM_CODES_EXTENSION] ??= []);
        if (!list.includes(code)) list.push(code);
      };
      const parameters = operation.parameters ?? [];
      if (operation['x-public'] !== true) {
        responses['403'] ??= { description: SUMMARIES[403], content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } } };
        add(403, SHARED.forbidden);
      }
      // The body parsers run before any route: a body past their limit is refused wherever one can be sent.
      if (method !== 'get') {
        responses['413'] ??= { description: SUMMARIES[413], content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } } };
        add(413, SHARED.tooLarge);
      }
      if (parameters.some((p) => p.in === 'path')) add(400, SHARED.invalidId);
      if (operation.requestBody !== undefined || parameters.some((p) => p.in === 'query')) add(400, SHARED.invalid);
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status)) continue;
        const codes = response[PROBLEM_CODES_EXTENSION] ?? [];
        response.description = `${response.description ?? SUMMARIES[Number(status)] ?? 'Refused'}. Codes: ${codes.map((c) => `\`${c}\``).join(', ')}`;
        const media = response.content?.['application/problem+json'];
        // A fresh media type per response: the decorators share one object between statuses.
        if (media !== undefined && codes.length > 0) {
          const examples = Object.fromEntries(codes.map((code) => [code, exampleOf(code, Number(status))]));
          const schema = { allOf: [{ $ref: getSchemaPath(ProblemDetailsDto) }, { type: 'object', properties: { code: { type: 'string', enum: codes } } }] };
          response.content = { ...response.content, 'application/problem+json': { ...media, schema, examples } };
        }
      }
    }
  }
}
