import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { euros, type Problem, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, Fieldset, ProblemAlert, RadioField, TextAreaField, useProblemText } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { currentVersion, eachOf, hasRole, type Plan, planCost, statusName } from './common';

type Action = 'admit' | 'refuse' | 'select';
type Key =
  | 'title' | 'intro' | 'none' | 'caption' | 'choose' | 'plan' | 'area' | 'cost' | 'feasibility' | 'feasibilityCount' | 'status' | 'all' | 'action' | 'admit' | 'refuse' | 'select'
  | 'reason' | 'reasonHelp' | 'reasonEmpty' | 'noneSelected' | 'submit' | 'sending' | 'resultTitle' | 'succeeded' | 'failed' | 'notAllowed' | 'round' | 'chosen'
  | 'PROPOSAL.WRONG_STATUS' | 'PROPOSAL.CRITERIA_NOT_MET' | 'PROPOSAL.NO_BALLOT' | 'PROPOSAL.NO_ADOPTED_RESULT' | 'PROPOSAL.SELECTION_CONTRADICTS_RESULT' | 'PROPOSAL.REASON_REQUIRED' | 'STORE.CONCURRENT_WRITE';

const texts: Messages<Key> = {
  nl: {
    title: 'Toelaten en selecteren',
    intro: 'Kies de plannen. Kies dan wat u met alle gekozen plannen doet. U ziet daarna per plan of het gelukt is.',
    none: 'Er zijn nog geen plannen in deze ronde.',
    caption: 'De plannen van deze ronde',
    choose: 'Kies',
    plan: 'Plan',
    area: 'Buurt',
    cost: 'Kosten',
    feasibility: 'Criteria voldaan',
    feasibilityCount: '{n} van {total}',
    status: 'Status',
    all: 'Alle plannen kiezen',
    action: 'Wat wilt u doen met de gekozen plannen?',
    admit: 'Toelaten tot de stemming',
    refuse: 'Niet toelaten tot de stemming',
    select: 'Selectie vastleggen volgens de vastgestelde uitslag',
    reason: 'Reden',
    reasonHelp: 'De reden wordt vastgelegd en is openbaar. Bijvoorbeeld: voldoet aan alle criteria.',
    reasonEmpty: 'Vul een reden in.',
    noneSelected: 'Kies minstens één plan.',
    submit: 'Uitvoeren voor de gekozen plannen',
    sending: 'Bezig…',
    resultTitle: 'Resultaat',
    succeeded: 'Gelukt ({n})',
    failed: 'Niet gelukt ({n})',
    notAllowed: 'Alleen een beheerder kan plannen toelaten of selecteren. U kunt de plannen wel bekijken.',
    round: 'Terug naar de ronde',
    chosen: '{n} plannen gekozen',
    'PROPOSAL.WRONG_STATUS': 'dit plan kan dat nu niet (de status past niet).',
    'PROPOSAL.CRITERIA_NOT_MET': 'het plan voldoet niet aan alle criteria, of is nog niet helemaal beoordeeld.',
    'PROPOSAL.NO_BALLOT': 'deze ronde heeft geen stemming.',
    'PROPOSAL.NO_ADOPTED_RESULT': 'er is nog geen vastgestelde uitslag.',
    'PROPOSAL.SELECTION_CONTRADICTS_RESULT': 'dit past niet bij de vastgestelde uitslag.',
    'PROPOSAL.REASON_REQUIRED': 'vul een reden in.',
    'STORE.CONCURRENT_WRITE': 'iemand anders wijzigde het plan net. Probeer het opnieuw.',
  },
  en: {
    title: 'Admission and selection',
    intro: 'Choose the plans. Then choose what to do with all chosen plans. Afterwards you see per plan whether it worked.',
    none: 'There are no plans in this round yet.',
    caption: "The round's plans",
    choose: 'Choose',
    plan: 'Plan',
    area: 'Area',
    cost: 'Cost',
    feasibility: 'Criteria met',
    feasibilityCount: '{n} of {total}',
    status: 'Status',
    all: 'Choose all plans',
    action: 'What do you want to do with the chosen plans?',
    admit: 'Admit to the ballot',
    refuse: 'Do not admit to the ballot',
    select: 'Record the selection as the adopted result says',
    reason: 'Reason',
    reasonHelp: 'The reason is recorded and public. For example: meets every criterion.',
    reasonEmpty: 'Enter a reason.',
    noneSelected: 'Choose at least one plan.',
    submit: 'Carry out for the chosen plans',
    sending: 'Working…',
    resultTitle: 'Result',
    succeeded: 'Done ({n})',
    failed: 'Not done ({n})',
    notAllowed: 'Only an administrator can admit or select plans. You can still view them.',
    round: 'Back to the round',
    chosen: '{n} plans chosen',
    'PROPOSAL.WRONG_STATUS': 'this plan cannot do that now (its status does not fit).',
    'PROPOSAL.CRITERIA_NOT_MET': 'the plan does not meet every criterion, or is not fully reviewed yet.',
    'PROPOSAL.NO_BALLOT': 'this round has no vote.',
    'PROPOSAL.NO_ADOPTED_RESULT': 'there is no adopted result yet.',
    'PROPOSAL.SELECTION_CONTRADICTS_RESULT': 'this contradicts the adopted result.',
    'PROPOSAL.REASON_REQUIRED': 'enter a reason.',
    'STORE.CONCURRENT_WRITE': 'someone else just changed the plan. Try again.',
  },
};

