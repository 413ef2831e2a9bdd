import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Principal, Role } from './principal.js';

export const ACCESS_RULE = 'inwonersbudget:access-rule';

/** The authorisation rule of an endpoint. Every endpoint declares one; the guard refuses endpoints that do not. */
export type AccessRule = { kind: 'public'; ownCredentials?: true } | { kind: 'roles'; roles: Role[] };

/**
 * Anyone, signed in or not (public results, health). OpenAPI: `x-roles: []`, `x-public: true`.
 * `ownCredentials`: the endpoint checks a credential of its own in `Authorization` (the metrics
 * scrape token), so the guard leaves that header alone instead of verifying it as a JWT.
 */
export const Public = (options: { ownCredentials?: true } = {}) =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'public', ...options } satisfies AccessRule), ApiExtension('x-public', true), ApiExtension('x-roles', []));

/** Signed-in callers with one of these roles, within their own municipality. OpenAPI: the roles as `x-roles`. */
export const Allow = (...roles: Role[]) => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule), ApiExtension('x-roles', roles));

/** Staff who may change things. */
export const WRITE_ROLES = ['administrator'] as const;
/** Staff who may read a municipality's non-public data. */
export const READ_ROLES = ['administrator', 'reviewer', 'official', 'auditor'] as const;

/** The verified caller (undefined on public endpoints without a token). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
});
