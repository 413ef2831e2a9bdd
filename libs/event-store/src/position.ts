import type { Position } from './event-store.port.js';

/** Compares two positions: negative, zero or positive. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `commit/prepare`, the form checkpoints are stored and shown in. */
export function formatPosition(position: Position): string {
  return `${position.commit}/${position.prepare}`;
}

/** Parses `commit/prepare`; throws on anything else. */
export function parsePosition(text: string): Position {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`Not a position: ${JSON.stringify(text)} (expected COMMIT/PREPARE)`);
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}
