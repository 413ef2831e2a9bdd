import { explain, type Lang, structuredExplanation } from '@lib/tally';
import type { RoundRecord } from './round-record.js';
import { sealCheckCommand } from './seal-round.js';
import { BALLOT_TYPE_WORDS, BODY_WORDS, BREAK_WORDS, EVENT_WORDS, FORM_WORDS, KEY_DESTROYED_WORDS, PHASE_WORDS, ROLE_WORDS, RULE_WORDS, TIE_BREAK_WORDS, word } from './round-record.words.js';

/** The record as a sequence of blocks: one source for the Markdown and the PDF, so they never say different things. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] }
  | { kind: 'code'; lines: string[] };

type Words = Record<Lang, string>;

type Wording = {
  lang: Lang;
  currency: string;
  /** A plan by its name and number. */
  plan: (id: string) => string;
  money: (cents: number) => string;
  /** A date (YYYY-MM-DD) or a moment (ISO time, shown in Dutch local time). */
  date: (iso: string) => string;
  moment: (iso: string) => string;
  phase: (phase: string) => string;
};

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

function money(cents: number, currency: string, lang: Lang): string {
  try {
    return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

function wordingOf(record: RoundRecord, lang: Lang): Wording {
  const currency = record.frame?.currency ?? 'EUR';
  const nameOf = new Map((record.frame?.plans ?? []).map((p) => [p.planId, p.name ?? p.planId]));
  const day = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const valid = (d: Date) => !Number.isNaN(d.getTime());
  return {
    lang,
    currency,
    plan: (id) => (nameOf.get(id) && nameOf.get(id) !== id ? `${nameOf.get(id)} (${id})` : id),
    money: (cents) => money(cents, currency, lang),
    date: (iso) => {
      const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
      return valid(d) ? day.format(d) : iso;
    },
    moment: (iso) => {
      const d = new Date(iso);
      return valid(d) ? moment.format(d) : iso;
    },
    phase: (phase) => word(PHASE_WORDS, phase, lang),
  };
}

/** A number with one decimal as the record's language writes it (100,0 in Dutch). */
const decimal = (text: string, lang: Lang) => (lang === 'nl' ? text.replace('.', ',') : text);

/** A decision's body and number, in words: "gemeenteraad RB 2026/77". */
function decisionName(d: { body?: string; number?: string }, lang: Lang): string {
  return [d.body ? word(BODY_WORDS, d.body, lang) : undefined, d.number].filter(Boolean).join(' ');
}

/** A history line's decision reference ("council RB 2026/77 2026-06-10") with the body in words. */
function referenceWords(reference: string, lang: Lang): string {
  return reference.replace(/^(council|college|residents-body) /, (_, body: string) => `${word(BODY_WORDS, body, lang)} `);
}

/** A count's explanation in the record's language; one written by hand stays as it was written. */
function explanationWords(outcome: { explanation: string; details?: Record<string, unknown> }, lang: Lang): string {
  const structured = structuredExplanation(outcome.explanation, outcome.details);
  return structured ? explain(structured, lang) : outcome.explanation;
}

/** greedy-reserve's terms: the share of a plan's cost the budget left must cover, and the reserve beside the budget. */
function reserveText(f: { reservePercent?: number; reserveCents?: number }, w: Wording): string {
  if (f.reservePercent === undefined) return '';
  const nl = w.lang === 'nl';
  const amount =
    f.reserveCents !== undefined
      ? nl
        ? `reserve ${w.money(f.reserveCents)} naast het budget`
        : `reserve of ${w.money(f.reserveCents)} beside the budget`
      : nl
        ? 'reserve naast het budget zonder vast bedrag'
        : 'reserve beside the budget without a fixed amount';
  return nl ? `, aanvulling als het restant minstens ${f.reservePercent}% van het plan dekt (${amount})` : `, topped up when what is left covers at least ${f.reservePercent}% of the plan (${amount})`;
}

/**
 * The record of a round, block by block: in Dutch, the municipality's official record, or in
 * English on request (`audit report --lang en`). Both say the same; only the words differ.
 */
export function recordBlocks(record: RoundRecord, lang: Lang = 'nl'): Block[] {
  const w = wordingOf(record, lang);
  return [...introBlocks(record, w), ...cancellationBlocks(record, w), ...frameBlocks(record, w), ...historyBlocks(record, w), ...turnoutBlocks(record, w), ...resultBlocks(record, w), ...recountBlocks(record, w), ...sealBlocks(record, w), ...selfCheckBlocks(record, w)];
}

/** The title and which round, municipality and phase the record is about. */
function introBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  return [
    { kind: 'title', text: nl ? `Proces-verbaal: ${record.title}` : `Official record (proces-verbaal): ${record.title}` },
    {
      kind: 'list',
      items: [
        `${nl ? 'Ronde' : 'Round'}: ${record.roundId}`,
        `${nl ? 'Gemeente' : 'Municipality'}: ${record.tenant ?? (nl ? 'onbekend' : 'unknown')}`,
        ...(record.form ? [`${nl ? 'Vorm' : 'Form'}: ${word(FORM_WORDS, record.form, w.lang)}`] : []),
        ...(record.phase ? [`${nl ? 'Fase' : 'Phase'}: ${w.phase(record.phase)}`] : []),
        nl
          ? `Opgemaakt op ${w.moment(record.generatedAt)}, alleen uit de opslag van gebeurtenissen (${record.drawnUpBy === 'api' ? `GET /rounds/${record.roundId}/proces-verbaal` : 'npm run audit -- report'})`
          : `Drawn up on ${w.moment(record.generatedAt)}, from the event store alone (${record.drawnUpBy === 'api' ? `GET /rounds/${record.roundId}/proces-verbaal?lang=en` : 'npm run audit -- report --lang en'})`,
        ...(record.adopted || record.cancellation
          ? []
          : [
              nl
                ? 'Status: VOORLOPIG. De uitslag is nog niet vastgesteld; dit proces-verbaal geeft de stand op het moment van opmaken, met de zegels die de ronde dan heeft'
                : 'Status: PROVISIONAL. The result has not been adopted yet; this record gives the state at the moment it was drawn up, with the seals the round has then',
            ]),
      ],
    },
  ];
}

/** 1. The frozen frame and the decisions the round rests on. */
function frameBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  const blocks: Block[] = [{ kind: 'heading', text: nl ? '1. Kader' : '1. Frame' }];
  if (record.frame) {
    const f = record.frame;
    const ballot = [word(BALLOT_TYPE_WORDS, f.ballot.type, w.lang)];
    if (f.ballot.minPlans !== undefined) ballot.push(nl ? `minimaal ${f.ballot.minPlans} plannen` : `at least ${f.ballot.minPlans} plans`);
    if (f.ballot.maxPlans !== undefined) ballot.push(nl ? `maximaal ${f.ballot.maxPlans} plannen` : `at most ${f.ballot.maxPlans} plans`);
    if (f.ballot.costCapCents !== undefined) ballot.push(nl ? `samen hooguit ${w.money(f.ballot.costCapCents)}` : `together at most ${w.money(f.ballot.costCapCents)}`);
    if (f.ballot.points !== undefined) ballot.push(nl ? `${f.ballot.points} punten` : `${f.ballot.points} points`);
    if (f.ballot.rankingLength !== undefined) ballot.push(nl ? `rangorde van ${f.ballot.rankingLength}` : `ranking of ${f.ballot.rankingLength}`);
    const areas = f.areaBudgets.map((a) => `${a.areaCode} ${w.money(a.amountCents)}`).join(', ');
    const tieBreak = [...f.tieBreak, 'project-id'].map((k) => word(TIE_BREAK_WORDS, k, w.lang)).join(nl ? ', daarna ' : ', then ');
    const rule = `${word(RULE_WORDS, f.rule, w.lang)}${f.thresholdVotes !== undefined ? (nl ? `, drempel ${f.thresholdVotes} stemmen` : `, threshold ${f.thresholdVotes} votes`) : ''}${reserveText(f, w)}`;
    blocks.push({
      kind: 'list',
      items: nl
        ? [
            `Budget: ${f.budgetId}, kaderversie ${f.frameVersion} (bevroren in de stembus)`,
            `Bedrag: ${w.money(f.amountCents)}${areas ? `, waarvan per gebied apart geteld: ${areas}` : ''}`,
            `Telregel: ${rule}`,
            `Bij gelijke stand: ${tieBreak}${f.seed !== undefined ? ` (loting met zaad ${f.seed})` : ''}`,
            `Stembiljet: ${ballot.join(', ')}`,
            `Plannen op het stembiljet: ${f.plans.length}`,
          ]
        : [
            `Budget: ${f.budgetId}, frame version ${f.frameVersion} (frozen in the ballot box)`,
            `Amount: ${w.money(f.amountCents)}${areas ? `, of which counted per area: ${areas}` : ''}`,
            `Counting rule: ${rule}`,
            `On a tie: ${tieBreak}${f.seed !== undefined ? ` (lot with seed ${f.seed})` : ''}`,
            `Ballot paper: ${ballot.join(', ')}`,
            `Plans on the ballot paper: ${f.plans.length}`,
          ],
    });
  } else {
    blocks.push({ kind: 'paragraph', text: nl ? 'Deze ronde heeft geen stembus: er is niet gestemd.' : 'This round has no ballot box: there was no vote.' });
  }
  if (record.decisions.length > 0) {
    blocks.push({ kind: 'paragraph', text: nl ? 'Besluiten waarop de ronde rust:' : 'Decisions the round rests on:' });
    blocks.push({
      kind: 'table',
      header: nl ? ['Besluit', 'Orgaan en nummer', 'Besluitdatum', 'Vastgelegd', 'Reden'] : ['Decision', 'Body and number', 'Date of decision', 'Recorded', 'Reason'],
      rows: record.decisions.map((d) => {
        const label = word(EVENT_WORDS, d.type, w.lang);
        const what = d.phase !== undefined ? `${label}: ${w.phase(d.phase)}` : d.correction !== undefined ? `${label} (${d.correction})` : label;
        return [what, decisionName(d, w.lang), d.decidedOn ? w.date(d.decidedOn) : '', w.date(d.recordedAt.slice(0, 10)), d.reason ?? ''];
      }),
      widths: [3, 3, 2, 2, 3],
    });
  }
  return blocks;
}

