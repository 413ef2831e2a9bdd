/** Paper ballots are entered and confirmed by officials at the count, never by administrators. */
export const OFFICIAL = ['official'] as const;
