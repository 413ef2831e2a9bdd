/**
 * How a domain error is meant: the one exception filter maps the kind to an HTTP status, so
 * the domain never speaks HTTP.
 */
export type DomainErrorKind = 'rule' | 'not_found' | 'invalid' | 'forbidden' | 'conflict';

/** A rejected command. `code` is stable (`ROUND.VOTING_CLOSED`) and documented; never reuse one. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly kind: DomainErrorKind = 'rule';
  /** Facts a client may show or act on; never personal data. */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** The stream a command addresses does not exist (or is not the caller's to see). */
export class StreamNotFoundError extends DomainError {
  readonly code: string;
  override readonly kind = 'not_found' as const;
  constructor(category: string, id: string) {
    super(`${category} ${id} does not exist`, { id });
    this.code = `${category.toUpperCase()}.NOT_FOUND`;
  }
}

/** Defines a domain error class with a fixed code in one line: `class X extends domainError('ROUND.CLOSED') {}`. */
export function domainError(code: string, kind: DomainErrorKind = 'rule') {
  return class extends DomainError {
    readonly code = code;
    override readonly kind = kind;
  };
}
