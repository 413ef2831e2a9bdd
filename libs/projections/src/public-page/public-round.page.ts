import { explain, type Lang } from '@lib/tally';
import type { PublicRoundView, PublicSeal, TurnoutGroup } from './public-round.view.js';

export type { Lang };

const TEXT = {
  nl: {
    skip: 'Naar de inhoud',
    other: 'English',
    status: 'Stand van zaken',
    phase: 'Fase',
    budget: 'Budget',
    plans: 'Plannen',
    plan: 'Plan',
    area: 'Gebied',
    cost: 'Kosten',
    feasibility: 'Haalbaarheid',
    results: 'Uitslag',
    noResult: 'De uitslag is nog niet bekendgemaakt.',
    hiddenWhileVoting: 'Tijdens het stemmen tonen we geen tussenstand.',
    selected: 'Gekozen',
    notSelected: 'Niet gekozen',
    votes: 'Stemmen',
    why: 'Toelichting',
    interim: 'Tussenstand (de gemeente heeft deze openbaar gemaakt)',
    turnout: 'Opkomst',
    turnoutLine: (b: number, e: number) => `${b} van de ${e} stemgerechtigden stemden (${e > 0 ? pct(b / e) : '–'}).`,
    byArea: 'Per gebied: aandeel stemmers tegenover aandeel inwoners',
    representativeness: 'Representativiteit (1 = evenredig)',
    population: 'Inwoners',
    voters: 'Stemmers',
    byChannel: 'Per manier van stemmen',
    channel: 'Manier',
    byAge: 'Per leeftijdsgroep (groepen met minder dan 10 stemmen worden niet getoond)',
    age: 'Leeftijd',
    fairness: 'Eerlijkheid',
    share: 'Aandeel stemmers met minstens één gekozen plan',
    source: (s: string) => (s === 'roll' ? 'Bron: het stemregister.' : `Bron: ${s}.`),
    chartVotes: (t: string) => `Staafdiagram: stemmen per plan. ${t}`,
    chartArea: (t: string) => `Staafdiagram: representativiteit per gebied. ${t}`,
    phases: {
      planned: 'gepland', submission: 'indienen', support: 'steun verzamelen', feasibility: 'haalbaarheid toetsen', preselection: 'voorselectie', voting: 'stemmen',
      counting: 'tellen', deliberation: 'beraad', adoption: 'vaststellen', implementation: 'uitvoeren', intake: 'aanvragen', closed: 'afgesloten',
      'ballot-prepared': 'stemmen in voorbereiding', 'ballot-open': 'stemmen', 'ballot-closed': 'stemmen gesloten', 'ballot-sealed': 'afgerond',
    } as Record<string, string>,
    feasibilities: { pending: 'nog niet getoetst', feasible: 'haalbaar', not_feasible: 'niet haalbaar', needs_revision: 'aanpassing nodig' } as Record<string, string>,
    channels: { online: 'online', paper: 'op papier', assisted: 'met hulp' } as Record<string, string>,
    seals: 'Zegels',
    sealsIntro:
      'Bij elke overgang naar een nieuwe fase verzegelt het systeem de ronde: een SHA-256-digest over alle gebeurtenissen van de ronde tot dat moment, met de kop van de keten over de hele opslag. Wie daarna iets wijzigt, verwijdert of tussenvoegt, krijgt andere digests. Elk zegel staat hier zodra het is vastgelegd.',
    noSeals: 'De ronde is nog niet verzegeld.',
    seal: 'Zegel',
    moment: 'Moment',
    phaseChange: 'Fasewissel',
    roundDigest: 'Digest van de ronde (SHA-256)',
    upTo: 'Tot positie',
    head: 'Kop van de keten van de hele opslag (SHA-256)',
    toPhase: (p: string) => `naar ${p}`,
    link: (n: number, upTo: string) => `schakel ${n}, tot positie ${upTo}`,
    sealCaption: (n: number) => `Zegels van de ronde (${n})`,
    check: 'Zelf controleren: met leesrechten op (een kopie van) de opslag van gebeurtenissen controleert iedereen het laatste zegel met:',
    exit: 'Exitcode 0: de opslag levert nog precies deze digests op; 1: er is na het verzegelen iets veranderd, verwijderd of tussengevoegd. Een eerder zegel controleert u op dezelfde manier, met zijn eigen digests.',
  },
  en: {
    skip: 'Skip to content',
    other: 'Nederlands',
    status: 'Status',
    phase: 'Phase',
    budget: 'Budget',
    plans: 'Plans',
    plan: 'Plan',
    area: 'Area',
    cost: 'Cost',
    feasibility: 'Feasibility',
    results: 'Result',
    noResult: 'The result has not been published yet.',
    hiddenWhileVoting: 'No interim results are shown while voting runs.',
    selected: 'Selected',
    notSelected: 'Not selected',
    votes: 'Votes',
    why: 'Explanation',
    interim: 'Interim count (made public by the municipality)',
    turnout: 'Turnout',
    turnoutLine: (b: number, e: number) => `${b} of ${e} eligible residents voted (${e > 0 ? pct(b / e) : '–'}).`,
    byArea: 'By area: share of voters against share of residents',
    representativeness: 'Representativeness (1 = proportional)',
    population: 'Residents',
    voters: 'Voters',
    byChannel: 'By way of voting',
    channel: 'Channel',
    byAge: 'By age band (groups with fewer than 10 votes are not shown)',
    age: 'Age',
    fairness: 'Fairness',
    share: 'Share of voters with at least one selected plan',
    source: (s: string) => (s === 'roll' ? 'Source: the voter roll.' : `Source: ${s}.`),
    chartVotes: (t: string) => `Bar chart: votes per plan. ${t}`,
    chartArea: (t: string) => `Bar chart: representativeness per area. ${t}`,
    phases: {
      planned: 'planned', submission: 'submission', support: 'gathering support', feasibility: 'feasibility review', preselection: 'preselection', voting: 'voting',
      counting: 'counting', deliberation: 'deliberation', adoption: 'adoption', implementation: 'implementation', intake: 'intake', closed: 'closed',
      'ballot-prepared': 'voting being prepared', 'ballot-open': 'voting', 'ballot-closed': 'voting closed', 'ballot-sealed': 'completed',
    } as Record<string, string>,
    feasibilities: { pending: 'not yet reviewed', feasible: 'feasible', not_feasible: 'not feasible', needs_revision: 'needs revision' } as Record<string, string>,
    channels: { online: 'online', paper: 'on paper', assisted: 'assisted' } as Record<string, string>,
    seals: 'Seals',
    sealsIntro:
      'At every change to a new phase the system seals the round: a SHA-256 digest over every event of the round up to that moment, with the head of the chain over the whole store. Whoever changes, deletes or inserts anything afterwards gets other digests. Each seal appears here as soon as it is recorded.',
    noSeals: 'The round has not been sealed yet.',
    seal: 'Seal',
    moment: 'Moment',
    phaseChange: 'Phase change',
    roundDigest: 'Digest of the round (SHA-256)',
    upTo: 'Up to position',
    head: 'Head of the chain over the whole store (SHA-256)',
    toPhase: (p: string) => `to ${p}`,
    link: (n: number, upTo: string) => `link ${n}, up to position ${upTo}`,
    sealCaption: (n: number) => `Seals of the round (${n})`,
    check: 'Check it yourself: with read access to (a copy of) the event store, anyone checks the latest seal with:',
    exit: 'Exit code 0: the store still yields exactly these digests; 1: something was changed, deleted or inserted after sealing. An earlier seal is checked the same way, with its own digests.',
  },
};

