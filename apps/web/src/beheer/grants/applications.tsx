import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { dateText, euros, type Problem, problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, ProblemAlert, SelectField, TextAreaField, TextField, useProblemText } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { criteriaOf, deadlineOf, firstVersionOf, Item, isAdministrator, parseEuros, type Proposal, requestedCents, type Round, RoundLinks, statusTexts, TableScroll, unmetCriteria, versionOf } from './common';

type Key =
  | 'title' | 'intro' | 'caption' | 'none' | 'application' | 'received' | 'amount' | 'status' | 'deadline' | 'next' | 'extended' | 'late' | 'decidedLate'
  | 'ceiling' | 'committed' | 'remaining' | 'money'
  | 'next.moderate' | 'next.review' | 'next.decide' | 'next.revision' | 'next.start' | 'next.pay' | 'next.objection' | 'next.none' | 'next.objectionTerm'
  | 'register' | 'registerIntro' | 'f.title' | 'f.summary' | 'f.area' | 'f.theme' | 'f.themeHelp' | 'f.investment' | 'f.investmentHelp' | 'f.maintenance' | 'f.years' | 'f.contact' | 'f.name' | 'f.email' | 'f.phone' | 'f.submit' | 'f.sending'
  | 'e.title' | 'e.summary' | 'e.area' | 'e.theme' | 'e.investment' | 'e.maintenance' | 'e.years' | 'e.email' | 'e.name'
  | 'p.closed' | 'p.noIntakeDate' | 'p.unknownArea' | 'p.unknownTheme' | 'p.range' | 'p.amount' | 'p.notFound'
  | 'registered' | 'open' | 'onlyAdmin';