/** A cancelled round's own section, before the frame: when, by which role, from which phase, why, under which decision. */
function cancellationBlocks(record: RoundRecord, w: Wording): Block[] {
  const c = record.cancellation;
  if (!c) return [];
  const nl = w.lang === 'nl';
  const decision = c.decision ? `${decisionName(c.decision, w.lang)}${c.decision.decidedOn ? `${nl ? ' van' : ' of'} ${w.date(c.decision.decidedOn)}` : ''}` : nl ? 'geen besluit vastgelegd' : 'no decision recorded';
  const from = c.from ? w.phase(c.from) : nl ? 'onbekend' : 'unknown';
  return [
    { kind: 'heading', text: nl ? 'Annulering van de ronde' : 'Cancellation of the round' },
    {
      kind: 'list',
      items: nl
        ? [`Geannuleerd op ${w.moment(c.at)}, vastgelegd door een ${word(ROLE_WORDS, c.role, w.lang)}`, `In de fase: ${from}`, `Besluit: ${decision}`, `Reden: ${c.reason}`]
        : [`Cancelled on ${w.moment(c.at)}, recorded in the role of ${word(ROLE_WORDS, c.role, w.lang)}`, `In the phase: ${from}`, `Decision: ${decision}`, `Reason: ${c.reason}`],
    },
    {
      kind: 'paragraph',
      text: nl
        ? 'De ronde is gesloten voordat een uitslag werd vastgesteld; wat hieronder staat, is wat er tot de annulering gebeurde.'
        : 'The round was closed before a result was adopted; what follows is what happened up to the cancellation.',
    },
  ];
}