/** The audit command that checks a seal against the store: the round's digest, and the store-wide chain's head it fixed. */
export function sealCheckCommand(roundId: string, seal: Pick<PublicSeal, 'digest' | 'storeChain'>): string {
  return `npm run --silent audit -- verify --round ${roundId} --expect-seal ${seal.digest}${seal.storeChain ? ` --expect-head ${seal.storeChain.digest}` : ''}`;
}

/** Every seal of the round with the command that checks the latest, in the page's language. */
function sealSection(view: PublicRoundView, lang: Lang): string {
  const t = TEXT[lang];
  if (view.seals.length === 0) return `<p>${esc(t.sealsIntro)}</p><p>${esc(t.noSeals)}</p>`;
  const moment = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const rows = view.seals
    .map(
      (seal, i) =>
        `<tr><th scope="row">${i + 1}</th><td><time datetime="${esc(seal.sealedAt)}">${esc(moment.format(new Date(seal.sealedAt)))}</time></td><td>${esc(seal.phase ? t.toPhase(t.phases[seal.phase] ?? seal.phase) : '–')}</td><td><code class="digest">${esc(seal.digest)}</code></td><td>${esc(seal.upTo)}</td><td>${seal.storeChain ? `<code class="digest">${esc(seal.storeChain.digest)}</code> (${esc(t.link(seal.storeChain.link, seal.storeChain.upTo))})` : '–'}</td></tr>`,
    )
    .join('');
  const latest = view.seals[view.seals.length - 1]!;
  return `<p>${esc(t.sealsIntro)}</p>
<table id="seals"><caption>${esc(t.sealCaption(view.seals.length))}</caption><thead><tr><th scope="col">${esc(t.seal)}</th><th scope="col">${esc(t.moment)}</th><th scope="col">${esc(t.phaseChange)}</th><th scope="col">${esc(t.roundDigest)}</th><th scope="col">${esc(t.upTo)}</th><th scope="col">${esc(t.head)}</th></tr></thead><tbody>${rows}</tbody></table>
<p>${esc(t.check)}</p>
<pre id="seal-check"><code>${esc(sealCheckCommand(view.roundId, latest))}</code></pre>
<p>${esc(t.exit)}</p>`;
}

