import { ObjectionLetterNotAvailableError } from '../../proposal.errors.js';
import { currentVersion, type ExistingProposal, type Objection } from '../../proposal.state.js';
import { beroepTermEndsOn } from '../objection.deadlines.js';
import { requireObjection } from '../objection.rules.js';

/** The letters of the objection procedure, by the name the route uses. */
export const OBJECTION_LETTERS = ['ontvangstbevestiging', 'uitnodiging-hoorzitting', 'beslissing-op-bezwaar'] as const;
export type ObjectionLetter = (typeof OBJECTION_LETTERS)[number];
export type LetterLang = 'nl' | 'en';

/** A letter as blocks: one source for the Markdown and the PDF, so they never say different things. */
export type LetterBlock = { kind: 'title'; text: string } | { kind: 'meta'; lines: string[] } | { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string };

export interface Letter {
  kind: ObjectionLetter;
  lang: LetterLang;
  title: string;
  blocks: LetterBlock[];
}

const LOCALE: Record<LetterLang, string> = { nl: 'nl-NL', en: 'en-GB' };

function words(lang: LetterLang) {
  const day = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' });
  const dayInAmsterdam = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
  const moment = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const euros = new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'EUR' });
  return {
    /** A calendar date (YYYY-MM-DD). */
    date: (date: string) => day.format(new Date(`${date}T00:00:00Z`)),
    /** The Amsterdam day of an instant (a deadline, a letter's day). */
    dayOf: (iso: string) => dayInAmsterdam.format(new Date(iso)),
    moment: (iso: string) => moment.format(new Date(iso)),
    money: (cents: number) => euros.format(cents / 100),
  };
}

function salutation(lang: LetterLang, name: string | null): string {
  if (lang === 'en') return name === null ? 'Dear Sir or Madam,' : `Dear ${name},`;
  return name === null ? 'Geachte heer of mevrouw,' : `Beste ${name},`;
}

function closing(lang: LetterLang, body: string): LetterBlock[] {
  return [{ kind: 'paragraph', text: lang === 'nl' ? `Met vriendelijke groet,\n\nnamens het ${body}` : `Yours sincerely,\n\non behalf of the ${body}` }];
}

/** Who decided the contested beschikking: the body bezwaar goes to. */
function body(plan: ExistingProposal): string {
  return plan.beschikking?.appeal.route === 'bezwaar' ? plan.beschikking.appeal.addressedTo : 'college van burgemeester en wethouders';
}

function meta(lang: LetterLang, objection: Objection, date: string, title: string): LetterBlock {
  return {
    kind: 'meta',
    lines: lang === 'nl'
      ? [`Datum: ${date}`, `Ons kenmerk: ${objection.objectionId}`, `Onderwerp: ${title}`, `Besluit waartegen u bezwaar maakt: ${objection.contestedDecision}`]
      : [`Date: ${date}`, `Our reference: ${objection.objectionId}`, `Subject: ${title}`, `Decision objected to: ${objection.contestedDecision}`],
  };
}