/** A beschikking given after its statutory deadline, in words: "na afloop van de beslistermijn (…; art. 4:17 Awb)". */
function lateWords(deadline: string, w: Wording): string {
  return w.lang === 'nl' ? `na afloop van de beslistermijn (${w.moment(deadline)}; art. 4:17 Awb)` : `after the statutory decision term (${w.moment(deadline)}; Awb 4:17)`;
}

/** 2. Every decision and fact in order. */
function historyBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  const late = record.history.filter((e) => e.decidedAfterDeadline !== undefined);
  return [
    { kind: 'heading', text: nl ? '2. Verloop (besluiten en feiten)' : '2. Course of the round (decisions and facts)' },
    {
      kind: 'table',
      header: nl ? ['Tijd', 'Wie', 'Wat', 'Stroom', 'Positie', 'Reden / kenmerk'] : ['Time', 'Who', 'What', 'Stream', 'Position', 'Reason / reference'],
      rows: record.history.map((e) => [
        e.at,
        `${e.actor} (${word(ROLE_WORDS, e.role, w.lang)})`,
        e.decidedAfterDeadline !== undefined ? `${word(EVENT_WORDS, e.type, w.lang)}, ${lateWords(e.decidedAfterDeadline, w)}` : word(EVENT_WORDS, e.type, w.lang),
        `${e.streamName}@${e.revision}`,
        e.position,
        [e.type === 'RoundKeyDestroyed' && e.reason ? word(KEY_DESTROYED_WORDS, e.reason, w.lang) : e.reason, e.decisionReference ? referenceWords(e.decisionReference, w.lang) : undefined].filter(Boolean).join(' | '),
      ]),
      widths: [3, 2.5, 3, 4, 2, 3.5],
    },
    ...(late.length > 0
      ? ([
          {
            kind: 'paragraph',
            text: nl
              ? `Beschikkingen gegeven na afloop van de wettelijke beslistermijn (${late.length}; art. 4:17 Awb, dwangsom bij niet tijdig beslissen):`
              : `Decisions given after the statutory decision term (${late.length}; Awb 4:17, penalty for not deciding in time):`,
          },
          {
            kind: 'list',
            items: late.map((e) => `${e.streamName}: ${word(EVENT_WORDS, e.type, w.lang)} ${nl ? 'op' : 'on'} ${w.moment(e.at)}${e.decisionReference ? ` (${e.decisionReference})` : ''}, ${nl ? 'termijn verstreken op' : 'term ended on'} ${w.moment(e.decidedAfterDeadline!)}`),
          },
        ] satisfies Block[])
      : []),
  ];
}

