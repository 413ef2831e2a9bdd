import { streamName } from '@lib/es';
import type { DomainEvent } from '@lib/es';
import type { BallotContent } from '../ballot/ballot.events.js';

export const PAPER_BATCH_CATEGORY = 'PaperBatch';

/** A batch of paper ballots from one polling station, by its batch number (opening it twice is refused by the store). */
export function paperBatchStream(roundId: string, batchId: string): string {
  return streamName(PAPER_BATCH_CATEGORY, `${roundId}_${batchId}`);
}

export function paperBatchId(pollingStation: string, batchNumber: number): string {
  return `${pollingStation}-${batchNumber}`;
}

export type PaperBatchOpened = DomainEvent<
  'PaperBatchOpened',
  { roundId: string; batchId: string; pollingStation: string; batchNumber: number; slipCount: number; openedBy: string; openedAt: string }
>;
export type PaperBallotEntered = DomainEvent<
  'PaperBallotEntered',
  { roundId: string; batchId: string; ballotRef: string; area: string; ageBand?: string; content: BallotContent; enteredBy: string; enteredAt: string }
>;
/** A second official checked the batch against its slip; its ballots count from now on. */
export type PaperBatchConfirmed = DomainEvent<'PaperBatchConfirmed', { roundId: string; batchId: string; count: number; confirmedBy: string; confirmedAt: string }>;

export type PaperBatchEvent = PaperBatchOpened | PaperBallotEntered | PaperBatchConfirmed;
export const PAPER_BATCH_EVENT_TYPES: PaperBatchEvent['type'][] = ['PaperBatchOpened', 'PaperBallotEntered', 'PaperBatchConfirmed'];
