import { Controller, Get, type MessageEvent, Sse } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Allow, ApiProblems, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { LiveFeed } from './live-feed.js';
import { BOOLEAN, INTEGER, NUMBER, nullable, objectSchema, STRING } from './openapi.js';
import { GetProjectionStatuses } from './projections.query.js';

const STATUS = objectSchema({
  projection: STRING,
  version: INTEGER,
  status: { type: 'string', description: 'running | rebuilding | failed' },
  position: nullable(STRING),
  eventsHandled: INTEGER,
  lagEvents: INTEGER,
  lagEventsCapped: BOOLEAN,
  lagSeconds: NUMBER,
  failure: nullable(objectSchema({ stream: nullable(STRING), position: nullable(STRING), eventType: nullable(STRING), error: nullable(STRING), at: nullable(STRING) })),
});

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models')
export class ProjectionsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly liveFeed: LiveFeed,
  ) {}

  @Get('projections')
  @Allow('administrator', 'auditor')
  @ApiOperation({ summary: 'Every projection: version, status, checkpoint, lag (events, seconds) and, when stopped, the failing event' })
  @ApiOkResponse({ description: 'One entry per projection', schema: { type: 'array', items: STATUS } })
  @ApiProblems({})
  statuses() {
    return this.queries.execute(new GetProjectionStatuses());
  }

  @Sse('feed')
  @Allow(...READ_ROLES)
  @ApiOperation({
    summary:
      'Live feed (Server-Sent Events) of the caller\'s municipality: `ready` on connect; `changed` with, per read model, the round, budget and plan ids a committed batch touched (refetch those, with If-None-Match); `heartbeat` after 15 s of quiet. Ids only, never counts',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream: `ready`, then `changed` (data: JSON with the touched ids per read model) and `heartbeat` events', content: { 'text/event-stream': { schema: STRING } } })
  @ApiProblems({})
  feed(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return this.liveFeed.stream(principal.tenant);
  }
}