/** HTML-escapes text for element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`=/]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function euros(cents: number | null, lang: Lang): string {
  if (cents === null) return '–';
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
}

/** A horizontal bar chart as inline SVG with a title and description; the same figures are in the table next to it. */
function barChart(id: string, label: string, bars: { label: string; value: number; highlight?: boolean }[], format: (v: number) => string): string {
  if (bars.length === 0) return '';
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  const row = 28;
  const height = bars.length * row + 8;
  const summary = bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ');
  const items = bars
    .map((b, i) => {
      const width = Math.max(1, Math.round((b.value / max) * 420));
      const y = i * row + 4;
      return `<g><rect x="260" y="${y}" width="${width}" height="20" fill="${b.highlight ? '#0b5394' : '#5b6770'}"></rect><text x="252" y="${y + 15}" text-anchor="end" font-size="13" fill="#1b1b1b">${esc(b.label.length > 36 ? `${b.label.slice(0, 35)}…` : b.label)}</text><text x="${266 + width}" y="${y + 15}" font-size="13" fill="#1b1b1b">${esc(format(b.value))}</text></g>`;
    })
    .join('');
  return `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 760 ${height}" width="100%" style="max-width:760px" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${esc(label)}</title><desc id="${id}-d">${esc(summary)}</desc>${items}</svg>`;
}

