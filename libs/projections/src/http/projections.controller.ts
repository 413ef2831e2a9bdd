import { Controller, Get, type MessageEvent, Sse } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Allow, CurrentPrincipal, type Principal, READ_ROLES } from '@lib/platform';
import { LiveFeed } from './live-feed.js';
import { GetProjectionStatuses } from './projections.query.js';

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
  statuses() {
    return this.queries.execute(new GetProjectionStatuses());
  }

  @Sse('feed')
  @Allow(...READ_ROLES)
  @ApiOperation({
    summary:
      'Live feed (Server-Sent Events) of the caller\'s municipality: `ready` on connect; `changed` with, per read model, the round, budget and plan ids a committed batch touched (refetch those, with If-None-Match); `heartbeat` after 15 s of quiet. Ids only, never counts',
  })
  feed(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return this.liveFeed.stream(principal.tenant);
  }
}
