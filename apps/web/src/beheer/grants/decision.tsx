import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { dateText, euros, type Problem, unwrap } from '../../common/api';
import { Alert, ErrorSummary, Fieldset, ProblemAlert, RadioField, TextAreaField, TextField, useProblemText } from '../../common/forms';
import { type Lang, type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { useCommand } from './command';
import {
  criteriaOf, currentVerdicts, deadlineOf, eurosInput, firstVersionOf, grantOf, intakeOf, isAdministrator, isDate, isReviewer, Item, loadProposal, parseEuros, type Proposal,
  requestedCents, type Round, RoundLinks, statusTexts, TableScroll, todayInAmsterdam, unmetCriteria, versionOf,
} from './common';
import { ObjectionSection } from './objection';

const texts = {
  nl: {
    title: 'Aanvraag',
    details: 'Gegevens van de aanvraag',
    status: 'Status',
    asked: 'Gevraagd bedrag',
    received: 'Ontvangen',
    area: 'Gebied',
    theme: 'Thema',
    summary: 'Beschrijving',
    contact: 'Contactpersoon',
    version: 'Versie',
    toImplementation: 'Naar uitvoering en betalingen',
    term: 'Beslistermijn',
    deadline: 'Beslissen vóór',
    fixedDate: 'Vaste datum van behandeling',
    period: 'Termijn',
    periodDays: '{n} dagen',
    extended: 'De termijn is al één keer verlengd.',
    overdue: 'De termijn is verlopen. U moet nog steeds beslissen.',
    daysLeft: 'Nog {n} dagen.',
    noTerm: 'Voor deze aanvraag geldt geen wettelijke beslistermijn.',
    extend: 'Termijn verlengen',
    extendIntro: 'U mag de termijn één keer verlengen, met ten hoogste {n} dagen. Laat de aanvrager weten waarom.',
    'f.days': 'Aantal dagen verlenging',
    'f.daysHelp': 'Leeg laten: het maximum van {n} dagen.',
    'f.extendReason': 'Reden van de verlenging',
    'f.extend': 'Termijn verlengen',
    'e.days': 'Vul een heel aantal dagen in, van 1 tot en met {n}.',
    'e.reason': 'Vul de reden in.',
    'p.passed': 'De termijn is al verlopen. Verlengen kan dan niet meer. Neem zo snel mogelijk een beslissing.',
    'p.already': 'De termijn is al verlengd. Dat kan maar één keer.',
    'p.noDeadline': 'Deze aanvraag heeft geen wettelijke beslistermijn.',
    'p.extension': 'Dit aantal dagen kan niet. Kies 1 tot en met {n}.',
    'p.reason': 'Vul de reden in.',
    'p.status': 'Dit kan niet meer bij de huidige status van de aanvraag. Laad de pagina opnieuw.',
    extendedOk: 'De beslistermijn is verlengd.',
    moderation: 'Controle van de aanvraag',
    moderationIntro: 'Een inwoner heeft deze aanvraag zelf ingediend. Controleer of hij openbaar mag worden.',
    'f.admit': 'Beslissing',
    'f.admitYes': 'Toelaten',
    'f.admitNo': 'Niet toelaten',
    'f.moderationReason': 'Reden',
    'f.moderationReasonHelp': 'Verplicht als u de aanvraag niet toelaat.',
    'f.moderate': 'Beslissing opslaan',
    'e.admit': 'Kies of u de aanvraag toelaat.',
    'e.moderationReason': 'Vul de reden in waarom u de aanvraag niet toelaat.',
    'p.notAwaiting': 'Deze aanvraag wacht niet (meer) op controle.',
    moderatedOk: 'De controle is opgeslagen.',
    review: 'Toetsing aan de regeling',
    reviewIntro: 'Een beoordelaar toetst de aanvraag aan elk criterium van de regeling. Pas als alle criteria zijn voldaan, kan de subsidie worden verleend.',
    reviewCaption: 'Criteria en oordelen voor versie {n}',
    criterion: 'Criterium',
    verdict: 'Oordeel',
    reason: 'Toelichting',
    'v.met': 'Voldaan',
    'v.not_met': 'Niet voldaan',
    'v.needs_revision': 'Aanpassing nodig',
    'v.none': 'Nog niet beoordeeld',
    allMet: 'Alle criteria zijn voldaan.',
    reviewForm: 'Uw oordeel geven',
    reviewFormIntro: 'Geef een oordeel over de criteria die u wilt beoordelen. Bij elk oordeel hoort een toelichting.',
    'f.verdictReason': 'Toelichting bij: {criterion}',
    'f.review': 'Oordelen opslaan',
    'e.verdictReason': 'Vul een toelichting in bij "{criterion}".',
    'e.noVerdict': 'Kies bij ten minste één criterium een oordeel.',
    'p.conflict': 'U heeft voor deze aanvraag een belangenconflict gemeld. Een andere beoordelaar moet dit doen.',
    'p.ownPlan': 'U heeft deze aanvraag zelf ingevoerd of ingediend. Een andere beoordelaar moet hem toetsen.',
    'p.awaitingRevision': 'De aanvrager past de aanvraag nog aan. Wacht op de nieuwe versie.',
    'p.criterion': 'Dit criterium hoort niet bij deze ronde.',
    reviewedOk: 'Uw oordelen zijn opgeslagen.',
    onlyReviewer: 'Alleen een beoordelaar kan de criteria toetsen.',
    beschikking: 'Beschikking',
    beschikkingIntro: 'Verleen of weiger de subsidie. De beschikking staat daarna vast. De aanvrager kan er bezwaar tegen maken.',
    'f.decision': 'Besluit',
    'f.grant': 'Subsidie verlenen',
    'f.refuse': 'Subsidie weigeren',
    'f.amount': 'Bedrag in euro',
    'f.amountHelp': 'Ten hoogste het gevraagde bedrag: {amount}. Nog beschikbaar onder het plafond: {remaining}.',
    'f.reference': 'Kenmerk van de beschikking',
    'f.referenceHelp': 'Het zaaknummer, bijvoorbeeld Z/26/000123.',
    'f.date': 'Datum van de beschikking',
    'f.reasonGrant': 'Motivering',
    'f.reasonHelp': 'Waarom deze beslissing? Dit staat in de beschikking.',
    'f.decide': 'Beschikking vastleggen',
    'e.decision': 'Kies of u de subsidie verleent of weigert.',
    'e.amount': 'Vul een bedrag in euro in dat groter is dan 0.',
    'e.amountAbove': 'Het bedrag is hoger dan het gevraagde bedrag ({amount}).',
    'e.reference': 'Vul het kenmerk van de beschikking in.',
    'e.date': 'Vul een geldige datum in.',
    'e.reasonGrant': 'Vul de motivering in.',
    'p.unmet': 'Nog niet alle criteria zijn voldaan: {list}. Laat een beoordelaar de aanvraag eerst toetsen.',
    'p.ceiling': 'Dit bedrag past niet meer onder het subsidieplafond. Nog beschikbaar: {remaining}. Er is niets vastgelegd.',
    'p.exceeds': 'Het bedrag is hoger dan wat de aanvrager vraagt.',
    'p.phase': 'De ronde neemt nu geen beslissingen over subsidie aan.',
    'p.dateMissing': 'Deze datum bestaat niet.',
    'p.amount': 'Vul een bedrag in hele centen in, groter dan 0.',
    'p.changed': 'De aanvraag is net gewijzigd. Laad de pagina opnieuw en controleer de gegevens.',
    decidedOk: 'De beschikking is vastgelegd.',
    granted: 'Subsidie verleend',
    refused: 'Subsidie geweigerd',
    amount: 'Verleend bedrag',
    reference: 'Kenmerk',
    date: 'Datum',
    motivation: 'Motivering',
    appeal: 'Bezwaar maken',
    appealText: 'Binnen {weeks} weken bij het {to}.',
    beroepText: 'Beroep binnen {weeks} weken bij de {to}.',
    late: 'Beslist na het verlopen van de termijn.',
    notYet: 'Er is nog geen beschikking.',
    onlyAdmin: 'Alleen een beheerder kan de beschikking vastleggen.',
    waitMore: 'Eerst moet de aanvraag getoetst zijn.',
  },
  en: {
    title: 'Application',
    details: 'Application details',
    status: 'Status',
    asked: 'Amount asked',
    received: 'Received',
    area: 'Area',
    theme: 'Theme',
    summary: 'Description',
    contact: 'Contact person',
    version: 'Version',
    toImplementation: 'Go to implementation and payments',
    term: 'Decision term',
    deadline: 'Decide by',
    fixedDate: 'Fixed intake date',
    period: 'Term',
    periodDays: '{n} days',
    extended: 'The term has already been extended once.',
    overdue: 'The term has passed. You must still decide.',
    daysLeft: '{n} days left.',
    noTerm: 'No statutory decision term applies to this application.',
    extend: 'Extend the term',
    extendIntro: 'You may extend the term once, by at most {n} days. Tell the applicant why.',
    'f.days': 'Days of extension',
    'f.daysHelp': 'Leave empty: the maximum of {n} days.',
    'f.extendReason': 'Reason for the extension',
    'f.extend': 'Extend the term',
    'e.days': 'Enter a whole number of days, from 1 to {n}.',
    'e.reason': 'Enter the reason.',
    'p.passed': 'The term has passed, so it can no longer be extended. Decide as soon as possible.',
    'p.already': 'The term has already been extended. That can be done only once.',
    'p.noDeadline': 'This application has no statutory decision term.',
    'p.extension': 'This number of days is not possible. Choose 1 to {n}.',
    'p.reason': 'Enter the reason.',
    'p.status': "This is no longer possible in the application's status. Reload the page.",
    extendedOk: 'The decision term has been extended.',
    moderation: 'Checking the application',
    moderationIntro: 'A resident submitted this application. Check whether it may be made public.',
    'f.admit': 'Decision',
    'f.admitYes': 'Admit',
    'f.admitNo': 'Do not admit',
    'f.moderationReason': 'Reason',
    'f.moderationReasonHelp': 'Required when you do not admit the application.',
    'f.moderate': 'Save decision',
    'e.admit': 'Choose whether you admit the application.',
    'e.moderationReason': 'Enter why you do not admit the application.',
    'p.notAwaiting': 'This application is not (or no longer) awaiting moderation.',
    moderatedOk: 'The moderation is saved.',
    review: 'Review against the scheme',
    reviewIntro: "A reviewer checks the application against each of the scheme's criteria. Only when all are met can the grant be awarded.",
    reviewCaption: 'Criteria and verdicts for version {n}',
    criterion: 'Criterion',
    verdict: 'Verdict',
    reason: 'Explanation',
    'v.met': 'Met',
    'v.not_met': 'Not met',
    'v.needs_revision': 'Revision needed',
    'v.none': 'Not reviewed yet',
    allMet: 'All criteria are met.',
    reviewForm: 'Give your verdict',
    reviewFormIntro: 'Give a verdict on the criteria you want to review. Each verdict needs an explanation.',
    'f.verdictReason': 'Explanation for: {criterion}',
    'f.review': 'Save verdicts',
    'e.verdictReason': 'Enter an explanation for "{criterion}".',
    'e.noVerdict': 'Choose a verdict for at least one criterion.',
    'p.conflict': 'You declared a conflict of interest for this application. Another reviewer must do this.',
    'p.ownPlan': 'You entered or submitted this application yourself. Another reviewer must review it.',
    'p.awaitingRevision': 'The applicant is still revising the application. Wait for the new version.',
    'p.criterion': 'This criterion is not part of this round.',
    reviewedOk: 'Your verdicts are saved.',
    onlyReviewer: 'Only a reviewer can review the criteria.',
    beschikking: 'Decision (beschikking)',
    beschikkingIntro: 'Award or refuse the grant. The decision is then final. The applicant can object to it.',
    'f.decision': 'Decision',
    'f.grant': 'Award the grant',
    'f.refuse': 'Refuse the grant',
    'f.amount': 'Amount in euros',
    'f.amountHelp': 'At most the amount asked: {amount}. Still available under the ceiling: {remaining}.',
    'f.reference': 'Reference of the decision',
    'f.referenceHelp': 'The case number, for example Z/26/000123.',
    'f.date': 'Date of the decision',
    'f.reasonGrant': 'Grounds',
    'f.reasonHelp': 'Why this decision? This goes into the decision letter.',
    'f.decide': 'Record the decision',
    'e.decision': 'Choose whether you award or refuse the grant.',
    'e.amount': 'Enter an amount in euros above 0.',
    'e.amountAbove': 'The amount is above the amount asked ({amount}).',
    'e.reference': 'Enter the reference of the decision.',
    'e.date': 'Enter a valid date.',
    'e.reasonGrant': 'Enter the grounds.',
    'p.unmet': 'Not all criteria are met yet: {list}. Have a reviewer review the application first.',
    'p.ceiling': 'This amount no longer fits under the subsidy ceiling. Still available: {remaining}. Nothing was recorded.',
    'p.exceeds': 'The amount is above what the applicant asks.',
    'p.phase': 'The round does not take grant decisions now.',
    'p.dateMissing': 'This date does not exist.',
    'p.amount': 'Enter an amount in whole cents, above 0.',
    'p.changed': 'The application has just changed. Reload the page and check the details.',
    decidedOk: 'The decision is recorded.',
    granted: 'Grant awarded',
    refused: 'Grant refused',
    amount: 'Amount granted',
    reference: 'Reference',
    date: 'Date',
    motivation: 'Grounds',
    appeal: 'Objecting',
    appealText: 'Within {weeks} weeks, to the {to}.',
    beroepText: 'Appeal within {weeks} weeks to the {to}.',
    late: 'Decided after the term had passed.',
    notYet: 'There is no decision yet.',
    onlyAdmin: 'Only an administrator can record the decision.',
    waitMore: 'The application must be reviewed first.',
  },
} satisfies Messages<string>;
type Key = keyof typeof texts.nl;
const messages = texts as Messages<Key>;

interface PlanRow {
  status: string;
  decisionReference: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedAfterDeadline: boolean;
}

const rowStatus = (status: Proposal['status']) => (status === 'implementing' ? 'in_implementation' : status);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The plans read model's row, once it has caught up with the plan's status (it follows the events a moment later). */
async function loadRow(proposalId: string, status: Proposal['status']): Promise<PlanRow | null> {
  let row: PlanRow | null = null;
  for (let i = 0; i < 15; i++) {
    row = (await unwrap(staffApi.GET('/read-models/plans/{proposalId}', { params: { path: { proposalId } } })).catch(() => null)) as PlanRow | null;
    if (row && row.status === rowStatus(status)) return row;
    await pause(200);
  }
  return row;
}

/** An application's page: its details, the decision term, moderation, the review, the beschikking and any objection. */
export function DecisionPage() {
  const { proposalId = '' } = useParams();
  const t = useT(messages);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  const loaded = useLoad(() => loadProposal(proposalId), [proposalId]);
  const plan = loaded.data?.plan;
  const title = plan ? `${t('title')}: ${versionOf(plan).title}` : t('title');
  usePageTitle(title, app('app'));
  const round = useLoad(() => (plan ? unwrap(staffApi.GET('/rounds/{roundId}', { params: { path: { roundId: plan.roundId } } })) : Promise.resolve(undefined)), [plan?.roundId]);
  const row = useLoad(() => (plan ? loadRow(proposalId, plan.status) : Promise.resolve(null)), [proposalId, plan?.status]);
  const [done, setDone] = useState<string | null>(null);
  const after = (message: string) => {
    setDone(message);
    loaded.reload();
    round.reload();
  };

  return (
    <div className="ib-stack">
      <PageHeading>{title}</PageHeading>
      {plan ? <RoundLinks roundId={plan.roundId} /> : null}
      <ProblemAlert problem={loaded.problem} />
      {loaded.loading && !plan ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {done ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
      {plan && loaded.data ? (
        <>
          <Details plan={plan} lang={lang} />
          {['granted', 'implementing', 'realised', 'partly_realised', 'cancelled'].includes(plan.status) ? (
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/plannen/${encodeURIComponent(plan.proposalId)}/uitvoering`}>
                {t('toImplementation')}
              </Link>
            </p>
          ) : null}
          <Term plan={plan} etag={loaded.data.etag} lang={lang} onDone={() => after(t('extendedOk'))} />
          {plan.status === 'awaiting_moderation' ? <Moderation plan={plan} etag={loaded.data.etag} onDone={() => after(t('moderatedOk'))} /> : null}
          <Review plan={plan} etag={loaded.data.etag} round={round.data} onDone={() => after(t('reviewedOk'))} />
          <Beschikking plan={plan} etag={loaded.data.etag} round={round.data} row={row.data ?? null} lang={lang} onDone={() => after(t('decidedOk'))} />
          <ObjectionSection plan={plan} />
        </>
      ) : null}
    </div>
  );
}

function Details({ plan, lang }: { plan: Proposal; lang: Lang }) {
  const t = useT(messages);
  const status = useT(statusTexts);
  const version = versionOf(plan);
  const contact = plan.contactDetails as { name?: string; email?: string; phone?: string } | undefined;
  return (
    <section aria-labelledby="details-heading">
      <h2 className="utrecht-heading-2" id="details-heading">
        {t('details')}
      </h2>
      <dl className="utrecht-data-list">
        <Item term={t('status')}>
          <span data-status={plan.status}>{status(plan.status)}</span>
        </Item>
        <Item term={t('asked')}>{euros(requestedCents(plan), lang)}</Item>
        <Item term={t('received')}>{dateText(firstVersionOf(plan).at, lang, true)}</Item>
        <Item term={t('area')}>{plan.areaId}</Item>
        <Item term={t('theme')}>{plan.themeId}</Item>
        <Item term={t('version')}>{version.number}</Item>
        <Item term={t('summary')}>{version.summary}</Item>
        {contact?.name ? <Item term={t('contact')}>{[contact.name, contact.email, contact.phone].filter(Boolean).join(', ')}</Item> : null}
      </dl>
    </section>
  );
}

function Term({ plan, etag, lang, onDone }: { plan: Proposal; etag: string; lang: Lang; onDone(): void }) {
  const t = useT(messages);
  const intake = intakeOf(plan);
  const deadline = deadlineOf(plan);
  const maxDays = intake.kind === 'round' ? 0 : intake.maxExtensionDays;
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const generic = useProblemText({
    'PROPOSAL.DECISION_DEADLINE_PASSED': t('p.passed'),
    'PROPOSAL.DEADLINE_ALREADY_EXTENDED': t('p.already'),
    'PROPOSAL.NO_DECISION_DEADLINE': t('p.noDeadline'),
    'PROPOSAL.INVALID_EXTENSION': t('p.extension', { n: maxDays }),
    'PROPOSAL.REASON_REQUIRED': t('p.reason'),
    'PROPOSAL.WRONG_STATUS': t('p.status'),
  });
  const command = useCommand(generic);
  if (intake.kind === 'round' || !deadline) {
    return (
      <section aria-labelledby="term-heading">
        <h2 className="utrecht-heading-2" id="term-heading">
          {t('term')}
        </h2>
        <p className="utrecht-paragraph">{t('noTerm')}</p>
      </section>
    );
  }
  const undecided = ['awaiting_moderation', 'submitted', 'revision_requested', 'selected'].includes(plan.status);
  const msLeft = Date.parse(deadline) - Date.now();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = [];
    const n = days.trim() ? (/^\d+$/.test(days.trim()) ? Number(days.trim()) : NaN) : null;
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > maxDays)) check.push({ field: 'extend-days', message: t('e.days', { n: maxDays }) });
    if (!reason.trim()) check.push({ field: 'extend-reason', message: t('e.reason') });
    const ok = await command.run(check, 'extend-form', () =>
      unwrap(
        staffApi.POST('/proposals/{proposalId}/decision-deadline-extension', {
          params: { path: { proposalId: plan.proposalId }, header: { 'If-Match': etag } },
          body: { reason: reason.trim(), ...(n !== null ? { extensionDays: n } : {}) },
        }),
      ),
    );
    if (ok) {
      setDays('');
      setReason('');
      onDone();
    }
  };
  return (
    <section aria-labelledby="term-heading" className="ib-stack">
      <h2 className="utrecht-heading-2" id="term-heading">
        {t('term')}
      </h2>
      <dl className="utrecht-data-list">
        <Item term={t('deadline')}>
          <span data-deadline={deadline}>{dateText(deadline, lang)}</span>
        </Item>
        <Item term={t('period')}>{t('periodDays', { n: intake.decisionPeriodDays })}</Item>
        {intake.kind === 'fixed-date' ? <Item term={t('fixedDate')}>{dateText(intake.intakeDate, lang)}</Item> : null}
      </dl>
      {plan.deadlineExtended ? <p className="utrecht-paragraph">{t('extended')}</p> : null}
      {undecided ? msLeft < 0 ? <Alert type="warning">{t('overdue')}</Alert> : <p className="utrecht-paragraph">{t('daysLeft', { n: Math.ceil(msLeft / 86_400_000) })}</p> : null}
      {undecided && !plan.deadlineExtended && msLeft >= 0 && isAdministrator() ? (
        <form id="extend-form" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack" aria-labelledby="extend-heading" data-problem={command.problemCode ?? undefined}>
          <h3 className="utrecht-heading-3" id="extend-heading">
            {t('extend')}
          </h3>
          <p className="utrecht-paragraph">{t('extendIntro', { n: maxDays })}</p>
          <ErrorSummary errors={command.errors} />
          <TextField id="extend-days" label={t('f.days')} description={t('f.daysHelp', { n: maxDays })} inputMode="numeric" value={days} onChange={setDays} error={command.error('extend-days')} />
          <TextAreaField id="extend-reason" label={t('f.extendReason')} value={reason} onChange={setReason} rows={3} error={command.error('extend-reason')} />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={command.sending}>
            {t('f.extend')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Moderation({ plan, etag, onDone }: { plan: Proposal; etag: string; onDone(): void }) {
  const t = useT(messages);
  const [admitted, setAdmitted] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand(useProblemText({ 'PROPOSAL.NOT_AWAITING_MODERATION': t('p.notAwaiting'), 'PROPOSAL.REASON_REQUIRED': t('e.moderationReason') }));
  if (!isAdministrator()) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = [];
    if (!admitted) check.push({ field: 'moderate-yes', message: t('e.admit') });
    if (admitted === 'no' && !reason.trim()) check.push({ field: 'moderate-reason', message: t('e.moderationReason') });
    const ok = await command.run(check, 'moderate-form', () =>
      unwrap(
        staffApi.POST('/proposals/{proposalId}/moderation', {
          params: { path: { proposalId: plan.proposalId }, header: { 'If-Match': etag } },
          body: { admitted: admitted === 'yes', ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      ),
    );
    if (ok) onDone();
  };
  return (
    <section aria-labelledby="moderation-heading" className="ib-stack">
      <h2 className="utrecht-heading-2" id="moderation-heading">
        {t('moderation')}
      </h2>
      <p className="utrecht-paragraph">{t('moderationIntro')}</p>
      <form id="moderate-form" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={command.errors} />
        <Fieldset id="moderate-choice" legend={t('f.admit')} error={command.error('moderate-yes')}>
          <RadioField id="moderate-yes" name="moderate" value="yes" label={t('f.admitYes')} checked={admitted === 'yes'} onChange={setAdmitted} />
          <RadioField id="moderate-no" name="moderate" value="no" label={t('f.admitNo')} checked={admitted === 'no'} onChange={setAdmitted} />
        </Fieldset>
        <TextAreaField id="moderate-reason" label={t('f.moderationReason')} description={t('f.moderationReasonHelp')} value={reason} onChange={setReason} rows={3} error={command.error('moderate-reason')} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={command.sending}>
          {t('f.moderate')}
        </button>
      </form>
    </section>
  );
}

function Review({ plan, etag, round, onDone }: { plan: Proposal; etag: string; round: Round | undefined; onDone(): void }) {
  const t = useT(messages);
  const texts = new Map(criteriaOf(round).map((c) => [c.id, c.text]));
  const latest = currentVerdicts(plan);
  const version = versionOf(plan).number;
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const command = useCommand(
    useProblemText({
      'PROPOSAL.REVIEWER_CONFLICT': t('p.conflict'),
      'PROPOSAL.REVIEWER_IS_SUBMITTER': t('p.ownPlan'),
      'PROPOSAL.AWAITING_REVISION': t('p.awaitingRevision'),
      'PROPOSAL.CRITERION_NOT_PUBLISHED': t('p.criterion'),
      'PROPOSAL.WRONG_STATUS': t('p.status'),
      'PROPOSAL.REASON_REQUIRED': t('e.reason'),
    }),
  );
  if (plan.publishedCriteria.length === 0) return null;
  const reviewable = ['submitted', 'selected'].includes(plan.status) && !plan.grant;
  const label = (id: string) => texts.get(id) ?? id;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = plan.publishedCriteria.filter((id) => outcomes[id]);
    const check = [];
    if (chosen.length === 0) check.push({ field: `verdict-${plan.publishedCriteria[0]}-met`, message: t('e.noVerdict') });
    for (const id of chosen) if (!reasons[id]?.trim()) check.push({ field: `verdict-${id}-reason`, message: t('e.verdictReason', { criterion: label(id) }) });
    const ok = await command.run(check, 'review-form', async () => {
      let ifMatch = etag;
      for (const id of chosen) {
        const answer = await unwrap(
          staffApi.POST('/proposals/{proposalId}/verdicts', {
            params: { path: { proposalId: plan.proposalId }, header: { 'If-Match': ifMatch } },
            body: { criterionId: id, outcome: outcomes[id] as 'met' | 'not_met' | 'needs_revision', reason: reasons[id]!.trim() },
          }),
        );
        ifMatch = `"${answer.revision}"`;
      }
    });
    if (ok) {
      setOutcomes({});
      setReasons({});
      onDone();
    }
  };
  const unmet = unmetCriteria(plan);
  return (
    <section aria-labelledby="review-heading" className="ib-stack">
      <h2 className="utrecht-heading-2" id="review-heading">
        {t('review')}
      </h2>
      <p className="utrecht-paragraph">{t('reviewIntro')}</p>
      <TableScroll>
        <table className="utrecht-table" id="verdicts">
          <caption className="utrecht-table__caption">{t('reviewCaption', { n: version })}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t('criterion')}</th>
              <th className="utrecht-table__header-cell" scope="col">{t('verdict')}</th>
              <th className="utrecht-table__header-cell" scope="col">{t('reason')}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {plan.publishedCriteria.map((id) => {
              const verdict = latest.get(id);
              return (
                <tr className="utrecht-table__row" key={id} data-criterion={id} data-outcome={verdict?.outcome ?? 'none'}>
                  <th className="utrecht-table__header-cell" scope="row">{label(id)}</th>
                  <td className="utrecht-table__cell">{verdict ? t(`v.${verdict.outcome}`) : t('v.none')}</td>
                  <td className="utrecht-table__cell">{verdict?.reason ?? '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {unmet.length === 0 ? <p className="utrecht-paragraph">{t('allMet')}</p> : null}
      {reviewable ? (
        isReviewer() ? (
          <form id="review-form" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack" aria-labelledby="review-form-heading" data-problem={command.problemCode ?? undefined}>
            <h3 className="utrecht-heading-3" id="review-form-heading">
              {t('reviewForm')}
            </h3>
            <p className="utrecht-paragraph">{t('reviewFormIntro')}</p>
            <ErrorSummary errors={command.errors} />
            {plan.publishedCriteria.map((id) => (
              <div key={id} className="ib-stack">
                <Fieldset id={`verdict-${id}`} legend={label(id)}>
                  {(['met', 'not_met', 'needs_revision'] as const).map((outcome) => (
                    <RadioField key={outcome} id={`verdict-${id}-${outcome}`} name={`verdict-${id}`} value={outcome} label={t(`v.${outcome}`)} checked={outcomes[id] === outcome} onChange={(value) => setOutcomes((o) => ({ ...o, [id]: value }))} />
                  ))}
                </Fieldset>
                <TextAreaField id={`verdict-${id}-reason`} label={t('f.verdictReason', { criterion: label(id) })} value={reasons[id] ?? ''} onChange={(value) => setReasons((r) => ({ ...r, [id]: value }))} rows={2} error={command.error(`verdict-${id}-reason`)} />
              </div>
            ))}
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={command.sending}>
              {t('f.review')}
            </button>
          </form>
        ) : unmet.length > 0 ? (
          <Alert type="info">{t('onlyReviewer')}</Alert>
        ) : null
      ) : null}
    </section>
  );
}

function Beschikking({ plan, etag, round, row, lang, onDone }: { plan: Proposal; etag: string; round: Round | undefined; row: PlanRow | null; lang: Lang; onDone(): void }) {
  const t = useT(messages);
  const grant = grantOf(plan);
  const asked = requestedCents(plan);
  const [choice, setChoice] = useState('');
  const [amount, setAmount] = useState(() => eurosInput(asked, lang));
  const [reference, setReference] = useState('');
  const [date, setDate] = useState(todayInAmsterdam);
  const [reason, setReason] = useState('');
  const criteria = new Map(criteriaOf(round).map((c) => [c.id, c.text]));
  const generic = useProblemText({
    'PROPOSAL.GRANT_EXCEEDS_REQUEST': t('p.exceeds'),
    'ROUND.WRONG_PHASE': t('p.phase'),
    'PROPOSAL.DECISION_DATE_DOES_NOT_EXIST': t('p.dateMissing'),
    'PROPOSAL.INVALID_AMOUNT': t('p.amount'),
    'ROUND.INVALID_AMOUNT': t('p.amount'),
    'PROPOSAL.WRONG_STATUS': t('p.status'),
    'PROPOSAL.REASON_REQUIRED': t('e.reasonGrant'),
    'PROPOSAL.CHANGED_SINCE_GRANT': t('p.changed'),
  });
  const problemText = (problem: Problem) => {
    const details = (problem.details ?? {}) as { unmet?: string[]; ceilingCents?: number; committedCents?: number };
    if (problem.code === 'PROPOSAL.CRITERIA_NOT_MET') return t('p.unmet', { list: (details.unmet ?? []).map((id) => criteria.get(id) ?? id).join('; ') });
    if (problem.code === 'ROUND.CEILING_EXCEEDED') return t('p.ceiling', { remaining: euros(Math.max(0, (details.ceilingCents ?? 0) - (details.committedCents ?? 0)), lang) });
    return generic(problem);
  };
  const command = useCommand(problemText);
  const decided = grant !== null || plan.status === 'grant_refused';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const granted = choice === 'grant';
    const cents = granted ? parseEuros(amount) : 0;
    const check = [];
    if (!choice) check.push({ field: 'decision-grant', message: t('e.decision') });
    if (granted && (cents === null || cents <= 0)) check.push({ field: 'decision-amount', message: t('e.amount') });
    else if (granted && cents !== null && cents > asked) check.push({ field: 'decision-amount', message: t('e.amountAbove', { amount: euros(asked, lang) }) });
    if (!reference.trim()) check.push({ field: 'decision-reference', message: t('e.reference') });
    if (!isDate(date)) check.push({ field: 'decision-date', message: t('e.date') });
    if (!reason.trim()) check.push({ field: 'decision-reason', message: t('e.reasonGrant') });
    const ok = await command.run(check, 'decision-form', () =>
      unwrap(
        staffApi.POST('/proposals/{proposalId}/grant-decision', {
          params: { path: { proposalId: plan.proposalId }, header: { 'If-Match': etag } },
          body: { granted, ...(granted ? { amountCents: cents! } : {}), decisionReference: reference.trim(), decisionDate: date, reason: reason.trim() },
        }),
      ).then(async () => {
        // A grant is recorded on the plan by a reactor; when the api answered before it was done
        // (Reactions: pending), wait a moment for the plan to show it rather than offer the form again.
        for (let i = 0; i < 20; i++) {
          const { plan: now } = await loadProposal(plan.proposalId);
          if (now.status !== plan.status) return;
          await pause(250);
        }
      }),
    );
    if (ok) onDone();
  };

  return (
    <section aria-labelledby="beschikking-heading" className="ib-stack">
      <h2 className="utrecht-heading-2" id="beschikking-heading">
        {t('beschikking')}
      </h2>
      {decided ? (
        <div className="ib-card" id="beschikking" data-granted={grant !== null ? 'true' : 'false'}>
          <h3 className="utrecht-heading-3">{grant ? t('granted') : t('refused')}</h3>
          <dl className="utrecht-data-list">
            {grant ? <Item term={t('amount')}>{euros(grant.amountCents, lang)}</Item> : null}
            <Item term={t('reference')}>{grant?.decisionReference ?? row?.decisionReference ?? '–'}</Item>
            <Item term={t('date')}>{grant ? dateText(grant.decisionDate, lang) : dateText(row?.decidedAt, lang)}</Item>
            {row?.decisionReason ? <Item term={t('motivation')}>{row.decisionReason}</Item> : null}
            {grant ? (
              <Item term={t('appeal')}>
                {grant.appeal.route === 'beroep' ? t('beroepText', { weeks: grant.appeal.periodWeeks, to: grant.appeal.addressedTo }) : t('appealText', { weeks: grant.appeal.periodWeeks, to: grant.appeal.addressedTo })}
              </Item>
            ) : null}
          </dl>
          {row?.decidedAfterDeadline ? <p className="utrecht-paragraph">{t('late')}</p> : null}
        </div>
      ) : ['submitted', 'selected'].includes(plan.status) ? (
        isAdministrator() ? (
          <form id="decision-form" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack" data-problem={command.problemCode ?? undefined}>
            <p className="utrecht-paragraph">{t('beschikkingIntro')}</p>
            {unmetCriteria(plan).length > 0 ? <Alert type="warning">{t('waitMore')}</Alert> : null}
            <ErrorSummary errors={command.errors} />
            <Fieldset id="decision-choice" legend={t('f.decision')} error={command.error('decision-grant')}>
              <RadioField id="decision-grant" name="decision" value="grant" label={t('f.grant')} checked={choice === 'grant'} onChange={setChoice} />
              <RadioField id="decision-refuse" name="decision" value="refuse" label={t('f.refuse')} checked={choice === 'refuse'} onChange={setChoice} />
            </Fieldset>
            {choice !== 'refuse' ? (
              <TextField
                id="decision-amount"
                label={t('f.amount')}
                description={t('f.amountHelp', { amount: euros(asked, lang), remaining: round ? euros(round.remainingCents, lang) : '–' })}
                inputMode="decimal"
                value={amount}
                onChange={setAmount}
                error={command.error('decision-amount')}
              />
            ) : null}
            <TextField id="decision-reference" label={t('f.reference')} description={t('f.referenceHelp')} value={reference} onChange={setReference} error={command.error('decision-reference')} />
            <TextField id="decision-date" label={t('f.date')} type="date" value={date} onChange={setDate} error={command.error('decision-date')} />
            <TextAreaField id="decision-reason" label={t('f.reasonGrant')} description={t('f.reasonHelp')} value={reason} onChange={setReason} rows={4} error={command.error('decision-reason')} />
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={command.sending}>
              {t('f.decide')}
            </button>
          </form>
        ) : (
          <>
            <p className="utrecht-paragraph">{t('notYet')}</p>
            <Alert type="info">{t('onlyAdmin')}</Alert>
          </>
        )
      ) : (
        <p className="utrecht-paragraph">{t('notYet')}</p>
      )}
    </section>
  );
}
