import type { Decider, DomainCommand } from '@lib/es';
import { ContactDetailsAlreadyErasedError, ErasureReasonRequiredError } from './submitter-erasure.errors.js';
import type { SubmitterErasureEvent } from './submitter-erasure.events.js';

export type EraseContactDetails = DomainCommand<'EraseContactDetails', { submitterRef: string; reason: string; at: string }>;

export interface SubmitterErasureState {
  erased: boolean;
}

/** Erasure (AVG art. 17) is a decision: it needs a reason, and happens once. */
export function eraseContactDetails(command: EraseContactDetails, state: SubmitterErasureState): SubmitterErasureEvent[] {
  if (command.data.reason.trim() === '') throw new ErasureReasonRequiredError('Erasure needs a reason (the request or the legal ground)');
  if (state.erased) throw new ContactDetailsAlreadyErasedError(`The contact details of ${command.data.submitterRef} were already erased`);
  return [{ type: 'ContactDetailsErased', data: { submitterRef: command.data.submitterRef, erasedAt: command.data.at } }];
}

export const submitterErasureDecider: Decider<EraseContactDetails, SubmitterErasureState, SubmitterErasureEvent> = {
  decide: eraseContactDetails,
  evolve: (state, event) => (event.type === 'ContactDetailsErased' ? { erased: true } : state),
  initialState: () => ({ erased: false }),
};
