import type { CarryOver, DecidedBy, RoundFrame, RoundPlanned, ScheduledPhase } from '../round.events.js';
import type { RoundState } from '../round.state.js';
import {
  RoundAlreadyPlannedError,
  RoundCarryOverExpiredError,
  RoundCarryOverNotAllowedError,
  RoundInvalidPlanError,
  RoundNoBallotRulesError,
  RoundUnknownAreaError,
} from '../round.errors.js';
import { pipelineOf, withCarryOver } from '../round.frame.js';
import { isIsoDate } from '../round.rules.js';
import { dayOf } from '../round.schedule.js';

export interface PlanRoundData {
  roundId: string;
  budgetId: string;
  title: string | null;
  year: number;
  /** wijk/dorpsbudget only; default: the residents' body under a delegated regime, else a vote. */
  decidedBy: DecidedBy | null;
  /** burgerbegroting only: a committee preselects plans before the vote. */
  preselection: boolean;
  schedule: ScheduledPhase[];
  carryOver: CarryOver[];
  intakeDates: string[];
  /** The budget's version in force (its title for the default round title). */
  frame: RoundFrame;
  frameTitle: string;
  plannedAt: string;
}

export class PlanRound {
  readonly type = 'PlanRound' as const;
  constructor(readonly data: PlanRoundData) {}
}

export function planRound(command: PlanRound, state: RoundState): RoundPlanned[] {
  const d = command.data;
  if (state.exists) throw new RoundAlreadyPlannedError(`Round ${d.roundId} is already planned`, { roundId: d.roundId });
  const form = d.frame.form;
  const issues: { field: string; message: string }[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });

  if (!Number.isSafeInteger(d.year) || d.year < 2000 || d.year > 2100) issue('year', 'must be a year between 2000 and 2100');
  let decidedBy: DecidedBy | null = null;
  if (form === 'wijkbudget' || form === 'dorpsbudget') {
    decidedBy = d.decidedBy ?? (d.frame.regime?.kind === 'delegated' ? 'residents-body' : 'vote');
  } else if (d.decidedBy !== null && !(form === 'burgerbegroting' && d.decidedBy === 'vote')) {
    issue('decidedBy', `a ${form} ${form === 'burgerbegroting' ? 'is decided by vote' : 'decides application by application'}`);
  }
  if (d.preselection && form !== 'burgerbegroting') issue('preselection', 'only a burgerbegroting has a committee preselection');
  if ((form === 'burgerbegroting' || decidedBy === 'vote') && !d.frame.hasBallot) {
    throw new RoundNoBallotRulesError('This round is decided by vote, but the frame has no ballot rules; amend the frame first', { frameVersion: d.frame.version });
  }
  const pipeline = pipelineOf(form, form === 'burgerbegroting' ? 'vote' : decidedBy, d.preselection);

  const seen = new Set<string>();
  let previousOpening = '';
  let previousClosing: string | undefined;
  const planningDay = dayOf(d.plannedAt);
  d.schedule.forEach((entry, i) => {
    const at = `schedule.${i}`;
    const index = pipeline.indexOf(entry.phase);
    if (index < 0) issue(`${at}.phase`, `${entry.phase} is not a phase of this round (${pipeline.join(' → ')})`);
    if (seen.has(entry.phase)) issue(`${at}.phase`, `${entry.phase} is scheduled twice`);
    seen.add(entry.phase);
    if (!isIsoDate(entry.opensOn)) issue(`${at}.opensOn`, 'must be a date YYYY-MM-DD');
    if (entry.closesOn !== undefined && (!isIsoDate(entry.closesOn) || entry.closesOn < entry.opensOn)) issue(`${at}.closesOn`, 'must be a date on or after opensOn');
    if (index >= 0 && i > 0 && pipeline.indexOf(d.schedule[i - 1]!.phase) > index) issue(`${at}.phase`, 'phases are scheduled in the order of the pipeline');
    if (entry.opensOn < previousOpening) issue(`${at}.opensOn`, 'opens before the phase scheduled before it');
    else if (previousClosing !== undefined && entry.opensOn <= previousClosing) issue(`${at}.opensOn`, 'opens before the phase scheduled before it has closed');
    if (isIsoDate(entry.opensOn) && entry.opensOn < planningDay) issue(`${at}.opensOn`, `lies in the past (the round is planned on ${planningDay})`);
    if (entry.phase === 'voting' && entry.closesOn === undefined) issue(`${at}.closesOn`, 'voting has a closing date');
    previousOpening = entry.opensOn;
    previousClosing = entry.closesOn;
  });

  if (form === 'initiatievenfonds') {
    if (d.intakeDates.length === 0) issue('intakeDates', 'an initiatievenfonds round names the fixed intake dates for applications above the threshold');
    d.intakeDates.forEach((date, i) => {
      if (!isIsoDate(date)) issue(`intakeDates.${i}`, 'must be a date YYYY-MM-DD');
      else if (i > 0 && date <= d.intakeDates[i - 1]!) issue(`intakeDates.${i}`, 'dates are ascending and distinct');
    });
  } else if (d.intakeDates.length > 0) issue('intakeDates', 'only an initiatievenfonds has fixed intake dates');
  if (issues.length > 0) throw new RoundInvalidPlanError('The round plan is incomplete or inconsistent', { issues });

  if (d.carryOver.length > 0) {
    if (d.frame.carryOverMaxYears === null || d.frame.carryOverMaxYears === 0) {
      throw new RoundCarryOverNotAllowedError('The frame does not carry unspent money over', { frameVersion: d.frame.version });
    }
    const areas = new Set(d.frame.areaCeilings.map((a) => a.areaCode));
    for (const entry of d.carryOver) {
      if (!areas.has(entry.areaCode)) throw new RoundUnknownAreaError(`Area ${entry.areaCode} is not in the frame`, { areaCode: entry.areaCode });
      const age = d.year - entry.fromYear;
      if (age < 1 || age > d.frame.carryOverMaxYears) {
        throw new RoundCarryOverExpiredError(`Money from ${entry.fromYear} cannot be carried into ${d.year}`, { fromYear: entry.fromYear, year: d.year, maxYears: d.frame.carryOverMaxYears });
      }
    }
  }

  return [
    {
      type: 'RoundPlanned',
      data: {
        roundId: d.roundId,
        budgetId: d.budgetId,
        title: d.title ?? defaultTitle(d.frameTitle, d.year),
        year: d.year,
        decidedBy,
        pipeline,
        schedule: d.schedule,
        carryOver: d.carryOver,
        intakeDates: d.intakeDates,
        frame: withCarryOver(d.frame, d.carryOver),
        plannedAt: d.plannedAt,
      },
    },
  ];
}

/**
 * The frame's title with the round's year: as it is when it names that year already
 * ("Burgerbegroting 2027"), with the year in place of a year it ends in (a frame named for its first
 * round), else with the year added.
 */
export function defaultTitle(frameTitle: string, year: number): string {
  if (new RegExp(`(^|\\D)${year}(\\D|$)`).test(frameTitle)) return frameTitle;
  const trailing = /(^|\D)(19|20|21)\d{2}$/.exec(frameTitle);
  return trailing ? `${frameTitle.slice(0, frameTitle.length - 4)}${year}` : `${frameTitle} ${year}`;
}
