/** @lib/tally: exact participatory-budgeting counting (greedy family, Equal Shares, Phragmén). */
export * from './types.js';
export { tally, RULES, compareOutcomes, exhaustive } from './tally.js';
export { TallyInputError, SENTINEL_COST } from './profile.js';
export { DEFAULT_TIE_BREAK, lotRank } from './tie-break.js';
export { rat, parseRational, ratToString, ratToDecimal, cmp as compareRational, type Rational, type Money } from './rational.js';
export { readPabulib, parsePabulib, PabulibError, type PabulibFile, type PabulibElection, type PabulibRow, type PabulibWarning, type PabulibWarningCode, type ReadOptions } from './pabulib/pabulib-reader.js';
export { writePabulib, pabulibFromElection } from './pabulib/pabulib-writer.js';
export { structuredExplanation, explain, amount, type StructuredExplanation, type ReasonCode, type Lang } from './explanation.js';
