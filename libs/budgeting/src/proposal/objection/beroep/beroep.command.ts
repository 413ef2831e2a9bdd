import type { ProposalBeroepLodged, ProposalBeroepRuled } from '../../proposal.events.js';
import { ObjectionBeroepAlreadyLodgedError, ObjectionBeroepAlreadyRuledError, ObjectionInvalidExtensionError, ObjectionNoBeroepError, ObjectionNotDecidedError } from '../../proposal.errors.js';
import { existing, requireReason } from '../../proposal.guards.js';
import type { ProposalState } from '../../proposal.state.js';
import { beroepTermEndsOn, redecisionDue } from '../objection.deadlines.js';
import { requireDateFrom, requireObjection } from '../objection.rules.js';

export class RecordBeroep {
  readonly type = 'RecordBeroep' as const;
  constructor(readonly data: { proposalId: string; court: string; caseReference: string; lodgedOn: string; at: string }) {}
}

/** The objector went to the court against the decision on the objection; whether in time is the court's to judge, and recorded. */
export function recordBeroep(command: RecordBeroep, state: ProposalState): ProposalBeroepLodged[] {
  const { proposalId, lodgedOn, at } = command.data;
  const objection = requireObjection(existing(state, proposalId));
  if (objection.decision === null) throw new ObjectionNotDecidedError('Beroep is against the decision on the objection: there is none (yet)', { objectionId: objection.objectionId });
  if (objection.beroep !== null) throw new ObjectionBeroepAlreadyLodgedError('Beroep against this decision was recorded already', { caseReference: objection.beroep.caseReference });
  requireDateFrom(lodgedOn, 'lodgedOn', at, objection.decision.decisionDate, 'the decision on the objection');
  const court = requireReason(command.data.court);
  const caseReference = requireReason(command.data.caseReference);
  return [{ type: 'ProposalBeroepLodged', data: { proposalId, objectionId: objection.objectionId, court, caseReference, lodgedOn, inTime: lodgedOn <= beroepTermEndsOn(objection.decision.decisionDate), at } }];
}

export class RecordCourtRuling {
  readonly type = 'RecordCourtRuling' as const;
  constructor(readonly data: { proposalId: string; outcome: 'gegrond' | 'ongegrond'; rulingDate: string; /** Gegrond: the weeks the court gave for a new decision. */ redecideWithinWeeks: number; reason: string; at: string }) {}
}

/** Gegrond quashes the decision on the objection and a new one is due (Awb 8:72); ongegrond leaves it final. */
export function recordCourtRuling(command: RecordCourtRuling, state: ProposalState): ProposalBeroepRuled[] {
  const { proposalId, outcome, rulingDate, redecideWithinWeeks, at } = command.data;
  const objection = requireObjection(existing(state, proposalId));
  const { beroep } = objection;
  if (beroep === null) throw new ObjectionNoBeroepError('No beroep was recorded', { objectionId: objection.objectionId });
  if (beroep.ruling !== null) throw new ObjectionBeroepAlreadyRuledError('The court ruled already', { caseReference: beroep.caseReference, outcome: beroep.ruling.outcome });
  requireDateFrom(rulingDate, 'rulingDate', at, beroep.lodgedOn, 'the beroep was lodged');
  if (outcome === 'gegrond' && (!Number.isSafeInteger(redecideWithinWeeks) || redecideWithinWeeks < 1 || redecideWithinWeeks > 52)) {
    throw new ObjectionInvalidExtensionError('The court gives 1 to 52 weeks for the new decision', { field: 'redecideWithinWeeks' });
  }
  const reason = requireReason(command.data.reason);
  const redecisionDueBy = outcome === 'gegrond' ? redecisionDue(rulingDate, redecideWithinWeeks) : null;
  return [{ type: 'ProposalBeroepRuled', data: { proposalId, objectionId: objection.objectionId, caseReference: beroep.caseReference, outcome, rulingDate, redecisionDueBy, reason, at } }];
}