/** 3. Turnout. */
function turnoutBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  const blocks: Block[] = [{ kind: 'heading', text: nl ? '3. Opkomst' : '3. Turnout' }];
  const t = record.turnout;
  if (!t) {
    blocks.push({ kind: 'paragraph', text: nl ? 'Geen stembus, dus geen opkomst.' : 'No ballot box, so no turnout.' });
    return blocks;
  }
  const share = t.percentage !== null ? ` (${decimal(t.percentage, w.lang)}%)` : '';
  blocks.push({
    kind: 'paragraph',
    text: nl ? `${t.ballots} geldige stemmen van ${t.eligible} stemgerechtigden${share}; ${t.registered} deelnemers geregistreerd.` : `${t.ballots} valid ballots of ${t.eligible} eligible voters${share}; ${t.registered} participants registered.`,
  });
  return blocks;
}

/** A result's council or college decision, in brackets: "[gemeenteraad RB 2026/77 van 10 juni 2026]". */
function resultDecision(decision: { body?: string; number?: string; date?: string } | undefined, w: Wording): string {
  if (!decision) return '';
  const date = decision.date ? `${w.lang === 'nl' ? ' van' : ' of'} ${w.date(decision.date)}` : '';
  return ` [${decisionName(decision, w.lang)}${date}]`;
}

