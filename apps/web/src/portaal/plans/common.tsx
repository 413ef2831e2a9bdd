import { Link, useLocation } from 'react-router';
import { type Api, apiClient, unwrap } from '../../common/api';
import { Alert } from '../../common/forms';
import { type Messages, useT } from '../../common/i18n';
import { residentBearer } from '../../common/session';

/** The api as the resident of this round: their voter token for the round, else their resident token. */
export function residentApi(roundId: string): Api {
  return apiClient(() => residentBearer(roundId));
}

/** The api without a token (the public plans). */
export const publicApi = apiClient();

/** Like `unwrap`, with the answer's ETag (the stream's revision after a command) for a later If-Match. */
export async function unwrapTagged<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: T; etag: string | null }> {
  let response: Response | undefined;
  const data = await unwrap(
    call.then((answer) => {
      response = answer.response;
      return answer;
    }),
  );
  return { data, etag: response?.headers.get('etag') ?? null };
}

/** The area code the residents' provider gave at sign-in (the token's `area` claim), when there is one. */
export function tokenArea(roundId: string): string | null {
  const token = residentBearer(roundId);
  try {
    const payload = JSON.parse(atob(token!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { area?: unknown };
    return typeof payload.area === 'string' ? payload.area : null;
  } catch {
    return null;
  }
}

export const isSignedIn = (roundId: string): boolean => residentBearer(roundId) !== null;

/** The largest page the public plans endpoint gives: one round's plans fit in it. */
export const ALL = 500;

export const statusTexts: Messages<
  | 'awaiting_moderation'
  | 'moderation_refused'
  | 'submitted'
  | 'revision_requested'
  | 'withdrawn'
  | 'merged'
  | 'admitted'
  | 'refused'
  | 'selected'
  | 'not_selected'
  | 'granted'
  | 'grant_refused'
  | 'implementing'
  | 'in_implementation'
  | 'realised'
  | 'partly_realised'
  | 'cancelled'
> = {
  nl: {
    awaiting_moderation: 'Wacht op controle door de gemeente',
    moderation_refused: 'Niet toegelaten door de gemeente',
    submitted: 'Ingediend',
    revision_requested: 'Aanpassing gevraagd',
    withdrawn: 'Ingetrokken',
    merged: 'Samengevoegd met een ander plan',
    admitted: 'Op het stembiljet',
    refused: 'Niet op het stembiljet',
    selected: 'Gekozen',
    not_selected: 'Niet gekozen',
    granted: 'Subsidie toegekend',
    grant_refused: 'Subsidie afgewezen',
    implementing: 'Wordt uitgevoerd',
    in_implementation: 'Wordt uitgevoerd',
    realised: 'Uitgevoerd',
    partly_realised: 'Deels uitgevoerd',
    cancelled: 'Gestopt',
  },
  en: {
    awaiting_moderation: 'Waiting for a check by the municipality',
    moderation_refused: 'Not let in by the municipality',
    submitted: 'Submitted',
    revision_requested: 'Changes requested',
    withdrawn: 'Withdrawn',
    merged: 'Merged with another plan',
    admitted: 'On the ballot',
    refused: 'Not on the ballot',
    selected: 'Chosen',
    not_selected: 'Not chosen',
    granted: 'Grant awarded',
    grant_refused: 'Grant refused',
    implementing: 'Being carried out',
    in_implementation: 'Being carried out',
    realised: 'Carried out',
    partly_realised: 'Partly carried out',
    cancelled: 'Stopped',
  },
};

export const feasibilityTexts: Messages<'pending' | 'feasible' | 'not_feasible' | 'needs_revision'> = {
  nl: { pending: 'Nog niet beoordeeld', feasible: 'Uitvoerbaar', not_feasible: 'Niet uitvoerbaar', needs_revision: 'Moet worden aangepast' },
  en: { pending: 'Not assessed yet', feasible: 'Feasible', not_feasible: 'Not feasible', needs_revision: 'Needs changes' },
};

/** The status as words; an unknown status as it is. */
export function useStatusText(): (status: string) => string {
  const t = useT(statusTexts);
  return (status) => (status in statusTexts.nl ? t(status as keyof (typeof statusTexts)['nl']) : status);
}

/** A theme id ("spelen") as a label ("Spelen"). */
export const themeLabel = (themeId: string): string => (themeId ? themeId.charAt(0).toUpperCase() + themeId.slice(1).replace(/[-_]/g, ' ') : themeId);

/**
 * Euros as a resident types them ("1250", "1.250", "1250,50", "€ 1.250,50") in cents; null when it is
 * no amount. A dot followed by exactly three digits groups thousands; otherwise a dot or comma is the decimal mark.
 */
export function parseEuros(text: string): number | null {
  let value = text.replace(/[€\s]/g, '');
  if (value === '') return null;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(value)) value = value.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d{1,2})?$/.test(value)) value = value.replace(',', '.');
  else if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const cents = Math.round(Number(value) * 100);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as a resident would type them back ("1250,50"; whole euros without decimals). */
export function eurosInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}

const signInTexts: Messages<'title' | 'body' | 'link'> = {
  nl: { title: 'U bent niet aangemeld', body: 'Meld u eerst aan. Daarna komt u terug op deze pagina.', link: 'Aanmelden' },
  en: { title: 'You are not signed in', body: 'Please sign in first. Then you come back to this page.', link: 'Sign in' },
};

/** The link to sign in for this round that returns to the page the resident is on. */
export function signInPath(roundId: string, back: string): string {
  return `/rondes/${roundId}/aanmelden?terug=${encodeURIComponent(back)}`;
}

/** For a page that needs a signed-in resident: says so, with a link to sign in that comes back here. */
export function SignInNeeded({ roundId }: { roundId: string }) {
  const t = useT(signInTexts);
  const location = useLocation();
  return (
    <Alert type="info" heading={t('title')}>
      <p className="utrecht-paragraph">{t('body')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={signInPath(roundId, location.pathname + location.search)}>
          {t('link')}
        </Link>
      </p>
    </Alert>
  );
}

/** Remembered in this tab: the plans the resident supported here (the api does not say whom you support). */
const supportedKey = (roundId: string) => `ib.plans.supported.${roundId}`;
export const supported = {
  has(roundId: string, proposalId: string): boolean {
    return supported.all(roundId).includes(proposalId);
  },
  all(roundId: string): string[] {
    try {
      const value = JSON.parse(window.sessionStorage.getItem(supportedKey(roundId)) ?? '[]') as unknown;
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  },
  set(roundId: string, proposalId: string, on: boolean): void {
    const rest = supported.all(roundId).filter((id) => id !== proposalId);
    window.sessionStorage.setItem(supportedKey(roundId), JSON.stringify(on ? [...rest, proposalId] : rest));
  },
};

/** One row of a description list. */
export function DataItem({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value">{children}</dd>
    </div>
  );
}
