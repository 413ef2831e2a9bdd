import { applyDecorators, BadRequestException, createParamDecorator, Delete, type ExecutionContext, Get, HttpCode, Inject, Injectable, Patch, type PipeTransform, Post, Put, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext, CommandEnvelope } from '@lib/es';
import { Allow } from '../auth/auth.decorators.js';
import type { Principal, Role } from '../auth/principal.js';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '../persistence/tokens.js';
import { ApiProblems, commandProblems, type ProblemCodes } from './problem-responses.js';
import { etagOf, expectedRevisionFrom } from './revision.js';

/** The body of every command response. */
@ApiSchema({ description: 'A command\'s answer: the stream\'s id, its revision after the command (the ETag) and the event types appended' })
export class CommandAcceptedDto {
  @ApiProperty({ example: 'b3f1c2d4-0d7e-4a53-9a8e-3f0c4b1e2a77' })
  id!: string;

  @ApiProperty({ example: '3', description: 'Stream revision after the command; the same value as the ETag' })
  revision!: string;

  @ApiProperty({ example: ['FrameAmended'], description: 'Types of the events the command appended (empty: nothing changed)' })
  events!: string[];
}

export { ApiProblems, type ApiProblemsOptions, commandProblems, documentProblems, PROBLEM_CODES_EXTENSION, ProblemDetailsDto, type ProblemCodes } from './problem-responses.js';

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

/** Path ids: a letter or digit, then letters, digits, dashes and underscores, at most 80 (uuids and readable ids alike); anything else is a 400, never a stream name. */
@Injectable()
export class StreamIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!STREAM_ID.test(value)) throw new BadRequestException({ code: 'REQUEST.INVALID_ID', message: 'The id in the path is not a valid id' });
    return value;
  }
}

/** `X-Correlation-Id` when the caller sent a sane one, else a new id. */
export function correlationIdOf(header: string | undefined, newId: () => string): string {
  return header !== undefined && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : newId();
}

/** The command context of an HTTP request: the principal's subject is the actor, their municipality the tenant; a blank reason is none, any other is trimmed. */
export function commandContext(principal: Principal, allowed: readonly Role[], now: Date, correlationId: string, reason?: string): CommandContext {
  const role = principal.roles.find((r) => allowed.includes(r)) ?? principal.roles[0]!;
  const context: CommandContext = { actor: principal.subject, role, tenant: principal.tenant, correlationId, now };
  if (typeof reason === 'string' && reason.trim() !== '') context.reason = reason.trim();
  return context;
}

/** A validated request body as plain JSON data: no class prototypes and no undefined fields reach an event. */
export function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The command response body: `id`, the stream's revision after the command (the ETag's value) and the types appended. */
export function accepted(id: string, revision: bigint, events: readonly { type: string }[]): CommandAcceptedDto {
  return { id, revision: revision.toString(), events: events.map((e) => e.type) };
}

/** What a command endpoint reads from the request besides its body and path. */
export interface CommandCall {
  principal: Principal;
  ifMatch: string | undefined;
  correlationId: string | undefined;
}

/** The caller, `If-Match` and `X-Correlation-Id` of a command request. */
export const CommandCaller = createParamDecorator((_data: unknown, context: ExecutionContext): CommandCall => {
  const request = context.switchToHttp().getRequest<{ principal?: Principal; headers: Record<string, string | string[] | undefined> }>();
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { principal: request.principal!, ifMatch: header('if-match'), correlationId: header('x-correlation-id') };
});

/** The result of a command as the shell needs it. */
export interface CommandOutcome {
  nextRevision: bigint;
  events: readonly { type: string }[];
}

/** What every command endpoint does around its command: the envelope in, `ETag`/`Location` and the accepted body out. */
@Injectable()
export class CommandShell {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  newId(): string {
    return this.ids.newId();
  }

  /** Context (actor, role, tenant, now, correlation id, trimmed reason) and the expected revision from `If-Match`. */
  envelope(call: CommandCall, roles: readonly Role[], options: { now?: Date; reason?: string | undefined } = {}): CommandEnvelope {
    const expectedRevision = expectedRevisionFrom(call.ifMatch);
    const context = commandContext(call.principal, roles, options.now ?? this.clock.now(), correlationIdOf(call.correlationId, () => this.ids.newId()), options.reason);
    return expectedRevision === undefined ? { context } : { context, expectedRevision };
  }

  /** Sets `ETag` (and `Location` when given) and answers the accepted body. */
  accepted(response: Response, id: string, outcome: CommandOutcome, location?: string): CommandAcceptedDto {
    response.setHeader('ETag', etagOf(outcome.nextRevision));
    if (location !== undefined) response.setHeader('Location', location);
    return accepted(id, outcome.nextRevision, outcome.events);
  }
}

const METHODS = { POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete, GET: Get } as const;

export interface CommandEndpointOptions {
  method: keyof typeof METHODS;
  path?: string;
  roles: readonly Role[];
  summary: string;
  /** 201 with `Location` (default for POST); otherwise 200. */
  created?: boolean;
  /** Accepts `If-Match` (the default); false for commands that create their stream. */
  ifMatch?: boolean;
  /**
   * The codes the command can refuse with, per status, from its decider and handler, e.g.
   * `{ 400: ['BUDGET.REASON_REQUIRED'], 404: ['BUDGET.NOT_FOUND'], 409: ['BUDGET.FRAME_FROZEN'] }`;
   * the shared ones (REQUEST.INVALID, REQUEST.INVALID_IF_MATCH, AUTH.*, STORE.*, 412) are added.
   */
  problems: ProblemCodes;
  /** The success body; CommandAcceptedDto unless given. */
  type?: Type<unknown>;
  description?: string;
  /** Response headers besides `ETag` and `Location`, for OpenAPI. */
  headers?: Record<string, { description: string; schema: { type: 'string' } }>;
}

/** Route, status, roles and OpenAPI of a command endpoint in one place. */
export function CommandEndpoint(options: CommandEndpointOptions) {
  const created = options.created ?? options.method === 'POST';
  const response = {
    type: options.type ?? CommandAcceptedDto,
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  };
  return applyDecorators(
    METHODS[options.method](options.path ?? ''),
    HttpCode(created ? 201 : 200),
    Allow(...options.roles),
    ApiOperation({ summary: options.summary }),
    ...(options.ifMatch ?? true ? [ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read, e.g. "0"' })] : []),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    created ? ApiCreatedResponse(response) : ApiOkResponse(response),
    ApiProblems(commandProblems(options.problems, options.ifMatch ?? true)),
  );
}
