import { applyDecorators, BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es';
import type { Principal, Role } from '@lib/platform';
import type { ProposalCommand } from './proposal.decider.js';

/** Who may do what with plans. Auditors only read. */
export const PLAN_MANAGERS = ['administrator'] as const satisfies readonly Role[];
export const PLAN_REVIEWERS = ['reviewer'] as const satisfies readonly Role[];
export const PLAN_READERS = ['administrator', 'reviewer', 'official', 'auditor'] as const satisfies readonly Role[];

/** The command context of a request: the principal's subject acts, in their own municipality. */
export function planContext(principal: Principal, allowed: readonly Role[], now: Date, correlationId: string, reason?: string): CommandContext {
  const role = principal.roles.find((r) => allowed.includes(r)) ?? principal.roles[0]!;
  const context: CommandContext = { actor: principal.subject, role, tenant: principal.tenant, correlationId, now };
  if (reason !== undefined && reason.trim() !== '') context.reason = reason.trim();
  return context;
}

/** A validated body as plain JSON data: no class prototypes or undefined fields reach an event. */
export function plainData<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A plan command on its way through the CommandBus. */
export class ExecuteProposalCommand {
  constructor(
    readonly command: ProposalCommand,
    readonly context: CommandContext,
    readonly expectedRevision: bigint | undefined,
  ) {}
}

export interface ProposalCommandResult {
  proposalId: string;
  revision: bigint;
  events: string[];
}

export class ProposalCommandAcceptedDto {
  @ApiProperty({ example: '6f1d3c1e-2b8a-4c55-9a1d-0e7d8c2b4a11' })
  id!: string;

  @ApiProperty({ example: '3', description: 'Revision of the Proposal stream after the command; equals the ETag' })
  revision!: string;

  @ApiProperty({ example: ['ProposalAmended'], description: 'Types of the events appended' })
  events!: string[];
}

export function acceptedBody(result: ProposalCommandResult): ProposalCommandAcceptedDto {
  return { id: result.proposalId, revision: String(result.revision), events: result.events };
}

const PROBLEM = { 'application/problem+json': { schema: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'number' }, code: { type: 'string', example: 'PROPOSAL.REVIEWER_CONFLICT' } } } } };
const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid body (REQUEST.INVALID, errors per field) or a missing reason (PROPOSAL.REASON_REQUIRED); nothing appended',
  401: 'No or an invalid bearer token',
  403: 'The caller lacks the role',
  404: 'No such plan or round in the caller\'s municipality',
  409: 'A rule refused the command; `code` names it (PROPOSAL.*, ROUND.CEILING_EXCEEDED); nothing appended',
  412: 'If-Match did not match the current ETag',
};

/** OpenAPI: the problem responses of a plan endpoint. */
export function PlanProblems(...statuses: number[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], content: PROBLEM })));
}

const STREAM_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Route ids become stream names: refuse anything that is not a plain id before it reaches the store. */
@Injectable()
export class PlanIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!STREAM_ID.test(value)) throw new BadRequestException({ code: 'REQUEST.INVALID', message: 'Not a valid id' });
    return value;
  }
}
