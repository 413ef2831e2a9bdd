import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { euros, type Problem, problemFrom, type Schemas, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, ProblemAlert, TextField, useProblemText } from '../../common/forms';
import { useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { portalTexts } from '../messages';
import { ballotPath, type CastState, publicApi } from './common';
import { reasonKey, receiptTexts } from './receipt-texts';

type Check = Schemas['ReceiptCheckView'];
type MyResult = Schemas['MyResultView'];

/** An exact share ("35000/3") in the counting unit, as cents. */
function shareCents(share: string, unitCents: number): number {
  const [top, bottom = '1'] = share.split('/');
  return Math.round((Number(top) / Number(bottom)) * unitCents);
}

/** /rondes/:roundId/bevestiging: right after casting, the receipt (shown once), what it proves and what not. */
export function ConfirmationPage() {
  const { roundId = '' } = useParams();
  const t = useT(receiptTexts);
  const app = useT(portalTexts);
  usePageTitle(t('confirmTitle'), app('app'));
  const cast = useLocation().state as CastState | null;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(cast!.receipt);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="ib-stack">
      <PageHeading>{t('confirmTitle')}</PageHeading>
      {cast?.receipt ? (
        <>
          <Alert type="ok">
            <p className="utrecht-paragraph">{cast.replaced ? t('confirmChanged') : t('confirmDone')}</p>
            {cast.titles.length > 0 ? <p className="utrecht-paragraph">{t('youChose', { titles: cast.titles.join(', ') })}</p> : null}
          </Alert>
          <section aria-labelledby="receipt-heading" className="ib-stack">
            <h2 className="utrecht-heading-2" id="receipt-heading">
              {t('receiptTitle')}
            </h2>
            <p className="utrecht-paragraph">{t('receiptIntro')}</p>
            <p className="utrecht-paragraph ib-receipt">
              <span className="ib-visually-hidden">{t('receiptLabel')}: </span>
              <code className="utrecht-code ib-receipt__code" data-testid="receipt">
                {cast.receipt}
              </code>
            </p>
            <div className="ib-actions">
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={copy}>
                {t('copy')}
              </button>
              <span role="status">{copied === 'yes' ? t('copied') : copied === 'no' ? t('copyFailed') : ''}</span>
            </div>
            <ul className="utrecht-unordered-list">
              <li className="utrecht-unordered-list__item">{t('proves')}</li>
              <li className="utrecht-unordered-list__item">{t('provesNot')}</li>
              <li className="utrecht-unordered-list__item">{t('keep')}</li>
            </ul>
          </section>
        </>
      ) : (
        <p className="utrecht-paragraph">{t('nothing')}</p>
      )}
      <p className="ib-actions">
        <Link className="utrecht-link" to={`/rondes/${roundId}/ontvangstbewijs`}>
          {t('toCheck')}
        </Link>
        {cast?.receipt ? (
          <Link className="utrecht-link" to={ballotPath(roundId)}>
            {t('change')}
          </Link>
        ) : null}
      </p>
    </div>
  );
}

