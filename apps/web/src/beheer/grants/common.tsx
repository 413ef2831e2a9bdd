import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type Problem, problemOf, type Schemas } from '../../common/api';
import { type Messages, useT } from '../../common/i18n';
import { staffClaims } from '../staff-auth';
import { staffApi } from '../staff-api';

/**
 * What the grants pages share: the shapes of the plan's parts the OpenAPI document leaves open
 * (intake, grant, verdicts, objection), reading a plan with its ETag, amounts typed in euros, and
 * the texts for statuses and next steps.
 */

export type Proposal = Schemas['ProposalView'];
export type Round = Schemas['RoundView'];

export type Intake =
  | { kind: 'round' }
  | { kind: 'continuous'; decisionDeadline: string; decisionPeriodDays: number; maxExtensionDays: number }
  | { kind: 'fixed-date'; intakeDate: string; decisionDeadline: string; decisionPeriodDays: number; maxExtensionDays: number };

export interface AppealRoute {
  route: 'bezwaar' | 'beroep';
  periodWeeks: number;
  addressedTo: string;
  advisoryCommittee?: boolean;
}

export interface Grant {
  amountCents: number;
  decisionReference: string;
  decisionDate: string;
  appeal: AppealRoute;
}

export interface Verdict {
  criterionId: string;
  outcome: 'met' | 'not_met' | 'needs_revision';
  reason: string;
  version: number;
  at: string;
}

export interface Version {
  number: number;
  title: string;
  summary: string;
  costEstimate: { investmentCents: number; maintenancePerYearCents: number; maintenanceYears: number };
  at: string;
}

export interface Criterion {
  id: string;
  text: string;
  kind: string;
  amountCents?: number;
  themes?: string[];
}

export interface Objection {
  receivedOn: string;
  postedOn: string | null;
  termEndsOn: string;
  inTime: boolean;
  latenessExcusable: boolean | null;
  decisionDueBy: string;
  channel: 'resident' | 'staff';
  hearing: { status: 'none' } | { status: 'scheduled'; hearingAt: string; location: string } | { status: 'held'; heardAt: string; reportReference: string | null } | { status: 'skipped'; ground: string; reason: string };
  decision: { outcome: 'niet-ontvankelijk' | 'ongegrond' | 'gegrond'; decisionReference: string; decisionDate: string; revised: { amountCents: number } | null; reason: string } | null;
  beroep: { court: string; caseReference: string; lodgedOn: string; ruling: { outcome: string; rulingDate: string } | null } | null;
}

export const intakeOf = (p: Proposal) => p.intake as unknown as Intake;
export const grantOf = (p: Proposal) => p.grant as unknown as Grant | null;
export const versionOf = (p: Proposal) => (p.versions as unknown as Version[])[p.versions.length - 1]!;
export const firstVersionOf = (p: Proposal) => (p.versions as unknown as Version[])[0]!;
export const verdictsOf = (p: Proposal) => p.verdicts as unknown as Verdict[];
export const objectionOf = (p: Proposal) => p.objection as unknown as Objection | null;
export const criteriaOf = (r: Round | undefined) => ((r?.criteriaPublishedBeforeSubmission ?? []) as unknown as Criterion[]);
export const deadlineOf = (p: Proposal): string | null => {
  const intake = intakeOf(p);
  return intake.kind === 'round' ? null : intake.decisionDeadline;
};

/** What the plan asks: the investment plus the maintenance it counts. */
export function requestedCents(p: Proposal): number {
  const { investmentCents, maintenancePerYearCents, maintenanceYears } = versionOf(p).costEstimate;
  return investmentCents + maintenancePerYearCents * maintenanceYears;
}

/** The latest verdict per criterion on the current version. */
export function currentVerdicts(p: Proposal): Map<string, Verdict> {
  const version = versionOf(p).number;
  const latest = new Map<string, Verdict>();
  for (const verdict of verdictsOf(p)) if (verdict.version === version) latest.set(verdict.criterionId, verdict);
  return latest;
}

export function unmetCriteria(p: Proposal): string[] {
  const latest = currentVerdicts(p);
  return p.publishedCriteria.filter((criterion) => latest.get(criterion)?.outcome !== 'met');
}

