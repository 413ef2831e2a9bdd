/**
 * The contract of budgeting's streams (`Budget-<id>`, `Proposal-<id>`, `Round-<id>`): their event
 * unions, type lists, stream names and the value types the events carry. Read models and the audit
 * import this entry and nothing else from @lib/budgeting; it imports nothing but @lib/es.
 * No event type has been replaced yet, so there are no upcasters: a breaking change adds a new type
 * and its upcaster here (docs/event-store.md).
 */
export * from './budget/budget.events.js';
export * from './proposal/proposal.events.js';
export * from './round/round.events.js';
