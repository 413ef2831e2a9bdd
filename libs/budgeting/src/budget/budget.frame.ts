import type { AreaAmount, BudgetFrame, ThemeQuota } from './budget.events.js';
import { BudgetAllocationExceedsAmountError, BudgetInvalidFrameError } from './budget.errors.js';
import { BALLOT_TYPES, BUDGET_FORMS, CREDENTIALS, CRITERION_KINDS, PARTICIPANT_KINDS, REGIMES, SELECTION_MODES, TALLY_RULES, TIE_BREAKS } from './budget.events.js';

export interface FrameIssue {
  field: string;
  message: string;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

type Report = (field: string, message: string) => unknown;

/** Every problem with a frame, by field; empty when the frame is complete and consistent. */
export function frameIssues(frame: BudgetFrame): FrameIssue[] {
  const issues: FrameIssue[] = [];
  const issue: Report = (field, message) => issues.push({ field, message });
  const areas = Array.isArray(frame.areas) ? frame.areas : [];

  basicIssues(frame, issue);
  if (!Array.isArray(frame.areas)) issue('areas', 'is required');
  const codes = areaIssues(areas, issue);
  allocationIssues(frame, areas, issue);
  criteriaIssues(frame, issue);
  participationIssues(frame, codes, issue);
  ballotIssues(frame, issue);
  tallyIssues(frame, issue);
  regimeIssues(frame, issue);
  formSpecificIssues(frame, issue);
  return issues;
}

const votes = (frame: BudgetFrame): boolean => frame.form === 'burgerbegroting';

function basicIssues(frame: BudgetFrame, issue: Report): void {
  if (!(BUDGET_FORMS as readonly string[]).includes(frame.form)) issue('form', `must be one of ${BUDGET_FORMS.join(', ')}`);
  if (!isText(frame.title)) issue('title', 'is required');
  if (frame.amountKind !== 'budget' && frame.amountKind !== 'subsidy-ceiling') issue('amountKind', 'must be budget or subsidy-ceiling');
  if (!isCount(frame.amountCents) || frame.amountCents === 0) issue('amountCents', 'must be a positive whole number of cents');
}

/** Reports the areas' problems; returns the codes seen, for the participation rules. */
function areaIssues(areas: BudgetFrame['areas'], issue: Report): Set<string> {
  const codes = new Set<string>();
  areas.forEach((area, i) => {
    if (!isText(area.code)) issue(`areas.${i}.code`, 'is required');
    else if (codes.has(area.code)) issue(`areas.${i}.code`, `${area.code} appears twice`);
    codes.add(area.code);
    if (!isText(area.name)) issue(`areas.${i}.name`, 'is required');
    if (area.inhabitants !== undefined && !isCount(area.inhabitants)) issue(`areas.${i}.inhabitants`, 'must be a whole number ≥ 0');
    if (area.share !== undefined && !isCount(area.share)) issue(`areas.${i}.share`, 'must be a whole number ≥ 0');
  });
  return codes;
}

function allocationIssues(frame: BudgetFrame, areas: BudgetFrame['areas'], issue: Report): void {
  const allocation = frame.allocation;
  if ((frame.form === 'wijkbudget' || frame.form === 'dorpsbudget') && (allocation?.kind ?? 'none') === 'none') {
    issue('allocation', `a ${frame.form} divides its amount over areas: use shares or formula`);
  }
  if (allocation?.kind === 'shares') {
    if (areas.length === 0) issue('areas', 'a share allocation needs areas');
    areas.forEach((area, i) => area.share === undefined && issue(`areas.${i}.share`, 'is required by a share allocation'));
    if (areas.length > 0 && areas.every((area) => (area.share ?? 0) === 0)) issue('areas', 'at least one share must be above zero');
  } else if (allocation?.kind === 'formula') {
    if (areas.length === 0) issue('areas', 'a formula allocation needs areas');
    for (const key of ['baseCents', 'perInhabitantCents', 'minimumCents'] as const) if (!isCount(allocation[key])) issue(`allocation.${key}`, 'must be a whole number of cents ≥ 0');
    areas.forEach((area, i) => area.inhabitants === undefined && issue(`areas.${i}.inhabitants`, 'is required by a formula allocation'));
  } else if (allocation?.kind !== 'none') {
    issue('allocation.kind', 'must be none, shares or formula');
  }
}

function criteriaIssues(frame: BudgetFrame, issue: Report): void {
  const criterionIds = new Set<string>();
  (frame.criteria ?? []).forEach((criterion, i) => {
    const at = `criteria.${i}`;
    if (!isText(criterion.id)) issue(`${at}.id`, 'is required');
    else if (criterionIds.has(criterion.id)) issue(`${at}.id`, `${criterion.id} appears twice`);
    criterionIds.add(criterion.id);
    if (!isText(criterion.text)) issue(`${at}.text`, 'is required');
    if (!(CRITERION_KINDS as readonly string[]).includes(criterion.kind)) issue(`${at}.kind`, `must be one of ${CRITERION_KINDS.join(', ')}`);
    if ((criterion.kind === 'maximum-amount' || criterion.kind === 'minimum-amount') && !isCount(criterion.amountCents)) issue(`${at}.amountCents`, `is required by ${criterion.kind}`);
    if (criterion.kind === 'themes' && (!Array.isArray(criterion.themes) || criterion.themes.length === 0)) issue(`${at}.themes`, 'lists at least one theme');
    if (criterion.kind === 'support-threshold' && !(isCount(criterion.supporters) && criterion.supporters > 0)) issue(`${at}.supporters`, 'is required by support-threshold');
  });
  const max = frame.criteria?.find((c) => c.kind === 'maximum-amount')?.amountCents;
  const min = frame.criteria?.find((c) => c.kind === 'minimum-amount')?.amountCents;
  if (max !== undefined && min !== undefined && min > max) issue('criteria', 'the minimum amount is above the maximum amount');
}

function participationIssues(frame: BudgetFrame, codes: Set<string>, issue: Report): void {
  const participation = frame.participation;
  if (!participation) issue('participation', 'is required');
  else {
    participation.areaCodes.forEach((code, i) => !codes.has(code) && issue(`participation.areaCodes.${i}`, `${code} is not one of the frame's areas`));
    if (!isCount(participation.minimumAge) || participation.minimumAge > 120) issue('participation.minimumAge', 'must be an age in years');
    if (participation.participants.length === 0) issue('participation.participants', 'names at least one kind of participant');
    participation.participants.forEach((kind, i) => !(PARTICIPANT_KINDS as readonly string[]).includes(kind) && issue(`participation.participants.${i}`, `must be one of ${PARTICIPANT_KINDS.join(', ')}`));
    if (!(CREDENTIALS as readonly string[]).includes(participation.credential)) issue('participation.credential', `must be one of ${CREDENTIALS.join(', ')}`);
  }
}

function ballotIssues(frame: BudgetFrame, issue: Report): void {
  const ballot = frame.ballot;
  if (!ballot && votes(frame)) issue('ballot', 'a burgerbegroting needs ballot rules');
  if (ballot && !(BALLOT_TYPES as readonly string[]).includes(ballot.type)) issue('ballot.type', `must be one of ${BALLOT_TYPES.join(', ')}`);
  else if (ballot) {
    for (const key of ['minPlans', 'maxPlans', 'costCapCents', 'points', 'rankingLength'] as const) {
      if (ballot[key] !== undefined && !isCount(ballot[key])) issue(`ballot.${key}`, 'must be a whole number ≥ 0');
    }
    if (ballot.minPlans !== undefined && ballot.maxPlans !== undefined && ballot.minPlans > ballot.maxPlans) issue('ballot.minPlans', 'is above maxPlans');
    if (ballot.costCapCents !== undefined && ballot.type !== 'approval') issue('ballot.costCapCents', 'only an approval ballot has a cost cap');
    if ((ballot.type === 'cumulative' || ballot.type === 'scoring') && !(isCount(ballot.points) && ballot.points > 0)) issue('ballot.points', `is required by a ${ballot.type} ballot`);
    if (ballot.correctionWindowDays !== undefined && !(isCount(ballot.correctionWindowDays) && ballot.correctionWindowDays <= 90)) issue('ballot.correctionWindowDays', 'must be a whole number of days from 0 to 90');
    if (ballot.type === 'ordinal' && !(isCount(ballot.rankingLength) && ballot.rankingLength > 0)) issue('ballot.rankingLength', 'is required by an ordinal ballot');
    if (ballot.type === 'choose-1' && (ballot.minPlans !== undefined || ballot.maxPlans !== undefined)) issue('ballot', 'a choose-1 ballot has no min/max plans');
    if (ballot.minSpendCents !== undefined) {
      if (!isCount(ballot.minSpendCents)) issue('ballot.minSpendCents', 'must be a whole number ≥ 0');
      else if (ballot.type !== 'approval') issue('ballot.minSpendCents', 'only an approval ballot has a minimum spend');
      else if (ballot.costCapCents !== undefined && ballot.minSpendCents > ballot.costCapCents) issue('ballot.minSpendCents', 'is above costCapCents');
    }
    if (ballot.themeQuotas !== undefined) themeQuotaIssues(ballot.themeQuotas, issue);
  }
}

function themeQuotaIssues(quotas: ThemeQuota[], issue: Report): void {
  if (!Array.isArray(quotas)) {
    issue('ballot.themeQuotas', 'must be a list');
    return;
  }
  const seen = new Set<string>();
  quotas.forEach((quota, i) => {
    const at = `ballot.themeQuotas.${i}`;
    if (typeof quota?.theme !== 'string' || quota.theme.trim() === '') {
      issue(`${at}.theme`, 'names a theme');
      return;
    }
    if (seen.has(quota.theme)) issue(`${at}.theme`, `${quota.theme} has a quota already`);
    seen.add(quota.theme);
    for (const key of ['minPlans', 'maxPlans'] as const) if (quota[key] !== undefined && !isCount(quota[key])) issue(`${at}.${key}`, 'must be a whole number ≥ 0');
    if (quota.minPlans === undefined && quota.maxPlans === undefined) issue(at, 'sets minPlans, maxPlans or both');
    if (quota.minPlans !== undefined && quota.maxPlans !== undefined && quota.minPlans > quota.maxPlans) issue(`${at}.minPlans`, 'is above maxPlans');
  });
}

function tallyIssues(frame: BudgetFrame, issue: Report): void {
  const tally = frame.tally;
  const ballot = frame.ballot;
  if (!tally && votes(frame)) issue('tally', 'a burgerbegroting needs a tally rule');
  if (tally && !(TALLY_RULES as readonly string[]).includes(tally.rule)) issue('tally.rule', `must be one of ${TALLY_RULES.join(', ')}`);
  if ((ballot === undefined) !== (tally === undefined)) issue(ballot ? 'tally' : 'ballot', 'ballot rules and a tally rule go together');
  if (tally) {
    if (!Array.isArray(tally.tieBreak) || tally.tieBreak.length === 0) issue('tally.tieBreak', 'names at least one tie-break');
    else {
      tally.tieBreak.forEach((key, i) => !(TIE_BREAKS as readonly string[]).includes(key) && issue(`tally.tieBreak.${i}`, `must be one of ${TIE_BREAKS.join(', ')}`));
      if (new Set(tally.tieBreak).size !== tally.tieBreak.length) issue('tally.tieBreak', 'names a tie-break twice');
      if (tally.tieBreak.includes('lot') && !isText(tally.seed)) issue('tally.seed', 'a lot needs a seed published in the frame');
    }
    if (tally.rule === 'greedy-threshold' && !(isCount(tally.thresholdVotes) && tally.thresholdVotes > 0)) issue('tally.thresholdVotes', 'is required by greedy-threshold');
    if (tally.rule === 'greedy-reserve') {
      if (tally.reservePercent === undefined) issue('tally.reservePercent', 'is required by greedy-reserve');
      else if (!(isCount(tally.reservePercent) && tally.reservePercent >= 1 && tally.reservePercent <= 100)) issue('tally.reservePercent', 'must be a whole percentage from 1 to 100');
      if (tally.reserveCents !== undefined && !isCount(tally.reserveCents)) issue('tally.reserveCents', 'must be a whole number of cents ≥ 0');
    } else {
      if (tally.reservePercent !== undefined) issue('tally.reservePercent', 'only greedy-reserve funds from a reserve');
      if (tally.reserveCents !== undefined) issue('tally.reserveCents', 'only greedy-reserve funds from a reserve');
    }
  }
}

function regimeIssues(frame: BudgetFrame, issue: Report): void {
  const regime = frame.regime;
  if (!regime && frame.form !== 'initiatievenfonds') issue('regime', 'names the legal regime: binding, advisory or delegated');
  if (regime && !(REGIMES as readonly string[]).includes(regime.kind)) issue('regime.kind', `must be one of ${REGIMES.join(', ')}`);
  else if (regime) {
    if (regime.kind === 'advisory' && regime.adoptedBy !== 'college' && regime.adoptedBy !== 'council') issue('regime.adoptedBy', 'an advisory vote names who decides: college or council');
    if (regime.kind === 'delegated' && !isText(regime.residentsBody)) issue('regime.residentsBody', 'a delegated budget names the residents\' body');
  }
  if (typeof frame.interimResultsPublic !== 'boolean') issue('interimResultsPublic', 'is required');
  if (frame.selection !== undefined && !(SELECTION_MODES as readonly string[]).includes(frame.selection)) issue('selection', `must be one of ${SELECTION_MODES.join(', ')}`);
}

/** The initiatievenfonds' intake rules and the wijk- and dorpsbudget's carry-over. */
function formSpecificIssues(frame: BudgetFrame, issue: Report): void {
  if (frame.form === 'initiatievenfonds') {
    const intake = frame.intake;
    if (!intake) issue('intake', 'an initiatievenfonds needs intake rules (decision term, extension, threshold for fixed intake dates)');
    else {
      if (!(isCount(intake.decisionTermWeeks) && intake.decisionTermWeeks > 0)) issue('intake.decisionTermWeeks', 'must be a whole number of weeks > 0');
      if (!isCount(intake.extensionWeeks)) issue('intake.extensionWeeks', 'must be a whole number of weeks ≥ 0');
      if (!isCount(intake.fixedIntakeAboveCents)) issue('intake.fixedIntakeAboveCents', 'must be a whole number of cents ≥ 0');
    }
  } else if (frame.intake !== undefined) issue('intake', 'only an initiatievenfonds has intake rules');
  if (frame.carryOver !== undefined) {
    if (frame.form !== 'wijkbudget' && frame.form !== 'dorpsbudget') issue('carryOver', 'only a wijk- or dorpsbudget carries money over');
    else if (!isCount(frame.carryOver.maxYears)) issue('carryOver.maxYears', 'must be a whole number of years ≥ 0');
  }
}

/** Splits `total` by integer weights: floors first, then one cent each to the largest remainders (ties: first in order). */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const t = BigInt(total);
  const s = BigInt(sum);
  const parts = weights.map((w) => (t * BigInt(w)) / s);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }));
  let left = Number(t - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = parts[i]! + 1n;
    left--;
  }
  return parts.map(Number);
}

