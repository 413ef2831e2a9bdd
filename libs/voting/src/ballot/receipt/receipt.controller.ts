import { Controller, Get, HttpException, Injectable, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { ApiProblems, type Limiter, Public, SharedRateLimits, StreamIdPipe } from '@lib/platform';
import { GetMyResult, GetReceipt, type MyResult, type ReceiptCheck } from './receipt.query.js';

const CHANNELS = ['online', 'assisted', 'paper'];

@ApiSchema({ description: 'What a receipt shows after the close: the ballot stands (or was replaced) and is counted, never its content' })
export class ReceiptCheckView {
  @ApiProperty({ example: 'r-2026' })
  roundId!: string;
  @ApiProperty({ enum: ['counted', 'replaced'], example: 'counted', description: '`counted`: this ballot stands and is in the count; `replaced`: a later ballot of the same voter took its place' })
  status!: ReceiptCheck['status'];
  @ApiProperty({ enum: CHANNELS, example: 'online', description: 'How this ballot came in' })
  channel!: string;
  @ApiProperty({ enum: CHANNELS, type: String, nullable: true, example: 'paper', description: 'When replaced: how the ballot that counts instead came in (null while this one stands)' })
  replacedBy!: string | null;
  @ApiProperty({ enum: ['pending', 'published', 'adopted'], example: 'published', description: 'The round\'s result: from `adopted` on, GET …/result shows which of your plans won' })
  result!: ReceiptCheck['result'];
}

@ApiSchema({ description: 'Why a plan was or was not selected, as the count explains it' })
export class PlanReasonView {
  @ApiProperty({ example: 'did-not-fit', description: 'Stable reason code of the count: selected, did-not-fit, below-threshold, stopped, mes-unaffordable, no-support, not-feasible' })
  code!: string;
  @ApiProperty({ example: 'did not fit: €4 left, costs €5', description: 'The count\'s explanation in English (front ends word it in Dutch from the code)' })
  message!: string;
}

@ApiSchema({ description: 'One of the plans the voter chose, and whether it won and why' })
export class MyPlanResultView {
  @ApiProperty({ example: '3f1c…' })
  planId!: string;
  @ApiProperty({ example: 'Speeltuin Oosterpark' })
  title!: string;
  @ApiProperty({ example: 2_500_000 })
  costCents!: number;
  @ApiProperty({ type: String, nullable: true, example: 'WIJK-1' })
  area!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'spelen' })
  theme!: string | null;
  @ApiProperty({ example: true })
  selected!: boolean;
  @ApiProperty({ type: PlanReasonView })
  reason!: PlanReasonView;
  @ApiProperty({ type: Number, nullable: true, example: 9 })
  votes!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '625/2', description: 'Equal Shares: what your ballot paid towards this plan, exact, in the counting unit' })
  yourShare!: string | null;
}

@ApiSchema({ description: 'After adoption: which of the voter\'s plans won and why (the per-voter explanation of the count)' })
export class MyResultView {
  @ApiProperty({ example: 'r-2026' })
  roundId!: string;
  @ApiProperty({ example: 'equalshares/add1' })
  rule!: string;
  @ApiProperty({ example: 100 })
  countingUnitCents!: number;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ example: 1, description: 'How many of the plans on your ballot won' })
  won!: number;
  @ApiProperty({ type: [MyPlanResultView] })
  plans!: MyPlanResultView[];
  @ApiProperty({ type: String, nullable: true, example: '0', description: 'Equal Shares: what your ballot kept of its equal share' })
  yourShareLeft!: string | null;
}

/** Receipt checks per client address: 30 a minute, for all api processes together on PostgreSQL (like the sign-in limits). */
@Injectable()
export class ReceiptLimiter {
  private readonly perAddress: Limiter;

  constructor(limits: SharedRateLimits) {
    this.perAddress = limits.limiter({ keyPrefix: 'receipt-address', points: 30, duration: 60 });
  }

  async consume(address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new HttpException({ code: 'RECEIPT.RATE_LIMITED', message: `Too many receipt checks; try again in ${retryAfterSeconds} seconds`, retryAfterSeconds }, 429);
    }
  }
}

const RECEIPT_PARAM = { name: 'receipt', description: 'The receipt you got when you cast your ballot (43 characters)', example: 'q3Vn0C1mXk2yJm7T0xJ5m2zV4cXl9Y0b6f1d8sKp3aA' };

/**
 * Public: the receipt is the credential (256 random bits, given once to the voter), and the voter
 * token has expired by the close. Neither answer carries anything that names the voter.
 */
@ApiTags('voting')
@Controller('rounds/:roundId/receipts')
export class ReceiptController {
  constructor(
    private readonly queries: QueryBus,
    private readonly limiter: ReceiptLimiter,
  ) {}

  @Get(':receipt')
  @Public()
  @ApiOperation({ summary: 'After voting closed: was the ballot with this receipt counted, or replaced by a later one? Never its content (rate-limited per address)' })
  @ApiParam(RECEIPT_PARAM)
  @ApiOkResponse({ type: ReceiptCheckView })
  @ApiProblems({ 400: ['RECEIPT.MALFORMED'], 404: ['BALLOTBOX.NOT_FOUND', 'RECEIPT.NOT_FOUND'], 409: ['RECEIPT.VOTING_OPEN'], 429: ['RECEIPT.RATE_LIMITED'] })
  async check(@Param('roundId', StreamIdPipe) roundId: string, @Param('receipt') receipt: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<ReceiptCheckView> {
    await this.limiter.consume(request.ip ?? 'unknown');
    response.setHeader('Cache-Control', 'no-store');
    return this.queries.execute(new GetReceipt(roundId, receipt));
  }

  @Get(':receipt/result')
  @Public()
  @ApiOperation({ summary: 'After adoption, "my result": each plan on the ballot with this receipt, whether it won and why (rate-limited per address)' })
  @ApiParam(RECEIPT_PARAM)
  @ApiOkResponse({ type: MyResultView })
  @ApiProblems({ 400: ['RECEIPT.MALFORMED'], 404: ['BALLOTBOX.NOT_FOUND', 'RECEIPT.NOT_FOUND'], 409: ['RECEIPT.VOTING_OPEN', 'RECEIPT.BALLOT_REPLACED', 'RECEIPT.RESULT_NOT_ADOPTED'], 429: ['RECEIPT.RATE_LIMITED'] })
  async result(@Param('roundId', StreamIdPipe) roundId: string, @Param('receipt') receipt: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<MyResult> {
    await this.limiter.consume(request.ip ?? 'unknown');
    response.setHeader('Cache-Control', 'no-store');
    return this.queries.execute(new GetMyResult(roundId, receipt));
  }
}
