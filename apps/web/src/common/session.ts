/**
 * Tokens the front ends hold: only the app's own short-lived tokens (voter, resident) and the staff
 * access token, in sessionStorage (gone when the tab closes; never in a cookie or localStorage).
 */
export interface Held {
  token: string;
  /** Milliseconds since the epoch after which the token is no longer sent. */
  expiresAt: number;
}

function read(key: string): Held | null {
  const raw = window.sessionStorage.getItem(key);
  if (!raw) return null;
  try {
    const held = JSON.parse(raw) as Held;
    if (held.expiresAt <= Date.now()) {
      window.sessionStorage.removeItem(key);
      return null;
    }
    return held;
  } catch {
    window.sessionStorage.removeItem(key);
    return null;
  }
}

export const tokens = {
  get: (key: string): string | null => read(key)?.token ?? null,
  set: (key: string, token: string, expiresInSeconds: number): void => {
    window.sessionStorage.setItem(key, JSON.stringify({ token, expiresAt: Date.now() + expiresInSeconds * 1000 } satisfies Held));
  },
  clear: (key: string): void => window.sessionStorage.removeItem(key),
};

/** The keys: one staff token, one resident token, one voter token per round. */
export const STAFF = 'ib.staff';
export const RESIDENT = 'ib.resident';
export const voterKey = (roundId: string) => `ib.voter.${roundId}`;

/**
 * The bearer a resident acts with in a round: the voter token of that round (signed in with a voting
 * code, or with the resident token through resident-voter-sessions), else the resident token.
 */
export function residentBearer(roundId: string): string | null {
  return tokens.get(voterKey(roundId)) ?? tokens.get(RESIDENT);
}
