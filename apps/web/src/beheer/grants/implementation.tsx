import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { dateText, euros, unwrap } from '../../common/api';
import { Alert, ErrorSummary, Fieldset, ProblemAlert, RadioField, TextAreaField, TextField, useProblemText } from '../../common/forms';
import { type Lang, type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { useCommand } from './command';
import { grantOf, isAdministrator, isDate, Item, loadProposal, parseEuros, type Proposal, RoundLinks, statusTexts, TableScroll, todayInAmsterdam, versionOf } from './common';

const nl = {
  roundTitle: 'Uitvoering en betalingen',
  roundIntro: 'Alle verleende en gekozen plannen van deze ronde, met wat er is betaald en teruggestort.',
  totals: 'Totalen van de ronde',
  ceiling: 'Plafond of budget',
  decided: 'Toegekend',
  paid: 'Betaald',
  spent: 'Besteed',
  returned: 'Teruggestort',
  released: 'Terug naar de ronde',
  unspent: 'Nog niet besteed',
  unspentFlagged: 'Let op: een groot deel van het geld is nog niet besteed.',
  winning: 'Plannen',
  realisedPlans: 'Uitgevoerd',
  caption: 'Plannen in uitvoering, met het geld per plan',
  plan: 'Plan',
  status: 'Status',
  toPay: 'Nog te betalen',
  started: 'Gestart op',
  none: 'Er zijn nog geen verleende of gekozen plannen.',
  planTitle: 'Uitvoering',
  money: 'Geld voor dit plan',
  planIntro: 'Leg hier de start, de betalingen, de afsluiting en terugbetalingen vast.',
  grant: 'Verleend',
  notGranted: 'Voor dit plan is (nog) geen subsidie verleend. Betalen kan pas na de beschikking.',
  toDecision: 'Naar de beschikking',
  progress: 'Betaald: {paid} van {grant} ({percent}%).',
  progressLabel: 'Deel van de subsidie dat is betaald',
  start: 'Uitvoering starten',
  'f.startedOn': 'Startdatum',
  'f.start': 'Start vastleggen',
  'e.startedOn': 'Vul een geldige datum in.',
  startedOk: 'De start is vastgelegd.',
  payment: 'Betaling vastleggen',
  paymentIntro: 'Ook een voorschot is een betaling. Samen mogen de betalingen niet hoger zijn dan de subsidie.',
  'f.paymentReference': 'Betalingskenmerk',
  'f.paymentReferenceHelp': 'Het kenmerk uit het financiële systeem, bijvoorbeeld BET-2026-0042.',
  'f.paymentAmount': 'Bedrag in euro',
  'f.paymentAmountHelp': 'Nog te betalen: {left}.',
  'f.pay': 'Betaling vastleggen',
  'e.reference': 'Vul het kenmerk in.',
  'e.amount': 'Vul een bedrag in euro in dat groter is dan 0.',
  'e.tooMuch': 'Dit is meer dan er nog te betalen is ({left}).',
  'p.exceeds': 'Dit bedrag is hoger dan wat er nog te betalen is. Er is niets vastgelegd.',
  paidOk: 'De betaling van {amount} is vastgelegd.',
  closure: 'Uitvoering afsluiten',
  closureIntro: 'Wat niet is besteed, gaat terug naar de ronde.',
  'f.outcome': 'Hoe is het plan uitgevoerd?',
  'o.realised': 'Helemaal uitgevoerd',
  'o.partly_realised': 'Deels uitgevoerd',
  'o.cancelled': 'Niet uitgevoerd (geannuleerd)',
  'f.closeReason': 'Toelichting',
  'f.close': 'Afsluiten',
  'e.outcome': 'Kies hoe het plan is uitgevoerd.',
  'e.reason': 'Vul een toelichting in.',
  closedOk: 'De uitvoering is afgesloten.',
  return: 'Terugbetaling vastleggen',
  returnIntro: 'Heeft de aanvrager geld teruggestort? Leg het hier vast.',
  'f.returnReference': 'Kenmerk van de terugbetaling',
  'f.returnAmount': 'Teruggestort bedrag in euro',
  'f.returnAmountHelp': 'Ten hoogste wat er is betaald en nog niet terug is: {max}.',
  'f.return': 'Terugbetaling vastleggen',
  'e.returnTooMuch': 'Dit is meer dan er is betaald en nog niet is teruggestort ({max}).',
  'p.returnExceeds': 'Er kan niet meer terugkomen dan er is betaald.',
  returnedOk: 'De terugbetaling van {amount} is vastgelegd.',
  'p.status': 'Dit kan niet bij de huidige status van het plan. Laad de pagina opnieuw.',
  'p.amount': 'Vul een bedrag in hele centen in, groter dan 0.',
  'p.reason': 'Vul een toelichting in.',
  onlyAdmin: 'Alleen een beheerder kan betalingen en de uitvoering vastleggen.',
};
const en: typeof nl = {
  roundTitle: 'Implementation and payments',
  roundIntro: "All of this round's granted and selected plans, with what was paid and paid back.",
  totals: "The round's totals",
  ceiling: 'Ceiling or budget',
  decided: 'Granted',
  paid: 'Paid',
  spent: 'Spent',
  returned: 'Paid back',
  released: 'Back to the round',
  unspent: 'Not spent yet',
  unspentFlagged: 'Note: a large part of the money has not been spent yet.',
  winning: 'Plans',
  realisedPlans: 'Carried out',
  caption: 'Plans being carried out, with the money per plan',
  plan: 'Plan',
  status: 'Status',
  toPay: 'Still to pay',
  started: 'Started on',
  none: 'There are no granted or selected plans yet.',
  planTitle: 'Implementation',
  money: 'Money for this plan',
  planIntro: 'Record the start, the payments, the closure and any money paid back here.',
  grant: 'Granted',
  notGranted: 'No grant has been awarded to this plan (yet). Payments can only follow the decision.',
  toDecision: 'Go to the decision',
  progress: 'Paid: {paid} of {grant} ({percent}%).',
  progressLabel: 'Share of the grant that is paid',
  start: 'Start the implementation',
  'f.startedOn': 'Start date',
  'f.start': 'Record the start',
  'e.startedOn': 'Enter a valid date.',
  startedOk: 'The start is recorded.',
  payment: 'Record a payment',
  paymentIntro: 'An advance is a payment too. Together, the payments may not exceed the grant.',
  'f.paymentReference': 'Payment reference',
  'f.paymentReferenceHelp': 'The reference from the financial system, for example BET-2026-0042.',
  'f.paymentAmount': 'Amount in euros',
  'f.paymentAmountHelp': 'Still to pay: {left}.',
  'f.pay': 'Record the payment',
  'e.reference': 'Enter the reference.',
  'e.amount': 'Enter an amount in euros above 0.',
  'e.tooMuch': 'This is more than is still to be paid ({left}).',
  'p.exceeds': 'This amount is above what is still to be paid. Nothing was recorded.',
  paidOk: 'The payment of {amount} is recorded.',
  closure: 'Close the implementation',
  closureIntro: 'What was not spent goes back to the round.',
  'f.outcome': 'How was the plan carried out?',
  'o.realised': 'Fully carried out',
  'o.partly_realised': 'Partly carried out',
  'o.cancelled': 'Not carried out (cancelled)',
  'f.closeReason': 'Explanation',
  'f.close': 'Close',
  'e.outcome': 'Choose how the plan was carried out.',
  'e.reason': 'Enter an explanation.',
  closedOk: 'The implementation is closed.',
  return: 'Record money paid back',
  returnIntro: 'Did the applicant pay money back? Record it here.',
  'f.returnReference': 'Reference of the repayment',
  'f.returnAmount': 'Amount paid back in euros',
  'f.returnAmountHelp': 'At most what was paid and not yet paid back: {max}.',
  'f.return': 'Record the repayment',
  'e.returnTooMuch': 'This is more than was paid and not yet paid back ({max}).',
  'p.returnExceeds': 'No more can come back than was paid.',
  returnedOk: 'The repayment of {amount} is recorded.',
  'p.status': "This is not possible in the plan's status. Reload the page.",
  'p.amount': 'Enter an amount in whole cents, above 0.',
  'p.reason': 'Enter an explanation.',
  onlyAdmin: 'Only an administrator can record payments and the implementation.',
};
const texts: Messages<keyof typeof nl> = { nl, en };

/** A round's implementation: every granted or selected plan with its money, and the totals (GET /read-models/rounds/{roundId}/implementation). */
export function RoundImplementationPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const status = useT(statusTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('roundTitle'), app('app'));
  const tracker = useLoad(() => unwrap(staffApi.GET('/read-models/rounds/{roundId}/implementation', { params: { path: { roundId } } })), [roundId]);
  const round = useLoad(() => unwrap(staffApi.GET('/rounds/{roundId}', { params: { path: { roundId } } })), [roundId]);
  const execution = tracker.data?.execution;
  return (
    <div className="ib-stack">
      <PageHeading>
        {t('roundTitle')}
        {round.data ? `: ${round.data.title}` : ''}
      </PageHeading>
      <RoundLinks roundId={roundId} />
      <p className="utrecht-paragraph">{t('roundIntro')}</p>
      <ProblemAlert problem={tracker.problem ?? round.problem} />
      {tracker.loading && !tracker.data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {execution ? (
        <section aria-labelledby="totals-heading">
          <h2 className="utrecht-heading-2" id="totals-heading">
            {t('totals')}
          </h2>
          <dl className="utrecht-data-list" id="totals">
            <Item term={t('ceiling')}>{euros(round.data?.ceilingCents ?? execution.allocatedCents, lang)}</Item>
            <Item term={t('decided')}>{euros(execution.decidedCents, lang)}</Item>
            <Item term={t('paid')}>{euros(execution.paidCents, lang)}</Item>
            <Item term={t('spent')}>{euros(execution.spentCents, lang)}</Item>
            <Item term={t('returned')}>{euros(execution.returnedCents, lang)}</Item>
            <Item term={t('released')}>{euros(execution.releasedCents, lang)}</Item>
            <Item term={t('unspent')}>{euros(execution.unspentCents, lang)}</Item>
            <Item term={t('winning')}>{execution.winningPlans}</Item>
            <Item term={t('realisedPlans')}>{execution.realisedPlans}</Item>
          </dl>
          {execution.unspentFlagged ? <Alert type="warning">{t('unspentFlagged')}</Alert> : null}
        </section>
      ) : null}
      {tracker.data && tracker.data.items.length === 0 ? <p className="utrecht-paragraph">{t('none')}</p> : null}
      {tracker.data && tracker.data.items.length > 0 ? (
        <TableScroll>
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">{t('caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('plan')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('status')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('decided')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('paid')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('returned')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('toPay')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('started')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {tracker.data.items.map((item) => (
                <tr className="utrecht-table__row" key={item.proposalId} data-proposal-id={item.proposalId}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <Link className="utrecht-link" to={`/plannen/${encodeURIComponent(item.proposalId)}/uitvoering`}>
                      {item.title}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{status(item.status)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(item.decidedCents, lang)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(item.paidCents, lang)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(item.returnedCents, lang)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(Math.max(0, item.decidedCents - item.paidCents), lang)}</td>
                  <td className="utrecht-table__cell">{dateText(item.implementationStartedOn, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </div>
  );
}

/** One plan's implementation: start, payments (advances too) against the grant, closure and money paid back. */
export function PlanImplementationPage() {
  const { proposalId = '' } = useParams();
  const t = useT(texts);
  const status = useT(statusTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  const loaded = useLoad(() => loadProposal(proposalId), [proposalId]);
  const plan = loaded.data?.plan;
  const title = plan ? `${t('planTitle')}: ${versionOf(plan).title}` : t('planTitle');
  usePageTitle(title, app('app'));
  const [done, setDone] = useState<string | null>(null);
  const after = (message: string) => {
    setDone(message);
    loaded.reload();
  };
  const grant = plan ? grantOf(plan) : null;
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
          <p className="utrecht-paragraph">{t('planIntro')}</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/plannen/${encodeURIComponent(plan.proposalId)}/beschikking`}>
              {t('toDecision')}
            </Link>
          </p>
          <section aria-labelledby="money-heading">
            <h2 className="utrecht-heading-2" id="money-heading">
              {t('money')}
            </h2>
            <dl className="utrecht-data-list" id="plan-totals">
              <Item term={t('status')}>
                <span data-status={plan.status}>{status(plan.status)}</span>
              </Item>
              <Item term={t('grant')}>{grant ? euros(grant.amountCents, lang) : '–'}</Item>
              <Item term={t('paid')}>
                <span data-paid-cents={plan.paidCents}>{euros(plan.paidCents, lang)}</span>
              </Item>
              <Item term={t('toPay')}>{grant ? euros(Math.max(0, grant.amountCents - plan.paidCents), lang) : '–'}</Item>
              <Item term={t('returned')}>{euros(plan.returnedCents, lang)}</Item>
              <Item term={t('released')}>{euros(plan.releasedCents, lang)}</Item>
            </dl>
            {grant && grant.amountCents > 0 ? <PaidBar paid={plan.paidCents} grant={grant.amountCents} lang={lang} /> : null}
          </section>
          {!grant ? <Alert type="info">{t('notGranted')}</Alert> : null}
          {grant && !isAdministrator() ? <Alert type="info">{t('onlyAdmin')}</Alert> : null}
          {grant && isAdministrator() ? (
            <>
              {plan.status === 'granted' ? <StartForm plan={plan} etag={loaded.data.etag} onDone={() => after(t('startedOk'))} /> : null}
              {['granted', 'implementing'].includes(plan.status) ? <PaymentForm plan={plan} etag={loaded.data.etag} grantCents={grant.amountCents} lang={lang} onDone={(cents) => after(t('paidOk', { amount: euros(cents, lang) }))} /> : null}
              {['granted', 'implementing'].includes(plan.status) ? <ClosureForm plan={plan} etag={loaded.data.etag} onDone={() => after(t('closedOk'))} /> : null}
              {['implementing', 'realised', 'partly_realised', 'cancelled'].includes(plan.status) && plan.paidCents > plan.returnedCents ? (
                <ReturnForm plan={plan} etag={loaded.data.etag} lang={lang} onDone={(cents) => after(t('returnedOk', { amount: euros(cents, lang) }))} />
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** How much of the grant is paid: a bar, with the same in words beside it (its text alternative). */
function PaidBar({ paid, grant, lang }: { paid: number; grant: number; lang: Lang }) {
  const t = useT(texts);
  const percent = Math.min(100, Math.round((paid / grant) * 100));
  return (
    <div className="ib-stack">
      <p className="utrecht-paragraph" id="paid-progress">
        {t('progress', { paid: euros(paid, lang), grant: euros(grant, lang), percent })}
      </p>
      <div role="img" aria-labelledby="paid-progress" style={{ border: '1px solid currentColor', height: '1rem', maxWidth: '30rem', borderRadius: 2 }}>
        <div style={{ width: `${percent}%`, height: '100%', background: 'var(--basis-color-accent-1-color-default, #1a1a7c)' }} />
      </div>
    </div>
  );
}

function StartForm({ plan, etag, onDone }: { plan: Proposal; etag: string; onDone(): void }) {
  const t = useT(texts);
  const [startedOn, setStartedOn] = useState(todayInAmsterdam);
  const command = useCommand(useProblemText({ 'PROPOSAL.WRONG_STATUS': t('p.status') }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await command.run(isDate(startedOn) ? [] : [{ field: 'start-date', message: t('e.startedOn') }], 'start-form', () =>
      unwrap(staffApi.POST('/proposals/{proposalId}/implementation/start', { params: { path: { proposalId: plan.proposalId }, header: { 'If-Match': etag } }, body: { startedOn } })),
    );
    if (ok) onDone();
  };
  return (
    <form id="start-form" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack" aria-labelledby="start-heading">
      <h2 className="utrecht-heading-2" id="start-heading">
        {t('start')}
      </h2>
      <ErrorSummary errors={command.errors} />
      <TextField id="start-date" label={t('f.startedOn')} type="date" value={startedOn} onChange={setStartedOn} error={command.error('start-date')} />
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={command.sending}>
        {t('f.start')}
      </button>
    </form>
  );
}

function PaymentForm({ plan, etag, grantCents, lang, onDone }: { plan: Proposal; etag: string; grantCents: number; lang: Lang; onDone(cents: number): void }) {
  const t = useT(texts);
  const left = Math.max(0, grantCents - plan.paidCents);
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState('');
  const command = useCommand(useProblemText({ 'PROPOSAL.PAYMENT_EXCEEDS_GRANT': t('p.exceeds'), 'PROPOSAL.WRONG_STATUS': t('p.status'), 'PROPOSAL.INVALID_AMOUNT': t('p.amount') }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cents = parseEuros(amount);
    const check = [];
    if (!reference.trim()) check.push({ field: 'payment-reference', message: t('e.reference') });
    if (cents === null || cents <= 0) check.push({ field: 'payment-amount', message: t('e.amount') });
    else if (cents > left) check.push({ field: 'payment-amount', message: t('e.tooMuch', { left: euros(left, lang) }) });
    const ok = await command.run(check, 'payment-form', () =>
      unwrap(staffApi.POST('/proposals/{proposalId}/implementation/payments', { params: { path: { proposalId: plan.proposalId }, header: { 'If-Match': etag } }, body: { paymentReference: reference.trim(), amountCents: cents! } })),
    );
    if (ok) {
      setReference('');
      setAmount('');
      onDone(cents!);
    }
  };
  return (
    <form id="payment-form" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack" aria-labelledby="payment-heading" data-problem={command.problemCode ?? undefined}>
      <h2 className="utrecht-heading-2" id="payment-heading">
        {t('payment')}
      </h2>
      <p className="utrecht-paragraph">{t('paymentIntro')}</p>
      <ErrorSummary errors={command.errors} />
      <TextField id="payment-reference" label={t('f.paymentReference')} description={t('f.paymentReferenceHelp')} value={reference} onChange={setReference} error={command.error('payment-reference')} />
      <TextField id="payment-amount" label={t('f.paymentAmount')} description={t('f.paymentAmountHelp', { left: euros(left, lang) })} inputMode="decimal" value={amount} onChange={setAmount} error={command.error('payment-amount')} />
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={command.sending}>
        {t('f.pay')}
      </button>
    </form>
  );
}

function ClosureForm({ plan, etag, onDone }: { plan: Proposal; etag: string; onDone(): void }) {
  const t = useT(texts);
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand(useProblemText({ 'PROPOSAL.WRONG_STATUS': t('p.status'), 'PROPOSAL.REASON_REQUIRED': t('p.reason') }));
  const outcomes = plan.status === 'granted' ? (['cancelled'] as const) : (['realised', 'partly_realised', 'cancelled'] as const);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = [];
    if (!outcome) check.push({ field: `closure-${outcomes[0]}`, message: t('e.outcome') });
    if (!reason.trim()) check.push({ field: 'closure-reason', message: t('e.reason') });
    const ok = await command.run(check, 'closure-form', () =>
      unwrap(
        staffApi.POST('/proposals/{proposalId}/implementation/closure', {
          params: { path: { proposalId: plan.proposalId }, header: { 'If-Match': etag } },
          body: { outcome: outcome as 'realised' | 'partly_realised' | 'cancelled', reason: reason.trim() },
        }),
      ),
    );
    if (ok) onDone();
  };
  return (
    <form id="closure-form" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack" aria-labelledby="closure-heading">
      <h2 className="utrecht-heading-2" id="closure-heading">
        {t('closure')}
      </h2>
      <p className="utrecht-paragraph">{t('closureIntro')}</p>
      <ErrorSummary errors={command.errors} />
      <Fieldset id="closure-outcome" legend={t('f.outcome')} error={command.error(`closure-${outcomes[0]}`)}>
        {outcomes.map((value) => (
          <RadioField key={value} id={`closure-${value}`} name="closure" value={value} label={t(`o.${value}`)} checked={outcome === value} onChange={setOutcome} />
        ))}
      </Fieldset>
      <TextAreaField id="closure-reason" label={t('f.closeReason')} value={reason} onChange={setReason} rows={3} error={command.error('closure-reason')} />
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={command.sending}>
        {t('f.close')}
      </button>
    </form>
  );
}

function ReturnForm({ plan, etag, lang, onDone }: { plan: Proposal; etag: string; lang: Lang; onDone(cents: number): void }) {
  const t = useT(texts);
  const max = Math.max(0, plan.paidCents - plan.returnedCents);
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState('');
  const command = useCommand(useProblemText({ 'PROPOSAL.RETURN_EXCEEDS_PAYMENTS': t('p.returnExceeds'), 'PROPOSAL.WRONG_STATUS': t('p.status'), 'PROPOSAL.INVALID_AMOUNT': t('p.amount') }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cents = parseEuros(amount);
    const check = [];
    if (!reference.trim()) check.push({ field: 'return-reference', message: t('e.reference') });
    if (cents === null || cents <= 0) check.push({ field: 'return-amount', message: t('e.amount') });
    else if (cents > max) check.push({ field: 'return-amount', message: t('e.returnTooMuch', { max: euros(max, lang) }) });
    const ok = await command.run(check, 'return-form', () =>
      unwrap(staffApi.POST('/proposals/{proposalId}/implementation/returns', { params: { path: { proposalId: plan.proposalId }, header: { 'If-Match': etag } }, body: { reference: reference.trim(), amountCents: cents! } })),
    );
    if (ok) {
      setReference('');
      setAmount('');
      onDone(cents!);
    }
  };
  return (
    <form id="return-form" tabIndex={-1} onSubmit={submit} noValidate className="ib-stack" aria-labelledby="return-heading">
      <h2 className="utrecht-heading-2" id="return-heading">
        {t('return')}
      </h2>
      <p className="utrecht-paragraph">{t('returnIntro')}</p>
      <ErrorSummary errors={command.errors} />
      <TextField id="return-reference" label={t('f.returnReference')} value={reference} onChange={setReference} error={command.error('return-reference')} />
      <TextField id="return-amount" label={t('f.returnAmount')} description={t('f.returnAmountHelp', { max: euros(max, lang) })} inputMode="decimal" value={amount} onChange={setAmount} error={command.error('return-amount')} />
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={command.sending}>
        {t('f.return')}
      </button>
    </form>
  );
}