/** /rondes/:roundId/ontvangstbewijs: was the ballot with this receipt counted, and after adoption "my result". */
export function ReceiptCheckPage() {
  const { roundId = '' } = useParams();
  const t = useT(receiptTexts);
  const app = useT(portalTexts);
  usePageTitle(t('checkTitle'), app('app'));
  const [receipt, setReceipt] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ check: Check; mine: MyResult | null; mineProblem: Problem | null } | null>(null);
  const known = {
    'RECEIPT.MALFORMED': t('checkMalformed'),
    'RECEIPT.VOTING_OPEN': t('VOTING_OPEN'),
    'RECEIPT.NOT_FOUND': t('NOT_FOUND'),
    'BALLOTBOX.NOT_FOUND': t('NO_BOX'),
    'RECEIPT.RATE_LIMITED': t('RATE_LIMITED'),
    'RECEIPT.BALLOT_REPLACED': t('BALLOT_REPLACED'),
  };
  const problemText = useProblemText(known);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = receipt.trim();
    setAnswer(null);
    if (!value) return setErrors([{ field: 'receipt', message: t('checkEmpty') }]);
    if (!/^[A-Za-z0-9_-]{43}$/.test(value)) return setErrors([{ field: 'receipt', message: t('checkMalformed') }]);
    setErrors([]);
    setBusy(true);
    try {
      const path = { roundId, receipt: value };
      const check = await unwrap(publicApi.GET('/rounds/{roundId}/receipts/{receipt}', { params: { path } }));
      let mine: MyResult | null = null;
      let mineProblem: Problem | null = null;
      if (check.result === 'adopted' && check.status === 'counted') {
        try {
          mine = await unwrap(publicApi.GET('/rounds/{roundId}/receipts/{receipt}/result', { params: { path } }));
        } catch (error) {
          mineProblem = problemFrom(error);
        }
      }
      setErrors([]);
      setAnswer({ check, mine, mineProblem });
    } catch (error) {
      setErrors([{ field: 'receipt', message: problemText(problemFrom(error)) }]);
    } finally {
      setBusy(false);
    }
  };

  const channel = (c: Check['channel']) => (c === 'online' ? t('countedOnline') : c === 'assisted' ? t('countedAssisted') : t('countedPaper'));
  return (
    <div className="ib-stack">
      <PageHeading>{t('checkTitle')}</PageHeading>
      <ErrorSummary errors={errors} />
      <p className="utrecht-paragraph">{t('checkIntro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack" aria-busy={busy}>
        <TextField
          id="receipt"
          label={t('checkLabel')}
          description={t('checkHelp')}
          error={errors.find((e) => e.field === 'receipt')?.message}
          value={receipt}
          onChange={setReceipt}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <div className="ib-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {t('checkButton')}
          </button>
          {busy ? <span role="status">{t('busy')}</span> : null}
        </div>
      </form>
      {answer ? (
        <section aria-labelledby="check-heading" className="ib-stack" data-testid="receipt-answer">
          {answer.check.status === 'counted' ? (
            <Alert type="ok" heading={t('counted')}>
              <p className="utrecht-paragraph">{channel(answer.check.channel)}</p>
              <p className="utrecht-paragraph">{answer.check.result === 'pending' ? t('resultPending') : answer.check.result === 'published' ? t('resultPublished') : t('resultAdopted')}</p>
            </Alert>
          ) : (
            <Alert type="warning">
              <p className="utrecht-paragraph">{t('replaced', { channel: answer.check.replacedBy === 'paper' ? t('viaPaper') : answer.check.replacedBy === 'assisted' ? t('viaAssisted') : t('viaOnline') })}</p>
            </Alert>
          )}
          <h2 className="ib-visually-hidden" id="check-heading">
            {t('checkTitle')}
          </h2>
          <ProblemAlert problem={answer.mineProblem} known={known} />
          {answer.mine ? <MyResultTable result={answer.mine} /> : null}
          {answer.check.result !== 'pending' ? (
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/rondes/${roundId}/uitslag`}>
                {t('toResult')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function MyResultTable({ result }: { result: MyResult }) {
  const t = useT(receiptTexts);
  const { lang } = useLang();
  const shares = result.plans.some((p) => p.yourShare !== null);
  return (
    <section aria-labelledby="my-result-heading" className="ib-stack">
      <h2 className="utrecht-heading-2" id="my-result-heading">
        {t('myTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('myWon', { won: result.won, n: result.plans.length })}</p>
      <div className="ib-table-scroll">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">{t('myCaption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{t('colPlan')}</th>
              <th scope="col" className="utrecht-table__header-cell">{t('colOutcome')}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('colVotes')}</th>
              {shares ? <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('colShare')}</th> : null}
              <th scope="col" className="utrecht-table__header-cell">{t('colWhy')}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {result.plans.map((plan) => {
              const key = reasonKey(plan.reason.code);
              return (
                <tr key={plan.planId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {plan.title}
                    <br />
                    <span className="ib-muted">{euros(plan.costCents, lang)}</span>
                  </th>
                  <td className="utrecht-table__cell">{plan.selected ? t('won') : t('lost')}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{plan.votes ?? '–'}</td>
                  {shares ? <td className="utrecht-table__cell utrecht-table__cell--numeric">{plan.yourShare !== null ? euros(shareCents(plan.yourShare, result.countingUnitCents), lang) : '–'}</td> : null}
                  <td className="utrecht-table__cell">{key ? t(key) : plan.reason.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {result.yourShareLeft !== null ? <p className="utrecht-paragraph">{t('shareLeft', { amount: euros(shareCents(result.yourShareLeft, result.countingUnitCents), lang) })}</p> : null}
    </section>
  );
}
