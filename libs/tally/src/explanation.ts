/** The languages explanations are worded in. */
export type Lang = 'nl' | 'en';

/** The reason codes of a count (`Reason['code']`). */
export type ReasonCode = 'selected' | 'did-not-fit' | 'below-threshold' | 'stopped' | 'mes-unaffordable' | 'not-feasible' | 'no-support' | 'not-chosen';

/**
 * A count's explanation of one plan as data: the reason code, which rule worded it, and its figures
 * (amounts as the count wrote them, e.g. `€1250.50`). Rendered in Dutch or English by `explain`.
 */
export interface StructuredExplanation {
  code: ReasonCode;
  /** greedy | mes | phragmen | greedy-no-skip | excluded | … : the wording of the rule that counted. */
  rule?: string;
  figures: Record<string, string>;
  /** "selected after Equal Shares": the completion's own reason. */
  inner?: StructuredExplanation;
  /** The add1 comparison step: voters preferring each outcome, and which was kept. */
  comparison?: { preferMes: string; preferGreedy: string; kept: string };
}

const PATTERNS: { re: RegExp; code: ReasonCode; rule: string; names: string[] }[] = [
  { re: /^selected: (\d+) (\w+), fitted with (.+) left$/, code: 'selected', rule: 'greedy', names: ['metric', 'unit', 'left'] },
  { re: /^selected in round (\d+): each supporter paid up to (.+)$/, code: 'selected', rule: 'mes', names: ['round', 'paid'] },
  { re: /^selected in round (\d+): supporters' load rose to (.+)$/, code: 'selected', rule: 'phragmen', names: ['round', 'load'] },
  {
    re: /^selected from the reserve: (\d+) (\w+), (.+) left covers at least (\d+(?:\.\d+)?)% of its cost (.+); the reserve paid (.+)$/,
    code: 'selected',
    rule: 'greedy-reserve',
    names: ['metric', 'unit', 'left', 'percent', 'cost', 'paid'],
  },
  { re: /^did not fit: (.+) left, costs (.+); under (\d+(?:\.\d+)?)% of its cost is left, so the reserve does not top it up$/, code: 'did-not-fit', rule: 'greedy-reserve', names: ['left', 'cost', 'percent'] },
  {
    re: /^did not fit: (.+) left, costs (.+); under (\d+(?:\.\d+)?)% of its cost is left or the reserve cannot pay the rest, so the reserve does not top it up$/,
    code: 'did-not-fit',
    rule: 'greedy-reserve-limited',
    names: ['left', 'cost', 'percent'],
  },
  { re: /^did not fit: (.+) left, costs (.+)$/, code: 'did-not-fit', rule: 'greedy', names: ['left', 'cost'] },
  { re: /^Phragmén stopped: its pick did not fit, (.+) left, costs (.+)$/, code: 'did-not-fit', rule: 'phragmen', names: ['left', 'cost'] },
  { re: /^below the threshold: (\d+) (\w+), (\d+) needed$/, code: 'below-threshold', rule: 'greedy-threshold', names: ['metric', 'unit', 'threshold'] },
  { re: /^greedy-(?:no-skip|reserve) stopped at "(.+)", the first plan that did not fit$/, code: 'stopped', rule: 'greedy-no-skip', names: ['at'] },
  { re: /^greedy-reserve stopped at "(.+)", the plan topped up from the reserve$/, code: 'stopped', rule: 'greedy-reserve', names: ['at'] },
  { re: /^Phragmén stopped before reaching it$/, code: 'stopped', rule: 'phragmen', names: [] },
  { re: /^MES: its supporters had (.+) left, it costs (.+)$/, code: 'mes-unaffordable', rule: 'mes', names: ['supportersHad', 'cost'] },
  { re: /^cannot be carried out \(cost marked 999999999\)$/, code: 'not-feasible', rule: 'pabulib', names: [] },
  { re: /^nobody supports it$/, code: 'no-support', rule: 'any', names: [] },
  { re: /^excluded from this count$/, code: 'not-chosen', rule: 'excluded', names: [] },
  { re: /^not chosen$/, code: 'not-chosen', rule: 'any', names: [] },
];

const COMPARISON = /^(.*) \(comparison step: (\d+) voters prefer Equal Shares, (\d+) greedy; (Equal Shares|greedy) kept\)$/;
const AFTER_MES = /^selected after Equal Shares: (.*)$/;

/**
 * The structure of a count's explanation: from `details.reason` (a Reason, when the publisher
 * passed it) and the English text the counting lib writes. Null for an explanation written by hand.
 */
export function structuredExplanation(text: string, details?: Record<string, unknown> | null): StructuredExplanation | null {
  const reason = details?.reason as { code?: unknown; text?: unknown } | undefined;
  const parsed = parse(typeof reason?.text === 'string' && reason.text !== '' ? reason.text : text.trim());
  if (!parsed) return null;
  if (typeof reason?.code === 'string' && reason.code !== parsed.code) return null;
  for (const key of ['left', 'cost', 'supportersHad'] as const) {
    const value = (reason as Record<string, unknown> | undefined)?.[key];
    if (typeof value === 'string') parsed.figures[key] = value;
  }
  return parsed;
}

function parse(text: string): StructuredExplanation | null {
  const compared = COMPARISON.exec(text);
  if (compared) {
    const inner = parse(compared[1]!);
    return inner ? { ...inner, comparison: { preferMes: compared[2]!, preferGreedy: compared[3]!, kept: compared[4]! } } : null;
  }
  const after = AFTER_MES.exec(text);
  if (after) {
    const inner = parse(after[1]!);
    return inner ? { code: 'selected', rule: 'add1', figures: {}, inner } : null;
  }
  for (const { re, code, rule, names } of PATTERNS) {
    const match = re.exec(text);
    if (match) return { code, rule, figures: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) };
  }
  return null;
}