const texts: Messages<Key> = {
  nl: {
    title: 'Aanvragen',
    intro: 'Hier ziet u alle aanvragen voor deze ronde. Per aanvraag staat wat de volgende stap is en wanneer u uiterlijk moet beslissen.',
    caption: 'Aanvragen in de volgorde waarin ze binnenkwamen',
    none: 'Er zijn nog geen aanvragen.',
    application: 'Aanvraag',
    received: 'Ontvangen',
    amount: 'Gevraagd bedrag',
    status: 'Status',
    deadline: 'Beslissen vóór',
    next: 'Volgende stap',
    extended: '(verlengd)',
    late: 'Termijn verlopen',
    decidedLate: 'Te laat beslist',
    ceiling: 'Subsidieplafond',
    committed: 'Al verleend',
    remaining: 'Nog beschikbaar',
    money: 'Geld in deze ronde',
    'next.moderate': 'Controleren en toelaten',
    'next.review': 'Toetsen: {done} van {all} criteria voldaan',
    'next.decide': 'Beschikking nemen',
    'next.revision': 'Wachten op de aanvrager',
    'next.start': 'Uitvoering starten of voorschot betalen',
    'next.pay': 'Betalen en afsluiten',
    'next.objection': 'Bezwaar behandelen',
    'next.objectionTerm': 'Geen (bezwaar kan nog)',
    'next.none': 'Geen',
    register: 'Aanvraag registreren',
    registerIntro: 'Kwam een aanvraag op papier of per e-mail binnen? Vul hem hier in. De beslistermijn begint vandaag.',
    'f.title': 'Naam van het initiatief',
    'f.summary': 'Korte beschrijving',
    'f.area': 'Gebied',
    'f.theme': 'Thema',
    'f.themeHelp': 'Bijvoorbeeld: cultuur, groen, sport.',
    'f.investment': 'Gevraagd bedrag in euro',
    'f.investmentHelp': 'Bijvoorbeeld 1250 of 1.250,50.',
    'f.maintenance': 'Onderhoud per jaar in euro (als dat er is)',
    'f.years': 'Aantal jaren onderhoud (als er onderhoud is)',
    'f.contact': 'Contactgegevens van de aanvrager (niet verplicht)',
    'f.name': 'Naam',
    'f.email': 'E-mailadres',
    'f.phone': 'Telefoonnummer',
    'f.submit': 'Aanvraag registreren',
    'f.sending': 'Bezig met opslaan…',
    'e.title': 'Vul de naam van het initiatief in.',
    'e.summary': 'Vul een korte beschrijving in.',
    'e.area': 'Kies een gebied.',
    'e.theme': 'Vul een thema in.',
    'e.investment': 'Vul het gevraagde bedrag in euro in, bijvoorbeeld 1250.',
    'e.maintenance': 'Vul het onderhoud per jaar in euro in, of laat het leeg.',
    'e.years': 'Vul een heel aantal jaren in (0 of meer).',
    'e.email': 'Vul een geldig e-mailadres in, of laat het leeg.',
    'e.name': 'Vul de naam van de aanvrager in als u ook een e-mailadres of telefoonnummer invult.',
    'p.closed': 'Deze ronde neemt nu geen aanvragen aan.',
    'p.noIntakeDate': 'Dit bedrag is zo hoog dat de aanvraag moet wachten op een vaste datum. Er is geen vaste datum meer in deze ronde.',
    'p.unknownArea': 'Dit gebied hoort niet bij deze regeling.',
    'p.unknownTheme': 'Dit thema hoort niet bij deze regeling.',
    'p.range': 'Dit bedrag past niet binnen de regeling.',
    'p.amount': 'Vul bedragen in hele centen in, 0 of meer.',
    'p.notFound': 'Deze ronde bestaat niet.',
    registered: 'De aanvraag "{title}" is geregistreerd.',
    open: 'Naar de aanvraag',
    onlyAdmin: 'Alleen een beheerder kan een aanvraag registreren.',
  },
  en: {
    title: 'Applications',
    intro: 'All applications in this round. For each, you see the next step and the date by which you must decide.',
    caption: 'Applications in the order they came in',
    none: 'There are no applications yet.',
    application: 'Application',
    received: 'Received',
    amount: 'Amount asked',
    status: 'Status',
    deadline: 'Decide by',
    next: 'Next step',
    extended: '(extended)',
    late: 'Term has passed',
    decidedLate: 'Decided late',
    ceiling: 'Subsidy ceiling',
    committed: 'Granted so far',
    remaining: 'Still available',
    money: 'Money in this round',
    'next.moderate': 'Check and admit',
    'next.review': 'Review: {done} of {all} criteria met',
    'next.decide': 'Take the decision',
    'next.revision': 'Waiting for the applicant',
    'next.start': 'Start the work or pay an advance',
    'next.pay': 'Pay and close',
    'next.objection': 'Handle the objection',
    'next.objectionTerm': 'None (an objection is still possible)',
    'next.none': 'None',
    register: 'Register an application',
    registerIntro: 'Did an application come in on paper or by e-mail? Enter it here. The decision term starts today.',
    'f.title': 'Name of the initiative',
    'f.summary': 'Short description',
    'f.area': 'Area',
    'f.theme': 'Theme',
    'f.themeHelp': 'For example: culture, green, sport.',
    'f.investment': 'Amount asked in euros',
    'f.investmentHelp': 'For example 1250 or 1,250.50.',
    'f.maintenance': 'Maintenance per year in euros (if any)',
    'f.years': 'Years of maintenance (if any)',
    'f.contact': "The applicant's contact details (optional)",
    'f.name': 'Name',
    'f.email': 'E-mail address',
    'f.phone': 'Phone number',
    'f.submit': 'Register application',
    'f.sending': 'Saving…',
    'e.title': 'Enter the name of the initiative.',
    'e.summary': 'Enter a short description.',
    'e.area': 'Choose an area.',
    'e.theme': 'Enter a theme.',
    'e.investment': 'Enter the amount asked in euros, for example 1250.',
    'e.maintenance': 'Enter the maintenance per year in euros, or leave it empty.',
    'e.years': 'Enter a whole number of years (0 or more).',
    'e.email': 'Enter a valid e-mail address, or leave it empty.',
    'e.name': "Enter the applicant's name when you enter an e-mail address or phone number.",
    'p.closed': 'This round does not take applications now.',
    'p.noIntakeDate': 'This amount must wait for a fixed intake date, and this round has none left.',
    'p.unknownArea': 'This area is not part of the scheme.',
    'p.unknownTheme': 'This theme is not part of the scheme.',
    'p.range': 'This amount does not fit the scheme.',
    'p.amount': 'Enter amounts in whole cents, 0 or more.',
    'p.notFound': 'This round does not exist.',
    registered: 'The application "{title}" is registered.',
    open: 'Go to the application',
    onlyAdmin: 'Only an administrator can register an application.',
  },
};