/** The public results page: status, plans, result with explanations, turnout and representativeness. */
export function renderPublicRound(view: PublicRoundView, lang: Lang, path: string): string {
  const t = TEXT[lang];
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const phase = t.phases[view.phase] ?? view.phase;
  const resultSection = (() => {
    if (view.results.length === 0) {
      const interim = view.interim && view.interim.length > 0
        ? `<h3>${esc(t.interim)}</h3>${barChart('interim', t.chartVotes(t.interim), view.interim.map((p) => ({ label: p.title, value: p.ballots })), (v) => String(v))}`
        : '';
      return `<p>${esc(view.votingRuns ? t.hiddenWhileVoting : t.noResult)}</p>${interim}`;
    }
    const winners = view.results.filter((r) => r.selected).map((r) => r.title).join(', ');
    const chart = view.results.some((r) => r.votes !== null)
      ? barChart('votes', t.chartVotes(`${t.selected}: ${winners}`), view.results.map((r) => ({ label: r.title, value: r.votes ?? 0, highlight: r.selected })), (v) => String(v))
      : '';
    const rows = view.results
      .map((r) => `<tr><th scope="row">${esc(r.title)}</th><td>${esc(r.selected ? t.selected : t.notSelected)}</td><td class="num">${esc(r.votes ?? '–')}</td><td class="num">${esc(euros(r.amountCents, lang))}</td><td>${esc(r.reason ? explain(r.reason, lang) : r.explanation)}</td></tr>`)
      .join('');
    return `${chart}<table id="results"><caption>${esc(t.results)}</caption><thead><tr><th scope="col">${esc(t.plan)}</th><th scope="col">${esc(t.results)}</th><th scope="col">${esc(t.votes)}</th><th scope="col">${esc(t.budget)}</th><th scope="col">${esc(t.why)}</th></tr></thead><tbody>${rows}</tbody></table>`;
  })();
  const fairness =
    view.fairness && typeof view.fairness.shareWithFundedPlan === 'string'
      ? `<h3>${esc(t.fairness)}</h3><p>${esc(t.share)}: <strong>${esc(pct(Number(view.fairness.shareWithFundedPlan.includes('/') ? eval0(view.fairness.shareWithFundedPlan) : view.fairness.shareWithFundedPlan)))}</strong></p>`
      : '';
  const plans = view.plans
    .map((p) => {
      const verdicts = p.verdicts.length > 0 ? `<ul>${p.verdicts.map((v) => `<li>${esc(v.criterion)}: ${esc(v.outcome === 'met' ? '✓' : '✗')} ${esc(v.reason)}</li>`).join('')}</ul>` : '';
      return `<tr><th scope="row">${esc(p.title)}</th><td>${esc(p.areaName ?? p.area ?? '–')}</td><td class="num">${esc(euros(p.costCents, lang))}</td><td>${esc(p.feasibility ? (t.feasibilities[p.feasibility] ?? p.feasibility) : '–')}${verdicts}</td></tr>`;
    })
    .join('');
  const turnout = view.turnout
    ? (() => {
        const tu = view.turnout;
        const area = (g: TurnoutGroup) => `<tr><th scope="row">${esc(g.name ?? (g.group || '–'))}</th><td class="num">${esc(g.ballots ?? '–')}</td><td class="num">${esc(g.population)}</td><td class="num">${esc(g.index === null ? '–' : g.index.toFixed(2))}</td></tr>`;
        const indexed = tu.byArea.filter((g) => g.index !== null);
        return `<p id="turnout-line">${esc(t.turnoutLine(tu.ballots, tu.eligible))}</p>
${barChart('areas', t.chartArea(t.representativeness), indexed.map((g) => ({ label: g.name ?? g.group, value: g.index! })), (v) => v.toFixed(2))}
<table><caption>${esc(t.byArea)}</caption><thead><tr><th scope="col">${esc(t.area)}</th><th scope="col">${esc(t.voters)}</th><th scope="col">${esc(t.population)}</th><th scope="col">${esc(t.representativeness)}</th></tr></thead><tbody>${tu.byArea.map(area).join('')}</tbody></table>
<table><caption>${esc(t.byChannel)}</caption><thead><tr><th scope="col">${esc(t.channel)}</th><th scope="col">${esc(t.voters)}</th></tr></thead><tbody>${tu.byChannel.map((c) => `<tr><th scope="row">${esc(t.channels[c.channel] ?? c.channel)}</th><td class="num">${esc(c.ballots)}</td></tr>`).join('')}</tbody></table>
${tu.byAgeBand.length > 0 ? `<table><caption>${esc(t.byAge)}</caption><thead><tr><th scope="col">${esc(t.age)}</th><th scope="col">${esc(t.voters)}</th><th scope="col">${esc(t.population)}</th><th scope="col">${esc(t.representativeness)}</th></tr></thead><tbody>${tu.byAgeBand.map(area).join('')}</tbody></table>` : ''}
<p>${esc(t.source(tu.populationSource))}</p>`;
      })()
    : `<p>${esc(t.hiddenWhileVoting)}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(view.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;margin:0;line-height:1.5}
main,header{max-width:60rem;margin:0 auto;padding:0 1rem}
a{color:#0b4f8a}a:focus,button:focus{outline:3px solid #c25100;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #767676;padding:.4rem;text-align:left;vertical-align:top}td.num{text-align:right;font-variant-numeric:tabular-nums}
code.digest,pre{word-break:break-all;overflow-wrap:anywhere}pre{white-space:pre-wrap;background:#f3f3f3;padding:.5rem}
</style>
</head>
<body>
<a class="skip" href="#main">${esc(t.skip)}</a>
<header><p><a href="${esc(path)}?lang=${other}" lang="${other}" hreflang="${other}">${esc(t.other)}</a></p><h1>${esc(view.title)}</h1></header>
<main id="main" tabindex="-1">
<section aria-labelledby="h-status"><h2 id="h-status">${esc(t.status)}</h2>
<dl><dt>${esc(t.phase)}</dt><dd id="phase">${esc(phase)}</dd><dt>${esc(t.budget)}</dt><dd>${esc(euros(view.budgetCents, lang))}</dd></dl></section>
<section aria-labelledby="h-results"><h2 id="h-results">${esc(t.results)}</h2>${resultSection}${fairness}</section>
<section aria-labelledby="h-turnout"><h2 id="h-turnout">${esc(t.turnout)}</h2>${turnout}</section>
<section aria-labelledby="h-plans"><h2 id="h-plans">${esc(t.plans)}</h2>
<table><caption>${esc(t.plans)}</caption><thead><tr><th scope="col">${esc(t.plan)}</th><th scope="col">${esc(t.area)}</th><th scope="col">${esc(t.cost)}</th><th scope="col">${esc(t.feasibility)}</th></tr></thead><tbody>${plans}</tbody></table></section>
<section aria-labelledby="h-seals"><h2 id="h-seals">${esc(t.seals)}</h2>${sealSection(view, lang)}</section>
</main>
</body>
</html>`;
}

/** `n/d` exact fractions from the tally as a number. */
function eval0(fraction: string): number {
  const [n, d] = fraction.split('/').map(Number);
  return d ? n! / d : Number(n);
}