/** An amount as the count wrote it (`€1250.50`, `1250.5`, `1250 PLN`) in the page's language. */
export function amount(text: string, lang: Lang): string {
  const match = /^(€|\$|£)?(\d+(?:\.\d+)?)(?: ([A-Z]{3}))?$/.exec(text.trim());
  if (!match) return text;
  const value = Number(match[2]);
  const decimals = match[2]!.includes('.') ? 2 : 0;
  const currency = match[1] ? { '€': 'EUR', $: 'USD', '£': 'GBP' }[match[1]] : match[3];
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  return currency
    ? new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value)
    : new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

const UNITS: Record<Lang, Record<string, [string, string]>> = {
  nl: { votes: ['stem', 'stemmen'], points: ['punt', 'punten'] },
  en: { votes: ['vote', 'votes'], points: ['point', 'points'] },
};

function count(n: string, unit: string, lang: Lang): string {
  const forms = UNITS[lang][unit];
  return forms ? `${n} ${Number(n) === 1 ? forms[0] : forms[1]}` : `${n} ${unit}`;
}

/** The explanation in Dutch or English, from its structure. */
export function explain(x: StructuredExplanation, lang: Lang): string {
  const text = phrase(x, lang);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function phrase(x: StructuredExplanation, lang: Lang): string {
  const f = x.figures;
  const a = (key: string) => amount(f[key] ?? '', lang);
  const nl = lang === 'nl';
  let text: string;
  switch (x.code) {
    case 'selected':
      if (x.rule === 'add1' && x.inner) text = nl ? `gekozen bij het aanvullen na Equal Shares: ${phrase(x.inner, lang)}` : `selected when completing Equal Shares: ${phrase(x.inner, lang)}`;
      else if (x.rule === 'mes') text = nl ? `gekozen in ronde ${f.round}: elke voorstander betaalde hoogstens ${a('paid')}` : `selected in round ${f.round}: each supporter paid at most ${a('paid')}`;
      else if (x.rule === 'phragmen') text = nl ? `gekozen in ronde ${f.round}: de last van de voorstanders steeg tot ${a('load')}` : `selected in round ${f.round}: the supporters' load rose to ${a('load')}`;
      else if (x.rule === 'greedy-reserve')
        text = nl
          ? `gekozen met aanvulling uit de reserve: ${count(f.metric!, f.unit!, lang)}; de ${a('left')} die over was dekt minstens ${f.percent}% van de kosten (${a('cost')}), de reserve naast het budget betaalde ${a('paid')}`
          : `selected with a top-up from the reserve: ${count(f.metric!, f.unit!, lang)}; the ${a('left')} left covers at least ${f.percent}% of its cost (${a('cost')}), the reserve beside the budget paid ${a('paid')}`;
      else text = nl ? `gekozen: ${count(f.metric!, f.unit!, lang)}, paste met nog ${a('left')} over` : `selected: ${count(f.metric!, f.unit!, lang)}, fitted with ${a('left')} left`;
      break;
    case 'did-not-fit':
      text = nl ? `paste niet: er was nog ${a('left')} over, het plan kost ${a('cost')}` : `did not fit: ${a('left')} was left, the plan costs ${a('cost')}`;
      if (x.rule === 'greedy-reserve') text += nl ? `; dat is minder dan ${f.percent}% van de kosten, dus de reserve vult niet aan` : `; that is under ${f.percent}% of its cost, so the reserve does not top it up`;
      if (x.rule === 'greedy-reserve-limited') {
        text += nl
          ? `; dat is minder dan ${f.percent}% van de kosten of de reserve kan de rest niet betalen, dus de reserve vult niet aan`
          : `; that is under ${f.percent}% of its cost or the reserve cannot pay the rest, so the reserve does not top it up`;
      }
      break;
    case 'below-threshold':
      text = nl ? `onder de drempel: ${count(f.metric!, f.unit!, lang)}, ${f.threshold} nodig` : `below the threshold: ${count(f.metric!, f.unit!, lang)}, ${f.threshold} needed`;
      break;
    case 'stopped':
      text =
        x.rule === 'greedy-no-skip'
          ? nl
            ? `de telling stopte bij "${f.at}", het eerste plan dat niet paste`
            : `the count stopped at "${f.at}", the first plan that did not fit`
          : x.rule === 'greedy-reserve'
            ? nl
              ? `de telling stopte bij "${f.at}", het plan dat uit de reserve werd aangevuld`
              : `the count stopped at "${f.at}", the plan topped up from the reserve`
            : nl
            ? 'de telling stopte voordat dit plan aan de beurt kwam'
            : 'the count stopped before reaching this plan';
      break;
    case 'mes-unaffordable':
      text = nl ? `Equal Shares: de voorstanders hadden samen nog ${a('supportersHad')}, het plan kost ${a('cost')}` : `Equal Shares: its supporters had ${a('supportersHad')} left together, the plan costs ${a('cost')}`;
      break;
    case 'not-feasible':
      text = nl ? 'kan niet worden uitgevoerd' : 'cannot be carried out';
      break;
    case 'no-support':
      text = nl ? 'niemand steunt dit plan' : 'nobody supports this plan';
      break;
    case 'not-chosen':
      text = x.rule === 'excluded' ? (nl ? 'niet meegeteld in deze telling' : 'not part of this count') : nl ? 'niet gekozen' : 'not chosen';
      break;
  }
  if (x.comparison) {
    const { preferMes, preferGreedy, kept } = x.comparison;
    text += nl
      ? ` (vergelijking: ${preferMes} stemmers geven de voorkeur aan Equal Shares, ${preferGreedy} aan de gewone telling; ${kept === 'greedy' ? 'de gewone telling' : 'Equal Shares'} is aangehouden)`
      : ` (comparison: ${preferMes} voters prefer Equal Shares, ${preferGreedy} the plain count; ${kept === 'greedy' ? 'the plain count' : 'Equal Shares'} kept)`;
  }
  return text;
}