/** A plan read from its stream, with its ETag (the revision later commands send as If-Match). */
export async function loadProposal(proposalId: string): Promise<{ plan: Proposal; etag: string }> {
  let result;
  try {
    result = await staffApi.GET('/proposals/{proposalId}', { params: { path: { proposalId } } });
  } catch {
    throw Object.assign(new Error('NETWORK'), { problem: { status: 0, code: 'NETWORK' } satisfies Problem });
  }
  if (!result.response.ok || !result.data) {
    const problem = problemOf(result.error, result.response.status);
    throw Object.assign(new Error(problem.code), { problem });
  }
  return { plan: result.data, etag: result.response.headers.get('etag') ?? '' };
}

/** Euros as staff type them ("1250", "1.250,50", "1250.50", "€ 1.250") in whole cents; null when it is no amount. */
export function parseEuros(text: string): number | null {
  let value = text.replace(/[€\s]/g, '');
  if (!value) return null;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(value)) value = value.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(value)) value = value.replace(/,/g, '');
  else value = value.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Euros for a form field's starting value ("1250,50" / "1250.50"). */
export function eurosInput(cents: number, lang: 'nl' | 'en'): string {
  const text = (cents / 100).toFixed(2).replace(/\.00$/, '');
  return lang === 'nl' ? text.replace('.', ',') : text;
}

/** Today as a calendar day in Amsterdam (YYYY-MM-DD). */
export function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`));

export const isAdministrator = () => staffClaims().roles.includes('administrator');
export const isReviewer = () => staffClaims().roles.includes('reviewer');

export type Status = Proposal['status'] | 'in_implementation';

export const statusTexts: Messages<Status> = {
  nl: {
    awaiting_moderation: 'Wacht op controle',
    moderation_refused: 'Niet toegelaten',
    submitted: 'In behandeling',
    revision_requested: 'Aanpassing gevraagd',
    withdrawn: 'Ingetrokken',
    merged: 'Samengevoegd',
    admitted: 'Toegelaten tot de stemming',
    refused: 'Niet toegelaten tot de stemming',
    selected: 'Gekozen',
    not_selected: 'Niet gekozen',
    granted: 'Subsidie verleend',
    grant_refused: 'Subsidie geweigerd',
    implementing: 'In uitvoering',
    in_implementation: 'In uitvoering',
    realised: 'Uitgevoerd',
    partly_realised: 'Deels uitgevoerd',
    cancelled: 'Geannuleerd',
  },
  en: {
    awaiting_moderation: 'Awaiting moderation',
    moderation_refused: 'Not admitted',
    submitted: 'Being handled',
    revision_requested: 'Revision requested',
    withdrawn: 'Withdrawn',
    merged: 'Merged',
    admitted: 'Admitted to the vote',
    refused: 'Not admitted to the vote',
    selected: 'Selected',
    not_selected: 'Not selected',
    granted: 'Grant awarded',
    grant_refused: 'Grant refused',
    implementing: 'Being carried out',
    in_implementation: 'Being carried out',
    realised: 'Carried out',
    partly_realised: 'Partly carried out',
    cancelled: 'Cancelled',
  },
};

const navTexts: Messages<'applications' | 'implementation' | 'nav'> = {
  nl: { applications: 'Aanvragen van deze ronde', implementation: 'Uitvoering en betalingen', nav: 'Onderdelen van de ronde' },
  en: { applications: "This round's applications", implementation: 'Implementation and payments', nav: "Parts of the round" },
};

/** Links between a round's applications and its implementation. */
export function RoundLinks({ roundId }: { roundId: string }) {
  const t = useT(navTexts);
  return (
    <nav aria-label={t('nav')}>
      <ul className="ib-actions" style={{ listStyle: 'none', paddingInlineStart: 0 }}>
        <li>
          <Link className="utrecht-link" to={`/rondes/${encodeURIComponent(roundId)}/aanvragen`}>
            {t('applications')}
          </Link>
        </li>
        <li>
          <Link className="utrecht-link" to={`/rondes/${encodeURIComponent(roundId)}/uitvoering`}>
            {t('implementation')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** One term and its value in a data list. */
export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{term}</dt>
      <dd className="utrecht-data-list__item-value">{children}</dd>
    </div>
  );
}

/**
 * A table's horizontal scroll box that never widens the page: its intrinsic width is 0 (so a wide
 * table cannot stretch the layout on a 375 px phone) and it then fills the column.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return (
    <div className="ib-table-scroll" style={{ width: 0, minWidth: '100%' }}>
      {children}
    </div>
  );
}
