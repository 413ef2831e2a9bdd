import { Controller, Get, type MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { distinctUntilChanged, from, interval, map, type Observable, startWith, switchMap } from 'rxjs';
import { Allow, READ_ROLES } from '@lib/platform';
import { ReadModelsService } from './read-models.service.js';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('read-models')
export class ProjectionsController {
  constructor(private readonly readModels: ReadModelsService) {}

  @Get('projections')
  @Allow('administrator', 'auditor')
  @ApiOperation({ summary: 'Every projection: version, status, checkpoint, lag (events, seconds) and, when stopped, the failing event' })
  statuses() {
    return this.readModels.statuses();
  }

  @Sse('feed')
  @Allow(...READ_ROLES)
  @ApiOperation({
    summary: 'Live feed (Server-Sent Events): an `advanced` event with each projection\'s checkpoint whenever one moves; refetch the read models you show (with If-None-Match)',
  })
  feed(): Observable<MessageEvent> {
    return interval(1000).pipe(
      startWith(0),
      switchMap(() => from(this.checkpoints())),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      map((positions) => ({ type: 'advanced', data: { projections: positions } })),
    );
  }

  private async checkpoints(): Promise<{ name: string; position: string | null }[]> {
    const db = await this.readModels.db();
    return db.read((m) => m.query<{ name: string; position: string | null }[]>(`SELECT name, position FROM ${db.schema}.projection_checkpoint ORDER BY name`));
  }
}
