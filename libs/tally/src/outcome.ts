import { ratToDecimal, type Rational } from './rational.js';
import type { Reason, TieBreakKey } from './types.js';

/** A tie met inside one rule, before it is tagged with its pot. */
export interface TieEvent {
  step: string;
  contenders: number[];
  chosen: number;
  decidedBy: TieBreakKey;
}

/** What a rule returns for one pot (project indices are the pot's own). */
export interface Outcome {
  selected: number[];
  reasons: Map<number, Reason>;
  ties: TieEvent[];
  /** Equal Shares: exact c/q of selected plans. */
  effectiveVotes?: Map<number, Rational>;
  /** greedy-reserve: the plan topped up from the reserve and what the reserve paid. */
  fromReserve?: { plan: number; amount: Rational };
}

/** Formats exact money for explanations: "€1250.50", "1250 PLN". */
export type MoneyFormat = (amount: Rational) => string;

/** Money formatter for a currency code or symbol. */
export function moneyFormat(currency?: string): MoneyFormat {
  const symbols: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };
  return (amount) => {
    const digits = amount.d === 1n ? 0 : 2;
    const text = ratToDecimal(amount, digits);
    if (!currency) return text;
    const symbol = symbols[currency];
    return symbol ? `${symbol}${text}` : `${text} ${currency}`;
  };
}
