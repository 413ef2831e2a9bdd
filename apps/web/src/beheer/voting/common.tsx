import { NavLink } from 'react-router';
import { type Problem, unwrap } from '../../common/api';
import { type Messages, useT } from '../../common/i18n';
import { useLoad } from '../../common/load';
import { staffApi } from '../staff-api';
import { staffClaims } from '../staff-auth';

/** Texts shared by the voting pages of the back office. */
export const votingTexts: Messages<
  | 'nav'
  | 'nav.box'
  | 'nav.paper'
  | 'nav.count'
  | 'nav.turnout'
  | 'nav.record'
  | 'nav.timeline'
  | 'round'
  | 'onlyAdmin'
  | 'onlyOfficial'
  | 'onlyAuditor'
  | 'reason'
  | 'reasonHelp'
  | 'reasonEmpty'
  | 'phase.prepared'
  | 'phase.open'
  | 'phase.closed'
  | 'phase.sealed'
  | 'yes'
  | 'no'
> = {
  nl: {
    nav: 'Stemmen in deze ronde',
    'nav.box': 'Stembus en codes',
    'nav.paper': 'Papieren stemmen',
    'nav.count': 'Telling en uitslag',
    'nav.turnout': 'Opkomst',
    'nav.record': 'Proces-verbaal',
    'nav.timeline': 'Tijdlijn',
    round: 'Ronde: {title}',
    onlyAdmin: 'Alleen een beheerder (administrator) kan dit doen.',
    onlyOfficial: 'Alleen een ambtenaar met de rol official kan dit doen.',
    onlyAuditor: 'Alleen een beheerder of een controleur (auditor) kan dit zien.',
    reason: 'Reden',
    reasonHelp: 'De reden komt in het logboek van de ronde.',
    reasonEmpty: 'Vul een reden in.',
    'phase.prepared': 'klaargezet',
    'phase.open': 'open',
    'phase.closed': 'gesloten',
    'phase.sealed': 'verzegeld',
    yes: 'ja',
    no: 'nee',
  },
  en: {
    nav: 'Voting in this round',
    'nav.box': 'Ballot box and codes',
    'nav.paper': 'Paper ballots',
    'nav.count': 'Count and result',
    'nav.turnout': 'Turnout',
    'nav.record': 'Official record',
    'nav.timeline': 'Timeline',
    round: 'Round: {title}',
    onlyAdmin: 'Only an administrator can do this.',
    onlyOfficial: 'Only a civil servant with the official role can do this.',
    onlyAuditor: 'Only an administrator or an auditor can see this.',
    reason: 'Reason',
    reasonHelp: "The reason goes into the round's log.",
    reasonEmpty: 'Enter a reason.',
    'phase.prepared': 'prepared',
    'phase.open': 'open',
    'phase.closed': 'closed',
    'phase.sealed': 'sealed',
    yes: 'yes',
    no: 'no',
  },
};

/** The links between the voting pages of one round. */
export function VotingNav({ roundId }: { roundId: string }) {
  const t = useT(votingTexts);
  const base = `/rondes/${encodeURIComponent(roundId)}`;
  const items: [string, Parameters<typeof t>[0]][] = [
    ['stembus', 'nav.box'],
    ['papier', 'nav.paper'],
    ['telling', 'nav.count'],
    ['opkomst', 'nav.turnout'],
    ['proces-verbaal', 'nav.record'],
    ['tijdlijn', 'nav.timeline'],
  ];
  return (
    <nav aria-label={t('nav')} className="ib-voting-nav">
      <ul className="ib-nav__list">
        {items.map(([path, key]) => (
          <li key={path}>
            <NavLink className="utrecht-link ib-nav__link" to={`${base}/${path}`} end>
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The round as the api folds it (GET /rounds/{roundId}); its title for the pages' headings. */
export function useRound(roundId: string) {
  return useLoad(() => unwrap(staffApi.GET('/rounds/{roundId}', { params: { path: { roundId } } })), [roundId]);
}

/** The round's title line under a page's heading. */
export function RoundLine({ roundId }: { roundId: string }) {
  const t = useT(votingTexts);
  const round = useRound(roundId);
  if (!round.data) return null;
  return <p className="utrecht-paragraph ib-round-line">{t('round', { title: round.data.title })}</p>;
}

/** The roles in the staff token (for what the page offers; the api decides). */
export function hasRole(...roles: string[]): boolean {
  const mine = staffClaims().roles;
  return roles.some((role) => mine.includes(role));
}

/** A ballot box as GET /rounds/{roundId}/ballot-box answers it (the document gives it no schema). */
export interface BallotBox {
  phase: 'prepared' | 'open' | 'closed' | 'sealed';
  roundId: string;
  registered: number;
  eligible: number;
  closedAt?: string;
  keyDestroyedAt?: string;
  frame: {
    budgetId: string;
    frameVersion: number;
    budgetCents: number;
    countingUnitCents: number;
    currency: string;
    paperPrecedence: 'paper' | 'online';
    ballot: { type: 'approval' | 'choose-1' | 'cumulative' | 'ordinal' | 'scoring'; minPlans?: number; maxPlans?: number; costCapCents?: number; points?: number };
    eligibility: { areaCodes: string[]; minimumAge: number; excludedRoles: string[] };
    plans: { planId: string; costCents: number; name?: string; area?: string; theme?: string }[];
    areaBudgets?: { areaCode: string; amountCents: number }[];
  };
}

/** The box and its ETag (its revision, for If-Match on a phase change). */
export async function loadBox(roundId: string): Promise<{ box: BallotBox; etag: string | null }> {
  const call = staffApi.GET('/rounds/{roundId}/ballot-box', { params: { path: { roundId } } });
  const { response } = await call;
  const box = (await unwrap(call)) as unknown as BallotBox;
  return { box, etag: response.headers.get('etag') };
}

/** Offers `blob` to the browser as a file called `name` (a link with `download`, clicked once). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A problem's code, for matching known problems. */
export const codeOf = (problem: Problem | null) => problem?.code ?? '';

/** Where a field's error is, for the error summary and the field. */
export function errorFor(errors: { field: string; message: string }[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}
