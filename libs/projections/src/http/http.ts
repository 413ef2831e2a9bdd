import { createHash } from 'node:crypto';
import { NotFoundException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';

/** The last page anyone can ask for: `page × pageSize` stays an offset the database takes (1e300 is an integer too). */
export const MAX_PAGE = 1_000_000;

/** `?page=1&pageSize=50`. */
export class PageQuery {
  @ApiPropertyOptional({ example: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * One page of `table` (as `alias`) where `where` holds, in `orderBy` order, with the count of all
 * matches as `total` (text) on every row, and on one row with `row` null past the last page (so the
 * total is right there too). Rows: `{ row, total }`; parameters `$limit` and `$limit+1` are LIMIT and OFFSET.
 */
export function pagedSql(table: string, alias: string, where: string, orderBy: string, limitParam: number): string {
  return `WITH matched AS (SELECT ${alias}.* FROM ${table} ${alias} WHERE ${where})
    SELECT (SELECT count(*) FROM matched)::text AS total, to_jsonb(paged) AS row
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (SELECT * FROM matched ORDER BY ${orderBy} LIMIT $${limitParam} OFFSET $${limitParam + 1}) AS paged ON true
     ORDER BY ${orderBy}`;
}

/** The page's items and total from the rows of `pagedSql`. */
export function pageRows<R>(rows: { row: R | null; total: string }[]): { rows: R[]; total: number } {
  return { rows: rows.flatMap((r) => (r.row === null ? [] : [r.row])), total: Number(rows[0]?.total ?? 0) };
}

export function pageOf(query: PageQuery): { limit: number; offset: number; page: number; pageSize: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  return { limit: pageSize, offset: (page - 1) * pageSize, page, pageSize };
}

/**
 * Sends `ETag` (a hash of the body) and answers `If-None-Match` with 304 and no body.
 * Returns the body to send, or undefined after a 304.
 */
export function withETag<T>(request: Request, response: Response, body: T): T | undefined {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', 'no-cache');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    response.status(304);
    return undefined;
  }
  return body;
}

/** A read model row as JSON for the api: camelCase keys, the tenant column left out. */
export function camel<T extends Record<string, unknown>>(row: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'tenant') continue;
    out[key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())] = value;
  }
  return out;
}

/** Another municipality's (or a missing) resource: the same 404 either way. */
export function notFound(what: string, id: string): never {
  throw new NotFoundException({ code: 'READ_MODEL.NOT_FOUND', message: `No ${what} ${id}` });
}
