import { type DomainEvent, streamName } from '@lib/es';

export const SUBMITTER_ERASURE_CATEGORY = 'SubmitterErasure';

export function submitterErasureStream(submitterRef: string): string {
  return streamName(SUBMITTER_ERASURE_CATEGORY, submitterRef);
}

/** The submitter's key was destroyed: their contact details are unreadable from now on. Holds no personal data. */
export type ContactDetailsErased = DomainEvent<'ContactDetailsErased', { submitterRef: string; erasedAt: string }>;

export type SubmitterErasureEvent = ContactDetailsErased;

/** Event type that names a submitter's pseudonym for a municipality (the Proposal stream's contract). */
export const PROPOSAL_SUBMITTED = 'ProposalSubmitted';
