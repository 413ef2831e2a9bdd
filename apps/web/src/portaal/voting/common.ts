import { apiClient } from '../../common/api';
import { RESIDENT, tokens, voterKey } from '../../common/session';

/** Where a resident goes after signing in to vote, when the link names nothing else. */
export const ballotPath = (roundId: string) => `/rondes/${roundId}/stemmen`;
export const signInPath = (roundId: string, back?: string) => `/rondes/${roundId}/aanmelden${back ? `?terug=${encodeURIComponent(back)}` : ''}`;

/** Only a path inside the portal is a place to return to (never another site). */
export function safeBack(back: string | null | undefined, roundId: string): string {
  return back && back.startsWith('/') && !back.startsWith('//') ? back : ballotPath(roundId);
}

/** Kept across the trip to the municipality's provider (sessionStorage: this tab only). */
const PENDING = 'ib.voting.sign-in';
export interface PendingSignIn {
  roundId: string;
  back: string;
}
export const pendingSignIn = {
  set: (value: PendingSignIn) => window.sessionStorage.setItem(PENDING, JSON.stringify(value)),
  take: (): PendingSignIn | null => {
    const raw = window.sessionStorage.getItem(PENDING);
    window.sessionStorage.removeItem(PENDING);
    try {
      return raw ? (JSON.parse(raw) as PendingSignIn) : null;
    } catch {
      return null;
    }
  },
};

/** Anonymous calls (sign-in, receipts, the public result). */
export const publicApi = apiClient();
/** Calls with the resident token (after the provider). */
export const residentApi = apiClient(() => tokens.get(RESIDENT));
/** Calls with the voter token of one round. */
export const voterApi = (roundId: string) => apiClient(() => tokens.get(voterKey(roundId)));

/** The receipt of the ballot just cast, for the confirmation page (navigation state: not stored anywhere else). */
export interface CastState {
  receipt: string;
  replaced: boolean;
  titles: string[];
}