/** 4. The published result, its explanation and its corrections. */
function resultBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  const blocks: Block[] = [{ kind: 'heading', text: nl ? '4. Uitslag' : '4. Result' }];
  const result = record.result;
  if (!result) {
    blocks.push({ kind: 'paragraph', text: nl ? 'Er is (nog) geen uitslag gepubliceerd.' : 'No result has been published (yet).' });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    text:
      result.type === 'ResultCorrected'
        ? `${nl ? 'Uitslag na correctie' : 'Result after correction'} ${result.correction} (${w.moment(result.at)}): ${result.reason ?? ''}${resultDecision(result.decision, w)}`
        : `${nl ? 'Gepubliceerde uitslag' : 'Published result'} (${w.moment(result.at)}).`,
  });
  blocks.push({ kind: 'paragraph', text: nl ? `Gekozen plannen (${result.winners.length}, samen ${w.money(result.totalCents)}):` : `Plans selected (${result.winners.length}, together ${w.money(result.totalCents)}):` });
  blocks.push({ kind: 'table', header: nl ? ['Plan', 'Bedrag'] : ['Plan', 'Amount'], rows: result.winners.map((x) => [w.plan(x.proposalId), w.money(x.amountCents)]), widths: [6, 2] });
  blocks.push({ kind: 'paragraph', text: nl ? 'Toelichting per plan:' : 'Explanation per plan:' });
  blocks.push({
    kind: 'table',
    header: nl ? ['Plan', 'Gekozen', 'Stemmen', 'Toelichting'] : ['Plan', 'Selected', 'Votes', 'Explanation'],
    rows: result.explanation.map((o) => [w.plan(o.proposalId), o.selected ? (nl ? 'ja' : 'yes') : nl ? 'nee' : 'no', o.votes === undefined ? '' : String(o.votes), explanationWords(o, w.lang)]),
    widths: [3.5, 1.2, 1.3, 6],
  });
  const corrections = record.results.filter((r) => r.type === 'ResultCorrected');
  if (corrections.length > 0) {
    blocks.push({ kind: 'paragraph', text: nl ? 'Correcties van de uitslag:' : 'Corrections of the result:' });
    blocks.push({
      kind: 'list',
      items: corrections.map(
        (c) =>
          `${nl ? 'Correctie' : 'Correction'} ${c.correction} (${w.moment(c.at)}): ${c.reason ?? ''}${resultDecision(c.decision, w)}; ${nl ? 'gekozen' : 'selected'}: ${c.winners.map((x) => x.proposalId).join(', ')}`,
      ),
    });
  }
  return blocks;
}

const UNAVAILABLE: Record<NonNullable<RoundRecord['recountUnavailable']>, Words> = {
  'no-ballot-box': { nl: 'de ronde heeft geen stembus, er is niet gestemd', en: 'the round has no ballot box, there was no vote' },
  'being-prepared': { nl: 'de stembus wordt nog klaargezet; hertellen kan als het stemmen voorbij is', en: 'the ballot box is still being prepared; a recount runs once voting closed' },
  'voting-open': { nl: 'het stemmen is nog bezig; hertellen kan als het stemmen voorbij is', en: 'voting is still open; a recount runs once voting closed' },
  'nothing-published': { nl: 'er is geen gepubliceerde uitslag om de hertelling mee te vergelijken', en: 'there is no published result to compare the recount with' },
};

/** 4. (continued) The recount with the frozen rule, compared with the result that stands. */
function recountBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  const blocks: Block[] = [];
  const r = record.recount;
  if (r) {
    const rule = word(RULE_WORDS, r.rule, w.lang);
    const counted = nl ? `Hertelling: ${r.ballots} stembiljetten opnieuw geteld met de bevroren telregel (${rule})` : `Recount: ${r.ballots} ballots counted again with the frozen rule (${rule})`;
    const text =
      r.published === null
        ? nl
          ? `${counted}; gekozen zouden zijn: ${r.recount.winners.map(w.plan).join(', ') || 'geen'}. Er is geen gepubliceerde uitslag om mee te vergelijken.`
          : `${counted}; it would select: ${r.recount.winners.map(w.plan).join(', ') || 'none'}. There is no published result to compare with.`
        : r.match
          ? nl
            ? `${counted}; de uitkomst komt plan voor plan overeen met de uitslag die er nu staat.`
            : `${counted}; the outcome agrees plan by plan with the result that stands.`
          : nl
            ? `${counted}; de uitkomst WIJKT AF bij: ${r.mismatched.join(', ')}.`
            : `${counted}; the outcome DIFFERS for: ${r.mismatched.join(', ')}.`;
    blocks.push({ kind: 'paragraph', text });
  } else if (record.recountUnavailable) {
    blocks.push({ kind: 'paragraph', text: `${nl ? 'Hertelling niet mogelijk' : 'No recount possible'}: ${UNAVAILABLE[record.recountUnavailable][w.lang]}.` });
  }
  const reserveUsed = r?.recount.reserveUsed;
  if (reserveUsed !== undefined) {
    const unit = record.frame?.countingUnitCents ?? 100;
    blocks.push({
      kind: 'paragraph',
      text: nl
        ? `Uit de reserve naast het budget betaald: ${reserveUsed} (in telleenheden van ${unit} cent); dat bedrag telt niet mee in het budget.`
        : `Paid from the reserve beside the budget: ${reserveUsed} (in counting units of ${unit} cents); that amount does not count against the budget.`,
    });
  }
  return blocks;
}