/** The amount per area of a valid frame, in the order of the areas' codes; throws when the areas need more than the amount. */
export function allocate(frame: BudgetFrame): AreaAmount[] {
  const areas = [...frame.areas].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const allocation = frame.allocation;
  if (allocation.kind === 'none') return [];
  if (allocation.kind === 'shares') {
    const amounts = splitByWeights(frame.amountCents, areas.map((area) => area.share ?? 0));
    return areas.map((area, i) => ({ areaCode: area.code, amountCents: amounts[i]! }));
  }
  const amounts = areas.map((area) => ({
    areaCode: area.code,
    amountCents: Math.max(allocation.minimumCents, allocation.baseCents + allocation.perInhabitantCents * (area.inhabitants ?? 0)),
  }));
  const total = amounts.reduce((sum, a) => sum + a.amountCents, 0);
  if (!Number.isSafeInteger(total) || total > frame.amountCents) {
    throw new BudgetAllocationExceedsAmountError(`The formula gives the areas ${total} cents, more than the frame's ${frame.amountCents}`, {
      allocatedCents: total,
      amountCents: frame.amountCents,
    });
  }
  return amounts;
}

/** Validates a frame and computes its area amounts; throws BUDGET.INVALID_FRAME or BUDGET.ALLOCATION_EXCEEDS_AMOUNT. */
export function checkedFrame(frame: BudgetFrame): AreaAmount[] {
  const issues = frameIssues(frame);
  if (issues.length > 0) throw new BudgetInvalidFrameError('The frame is incomplete or inconsistent', { issues });
  return allocate(frame);
}

/** Top-level fields of `changes` replace those of `base` (arrays and nested objects wholesale: what you send is what you get). */
export function mergeFrame(base: BudgetFrame, changes: Partial<BudgetFrame>): BudgetFrame {
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) merged[key] = value;
  return merged as unknown as BudgetFrame;
}
