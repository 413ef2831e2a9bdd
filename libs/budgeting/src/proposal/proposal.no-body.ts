import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';

/**
 * A command that takes no body: none (no content type either), or an empty JSON object. Anything else
 * (JSON that is not an empty object, an empty text under a content type, or a body no parser read) is a 400 REQUEST.INVALID,
 * as a malformed body is on the commands that take one.
 */
export function refuseBody(request: Request): void {
  const body: unknown = request.body;
  const typed = request.headers['content-type'] !== undefined;
  const bytes = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  // The JSON parser reads an empty text as {}: only the bytes tell an empty object sent from nothing sent under a content type.
  const none = !typed && !bytes;
  const emptyObject = typed && bytes && body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
  if (!none && !emptyObject) throw new BadRequestException({ code: 'REQUEST.INVALID', message: 'This command takes no body (or an empty JSON object)', errors: [] });
}
