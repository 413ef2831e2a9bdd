import type { RoundRecord } from './round-record.js';

/** The record as a sequence of blocks: one source for the Markdown and the PDF, so they never say different things. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] }
  | { kind: 'code'; lines: string[] };

const RULE_NAMES: Record<string, string> = {
  greedy: 'greedy (meeste stemmen eerst, overslaan wat niet past)',
  'greedy-no-skip': 'greedy zonder overslaan (stopt bij het eerste plan dat niet past)',
  'greedy-threshold': 'greedy met drempel',
  'greedy-reserve': 'greedy zonder overslaan, aangevuld uit de reserve (het plan waar de telling stopt)',
  equalshares: 'Equal Shares (Method of Equal Shares)',
  'equalshares/add1': 'Equal Shares met aanvulling (add1)',
  'equalshares/add1-comparison': 'Equal Shares met aanvulling, vergeleken met greedy',
  phragmen: 'sequentiële Phragmén',
};

function money(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('nl-NL', { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** greedy-reserve's terms: the share of the plan the budget left must cover, and the reserve beside the budget. */
function reserveText(f: { reservePercent?: number; reserveCents?: number }, currency: string): string {
  if (f.reservePercent === undefined) return '';
  const amount = f.reserveCents !== undefined ? `reserve ${money(f.reserveCents, currency)} naast het budget` : 'reserve naast het budget zonder vast bedrag';
  return `, aanvulling als het restant minstens ${f.reservePercent}% van het plan dekt (${amount})`;
}

/** How the record names money and plans: in the frame's currency, a plan by its name and id. */
interface Wording {
  currency: string;
  plan: (id: string) => string;
}

/** The record of a round, block by block, in Dutch (it is the municipality's official record). */
export function recordBlocks(record: RoundRecord): Block[] {
  const currency = record.frame?.currency ?? 'EUR';
  const nameOf = new Map((record.frame?.plans ?? []).map((p) => [p.planId, p.name ?? p.planId]));
  const plan = (id: string) => (nameOf.get(id) && nameOf.get(id) !== id ? `${nameOf.get(id)} (${id})` : id);
  const wording: Wording = { currency, plan };
  return [
    ...introBlocks(record),
    ...frameBlocks(record, wording),
    ...historyBlocks(record),
    ...turnoutBlocks(record),
    ...resultBlocks(record, wording),
    ...recountBlocks(record, wording),
    ...sealBlocks(record),
    ...selfCheckBlocks(record),
  ];
}

/** The title and which round, municipality and phase the record is about. */
function introBlocks(record: RoundRecord): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'title', text: `Proces-verbaal: ${record.title}` });
  blocks.push({
    kind: 'list',
    items: [
      `Ronde: ${record.roundId}`,
      `Gemeente: ${record.tenant ?? 'onbekend'}`,
      ...(record.form ? [`Vorm: ${record.form}`] : []),
      ...(record.phase ? [`Fase: ${record.phase}`] : []),
      `Opgemaakt: ${record.generatedAt} uit de event store alleen (npm run audit -- report)`,
    ],
  });
  return blocks;
}

/** 1. The frozen frame and the decisions the round rests on. */
function frameBlocks(record: RoundRecord, { currency }: Wording): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', text: '1. Kader' });
  if (record.frame) {
    const f = record.frame;
    const ballot = [`stemvorm ${f.ballot.type}`];
    if (f.ballot.minPlans !== undefined) ballot.push(`minimaal ${f.ballot.minPlans} plannen`);
    if (f.ballot.maxPlans !== undefined) ballot.push(`maximaal ${f.ballot.maxPlans} plannen`);
    if (f.ballot.costCapCents !== undefined) ballot.push(`samen hooguit ${money(f.ballot.costCapCents, currency)}`);
    if (f.ballot.points !== undefined) ballot.push(`${f.ballot.points} punten`);
    if (f.ballot.rankingLength !== undefined) ballot.push(`rangorde van ${f.ballot.rankingLength}`);
    blocks.push({
      kind: 'list',
      items: [
        `Budget: ${f.budgetId}, kaderversie ${f.frameVersion} (bevroren in de stembus)`,
        `Bedrag: ${money(f.amountCents, currency)}${f.areaBudgets.length > 0 ? `, waarvan per gebied apart geteld: ${f.areaBudgets.map((a) => `${a.areaCode} ${money(a.amountCents, currency)}`).join(', ')}` : ''}`,
        `Telregel: ${RULE_NAMES[f.rule] ?? f.rule}${f.thresholdVotes !== undefined ? `, drempel ${f.thresholdVotes} stemmen` : ''}${reserveText(f, currency)}`,
        `Bij gelijke stand: ${[...f.tieBreak, 'plannummer'].join(', daarna ')}${f.seed !== undefined ? ` (loting met zaad ${f.seed})` : ''}`,
        `Stembiljet: ${ballot.join(', ')}`,
        `Plannen op het stembiljet: ${f.plans.length}`,
      ],
    });
  } else {
    blocks.push({ kind: 'paragraph', text: 'Deze ronde heeft geen stembus: er is niet gestemd.' });
  }
  if (record.decisions.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Besluiten waarop de ronde rust:' });
    blocks.push({ kind: 'table', header: ['Besluit', 'Kenmerk', 'Datum', 'Reden'], rows: record.decisions.map((d) => [d.what, d.reference, d.at.slice(0, 10), d.reason ?? '']), widths: [3, 3, 2, 4] });
  }
  return blocks;
}