function receipt(plan: ExistingProposal, objection: Objection, lang: LetterLang, name: string | null): Letter {
  const w = words(lang);
  const plan_ = currentVersion(plan).title;
  const decisionDate = plan.beschikking?.decisionDate;
  const nl = lang === 'nl';
  const title = nl ? 'Ontvangstbevestiging bezwaarschrift' : 'Acknowledgement of your objection';
  const blocks: LetterBlock[] = [
    { kind: 'title', text: title },
    meta(lang, objection, w.dayOf(objection.lodgedAt), title),
    { kind: 'paragraph', text: salutation(lang, name) },
    {
      kind: 'paragraph',
      text: nl
        ? `Op ${w.date(objection.receivedOn)} hebben wij uw bezwaarschrift ontvangen. U maakt bezwaar tegen ons besluit${decisionDate ? ` van ${w.date(decisionDate)}` : ''} over uw aanvraag "${plan_}" (kenmerk ${objection.contestedDecision}). Met deze brief laten wij u weten dat uw bezwaar bij ons binnen is.`
        : `On ${w.date(objection.receivedOn)} we received your objection. You object to our decision${decisionDate ? ` of ${w.date(decisionDate)}` : ''} on your application "${plan_}" (reference ${objection.contestedDecision}). This letter confirms that we have it.`,
    },
    { kind: 'heading', text: nl ? 'Op tijd?' : 'In time?' },
    {
      kind: 'paragraph',
      text: objection.inTime
        ? nl
          ? `U hebt uw bezwaar op tijd ingediend. De termijn liep tot en met ${w.date(objection.termEndsOn)}.`
          : `You lodged your objection in time. The term ran until and including ${w.date(objection.termEndsOn)}.`
        : nl
          ? `Uw bezwaar kwam na de termijn binnen. Die liep tot en met ${w.date(objection.termEndsOn)}. Wij kijken of u een goede reden had om later te zijn. Hebt u die niet, dan kunnen wij uw bezwaar niet behandelen. U mag ons uw reden schrijven.`
          : `Your objection arrived after the term, which ran until and including ${w.date(objection.termEndsOn)}. We will consider whether you had a good reason to be late. If not, we cannot deal with your objection. You may write to us with your reason.`,
    },
    { kind: 'heading', text: nl ? 'Wat gebeurt er nu?' : 'What happens next?' },
    {
      kind: 'paragraph',
      text: nl
        ? 'Wij kijken opnieuw naar ons besluit. Meestal nodigen wij u uit voor een gesprek: de hoorzitting. Daar kunt u uw bezwaar toelichten. U krijgt daarover een aparte brief.'
        : 'We will look at our decision again. Usually we invite you to a hearing, where you can explain your objection. You will receive a separate letter about it.',
    },
    {
      kind: 'paragraph',
      text: nl
        ? `Wij beslissen uiterlijk op ${w.dayOf(objection.decisionDueBy)}. Hebben wij meer tijd nodig, dan laten wij u dat op tijd weten.`
        : `We will decide by ${w.dayOf(objection.decisionDueBy)} at the latest. If we need more time, we will tell you in good time.`,
    },
    ...closing(lang, body(plan)),
  ];
  return { kind: 'ontvangstbevestiging', lang, title, blocks };
}

function invitation(plan: ExistingProposal, objection: Objection, lang: LetterLang, name: string | null): Letter {
  const { hearing } = objection;
  if (hearing.status !== 'scheduled') throw new ObjectionLetterNotAvailableError('No hearing is scheduled', { letter: 'uitnodiging-hoorzitting', hearing: hearing.status });
  const w = words(lang);
  const nl = lang === 'nl';
  const title = nl ? 'Uitnodiging hoorzitting over uw bezwaar' : 'Invitation to the hearing on your objection';
  const blocks: LetterBlock[] = [
    { kind: 'title', text: title },
    meta(lang, objection, w.dayOf(hearing.invitedAt), title),
    { kind: 'paragraph', text: salutation(lang, name) },
    {
      kind: 'paragraph',
      text: nl
        ? `U hebt bezwaar gemaakt tegen ons besluit over uw aanvraag "${currentVersion(plan).title}". Wij nodigen u uit om uw bezwaar mondeling toe te lichten. Dat gebeurt in een hoorzitting.`
        : `You objected to our decision on your application "${currentVersion(plan).title}". We invite you to explain your objection in person, at a hearing.`,
    },
    { kind: 'heading', text: nl ? 'Wanneer en waar?' : 'When and where?' },
    { kind: 'meta', lines: nl ? [`Datum en tijd: ${w.moment(hearing.hearingAt)}`, `Plaats: ${hearing.location}`] : [`Date and time: ${w.moment(hearing.hearingAt)}`, `Place: ${hearing.location}`] },
    { kind: 'heading', text: nl ? 'Goed om te weten' : 'Good to know' },
    {
      kind: 'paragraph',
      text: nl
        ? 'U mag iemand meenemen, bijvoorbeeld een familielid of een adviseur. Tot een week voor de hoorzitting kunt u de stukken over uw bezwaar inzien. U mag ook nieuwe stukken sturen, tot tien dagen voor de hoorzitting. Van de hoorzitting maken wij een verslag.'
        : 'You may bring someone, for example a relative or an adviser. Until a week before the hearing you can read the documents on your objection. You may also send new documents, up to ten days before the hearing. We make a report of the hearing.',
    },
    {
      kind: 'paragraph',
      text: nl
        ? 'Kunt u niet komen, of wilt u niet gehoord worden? Laat het ons dan zo snel mogelijk weten. Noem daarbij ons kenmerk.'
        : 'If you cannot come, or do not wish to be heard, please let us know as soon as possible, quoting our reference.',
    },
    ...closing(lang, body(plan)),
  ];
  return { kind: 'uitnodiging-hoorzitting', lang, title, blocks };
}