const problemCodes = ['PROPOSAL.WRONG_STATUS', 'PROPOSAL.CRITERIA_NOT_MET', 'PROPOSAL.NO_BALLOT', 'PROPOSAL.NO_ADOPTED_RESULT', 'PROPOSAL.SELECTION_CONTRADICTS_RESULT', 'PROPOSAL.REASON_REQUIRED', 'STORE.CONCURRENT_WRITE'] as const;
const hidden = ['awaiting_moderation', 'moderation_refused', 'withdrawn', 'merged'];

/** Admission to the ballot and selection, in bulk: checkboxes per plan, one action for the chosen, and what succeeded and failed. */
export function AdmissionPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const known = Object.fromEntries(problemCodes.map((code) => [code, t(code)]));
  const problemText = useProblemText(known);
  const loaded = useLoad(() => unwrap(staffApi.GET('/rounds/{roundId}/proposals', { params: { path: { roundId } } })), [roundId]);
  const plans = (loaded.data?.plans ?? []).filter((p) => !hidden.includes(p.status));
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<Action>('admit');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: Plan[]; failed: { item: Plan; problem: Problem }[] } | null>(null);
  const admin = hasRole('administrator');

  const toggle = (id: string, on: boolean) =>
    setPicked((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const found: FieldError[] = [];
    const chosen = plans.filter((p) => picked.has(p.proposalId));
    if (chosen.length === 0 && plans[0]) found.push({ field: `pick-${plans[0].proposalId}`, message: t('noneSelected') });
    if (!reason.trim()) found.push({ field: 'bulk-reason', message: t('reasonEmpty') });
    setErrors(found);
    if (found.length > 0) return;
    setSending(true);
    const result = await eachOf(chosen, (plan) => {
      const path = { params: { path: { proposalId: plan.proposalId } } };
      if (action === 'select') return unwrap(staffApi.POST('/proposals/{proposalId}/selection', { ...path, body: { reason: reason.trim() } }));
      return unwrap(staffApi.POST('/proposals/{proposalId}/admission', { ...path, body: { admitted: action === 'admit', reason: reason.trim() } }));
    });
    setSending(false);
    setOutcome(result);
    setPicked(new Set(result.failed.map((f) => f.item.proposalId)));
    loaded.reload();
  };

  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/rondes/${roundId}`}>
          {t('round')}
        </Link>
      </p>
      <p className="utrecht-paragraph">{t('intro')}</p>
      {!admin ? <Alert type="warning">{t('notAllowed')}</Alert> : null}
      <ProblemAlert problem={loaded.problem} />
      {outcome ? (
        <section aria-labelledby="bulk-result" aria-live="polite" className="ib-stack" data-testid="bulk-result">
          <Alert type={outcome.failed.length > 0 ? 'warning' : 'ok'}>
            <h2 className="utrecht-heading-3" id="bulk-result">{t('resultTitle')}</h2>
            {outcome.ok.length > 0 ? (
              <>
                <p className="utrecht-paragraph">{t('succeeded', { n: outcome.ok.length })}</p>
                <ul className="utrecht-unordered-list">
                  {outcome.ok.map((p) => (
                    <li className="utrecht-unordered-list__item" key={p.proposalId}>{currentVersion(p).title}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {outcome.failed.length > 0 ? (
              <>
                <p className="utrecht-paragraph">{t('failed', { n: outcome.failed.length })}</p>
                <ul className="utrecht-unordered-list">
                  {outcome.failed.map(({ item, problem }) => (
                    <li className="utrecht-unordered-list__item" key={item.proposalId}>
                      {currentVersion(item).title}: {problemText(problem)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Alert>
        </section>
      ) : null}
      {loaded.loading && !loaded.data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {loaded.data && plans.length === 0 ? <p className="utrecht-paragraph">{t('none')}</p> : null}
      {plans.length > 0 ? (
        <form className="ib-stack" noValidate onSubmit={submit}>
          <ErrorSummary errors={errors} />
          <div className="ib-table-scroll">
            <table className="utrecht-table">
              <caption className="utrecht-table__caption">{t('caption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    <input
                      id="pick-all"
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      checked={picked.size === plans.length}
                      onChange={(e) => setPicked(e.target.checked ? new Set(plans.map((p) => p.proposalId)) : new Set())}
                    />{' '}
                    <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="pick-all">
                      {t('all')}
                    </label>
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">{t('area')}</th>
                  <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('cost')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('feasibility')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {plans.map((plan) => {
                  const verdicts = plan.currentVerdicts as unknown as Record<string, string>;
                  const met = plan.publishedCriteria.filter((c) => verdicts[c] === 'met').length;
                  const id = `pick-${plan.proposalId}`;
                  return (
                    <tr className="utrecht-table__row" key={plan.proposalId}>
                      <th className="utrecht-table__header-cell" scope="row">
                        <input
                          id={id}
                          type="checkbox"
                          className="utrecht-checkbox utrecht-checkbox--html-input"
                          checked={picked.has(plan.proposalId)}
                          onChange={(e) => toggle(plan.proposalId, e.target.checked)}
                        />{' '}
                        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
                          {currentVersion(plan).title}
                        </label>
                      </th>
                      <td className="utrecht-table__cell">{plan.areaId}</td>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(planCost(plan), lang)}</td>
                      <td className="utrecht-table__cell">{t('feasibilityCount', { n: met, total: plan.publishedCriteria.length })}</td>
                      <td className="utrecht-table__cell" data-testid={`status-${plan.proposalId}`}>{statusName(plan.status, lang)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="utrecht-paragraph" aria-live="polite">{t('chosen', { n: picked.size })}</p>
          <Fieldset id="bulk-action" legend={t('action')}>
            {(['admit', 'refuse', 'select'] as Action[]).map((a) => (
              <RadioField key={a} id={`action-${a}`} name="bulk-action" value={a} label={t(a)} checked={action === a} onChange={() => setAction(a)} />
            ))}
          </Fieldset>
          <TextAreaField id="bulk-reason" label={t('reason')} description={t('reasonHelp')} rows={2} value={reason} onChange={setReason} error={errors.find((e) => e.field === 'bulk-reason')?.message} />
          <p className="ib-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={!admin || sending}>
              {sending ? t('sending') : t('submit')}
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}
