import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from './auth.decorators.js';
import type { Principal } from './principal.js';
import { InvalidTokenError, TokenVerifier } from './token-verifier.js';

/** Thrown at request time for an endpoint that declares no rule: fails closed, and the matrix test finds it. */
export class MissingAccessRuleError extends Error {}

/** Global guard: verifies the bearer token and applies the endpoint's rule. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new MissingAccessRuleError(`${context.getClass().name}.${context.getHandler().name} has no authorisation rule`);
    if (rule.kind === 'public' && rule.ownCredentials) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!match) throw new UnauthorizedException('The Authorization header must be "Bearer <token>"');
      try {
        request.principal = await this.verifier.verify(match[1]!);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
        throw error;
      }
    }
    if (rule.kind === 'public') return true;
    if (!request.principal) throw new UnauthorizedException('Sign in: this endpoint needs a bearer token');
    if (!request.principal.roles.some((role) => rule.roles.includes(role))) {
      throw new ForbiddenException(`This needs one of the roles: ${rule.roles.join(', ')}`);
    }
    return true;
  }
}
