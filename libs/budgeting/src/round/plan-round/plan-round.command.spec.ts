import { describe, it, expect } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { aBurgerbegrotingFrame, aDorpsbudgetFrame, BUDGET_ID } from '../../budget/testing/budget.given.js';
import { roundDecider } from '../round.decider.js';
import {
  RoundAlreadyPlannedError,
  RoundCarryOverExpiredError,
  RoundCarryOverNotAllowedError,
  RoundInvalidPlanError,
  RoundNoBallotRulesError,
  RoundUnknownAreaError,
} from '../round.errors.js';
import { aPlannedRound, aRoundFrame, PLANNED_AT, ROUND_ID } from '../testing/round.given.js';
import { PlanRound, type PlanRoundData } from './plan-round.command.js';

const spec = DeciderSpecification.for(roundDecider);
const plan = (overrides: Partial<PlanRoundData> = {}) =>
  new PlanRound({
    roundId: ROUND_ID,
    budgetId: BUDGET_ID,
    title: null,
    year: 2026,
    decidedBy: null,
    preselection: false,
    schedule: [
      { phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' },
      { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' },
    ],
    carryOver: [],
    intakeDates: [],
    frame: aRoundFrame(),
    frameTitle: 'Buurtbudget Oost',
    plannedAt: PLANNED_AT,
    ...overrides,
  });

describe('PlanRound', () => {
  it('plans a burgerbegroting round under the frame version in force, with its pipeline and the frame it needs', () => {
    spec([])
      .when(plan())
      .then([
        {
          type: 'RoundPlanned',
          data: {
            roundId: ROUND_ID,
            budgetId: BUDGET_ID,
            title: 'Buurtbudget Oost 2026',
            year: 2026,
            decidedBy: null,
            pipeline: ['planned', 'submission', 'support', 'feasibility', 'voting', 'counting', 'adoption', 'implementation', 'closed'],
            schedule: [
              { phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' },
              { phase: 'voting', opensOn: '2026-06-01', closesOn: '2026-06-14' },
            ],
            carryOver: [],
            intakeDates: [],
            frame: {
              version: 1,
              form: 'burgerbegroting',
              ceilingCents: 30_000_000,
              areaCeilings: [
                { areaCode: 'WK036301', amountCents: 18_000_000 },
                { areaCode: 'WK036302', amountCents: 12_000_000 },
              ],
              criteria: aBurgerbegrotingFrame().criteria,
              regime: { kind: 'advisory', adoptedBy: 'college' },
              intake: null,
              hasBallot: true,
              carryOverMaxYears: null,
            },
            plannedAt: PLANNED_AT,
          },
        },
      ]);
  });

  it('takes the frame title for the round title when it names the year already, puts the year in place of another year it ends in, and adds it otherwise', () => {
    const title = (frameTitle: string, year = 2027) => {
      const [event] = roundDecider.decide(plan({ frameTitle, year }), roundDecider.initialState());
      return event!.type === 'RoundPlanned' ? event.data.title : null;
    };
    expect(title('Burgerbegroting 2027')).toBe('Burgerbegroting 2027');
    expect(title('Burgerbegroting (2027)')).toBe('Burgerbegroting (2027)');
    expect(title('Burgerbegroting')).toBe('Burgerbegroting 2027');
    expect(title('Burgerbegroting 20271')).toBe('Burgerbegroting 20271 2027');
    expect(title('Burgerbegroting 2026')).toBe('Burgerbegroting 2027');
    expect(roundDecider.decide(plan({ frameTitle: 'Burgerbegroting 2027', year: 2027, title: 'Eigen titel' }), roundDecider.initialState())[0]!.data).toMatchObject({ title: 'Eigen titel' });
  });

  it('adds a committee preselection before the vote when asked', () => {
    const [event] = roundDecider.decide(plan({ preselection: true }), roundDecider.initialState());
    expect(event!.type === 'RoundPlanned' && event.data.pipeline).toEqual(['planned', 'submission', 'support', 'feasibility', 'preselection', 'voting', 'counting', 'adoption', 'implementation', 'closed']);
  });

  it('lets the dorpsraad decide a delegated dorpsbudget, and adds carried-over money to the village', () => {
    const [event] = roundDecider.decide(
      plan({ frame: aRoundFrame(aDorpsbudgetFrame()), schedule: [], carryOver: [{ areaCode: 'DORP-B', amountCents: 120_000, fromYear: 2024 }] }),
      roundDecider.initialState(),
    );
    expect(event!.data).toMatchObject({
      decidedBy: 'residents-body',
      pipeline: ['planned', 'submission', 'feasibility', 'deliberation', 'adoption', 'implementation', 'closed'],
      frame: {
        ceilingCents: 10_120_000,
        areaCeilings: [
          { areaCode: 'DORP-A', amountCents: 1_500_000 },
          { areaCode: 'DORP-B', amountCents: 870_000 },
        ],
      },
    });
  });

  it('rejects planning the same round twice', () => {
    spec(aPlannedRound()).when(plan()).thenThrows(RoundAlreadyPlannedError, 'ROUND.ALREADY_PLANNED');
  });

  it('rejects a schedule with phases the form does not have or out of order', () => {
    const error = spec([])
      .when(
        plan({
          schedule: [
            { phase: 'voting', opensOn: '2026-06-01' },
            { phase: 'submission', opensOn: '2026-02-01' },
            { phase: 'intake', opensOn: '2026-07-01' },
          ],
        }),
      )
      .thenThrows(RoundInvalidPlanError, 'ROUND.INVALID_PLAN');
    expect(error.details).toEqual({
      issues: [
        { field: 'schedule.0.closesOn', message: 'voting has a closing date' },
        { field: 'schedule.1.phase', message: 'phases are scheduled in the order of the pipeline' },
        { field: 'schedule.1.opensOn', message: 'opens before the phase scheduled before it' },
        { field: 'schedule.2.phase', message: 'intake is not a phase of this round (planned → submission → support → feasibility → voting → counting → adoption → implementation → closed)' },
      ],
    });
  });

  it('rejects a schedule that lies in the past or lets a phase open before the one before it has closed', () => {
    const error = spec([])
      .when(
        plan({
          plannedAt: '2026-03-01T10:00:00.000Z',
          schedule: [
            { phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' },
            { phase: 'voting', opensOn: '2026-03-31', closesOn: '2026-04-14' },
          ],
        }),
      )
      .thenThrows(RoundInvalidPlanError, 'ROUND.INVALID_PLAN');
    expect(error.details).toEqual({
      issues: [
        { field: 'schedule.0.opensOn', message: 'lies in the past (the round is planned on 2026-03-01)' },
        { field: 'schedule.1.opensOn', message: 'opens before the phase scheduled before it has closed' },
      ],
    });
  });

  it('takes a schedule that opens on the day the round is planned, in Amsterdam (the evening before in UTC)', () => {
    const events = roundDecider.decide(plan({ plannedAt: '2026-01-31T23:30:00.000Z', schedule: [{ phase: 'submission', opensOn: '2026-02-01', closesOn: '2026-03-31' }] }), { exists: false });
    expect(events.map((e) => e.type)).toEqual(['RoundPlanned']);
  });

  it('rejects an initiatievenfonds round without fixed intake dates', () => {
    const fund = { ...aRoundFrame(), form: 'initiatievenfonds' as const, areaCeilings: [], hasBallot: false, intake: { decisionTermWeeks: 8, extensionWeeks: 6, fixedIntakeAboveCents: 500_000 } };
    expect(spec([]).when(plan({ frame: fund, schedule: [] })).thenThrows(RoundInvalidPlanError).details).toEqual({
      issues: [{ field: 'intakeDates', message: 'an initiatievenfonds round names the fixed intake dates for applications above the threshold' }],
    });
  });

  it('rejects a vote when the frame has no ballot rules', () => {
    const frame = { ...aRoundFrame(aDorpsbudgetFrame()), hasBallot: false };
    spec([]).when(plan({ frame, decidedBy: 'vote', schedule: [] })).thenThrows(RoundNoBallotRulesError, 'ROUND.NO_BALLOT_RULES');
  });

  it('rejects carry-over the frame does not allow, that is too old, or for an unknown area', () => {
    spec([])
      .when(plan({ carryOver: [{ areaCode: 'WK036301', amountCents: 1, fromYear: 2025 }] }))
      .thenThrows(RoundCarryOverNotAllowedError, 'ROUND.CARRY_OVER_NOT_ALLOWED');
    const dorp = aRoundFrame(aDorpsbudgetFrame());
    const expired = spec([])
      .when(plan({ frame: dorp, schedule: [], carryOver: [{ areaCode: 'DORP-A', amountCents: 1, fromYear: 2023 }] }))
      .thenThrows(RoundCarryOverExpiredError, 'ROUND.CARRY_OVER_EXPIRED');
    expect(expired.details).toEqual({ fromYear: 2023, year: 2026, maxYears: 2 });
    spec([])
      .when(plan({ frame: dorp, schedule: [], carryOver: [{ areaCode: 'DORP-Z', amountCents: 1, fromYear: 2025 }] }))
      .thenThrows(RoundUnknownAreaError, 'ROUND.UNKNOWN_AREA');
  });
});
