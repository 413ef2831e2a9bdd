import { BadRequestException } from '@nestjs/common';

/** `If-Match: "7"` → 7n (the expected revision); absent → undefined. Weak or list forms are refused. */
export function expectedRevisionFrom(ifMatch: string | undefined): bigint | undefined {
  if (ifMatch === undefined) return undefined;
  const match = /^\s*"(\d{1,19})"\s*$/.exec(ifMatch);
  if (!match) throw new BadRequestException({ code: 'REQUEST.INVALID_IF_MATCH', message: 'If-Match must be one strong ETag such as "3"' });
  return BigInt(match[1]!);
}

/** The ETag of a stream at a revision. */
export function etagOf(revision: bigint): string {
  return `"${revision}"`;
}