/** 2. Every decision and fact in order. */
function historyBlocks(record: RoundRecord): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', text: '2. Verloop (besluiten en feiten)' });
  blocks.push({
    kind: 'table',
    header: ['Tijd', 'Wie', 'Wat', 'Stroom', 'Positie', 'Reden / kenmerk'],
    rows: record.history.map((e) => [e.at, `${e.actor} (${e.role})`, e.type, `${e.streamName}@${e.revision}`, e.position, [e.reason, e.decisionReference].filter(Boolean).join(' | ')]),
    widths: [3, 2.5, 3, 4, 2, 3.5],
  });
  return blocks;
}

/** 3. Turnout. */
function turnoutBlocks(record: RoundRecord): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', text: '3. Opkomst' });
  if (record.turnout) {
    const t = record.turnout;
    blocks.push({ kind: 'paragraph', text: `${t.ballots} geldige stemmen van ${t.eligible} stemgerechtigden${t.percentage !== null ? ` (${t.percentage}%)` : ''}; ${t.registered} deelnemers geregistreerd.` });
  } else {
    blocks.push({ kind: 'paragraph', text: 'Geen stembus, dus geen opkomst.' });
  }
  return blocks;
}

/** 4. The published result, its explanation and its corrections. */
function resultBlocks(record: RoundRecord, { currency, plan }: Wording): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', text: '4. Uitslag' });
  const result = record.result;
  if (!result) {
    blocks.push({ kind: 'paragraph', text: 'Er is (nog) geen uitslag gepubliceerd.' });
  } else {
    blocks.push({
      kind: 'paragraph',
      text:
        result.type === 'ResultCorrected'
          ? `Uitslag na correctie ${result.correction} (${result.at}): ${result.reason ?? ''}${result.decision ? ` [${[result.decision.body, result.decision.number, result.decision.date].join(' ')}]` : ''}`
          : `Gepubliceerde uitslag (${result.at}).`,
    });
    blocks.push({ kind: 'paragraph', text: `Gekozen plannen (${result.winners.length}, samen ${money(result.totalCents, currency)}):` });
    blocks.push({ kind: 'table', header: ['Plan', 'Bedrag'], rows: result.winners.map((w) => [plan(w.proposalId), money(w.amountCents, currency)]), widths: [6, 2] });
    blocks.push({ kind: 'paragraph', text: 'Toelichting per plan:' });
    blocks.push({
      kind: 'table',
      header: ['Plan', 'Gekozen', 'Stemmen', 'Toelichting'],
      rows: result.explanation.map((o) => [plan(o.proposalId), o.selected ? 'ja' : 'nee', o.votes === undefined ? '' : String(o.votes), o.explanation]),
      widths: [3.5, 1.2, 1.3, 6],
    });
    const corrections = record.results.filter((r) => r.type === 'ResultCorrected');
    if (corrections.length > 0) {
      blocks.push({ kind: 'paragraph', text: 'Correcties van de uitslag:' });
      blocks.push({
        kind: 'list',
        items: corrections.map((c) => `Correctie ${c.correction} (${c.at}): ${c.reason ?? ''}${c.decision ? ` [${[c.decision.body, c.decision.number, c.decision.date].join(' ')}]` : ''}; gekozen: ${c.winners.map((w) => w.proposalId).join(', ')}`),
      });
    }
  }
  return blocks;
}