function decisionLetter(plan: ExistingProposal, objection: Objection, lang: LetterLang, name: string | null): Letter {
  const decision = objection.decision;
  if (decision === null) throw new ObjectionLetterNotAvailableError('The objection has not been decided', { letter: 'beslissing-op-bezwaar' });
  const w = words(lang);
  const nl = lang === 'nl';
  const contested = objection.contestedDecision;
  const title = nl ? 'Beslissing op uw bezwaar' : 'Decision on your objection';
  const outcome = {
    gegrond: nl
      ? `Uw bezwaar is gegrond. Dat betekent dat u gelijk krijgt. Wij trekken ons besluit ${contested} in.${decision.revised ? ` In de plaats daarvan krijgt u een subsidie van ${w.money(decision.revised.amountCents)}.` : ''}`
      : `Your objection is upheld (gegrond). We withdraw our decision ${contested}.${decision.revised ? ` In its place you are granted a subsidy of ${w.money(decision.revised.amountCents)}.` : ''}`,
    ongegrond: nl ? `Uw bezwaar is ongegrond. Dat betekent dat ons besluit ${contested} blijft staan.` : `Your objection is dismissed (ongegrond). Our decision ${contested} stands.`,
    'niet-ontvankelijk': nl
      ? 'Uw bezwaar is niet-ontvankelijk. Dat betekent dat wij uw bezwaar niet inhoudelijk kunnen behandelen.'
      : 'Your objection is inadmissible (niet-ontvankelijk). This means we cannot consider its merits.',
  }[decision.outcome];
  const { hearing } = objection;
  const hearingText =
    hearing.status === 'held'
      ? nl
        ? `Op ${w.dayOf(hearing.heardAt)} hebben wij u gehoord over uw bezwaar.`
        : `On ${w.dayOf(hearing.heardAt)} we heard you on your objection.`
      : hearing.status === 'skipped'
        ? nl
          ? `Wij hebben u niet gehoord. ${{ 'kennelijk-niet-ontvankelijk': 'Uw bezwaar kon duidelijk niet worden behandeld.', 'kennelijk-ongegrond': 'Het was duidelijk dat uw bezwaar niet kon slagen.', afgezien: 'U hebt laten weten dat u niet gehoord wilde worden.', 'volledig-tegemoetgekomen': 'Wij geven u helemaal gelijk, en niemand anders wordt daardoor benadeeld.' }[hearing.ground]}`
          : `We did not hold a hearing. ${{ 'kennelijk-niet-ontvankelijk': 'Your objection clearly could not be considered.', 'kennelijk-ongegrond': 'It was clear that your objection could not succeed.', afgezien: 'You told us you did not wish to be heard.', 'volledig-tegemoetgekomen': 'We agree with you entirely, and nobody else is harmed by that.' }[hearing.ground]}`
        : '';
  const beroepEnds = beroepTermEndsOn(decision.decisionDate);
  const blocks: LetterBlock[] = [
    { kind: 'title', text: title },
    meta(lang, objection, w.date(decision.decisionDate), title),
    { kind: 'meta', lines: [nl ? `Kenmerk van deze beslissing: ${decision.decisionReference}` : `Reference of this decision: ${decision.decisionReference}`] },
    { kind: 'paragraph', text: salutation(lang, name) },
    {
      kind: 'paragraph',
      text: nl
        ? `Op ${w.date(objection.receivedOn)} ontvingen wij uw bezwaar tegen ons besluit over uw aanvraag "${currentVersion(plan).title}". Wij hebben dat besluit opnieuw bekeken. In deze brief leest u wat wij hebben besloten en waarom.`
        : `On ${w.date(objection.receivedOn)} we received your objection to our decision on your application "${currentVersion(plan).title}". We have reconsidered that decision. This letter tells you what we decided and why.`,
    },
    { kind: 'heading', text: nl ? 'Ons besluit' : 'Our decision' },
    { kind: 'paragraph', text: outcome },
    { kind: 'heading', text: nl ? 'Waarom?' : 'Why?' },
    { kind: 'paragraph', text: decision.reason },
    ...(hearingText === '' ? [] : [{ kind: 'paragraph' as const, text: hearingText }]),
    { kind: 'heading', text: nl ? 'Bent u het niet eens met deze beslissing?' : 'Do you disagree with this decision?' },
    {
      kind: 'paragraph',
      text: nl
        ? `Dan kunt u beroep instellen bij ${decision.beroep.addressedTo}. Dat moet binnen ${decision.beroep.periodWeeks} weken. Die termijn begint op de dag nadat wij deze brief hebben verstuurd. U hebt dus tot en met ${w.date(beroepEnds)}. Stuur uw beroepschrift naar de rechtbank, niet naar ons. Schrijf erin waarom u het niet eens bent en stuur een kopie van deze brief mee. De rechtbank vraagt griffierecht.`
        : `You can then appeal to the court (${decision.beroep.addressedTo}) within ${decision.beroep.periodWeeks} weeks, starting the day after we sent this letter: until and including ${w.date(beroepEnds)}. Send your appeal to the court, not to us, say why you disagree and enclose a copy of this letter. The court charges a fee.`,
    },
    ...closing(lang, body(plan)),
  ];
  return { kind: 'beslissing-op-bezwaar', lang, title, blocks };
}

