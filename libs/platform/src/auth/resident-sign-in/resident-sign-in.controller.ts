import { Controller, Get, HttpException, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiResponse, ApiSchema, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth.decorators.js';
import { ApiProblems } from '../../http/command-endpoint.js';
import { CLOCK, type Clock } from '../../persistence/tokens.js';
import { RESIDENT_TOKEN_TTL_SECONDS, ResidentTokens } from '../resident-tokens.js';
import { LOGIN_COOKIE, LOGIN_COOKIE_TTL_SECONDS, ResidentOidc, ResidentSignInError, type ResidentSignInFailure } from './resident-oidc.js';
import { ResidentSignInLimiter } from './resident-sign-in.limiter.js';

/** DI token of the process's ResidentOidc (null: no residents' provider configured). */
export const RESIDENT_OIDC = Symbol('RESIDENT_OIDC');

@ApiSchema({ description: 'Where to send the resident to sign in with the municipality\'s provider for residents' })
export class ResidentSignInStartDto {
  @ApiProperty({ example: 'https://login.example-gemeente.nl/realms/inwoners/protocol/openid-connect/auth?client_id=inwonersbudget&response_type=code&code_challenge_method=S256', description: 'Send the browser here (the login cookie is set on this answer)' })
  authorizationUrl!: string;
}

@ApiSchema({ description: 'A resident\'s bearer token after signing in: a keyed pseudonym per municipality, never a BSN or name' })
export class ResidentSessionTokenDto {
  @ApiProperty({ description: 'The resident token (Bearer): role resident, subject the resident\'s pseudonym in this municipality' })
  token!: string;
  @ApiProperty({ example: RESIDENT_TOKEN_TTL_SECONDS, description: 'Seconds' })
  expiresIn!: number;
  @ApiProperty({ example: 'GM0363', description: 'The municipality (CBS code) the residents\' provider speaks for' })
  tenant!: string;
  @ApiProperty({ type: String, nullable: true, example: 'WK036301', description: 'The area code from the provider, when it gives one' })
  area!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '25-34', description: 'The age band derived from the birth date at sign-in (the date itself is not kept)' })
  ageBand!: string | null;
}

const STATUS: Record<ResidentSignInFailure, number> = {
  NOT_CONFIGURED: 404,
  NO_SIGN_IN_STARTED: 401,
  STATE_MISMATCH: 401,
  PROVIDER_REFUSED: 401,
  TOKEN_REJECTED: 401,
  PROVIDER_UNAVAILABLE: 503,
};

/**
 * Residents sign in at the municipality's OIDC provider for residents, with the api as the relying
 * party (backend for frontend): the browser never sees the provider's tokens, only the app's own
 * resident token. docs/security.md has the flow.
 */
@ApiTags('residents')
@ApiExtraModels(ResidentSignInStartDto)
@Controller('resident-sessions/oidc')
export class ResidentSignInController {
  private readonly logger = new Logger('resident-sign-in');

  constructor(
    @Inject(RESIDENT_OIDC) private readonly oidc: ResidentOidc | null,
    @Inject(ResidentTokens) private readonly residentTokens: ResidentTokens,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly limiter: ResidentSignInLimiter,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Start a resident\'s sign-in: a redirect to the residents\' provider (authorization code, PKCE, state, nonce); with `Accept: application/json` the URL as JSON',
    description: 'Sets the login cookie (HttpOnly, SameSite=Lax, 10 minutes) that the callback needs. Rate-limited per address.',
  })
  @ApiOkResponse({ type: ResidentSignInStartDto, description: 'The provider\'s URL (when the request accepts JSON rather than HTML)' })
  @ApiResponse({ status: 302, description: 'To the residents\' provider', headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } } })
  @ApiProblems({ 404: ['RESIDENT_SESSION.NOT_CONFIGURED'], 429: ['RESIDENT_SESSION.RATE_LIMITED'], 503: ['RESIDENT_SESSION.PROVIDER_UNAVAILABLE'] }, { store: false })
  async begin(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.limiter.consume(request.ip ?? 'unknown');
    const oidc = this.configured();
    const { authorizationUrl, cookie } = await this.signIn(() => oidc.begin());
    response.setHeader('Cache-Control', 'no-store');
    response.cookie(LOGIN_COOKIE, cookie, this.cookieOptions(oidc, LOGIN_COOKIE_TTL_SECONDS * 1000));
    if (request.accepts(['html', 'json']) === 'json') {
      response.status(200).json({ authorizationUrl } satisfies ResidentSignInStartDto);
      return;
    }
    response.status(302).setHeader('Location', authorizationUrl);
    response.end();
  }

  @Get('callback')
  @Public()
  @ApiOperation({
    summary: 'Finish a resident\'s sign-in: the provider\'s answer (`code`, `state`, `iss`) in, the app\'s resident token out (15 minutes)',
    description:
      'Needs the login cookie of the same browser. The code is exchanged with the PKCE verifier; the ID token is checked for issuer, audience, expiry, signature and nonce. ' +
      'The token\'s subject is a keyed pseudonym of the provider\'s subject, never the subject itself. Rate-limited per address.',
  })
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'state', required: false, type: String })
  @ApiQuery({ name: 'iss', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiOkResponse({ type: ResidentSessionTokenDto })
  @ApiProblems({ 401: ['RESIDENT_SESSION.NO_SIGN_IN_STARTED', 'RESIDENT_SESSION.STATE_MISMATCH', 'RESIDENT_SESSION.PROVIDER_REFUSED', 'RESIDENT_SESSION.TOKEN_REJECTED'], 404: ['RESIDENT_SESSION.NOT_CONFIGURED'], 429: ['RESIDENT_SESSION.RATE_LIMITED'], 503: ['RESIDENT_SESSION.PROVIDER_UNAVAILABLE'] })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.limiter.consume(request.ip ?? 'unknown');
    const oidc = this.configured();
    response.setHeader('Cache-Control', 'no-store');
    // One sign-in, one answer: the cookie goes whatever the outcome.
    response.clearCookie(LOGIN_COOKIE, this.cookieOptions(oidc));
    const query = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
    const identity = await this.signIn(() => oidc.complete(query, cookieOf(request, LOGIN_COOKIE), this.clock.now()));
    const token = await this.residentTokens.issue(identity);
    response.status(200).json({ token, expiresIn: RESIDENT_TOKEN_TTL_SECONDS, tenant: identity.tenant, area: identity.area ?? null, ageBand: identity.ageBand ?? null } satisfies ResidentSessionTokenDto);
  }

  private configured(): ResidentOidc {
    if (!this.oidc) throw this.problem(new ResidentSignInError('NOT_CONFIGURED', 'This municipality has no sign-in for residents; use your voting code'));
    return this.oidc;
  }

  private async signIn<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof ResidentSignInError) throw this.problem(error);
      throw error;
    }
  }

  private problem(error: ResidentSignInError): HttpException {
    // The code and the library's reason only: never the query, a claim or a token.
    this.logger.warn({ code: `RESIDENT_SESSION.${error.failure}`, reason: error.reason }, 'resident sign-in refused');
    return new HttpException({ code: `RESIDENT_SESSION.${error.failure}`, message: error.message }, STATUS[error.failure]);
  }

  private cookieOptions(oidc: ResidentOidc, maxAge?: number) {
    return { httpOnly: true, sameSite: 'lax' as const, secure: oidc.secureCookie, path: '/resident-sessions/oidc', ...(maxAge === undefined ? {} : { maxAge }) };
  }
}

/** One cookie's value from the request's Cookie header (no cookie parser in this app). */
function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}