/** 5. The seals and the check of the hash chains. */
function sealBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  const blocks: Block[] = [{ kind: 'heading', text: nl ? '5. Zegels' : '5. Seals' }];
  if (record.seals.length === 0) {
    blocks.push({ kind: 'paragraph', text: nl ? 'De ronde is nog niet verzegeld.' : 'The round has not been sealed yet.' });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: nl
        ? `Bij elke overgang naar een nieuwe fase is de ronde verzegeld (${record.seals.length} zegel(s), overgenomen uit de opslag van gebeurtenissen, zoals ook de openbare pagina ze toont): het moment, de fasewissel, de digest over alle gebeurtenissen van de ronde tot die positie, en de kop van de keten van de hele opslag die het zegel vastlegde.`
        : `At every change to a new phase the round was sealed (${record.seals.length} seal(s), taken from the event store, as the public page shows them too): the moment, the phase change, the digest over every event of the round up to that position, and the head of the chain over the whole store the seal fixed.`,
    });
    blocks.push({
      kind: 'list',
      items: record.seals.map((s, i) =>
        nl
          ? `Zegel ${i + 1}, ${w.moment(s.sealedAt)}${s.phase ? `, bij de overgang naar de fase ${w.phase(s.phase)}` : ''}: sha256 ${s.digest} over ${s.events} gebeurtenissen in ${s.streams} stromen tot positie ${s.upTo}; ${s.verified ? 'klopt nog' : 'KLOPT NIET MEER'}${s.storeChain ? `; keten van de hele opslag: schakel ${s.storeChain.link}, sha256 ${s.storeChain.digest} tot positie ${s.storeChain.upTo}` : ''}`
          : `Seal ${i + 1}, ${w.moment(s.sealedAt)}${s.phase ? `, at the change to the phase ${w.phase(s.phase)}` : ''}: sha256 ${s.digest} over ${s.events} events in ${s.streams} streams up to position ${s.upTo}; ${s.verified ? 'still holds' : 'NO LONGER HOLDS'}${s.storeChain ? `; store-wide chain: link ${s.storeChain.link}, sha256 ${s.storeChain.digest} up to position ${s.storeChain.upTo}` : ''}`,
      ),
    });
    blocks.push({
      kind: 'paragraph',
      text: nl
        ? 'Iedereen met leesrechten op (een kopie van) de opslag van gebeurtenissen controleert een zegel met de opdracht van dat zegel (in volgorde). Exitcode 0: de opslag levert tot die positie nog precies die digest op en de keten van de hele opslag draagt nog die kop; 1: er is na het verzegelen iets veranderd, verwijderd of tussengevoegd.'
        : 'Anyone with read access to (a copy of) the event store checks a seal with its command (in order). Exit code 0: the store still yields exactly that digest up to that position and the chain over the whole store still carries that head; 1: something was changed, deleted or inserted after sealing.',
    });
    blocks.push({ kind: 'code', lines: record.seals.map((s) => sealCheckCommand(record.roundId, s)) });
  }
  const v = record.verification;
  const breaks = v.breaks
    .map((b) => `${b.streamName}${b.revision !== undefined ? ` ${nl ? 'revisie' : 'revision'} ${b.revision}` : ''}${'position' in b ? ` (${nl ? 'positie' : 'position'} ${b.position})` : ''}: ${word(BREAK_WORDS, b.problem, w.lang)}`)
    .join('; ');
  blocks.push({
    kind: 'paragraph',
    text: v.ok
      ? nl
        ? `Controle van de hashketens: alle ${v.events} gebeurtenissen in ${v.streams} stromen van de ronde en ${v.seals} zegel(s) kloppen.`
        : `Check of the hash chains: all ${v.events} events in ${v.streams} streams of the round and ${v.seals} seal(s) hold.`
      : nl
        ? `Controle van de hashketens: ${v.breaks.length} BREUK(EN): ${breaks}.`
        : `Check of the hash chains: ${v.breaks.length} BREAK(S): ${breaks}.`,
  });
  return blocks;
}

