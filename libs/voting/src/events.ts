/**
 * The contract of voting's streams (`BallotBox-<round>`, `Ballot-<round>_<ref>`,
 * `Participant-<round>_<ref>`, `PaperBatch-<round>_<batch>`): their event unions, type lists,
 * stream names and the value types the events carry. Read models and the audit import this entry and
 * nothing else from @lib/voting; it imports nothing but @lib/es and @lib/budgeting/events (the frame's
 * ballot and tally rules a ballot box copies). No event type has been replaced yet, so there are no
 * upcasters: a breaking change adds a new type and its upcaster here.
 */
export * from './ballot-box/ballot-box.events.js';
export * from './ballot/ballot.events.js';
export * from './participant/participant.events.js';
export * from './paper-batch/paper-batch.events.js';
