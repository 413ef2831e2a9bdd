import { BadRequestException, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * A query string holding NUL (`%00`) is refused (400 `REQUEST.INVALID`) before any handler: no
 * filter or search means it, and PostgreSQL refuses it in text, so it would end as a 500. (Half a
 * surrogate pair cannot arrive here: percent-encoded invalid UTF-8 is kept as it was sent.)
 */
@Injectable()
export class RefuseNulInQueryMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const at = request.originalUrl.indexOf('?');
    if (at >= 0 && /%00/i.test(request.originalUrl.slice(at))) {
      throw new BadRequestException({ code: 'REQUEST.INVALID', message: 'The query may not hold the NUL character (%00)' });
    }
    next();
  }
}