/** 6. How a reader checks it all again. */
function selfCheckBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  return [
    { kind: 'heading', text: nl ? '6. Zelf controleren' : '6. Check it yourself' },
    {
      kind: 'paragraph',
      text: nl
        ? 'Elke gebeurtenis draagt een hash over haar inhoud en de hash van de vorige gebeurtenis in haar stroom; een zegel is de sha256 over de laatste hash van elke stroom van de ronde. ' +
          'Vergelijk de digest hierboven met de digest die de gemeenteraad kreeg en voer met leesrechten op (een kopie van) de opslag van gebeurtenissen uit:'
        : 'Every event carries a hash over its content and the hash of the event before it in its stream; a seal is the sha256 over the last hash of every stream of the round. ' +
          'Compare the digest above with the digest the council received and run, with read access to (a copy of) the event store:',
    },
    { kind: 'code', lines: record.commands },
    {
      kind: 'paragraph',
      text: nl
        ? 'Exitcode 0: alles klopt; 1: iets wijkt af (de uitvoer noemt stroom, revisie en gebeurtenis, of de plannen die afwijken).'
        : 'Exit code 0: everything holds; 1: something differs (the output names the stream, revision and event, or the plans that differ).',
    },
    ...signatureBlocks(record, w),
  ];
}

/** 7. Whether the PDF is signed, with which certificate, and how a reader checks the signature. */
function signatureBlocks(record: RoundRecord, w: Wording): Block[] {
  const nl = w.lang === 'nl';
  const heading: Block = { kind: 'heading', text: nl ? '7. Ondertekening' : '7. Signature' };
  const s = record.signedBy;
  if (!s) {
    return [
      heading,
      {
        kind: 'paragraph',
        text: nl
          ? 'Dit proces-verbaal is NIET elektronisch ondertekend: er is geen sleutel van de gemeente ingesteld (RECORD_SIGNING_P12). Het bewijst alleen iets samen met de zegels hierboven en de digests die de gemeenteraad kreeg.'
          : 'This record is NOT signed electronically: no key of the municipality is configured (RECORD_SIGNING_P12). It proves something only together with the seals above and the digests the council received.',
      },
    ];
  }
  const file = `proces-verbaal-${record.roundId}${nl ? '' : '.en'}.pdf`;
  return [
    heading,
    {
      kind: 'paragraph',
      text: nl
        ? `Het PDF-bestand van dit proces-verbaal is elektronisch ondertekend door de gemeente (PKCS#7, losse handtekening over het hele bestand) met het certificaat ${s.subject}, SHA-256-vingerafdruk ${s.fingerprint256}, geldig tot ${w.date(s.validTo.slice(0, 10))}. Wie na het ondertekenen één teken van het bestand wijzigt, maakt de handtekening ongeldig. Controleer haar met het certificaat dat de gemeente publiceert, of met de vingerafdruk hierboven:`
        : `The PDF file of this record is signed electronically by the municipality (PKCS#7, a detached signature over the whole file) with the certificate ${s.subject}, SHA-256 fingerprint ${s.fingerprint256}, valid until ${w.date(s.validTo.slice(0, 10))}. Changing a single character of the file after signing makes the signature invalid. Check it with the certificate the municipality publishes, or with the fingerprint above:`,
    },
    { kind: 'code', lines: [`npm run --silent audit -- verify-pdf ${file} --certificate gemeente.pem`, `npm run --silent audit -- verify-pdf ${file} --fingerprint ${s.fingerprint256}`] },
    {
      kind: 'paragraph',
      text: nl
        ? 'Exitcode 0: geldig, ondertekend met dit certificaat; 1: gewijzigd na ondertekening, ondertekend met een andere sleutel, of niet ondertekend (de uitvoer zegt welke).'
        : 'Exit code 0: valid, signed with this certificate; 1: changed after signing, signed with another key, or not signed (the output says which).',
    },
  ];
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The record as Markdown, in Dutch or (on request) English. */
export function recordMarkdown(record: RoundRecord, lang: Lang = 'nl'): string {
  const lines: string[] = [];
  for (const block of recordBlocks(record, lang)) {
    switch (block.kind) {
      case 'title':
        lines.push(`# ${block.text}`, '');
        break;
      case 'heading':
        lines.push(`## ${block.text}`, '');
        break;
      case 'paragraph':
        lines.push(block.text, '');
        break;
      case 'list':
        lines.push(...block.items.map((i) => `- ${i}`), '');
        break;
      case 'table':
        lines.push(`| ${block.header.map(escapeCell).join(' | ')} |`, `|${block.header.map(() => ' --- ').join('|')}|`, ...block.rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`), '');
        break;
      case 'code':
        lines.push('```sh', ...block.lines, '```', '');
        break;
    }
  }
  return lines.join('\n');
}

/** Helvetica (a PDF standard font) covers WinAnsi only: letters outside it lose their accents rather than vanish. */
function pdfText(text: string): string {
  return text
    .replace(/[łŁđĐ]/g, (c) => ({ ł: 'l', Ł: 'L', đ: 'd', Đ: 'D' })[c]!)
    .normalize('NFC')
    .replace(/[^\u0020-\u00ff€–—‘’“”•…]/gu, (c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\u0020-\u00ff]/g, '?'));
}

/**
 * The round and its latest seal in the PDF's document information (`Keywords`), so `audit verify-pdf
 * --round ID` can compare a signed record with the store: inside the signed bytes, and plain text.
 */
export function recordKeywords(record: Pick<RoundRecord, 'roundId' | 'seals'>): string | null {
  const latest = record.seals[record.seals.length - 1];
  return latest ? `inwonersbudget round:${record.roundId} seal:${latest.digest}${latest.storeChain ? ` head:${latest.storeChain.digest}` : ''}` : null;
}

/** The record as a PDF (A4, Helvetica), rendered from the same blocks as the Markdown. */
export async function recordPdf(record: RoundRecord, lang: Lang = 'nl'): Promise<Buffer> {
  // Loaded here: the api loads the PDF writer on the first download of a proces-verbaal, not at start.
  const { default: PDFDocument } = await import('pdfkit');
  const generated = new Date(record.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: {
      Title: pdfText(`Proces-verbaal ${record.title}`),
      Subject: `${lang === 'nl' ? 'Ronde' : 'Round'} ${record.roundId}`,
      Creator: 'inwonersbudget audit',
      CreationDate: generated,
      ModDate: generated,
      ...(recordKeywords(record) ? { Keywords: recordKeywords(record)! } : {}),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  for (const block of recordBlocks(record, lang)) {
    switch (block.kind) {
      case 'title':
        doc.font('Helvetica-Bold').fontSize(16).text(pdfText(block.text), left, doc.y, { width }).moveDown(0.5);
        break;
      case 'heading':
        if (doc.y > bottom() - 60) doc.addPage();
        doc.moveDown(0.4).font('Helvetica-Bold').fontSize(12).text(pdfText(block.text), left, doc.y, { width }).moveDown(0.3);
        break;
      case 'paragraph':
        doc.font('Helvetica').fontSize(9.5).text(pdfText(block.text), left, doc.y, { width }).moveDown(0.4);
        break;
      case 'list':
        doc.font('Helvetica').fontSize(9.5);
        for (const item of block.items) doc.text(pdfText(`•  ${item}`), left, doc.y, { width, indent: 0 });
        doc.moveDown(0.4);
        break;
      case 'code':
        doc.font('Courier').fontSize(7.5);
        for (const line of block.lines) doc.text(pdfText(line), left, doc.y, { width });
        doc.moveDown(0.4);
        break;
      case 'table': {
        const total = block.widths.reduce((s, w) => s + w, 0);
        const columns = block.widths.map((w) => (w / total) * width);
        const row = (cells: string[], bold: boolean) => {
          doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
          const texts = cells.map((c) => pdfText(c));
          const height = Math.max(...texts.map((t, i) => doc.heightOfString(t || ' ', { width: columns[i]! - 4 }))) + 3;
          if (doc.y + height > bottom()) doc.addPage();
          const top = doc.y;
          let x = left;
          texts.forEach((t, i) => {
            doc.text(t, x, top, { width: columns[i]! - 4 });
            x += columns[i]!;
          });
          doc.x = left;
          doc.y = top + height;
          doc.moveTo(left, doc.y - 1).lineTo(left + width, doc.y - 1).lineWidth(0.3).strokeColor('#999999').stroke();
        };
        row(block.header, true);
        for (const cells of block.rows) row(cells, false);
        doc.moveDown(0.5);
        break;
      }
    }
  }
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Below the bottom margin, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).text(pdfText(lang === 'nl' ? `Proces-verbaal ronde ${record.roundId}, pagina ${i + 1} van ${pages.count}` : `Official record, round ${record.roundId}, page ${i + 1} of ${pages.count}`), left, doc.page.height - 35, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
