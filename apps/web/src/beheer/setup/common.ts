import { type Problem, problemFrom, type Schemas } from '../../common/api';
import type { Lang, Messages } from '../../common/i18n';
import { staffClaims } from '../staff-auth';

export type Phase = Schemas['RoundView']['phase'];
export type Plan = Schemas['ProposalView'];

/** The phases of a round in the reader's language. */
export const phaseNames: Record<Lang, Record<Phase, string>> = {
  nl: {
    planned: 'Gepland',
    submission: 'Plannen indienen',
    support: 'Steun verzamelen',
    feasibility: 'Haalbaarheid toetsen',
    preselection: 'Voorselectie',
    voting: 'Stemmen',
    counting: 'Tellen',
    deliberation: 'Overleg bewonersraad',
    adoption: 'Vaststellen',
    implementation: 'Uitvoeren',
    intake: 'Aanvragen ontvangen',
    closed: 'Afgesloten',
  },
  en: {
    planned: 'Planned',
    submission: 'Submitting plans',
    support: 'Collecting support',
    feasibility: 'Feasibility review',
    preselection: 'Preselection',
    voting: 'Voting',
    counting: 'Counting',
    deliberation: "Residents' body deliberates",
    adoption: 'Adoption',
    implementation: 'Implementation',
    intake: 'Receiving applications',
    closed: 'Closed',
  },
};

export function phaseName(phase: string, lang: Lang): string {
  return phaseNames[lang][phase as Phase] ?? phase;
}

/** The statuses of a plan in the reader's language. */
const statusNames: Record<Lang, Record<string, string>> = {
  nl: {
    awaiting_moderation: 'Wacht op controle',
    moderation_refused: 'Geweigerd bij controle',
    submitted: 'Ingediend',
    revision_requested: 'Aanpassing gevraagd',
    withdrawn: 'Ingetrokken',
    merged: 'Samengevoegd',
    admitted: 'Toegelaten tot de stemming',
    refused: 'Niet toegelaten',
    selected: 'Gekozen',
    not_selected: 'Niet gekozen',
    granted: 'Subsidie verleend',
    grant_refused: 'Subsidie geweigerd',
    implementing: 'In uitvoering',
    in_implementation: 'In uitvoering',
    realised: 'Uitgevoerd',
    partly_realised: 'Deels uitgevoerd',
    cancelled: 'Stopgezet',
  },
  en: {
    awaiting_moderation: 'Awaiting moderation',
    moderation_refused: 'Refused in moderation',
    submitted: 'Submitted',
    revision_requested: 'Revision requested',
    withdrawn: 'Withdrawn',
    merged: 'Merged',
    admitted: 'Admitted to the ballot',
    refused: 'Not admitted',
    selected: 'Selected',
    not_selected: 'Not selected',
    granted: 'Grant awarded',
    grant_refused: 'Grant refused',
    implementing: 'Being carried out',
    in_implementation: 'Being carried out',
    realised: 'Realised',
    partly_realised: 'Partly realised',
    cancelled: 'Cancelled',
  },
};

export function statusName(status: string, lang: Lang): string {
  return statusNames[lang][status] ?? status;
}

/** The next step for staff, by the phase a round is in (docs/budgeting.md): where to go and what it is called. */
export function nextStep(phase: string, roundId: string): { to: string; key: NextStepKey } {
  const base = `/rondes/${roundId}`;
  switch (phase) {
    case 'planned':
      return { to: base, key: 'next.open' };
    case 'submission':
      return { to: `${base}/moderatie`, key: 'next.moderate' };
    case 'support':
      return { to: base, key: 'next.support' };
    case 'feasibility':
      return { to: `${base}/beoordeling`, key: 'next.review' };
    case 'preselection':
      return { to: `${base}/toelating`, key: 'next.admit' };
    case 'voting':
      return { to: `${base}/stembus`, key: 'next.voting' };
    case 'counting':
    case 'deliberation':
      return { to: `${base}/telling`, key: 'next.count' };
    case 'adoption':
      return { to: `${base}/telling`, key: 'next.adopt' };
    case 'implementation':
      return { to: `${base}/uitvoering`, key: 'next.implement' };
    case 'intake':
      return { to: `${base}/aanvragen`, key: 'next.intake' };
    default:
      return { to: `${base}/proces-verbaal`, key: 'next.record' };
  }
}

export type NextStepKey = 'next.open' | 'next.moderate' | 'next.support' | 'next.review' | 'next.admit' | 'next.voting' | 'next.count' | 'next.adopt' | 'next.implement' | 'next.intake' | 'next.record';

export const nextStepTexts: Messages<NextStepKey> = {
  nl: {
    'next.open': 'Open de ronde voor plannen',
    'next.moderate': 'Controleer nieuwe plannen',
    'next.support': 'Start de toets als de steun binnen is',
    'next.review': 'Beoordeel de plannen',
    'next.admit': 'Laat plannen toe tot de stemming',
    'next.voting': 'Beheer de kiezerslijst en codes',
    'next.count': 'Tel de stemmen',
    'next.adopt': 'Stel de uitslag vast',
    'next.implement': 'Volg de uitvoering',
    'next.intake': 'Behandel de aanvragen',
    'next.record': 'Bekijk het proces-verbaal',
  },
  en: {
    'next.open': 'Open the round for plans',
    'next.moderate': 'Moderate new plans',
    'next.support': 'Start the review once support is in',
    'next.review': 'Review the plans',
    'next.admit': 'Admit plans to the ballot',
    'next.voting': 'Manage the voter roll and codes',
    'next.count': 'Count the votes',
    'next.adopt': 'Adopt the result',
    'next.implement': 'Follow the implementation',
    'next.intake': 'Handle the applications',
    'next.record': 'View the official record',
  },
};

/** Whether the signed-in civil servant has a role (read from the token for display; the api decides). */
export function hasRole(role: 'administrator' | 'reviewer' | 'official' | 'auditor'): boolean {
  return staffClaims().roles.includes(role);
}

export interface PlanVersion {
  number: number;
  title: string;
  summary: string;
  costEstimate?: { investmentCents: number; maintenancePerYearCents?: number; maintenanceYears?: number };
}

/** A plan's current version (the last one). */
export function currentVersion(plan: Plan): PlanVersion {
  const versions = plan.versions as unknown as PlanVersion[];
  return versions[versions.length - 1] ?? { number: 0, title: plan.proposalId, summary: '' };
}

/** What a plan costs, investment and maintenance over its years. */
export function planCost(plan: Plan): number {
  const cost = currentVersion(plan).costEstimate;
  if (!cost) return 0;
  return cost.investmentCents + (cost.maintenancePerYearCents ?? 0) * (cost.maintenanceYears ?? 0);
}

export interface Criterion {
  id: string;
  text: string;
  kind: string;
}

/** Runs one call per item, one after another: what succeeded and what failed (with its problem). */
export async function eachOf<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<{ ok: T[]; failed: { item: T; problem: Problem }[] }> {
  const ok: T[] = [];
  const failed: { item: T; problem: Problem }[] = [];
  for (const item of items) {
    try {
      await run(item);
      ok.push(item);
    } catch (error) {
      failed.push({ item, problem: problemFrom(error) });
    }
  }
  return { ok, failed };
}
