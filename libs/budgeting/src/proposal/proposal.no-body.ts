import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';

/**
 * A command that takes no body: none (no content type either), or an empty JSON object. Anything else
 * (JSON that is not an empty object, an empty text under a content type, or a body no parser read) is a 400 REQUEST.INVALID,
 * as a malformed body is on the commands that take one.
 */
export function refuseBody(request: Request): void {
  const body: unknown = request.body;
  const sent = request.headers['content-type'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const empty = body === undefined ? !sent : body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
  if (!empty) throw new BadRequestException({ code: 'REQUEST.INVALID', message: 'This command takes no body (or an empty JSON object)', errors: [] });
}