/**
 * A letter of the objection procedure, in Dutch at B1 level (the municipality's letter) or in
 * English on request, from the plan's state only; `name` from the contact details when known.
 */
export function objectionLetter(plan: ExistingProposal, kind: ObjectionLetter, lang: LetterLang, name: string | null): Letter {
  const objection = requireObjection(plan);
  if (kind === 'ontvangstbevestiging') return receipt(plan, objection, lang, name);
  if (kind === 'uitnodiging-hoorzitting') return invitation(plan, objection, lang, name);
  return decisionLetter(plan, objection, lang, name);
}

/** The letter as Markdown. */
export function letterMarkdown(letter: Letter): string {
  const out: string[] = [];
  for (const block of letter.blocks) {
    if (block.kind === 'title') out.push(`# ${block.text}`);
    else if (block.kind === 'heading') out.push(`## ${block.text}`);
    else if (block.kind === 'meta') out.push(block.lines.join('  \n'));
    else out.push(block.text.replaceAll('\n', '  \n'));
  }
  return `${out.join('\n\n')}\n`;
}

/** What Helvetica (WinAnsi) can draw: accents kept, anything beyond replaced. */
function pdfText(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[^\u0020-\u00ff€–—‘’“”•…]/gu, (c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\u0020-\u00ff]/g, '?')))
    .join('\n');
}

/** The letter as a PDF (A4, Helvetica), from the same blocks as the Markdown. */
export async function letterPdf(letter: Letter, createdAt: Date): Promise<Buffer> {
  // Loaded here: only the letter routes need a PDF writer.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: pdfText(letter.title), Creator: 'inwonersbudget', CreationDate: createdAt, ModDate: createdAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const block of letter.blocks) {
    if (block.kind === 'title') doc.font('Helvetica-Bold').fontSize(15).text(pdfText(block.text), left, doc.y, { width }).moveDown(0.6);
    else if (block.kind === 'heading') doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11).text(pdfText(block.text), left, doc.y, { width }).moveDown(0.2);
    else if (block.kind === 'meta') doc.font('Helvetica').fontSize(10).text(pdfText(block.lines.join('\n')), left, doc.y, { width }).moveDown(0.6);
    else doc.font('Helvetica').fontSize(10.5).text(pdfText(block.text), left, doc.y, { width, lineGap: 2 }).moveDown(0.5);
  }
  doc.end();
  return done;
}
