import { applyDecorators, BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es';
import type { Principal, Role } from '@lib/platform';

/** The command context of an HTTP request: the principal's subject is the actor, their municipality the tenant. */
export function commandContext(principal: Principal, allowed: readonly Role[], now: Date, correlationId: string, reason?: string): CommandContext {
  const role = principal.roles.find((r) => allowed.includes(r)) ?? principal.roles[0]!;
  const context: CommandContext = { actor: principal.subject, role, tenant: principal.tenant, correlationId, now };
  if (reason !== undefined && reason.trim() !== '') context.reason = reason;
  return context;
}

/** A validated request body as plain JSON data: no class prototypes and no undefined fields reach an event. */
export function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The body of every command response. */
export class CommandAcceptedDto {
  @ApiProperty({ example: 'b3f1c2d4-0d7e-4a53-9a8e-3f0c4b1e2a77' })
  id!: string;

  @ApiProperty({ example: '3', description: 'Stream revision after the command; the same value as the ETag' })
  revision!: string;

  @ApiProperty({ example: ['FrameAmended'], description: 'Types of the events the command appended (empty: nothing changed)' })
  events!: string[];
}

/** A problem document (RFC 9457) with a stable code. */
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

const DESCRIPTIONS: Record<number, string> = {
  400: 'The body is invalid (REQUEST.INVALID with `errors` per field) or breaks a frame rule marked invalid (…REASON_REQUIRED, BUDGET.INVALID_FRAME, …)',
  401: 'No or an invalid bearer token (AUTH.UNAUTHENTICATED)',
  403: 'The caller lacks the role (AUTH.FORBIDDEN)',
  404: 'No such resource in the caller\'s municipality',
  409: 'A domain rule refused the command (code names it); nothing was appended',
  412: 'If-Match did not match the current ETag (REQUEST.PRECONDITION_FAILED)',
};

/** OpenAPI: the problem responses an endpoint can give. */
export function ApiProblems(...statuses: number[]) {
  const content = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } };
  return applyDecorators(ApiExtraModels(ProblemDetailsDto), ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], content })));
}

/** `X-Correlation-Id` when the caller sent a sane one, else a new id. */
export function correlationIdOf(header: string | undefined, newId: () => string): string {
  return header !== undefined && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : newId();
}

/** The command response body and headers: `ETag` is the stream's revision after the command. */
export function accepted(id: string, revision: bigint, events: { type: string }[]): CommandAcceptedDto {
  return { id, revision: revision.toString(), events: events.map((e) => e.type) };
}

/** Path ids: letters, digits, dashes (uuids and readable ids alike); anything else is a 400, never a stream name. */
@Injectable()
export class StreamIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(value)) throw new BadRequestException({ code: 'REQUEST.INVALID_ID', message: 'The id in the path is not a valid id' });
    return value;
  }
}