/** 4. (continued) The recount with the frozen rule, compared with the result that stands. */
function recountBlocks(record: RoundRecord, { plan }: Wording): Block[] {
  const blocks: Block[] = [];
  if (record.recount && record.recount.published === null) {
    blocks.push({ kind: 'paragraph', text: `Hertelling: ${record.recount.ballots} stembiljetten geteld met de bevroren telregel (${record.recount.rule}); gekozen zouden zijn: ${record.recount.recount.winners.map(plan).join(', ') || 'geen'}. Er is geen gepubliceerde uitslag om mee te vergelijken.` });
  } else if (record.recount) {
    const r = record.recount;
    blocks.push({
      kind: 'paragraph',
      text: r.match
        ? `Hertelling: ${r.ballots} stembiljetten opnieuw geteld met de bevroren telregel (${r.rule}); de uitkomst komt plan voor plan overeen met de uitslag die er nu staat.`
        : `Hertelling: ${r.ballots} stembiljetten opnieuw geteld met de bevroren telregel (${r.rule}); de uitkomst WIJKT AF bij: ${r.mismatched.join(', ')}.`,
    });
  } else if (record.recountUnavailable) {
    blocks.push({ kind: 'paragraph', text: `Hertelling niet mogelijk: ${record.recountUnavailable}` });
  }
  const reserveUsed = record.recount?.recount.reserveUsed;
  if (reserveUsed !== undefined) {
    const unit = record.frame?.countingUnitCents ?? 100;
    blocks.push({ kind: 'paragraph', text: `Uit de reserve naast het budget betaald: ${reserveUsed} (in telleenheden van ${unit} cent); dat bedrag telt niet mee in het budget.` });
  }
  return blocks;
}

/** 5. The seals and the check of the hash chains. */
function sealBlocks(record: RoundRecord): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', text: '5. Zegels' });
  if (record.seals.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'De ronde is nog niet verzegeld.' });
  } else {
    blocks.push({
      kind: 'list',
      items: record.seals.map(
        (s, i) =>
          `Zegel ${i + 1}, ${s.sealedAt}${s.phase ? ` (fase ${s.phase})` : ''}: sha256 ${s.digest} over ${s.events} events in ${s.streams} stromen tot positie ${s.upTo}; ${s.verified ? 'klopt nog' : 'KLOPT NIET MEER'}`,
      ),
    });
  }
  const v = record.verification;
  blocks.push({
    kind: 'paragraph',
    text: v.ok
      ? `Controle van de hashketens: alle ${v.events} events in ${v.streams} stromen van de ronde en ${v.seals} zegel(s) kloppen.`
      : `Controle van de hashketens: ${v.breaks.length} BREUK(EN): ${v.breaks.map((b) => `${b.streamName} revisie ${b.revision}: ${b.problem}`).join('; ')}.`,
  });
  return blocks;
}

/** 6. How a reader checks it all again. */
function selfCheckBlocks(record: RoundRecord): Block[] {
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', text: '6. Zelf controleren' });
  blocks.push({
    kind: 'paragraph',
    text:
      'Elk event draagt een hash over zijn inhoud en de hash van het vorige event in zijn stroom; een zegel is de sha256 over de laatste hash van elke stroom van de ronde. ' +
      'Vergelijk de digest hierboven met de digest die de raad publiceerde en voer met leesrechten op (een kopie van) de event store uit:',
  });
  blocks.push({ kind: 'code', lines: record.commands });
  blocks.push({ kind: 'paragraph', text: 'Exitcode 0: alles klopt; 1: iets wijkt af (de uitvoer noemt stroom, revisie en event, of de afwijkende plannen).' });
  return blocks;
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The record as Markdown. */
export function recordMarkdown(record: RoundRecord): string {
  const lines: string[] = [];
  for (const block of recordBlocks(record)) {
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

/** The record as a PDF (A4, Helvetica), rendered from the same blocks as the Markdown. */
export async function recordPdf(record: RoundRecord): Promise<Buffer> {
  // Loaded here: the API imports this library for the seal and needs no PDF writer.
  const { default: PDFDocument } = await import('pdfkit');
  const generated = new Date(record.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: pdfText(`Proces-verbaal ${record.title}`), Subject: `Round ${record.roundId}`, Creator: 'inwonersbudget audit', CreationDate: generated, ModDate: generated },
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

  for (const block of recordBlocks(record)) {
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
    doc.font('Helvetica').fontSize(7).text(pdfText(`Proces-verbaal ronde ${record.roundId}, pagina ${i + 1} van ${pages.count}`), left, doc.page.height - 35, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
