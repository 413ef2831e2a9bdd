import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, ApiProblems, type CommandCall, CommandCaller, CommandShell, StreamIdPipe, WRITE_ROLES } from '@lib/platform';
import { GenerateVotingCodesDto } from './generate-voting-codes.dto.js';
import { GenerateVotingCodesRequest } from './generate-voting-codes.handler.js';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('rounds/:roundId')
export class GenerateVotingCodesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shell: CommandShell,
  ) {}

  @Post('voting-codes')
  @HttpCode(201)
  @Allow(...WRITE_ROLES)
  @ApiOperation({ summary: 'Generate codes for printing: returned once as CSV, never stored in clear' })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiProduces('text/csv')
  @ApiCreatedResponse({ description: 'One row per code: `code,area,age_band`', content: { 'text/csv': { schema: { type: 'string', example: 'code,area,age_band\nK7QM-4TXA-93WD-PRZB,WK036301,18-64\n' } } } })
  @ApiProblems({ 400: [], 404: ['BALLOTBOX.NOT_FOUND'], 409: ['PARTICIPANT.ROLL_CLOSED', 'PARTICIPANT.ALREADY_REGISTERED', 'ROUND_KEY.DESTROYED', 'STORE.CONCURRENT_WRITE'] })
  async generate(
    @Param('roundId', StreamIdPipe) roundId: string,
    @Body() body: GenerateVotingCodesDto,
    @CommandCaller() call: CommandCall,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const envelope = this.shell.envelope({ ...call, ifMatch: undefined }, WRITE_ROLES);
    const { csv } = await this.commands.execute(new GenerateVotingCodesRequest({ roundId, count: body.count, area: body.area, ageBand: body.ageBand }, envelope));
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Disposition', `attachment; filename="voting-codes-${roundId}.csv"`);
    return csv;
  }
}