type Row = { objectionStatus: string | null; decidedAfterDeadline: boolean; decisionReason: string | null };

/** The applications of an initiatievenfonds round, with what is next for each; staff register paper applications. */
export function ApplicationsPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const status = useT(statusTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const round = useLoad(() => unwrap(staffApi.GET('/rounds/{roundId}', { params: { path: { roundId } } })), [roundId]);
  const plans = useLoad(async () => {
    const [folded, rows] = await Promise.all([
      unwrap(staffApi.GET('/rounds/{roundId}/proposals', { params: { path: { roundId } } })),
      unwrap(staffApi.GET('/read-models/plans', { params: { query: { roundId, pageSize: 500 } } })).catch(() => ({ items: [] })),
    ]);
    const byId = new Map<string, Row>(rows.items.map((row) => [row.proposalId, row]));
    return folded.plans.map((plan) => ({ plan, row: byId.get(plan.proposalId) }));
  }, [roundId]);
  const [registered, setRegistered] = useState<{ id: string; title: string } | null>(null);

  const nextStep = (plan: Proposal, row: Row | undefined): string => {
    switch (plan.status) {
      case 'awaiting_moderation':
        return t('next.moderate');
      case 'submitted':
      case 'selected': {
        const unmet = unmetCriteria(plan).length;
        return unmet > 0 ? t('next.review', { done: plan.publishedCriteria.length - unmet, all: plan.publishedCriteria.length }) : t('next.decide');
      }
      case 'revision_requested':
        return t('next.revision');
      case 'granted':
        return t('next.start');
      case 'implementing':
        return t('next.pay');
      case 'grant_refused':
        if (plan.objection && !(plan.objection as { decision?: unknown }).decision) return t('next.objection');
        return row?.objectionStatus ? t('next.none') : t('next.objectionTerm');
      default:
        return t('next.none');
    }
  };

  return (
    <div className="ib-stack">
      <PageHeading>
        {t('title')}
        {round.data ? `: ${round.data.title}` : ''}
      </PageHeading>
      <RoundLinks roundId={roundId} />
      <p className="utrecht-paragraph">{t('intro')}</p>
      <ProblemAlert problem={round.problem ?? plans.problem} known={{ 'ROUND.NOT_FOUND': t('p.notFound') }} />
      {registered ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">
            {t('registered', { title: registered.title })}{' '}
            <Link className="utrecht-link" to={`/plannen/${encodeURIComponent(registered.id)}/beschikking`} data-proposal-id={registered.id}>
              {t('open')}
            </Link>
          </p>
        </Alert>
      ) : null}
      {round.data ? (
        <section aria-labelledby="money-heading">
          <h2 className="utrecht-heading-2" id="money-heading">
            {t('money')}
          </h2>
          <dl className="utrecht-data-list">
            <Item term={t('ceiling')}>{euros(round.data.ceilingCents, lang)}</Item>
            <Item term={t('committed')}>{euros(round.data.committedCents, lang)}</Item>
            <Item term={t('remaining')}>{euros(round.data.remainingCents, lang)}</Item>
          </dl>
        </section>
      ) : null}
      {plans.loading && !plans.data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {plans.data && plans.data.length === 0 ? <p className="utrecht-paragraph">{t('none')}</p> : null}
      {plans.data && plans.data.length > 0 ? (
        <TableScroll>
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">{t('caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('application')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('received')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('amount')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('deadline')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('next')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {plans.data.map(({ plan, row }) => {
                const deadline = deadlineOf(plan);
                const undecided = ['awaiting_moderation', 'submitted', 'revision_requested', 'selected'].includes(plan.status);
                const overdue = deadline !== null && undecided && Date.parse(deadline) < Date.now();
                return (
                  <tr className="utrecht-table__row" key={plan.proposalId} data-proposal-id={plan.proposalId}>
                    <th className="utrecht-table__header-cell" scope="row">
                      <Link className="utrecht-link" to={`/plannen/${encodeURIComponent(plan.proposalId)}/beschikking`}>
                        {versionOf(plan).title}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">{dateText(firstVersionOf(plan).at, lang)}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(requestedCents(plan), lang)}</td>
                    <td className="utrecht-table__cell">{status(plan.status)}</td>
                    <td className="utrecht-table__cell">
                      {deadline ? dateText(deadline, lang) : '–'} {plan.deadlineExtended ? t('extended') : null}
                      {overdue ? <strong className="ib-grants-late"> {t('late')}</strong> : null}
                      {row?.decidedAfterDeadline ? <span> {t('decidedLate')}</span> : null}
                    </td>
                    <td className="utrecht-table__cell">{nextStep(plan, row)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {isAdministrator() ? (
        round.data ? (
          <RegisterForm
            roundId={roundId}
            round={round.data}
            onRegistered={(id, title) => {
              setRegistered({ id, title });
              plans.reload();
              round.reload();
            }}
          />
        ) : null
      ) : (
        <Alert type="info">{t('onlyAdmin')}</Alert>
      )}
    </div>
  );
}

function RegisterForm({ roundId, round, onRegistered }: { roundId: string; round: Round; onRegistered(id: string, title: string): void }) {
  const t = useT(texts);
  const budget = useLoad(() => unwrap(staffApi.GET('/budgets/{budgetId}', { params: { path: { budgetId: round.budgetId } } })), [round.budgetId]);
  const areas = ((budget.data?.frame as { areas?: { code: string; name: string }[] } | undefined)?.areas ?? []) as { code: string; name: string }[];
  const themes = criteriaOf(round).find((c) => c.kind === 'themes')?.themes ?? null;
  const [form, setForm] = useState({ title: '', summary: '', area: '', theme: '', investment: '', maintenance: '', years: '0', name: '', email: '', phone: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const problemText = useProblemText({
    'PROPOSAL.SUBMISSION_CLOSED': t('p.closed'),
    'PROPOSAL.NO_INTAKE_DATE': t('p.noIntakeDate'),
    'PROPOSAL.UNKNOWN_AREA': t('p.unknownArea'),
    'PROPOSAL.UNKNOWN_THEME': t('p.unknownTheme'),
    'PROPOSAL.AMOUNT_OUT_OF_RANGE': t('p.range'),
    'PROPOSAL.INVALID_AMOUNT': t('p.amount'),
    'ROUND.NOT_FOUND': t('p.notFound'),
  });
  const area = form.area || (areas.length === 1 ? areas[0]!.code : '');
  const theme = form.theme || (themes && themes.length > 0 ? themes[0]! : '');
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const error = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    const investment = parseEuros(form.investment);
    const maintenance = form.maintenance.trim() ? parseEuros(form.maintenance) : 0;
    const years = /^\d{1,2}$/.test(form.years.trim()) ? Number(form.years.trim()) : null;
    if (!form.title.trim()) found.push({ field: 'grant-title', message: t('e.title') });
    if (!form.summary.trim()) found.push({ field: 'grant-summary', message: t('e.summary') });
    if (!area) found.push({ field: 'grant-area', message: t('e.area') });
    if (!theme.trim()) found.push({ field: 'grant-theme', message: t('e.theme') });
    if (investment === null) found.push({ field: 'grant-investment', message: t('e.investment') });
    if (maintenance === null) found.push({ field: 'grant-maintenance', message: t('e.maintenance') });
    if (years === null) found.push({ field: 'grant-years', message: t('e.years') });
    if (form.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) found.push({ field: 'grant-email', message: t('e.email') });
    if (!form.name.trim() && (form.email.trim() || form.phone.trim())) found.push({ field: 'grant-name', message: t('e.name') });
    setErrors(found);
    if (found.length > 0) return;
    setSending(true);
    try {
      const contact = form.name.trim() ? { name: form.name.trim(), ...(form.email.trim() ? { email: form.email.trim() } : {}), ...(form.phone.trim() ? { phone: form.phone.trim() } : {}) } : undefined;
      const answer = await unwrap(
        staffApi.POST('/rounds/{roundId}/proposals', {
          params: { path: { roundId } },
          body: {
            areaId: area,
            themeId: theme.trim(),
            title: form.title.trim(),
            summary: form.summary.trim(),
            costEstimate: { investmentCents: investment!, maintenancePerYearCents: maintenance!, maintenanceYears: years! },
            ...(contact ? { contactDetails: contact } : {}),
          },
        }),
      );
      const title = form.title.trim();
      setForm({ title: '', summary: '', area: '', theme: '', investment: '', maintenance: '', years: '0', name: '', email: '', phone: '' });
      onRegistered(answer.id, title);
    } catch (failure) {
      const p = problemFrom(failure);
      setProblem(p);
      setErrors([{ field: 'grant-register', message: problemText(p) }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="register-heading" className="ib-stack">
      <h2 className="utrecht-heading-2" id="register-heading">
        {t('register')}
      </h2>
      <p className="utrecht-paragraph">{t('registerIntro')}</p>
      <form id="grant-register" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack" data-problem={problem?.code}>
        <ErrorSummary errors={errors} />
        <TextField id="grant-title" label={t('f.title')} value={form.title} onChange={set('title')} error={error('grant-title')} />
        <TextAreaField id="grant-summary" label={t('f.summary')} value={form.summary} onChange={set('summary')} rows={4} error={error('grant-summary')} />
        {areas.length > 1 ? (
          <SelectField id="grant-area" label={t('f.area')} value={area} onChange={set('area')} options={[{ value: '', label: '–' }, ...areas.map((a) => ({ value: a.code, label: a.name }))]} error={error('grant-area')} />
        ) : (
          <SelectField id="grant-area" label={t('f.area')} value={area} onChange={set('area')} options={areas.length === 1 ? [{ value: areas[0]!.code, label: areas[0]!.name }] : [{ value: '', label: '–' }]} error={error('grant-area')} />
        )}
        {themes ? (
          <SelectField id="grant-theme" label={t('f.theme')} value={theme} onChange={set('theme')} options={themes.map((th) => ({ value: th, label: th }))} error={error('grant-theme')} />
        ) : (
          <TextField id="grant-theme" label={t('f.theme')} description={t('f.themeHelp')} value={form.theme} onChange={set('theme')} error={error('grant-theme')} />
        )}
        <TextField id="grant-investment" label={t('f.investment')} description={t('f.investmentHelp')} inputMode="decimal" value={form.investment} onChange={set('investment')} error={error('grant-investment')} />
        <TextField id="grant-maintenance" label={t('f.maintenance')} inputMode="decimal" value={form.maintenance} onChange={set('maintenance')} error={error('grant-maintenance')} />
        <TextField id="grant-years" label={t('f.years')} inputMode="numeric" value={form.years} onChange={set('years')} error={error('grant-years')} />
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('f.contact')}</legend>
          <TextField id="grant-name" label={t('f.name')} autoComplete="off" value={form.name} onChange={set('name')} error={error('grant-name')} />
          <TextField id="grant-email" label={t('f.email')} type="email" autoComplete="off" value={form.email} onChange={set('email')} error={error('grant-email')} />
          <TextField id="grant-phone" label={t('f.phone')} type="tel" autoComplete="off" value={form.phone} onChange={set('phone')} />
        </fieldset>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={sending} aria-disabled={sending || undefined}>
          {sending ? t('f.sending') : t('f.submit')}
        </button>
      </form>
    </section>
  );
}
