/** Exact rational number n/d with d > 0 and gcd(n, d) = 1. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** Money as accepted by the API: whole units (bigint) or an exact fraction. */
export type Money = bigint | Rational;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Builds a normalised rational n/d. */
export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

/** Converts bigint or rational input money to a rational. */
export function toRational(m: Money): Rational {
  return typeof m === 'bigint' ? { n: m, d: 1n } : rat(m.n, m.d);
}

/** Sum a + b. */
export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** Difference a - b. */
export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n - b.n, a.d);
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** Product a * b. */
export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

/** Product of a rational and an integer. */
export function mulInt(a: Rational, k: bigint): Rational {
  return rat(a.n * k, a.d);
}

/** Quotient a / b. */
export function div(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d, a.d * b.n);
}

/** Sign of a - b: -1, 0 or 1. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Largest integer not above a. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Closest double; used only to screen candidates, never for a decision. */
export function toNumber(a: Rational): number {
  if (a.d === 1n) return Number(a.n);
  const q = a.n / a.d;
  const r = a.n - q * a.d;
  // Splitting keeps precision when n and d are both beyond 2^1023.
  return Number(q) + ratioOfBig(r, a.d);
}

function ratioOfBig(n: bigint, d: bigint): number {
  const shift = BigInt(Math.max(0, d.toString(2).length - 60));
  return Number(n >> shift) / Number(d >> shift);
}

/** Whether a is a whole number. */
export function isInteger(a: Rational): boolean {
  return a.d === 1n;
}

/** Exact text: "12", "-3/4". */
export function ratToString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** Decimal text with the given number of digits, rounded half away from zero. */
export function ratToDecimal(a: Rational, digits = 2): string {
  const scale = 10n ** BigInt(digits);
  const neg = a.n < 0n;
  const abs = neg ? -a.n : a.n;
  let scaled = (abs * scale) / a.d;
  if (((abs * scale) % a.d) * 2n >= a.d) scaled += 1n;
  const int = scaled / scale;
  const frac = (scaled % scale).toString().padStart(digits, '0');
  return `${neg ? '-' : ''}${int}${digits > 0 ? '.' + frac : ''}`;
}

/** Parses "12", "12.50", "-3/4" exactly. */
export function parseRational(text: string): Rational {
  const t = text.trim();
  const frac = /^(-?\d+)\/(\d+)$/.exec(t);
  if (frac) return rat(BigInt(frac[1]!), BigInt(frac[2]!));
  const dec = /^(-?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!dec || (dec[2] === '' && (dec[3] ?? '') === '')) throw new SyntaxError(`not a number: "${text}"`);
  const digits = dec[3] ?? '';
  const n = BigInt((dec[2] || '0') + digits) * (dec[1] === '-' ? -1n : 1n);
  return rat(n, 10n ** BigInt(digits.length));
}

/** Smaller of two rationals. */
export function minRat(a: Rational, b: Rational): Rational {
  return cmp(a, b) <= 0 ? a : b;
}
