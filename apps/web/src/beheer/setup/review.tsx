import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { euros, problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, Fieldset, ProblemAlert, RadioField, TextAreaField, useProblemText } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { staffClaims } from '../staff-auth';
import { type Criterion, currentVersion, eachOf, hasRole, planCost, statusName } from './common';

type Key =
  | 'queueTitle' | 'queueIntro' | 'queueNone' | 'caption' | 'plan' | 'area' | 'cost' | 'status' | 'judged' | 'judgedCount' | 'conflict' | 'open' | 'round' | 'reviewerOnly'
  | 'title' | 'intro' | 'summary' | 'verdicts' | 'criterionHelp' | 'met' | 'not_met' | 'needs_revision' | 'reason' | 'reasonHelp' | 'reasonEmpty' | 'noneChosen' | 'current' | 'notYet'
  | 'submit' | 'saved' | 'savedSome' | 'youConflict' | 'conflictTitle' | 'conflictIntro' | 'conflictReason' | 'conflictEmpty' | 'conflictButton' | 'conflictSaved' | 'queue' | 'wrongStatus'
  | 'PROPOSAL.WRONG_STATUS' | 'PROPOSAL.AWAITING_REVISION' | 'PROPOSAL.CRITERION_NOT_PUBLISHED' | 'PROPOSAL.REVIEWER_CONFLICT' | 'PROPOSAL.REVIEWER_IS_SUBMITTER'
  | 'PROPOSAL.CONFLICT_ALREADY_DECLARED' | 'PROPOSAL.REASON_REQUIRED' | 'PROPOSAL.NOT_FOUND';

const texts: Messages<Key> = {
  nl: {
    queueTitle: 'Plannen beoordelen',
    queueIntro: 'Beoordeel elk plan op de criteria die vooraf zijn gepubliceerd. Per criterium geeft u een oordeel met een reden.',
    queueNone: 'Er zijn geen plannen om te beoordelen.',
    caption: 'Plannen die op een oordeel wachten',
    plan: 'Plan',
    area: 'Buurt',
    cost: 'Kosten',
    status: 'Status',
    judged: 'Beoordeeld',
    judgedCount: '{n} van {total}',
    conflict: 'U heeft een belang gemeld',
    open: 'Beoordelen',
    round: 'Terug naar de ronde',
    reviewerOnly: 'Alleen een beoordelaar kan een oordeel geven. U kunt de plannen wel bekijken.',
    title: 'Plan beoordelen: {title}',
    intro: 'Kies per criterium of het plan eraan voldoet. Geef altijd een reden. De reden wordt openbaar.',
    summary: 'Het plan',
    verdicts: 'Uw oordeel per criterium',
    criterionHelp: 'Nu: {current}',
    met: 'Voldoet',
    not_met: 'Voldoet niet',
    needs_revision: 'Indiener moet het plan aanpassen',
    reason: 'Reden',
    reasonHelp: 'Kort en duidelijk, voor de indiener en voor iedereen.',
    reasonEmpty: '{criterion}: vul een reden in.',
    noneChosen: 'Kies bij minstens één criterium een oordeel.',
    current: 'Huidig oordeel',
    notYet: 'nog geen oordeel',
    submit: 'Oordelen opslaan',
    saved: 'Uw oordelen zijn opgeslagen ({n}).',
    savedSome: '{ok} oordelen opgeslagen, {failed} niet.',
    youConflict: 'U heeft een belang gemeld bij dit plan. U kunt het niet beoordelen.',
    conflictTitle: 'Belang melden',
    conflictIntro: 'Heeft u een persoonlijk belang bij dit plan? Meld het. Daarna beoordeelt iemand anders het plan.',
    conflictReason: 'Wat is uw belang?',
    conflictEmpty: 'Beschrijf uw belang.',
    conflictButton: 'Belang melden',
    conflictSaved: 'Uw belang is gemeld. U beoordeelt dit plan niet.',
    queue: 'Terug naar de plannen',
    wrongStatus: 'Dit plan wacht niet op een oordeel (status: {status}).',
    'PROPOSAL.WRONG_STATUS': 'Dit plan kan nu niet beoordeeld worden.',
    'PROPOSAL.AWAITING_REVISION': 'De indiener past het plan nog aan. Wacht op de nieuwe versie.',
    'PROPOSAL.CRITERION_NOT_PUBLISHED': 'Dit criterium was niet vooraf gepubliceerd.',
    'PROPOSAL.REVIEWER_CONFLICT': 'U heeft een belang gemeld bij dit plan. U kunt het niet beoordelen.',
    'PROPOSAL.REVIEWER_IS_SUBMITTER': 'U heeft dit plan zelf ingediend of ingevoerd. Iemand anders moet het beoordelen.',
    'PROPOSAL.CONFLICT_ALREADY_DECLARED': 'U heeft uw belang al gemeld.',
    'PROPOSAL.REASON_REQUIRED': 'Vul een reden in.',
    'PROPOSAL.NOT_FOUND': 'Dit plan bestaat niet (meer).',
  },
  en: {
    queueTitle: 'Review plans',
    queueIntro: 'Review each plan on the criteria published beforehand. Give a verdict with a reason per criterion.',
    queueNone: 'There are no plans to review.',
    caption: 'Plans awaiting a verdict',
    plan: 'Plan',
    area: 'Area',
    cost: 'Cost',
    status: 'Status',
    judged: 'Reviewed',
    judgedCount: '{n} of {total}',
    conflict: 'You declared an interest',
    open: 'Review',
    round: 'Back to the round',
    reviewerOnly: 'Only a reviewer can give a verdict. You can still view the plans.',
    title: 'Review plan: {title}',
    intro: 'Choose per criterion whether the plan meets it. Always give a reason. The reason is made public.',
    summary: 'The plan',
    verdicts: 'Your verdict per criterion',
    criterionHelp: 'Now: {current}',
    met: 'Met',
    not_met: 'Not met',
    needs_revision: 'The submitter must revise the plan',
    reason: 'Reason',
    reasonHelp: 'Short and clear, for the submitter and for everyone.',
    reasonEmpty: '{criterion}: enter a reason.',
    noneChosen: 'Choose a verdict for at least one criterion.',
    current: 'Current verdict',
    notYet: 'no verdict yet',
    submit: 'Save verdicts',
    saved: 'Your verdicts were saved ({n}).',
    savedSome: '{ok} verdicts saved, {failed} not.',
    youConflict: 'You declared an interest in this plan. You cannot review it.',
    conflictTitle: 'Declare an interest',
    conflictIntro: 'Do you have a personal interest in this plan? Declare it. Someone else then reviews the plan.',
    conflictReason: 'What is your interest?',
    conflictEmpty: 'Describe your interest.',
    conflictButton: 'Declare interest',
    conflictSaved: 'Your interest was declared. You will not review this plan.',
    queue: 'Back to the plans',
    wrongStatus: 'This plan is not awaiting a verdict (status: {status}).',
    'PROPOSAL.WRONG_STATUS': 'This plan cannot be reviewed now.',
    'PROPOSAL.AWAITING_REVISION': 'The submitter is still revising the plan. Wait for the new version.',
    'PROPOSAL.CRITERION_NOT_PUBLISHED': 'This criterion was not published beforehand.',
    'PROPOSAL.REVIEWER_CONFLICT': 'You declared an interest in this plan. You cannot review it.',
    'PROPOSAL.REVIEWER_IS_SUBMITTER': 'You submitted or entered this plan yourself. Someone else must review it.',
    'PROPOSAL.CONFLICT_ALREADY_DECLARED': 'You already declared your interest.',
    'PROPOSAL.REASON_REQUIRED': 'Enter a reason.',
    'PROPOSAL.NOT_FOUND': 'This plan does not exist (any more).',
  },
};

const problemCodes = [
  'PROPOSAL.WRONG_STATUS', 'PROPOSAL.AWAITING_REVISION', 'PROPOSAL.CRITERION_NOT_PUBLISHED', 'PROPOSAL.REVIEWER_CONFLICT', 'PROPOSAL.REVIEWER_IS_SUBMITTER',
  'PROPOSAL.CONFLICT_ALREADY_DECLARED', 'PROPOSAL.REASON_REQUIRED', 'PROPOSAL.NOT_FOUND',
] as const;

type Outcome = 'met' | 'not_met' | 'needs_revision';
const outcomes: Outcome[] = ['met', 'not_met', 'needs_revision'];
const reviewable = ['submitted', 'revision_requested'];

/** The review queue of a round: the plans awaiting verdicts, how far each is judged. */
export function ReviewQueuePage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('queueTitle'), app('app'));
  const plans = useLoad(() => unwrap(staffApi.GET('/rounds/{roundId}/proposals', { params: { path: { roundId } } })), [roundId]);
  const me = staffClaims().sub;
  const queue = (plans.data?.plans ?? []).filter((p) => reviewable.includes(p.status));
  return (
    <div className="ib-stack">
      <PageHeading>{t('queueTitle')}</PageHeading>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/rondes/${roundId}`}>
          {t('round')}
        </Link>
      </p>
      <p className="utrecht-paragraph">{t('queueIntro')}</p>
      {!hasRole('reviewer') ? <Alert type="info">{t('reviewerOnly')}</Alert> : null}
      <ProblemAlert problem={plans.problem} />
      {plans.loading && !plans.data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {plans.data && queue.length === 0 ? <p className="utrecht-paragraph">{t('queueNone')}</p> : null}
      {queue.length > 0 ? (
        <div className="ib-table-scroll">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">{t('caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('plan')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('area')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('cost')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('status')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('judged')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {queue.map((plan) => {
                const verdicts = plan.currentVerdicts as unknown as Record<string, string>;
                const judged = plan.publishedCriteria.filter((c) => verdicts[c]).length;
                return (
                  <tr className="utrecht-table__row" key={plan.proposalId}>
                    <th className="utrecht-table__header-cell" scope="row">
                      <Link className="utrecht-link" to={`/plannen/${plan.proposalId}/beoordeling`}>
                        {currentVersion(plan).title}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">{plan.areaId}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(planCost(plan), lang)}</td>
                    <td className="utrecht-table__cell">{statusName(plan.status, lang)}</td>
                    <td className="utrecht-table__cell">
                      {t('judgedCount', { n: judged, total: plan.publishedCriteria.length })}
                      {me && plan.conflictedReviewers.includes(me) ? <> – {t('conflict')}</> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** One plan's review: a verdict per published criterion (POST /proposals/{id}/verdicts), or a declared conflict of interest. */
export function PlanReviewPage() {
  const { proposalId = '' } = useParams();
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  const known = Object.fromEntries(problemCodes.map((code) => [code, t(code)]));
  const problemText = useProblemText(known);
  const loaded = useLoad(async () => {
    const plan = await unwrap(staffApi.GET('/proposals/{proposalId}', { params: { path: { proposalId } } }));
    const round = await unwrap(staffApi.GET('/rounds/{roundId}', { params: { path: { roundId: plan.roundId } } }));
    return { plan, criteria: (round.criteriaPublishedBeforeSubmission ?? []) as unknown as Criterion[] };
  }, [proposalId]);
  const plan = loaded.data?.plan;
  const title = plan ? t('title', { title: currentVersion(plan).title }) : app('loading');
  usePageTitle(title, app('app'));
  const [chosen, setChosen] = useState<Record<string, { outcome?: Outcome; reason: string }>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const me = staffClaims().sub;
  const reviewer = hasRole('reviewer');
  const conflicted = !!(plan && me && plan.conflictedReviewers.includes(me));
  const criteria = loaded.data ? loaded.data.criteria.filter((c) => plan!.publishedCriteria.includes(c.id)) : [];
  const verdicts = (plan?.currentVerdicts ?? {}) as unknown as Record<string, Outcome>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const found: FieldError[] = [];
    const toSend = criteria.filter((c) => chosen[c.id]?.outcome);
    for (const c of toSend) if (!chosen[c.id]!.reason.trim()) found.push({ field: `reason-${c.id}`, message: t('reasonEmpty', { criterion: c.text }) });
    if (toSend.length === 0 && criteria[0]) found.push({ field: `verdict-${criteria[0].id}-met`, message: t('noneChosen') });
    setErrors(found);
    if (found.length > 0) return;
    setSending(true);
    const result = await eachOf(toSend, (c) =>
      unwrap(staffApi.POST('/proposals/{proposalId}/verdicts', { params: { path: { proposalId } }, body: { criterionId: c.id, outcome: chosen[c.id]!.outcome!, reason: chosen[c.id]!.reason.trim() } })),
    );
    setSending(false);
    if (result.failed.length > 0) {
      setErrors(result.failed.map(({ item, problem }) => ({ field: `verdict-${item.id}-met`, message: `${item.text}: ${problemText(problem)}` })));
      if (result.ok.length > 0) setMessage(t('savedSome', { ok: result.ok.length, failed: result.failed.length }));
    } else {
      setMessage(t('saved', { n: result.ok.length }));
      setChosen({});
    }
    loaded.reload();
  };

  return (
    <div className="ib-stack">
      <PageHeading>{title}</PageHeading>
      {plan ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/rondes/${plan.roundId}/beoordeling`}>
            {t('queue')}
          </Link>
        </p>
      ) : null}
      <ProblemAlert problem={loaded.problem} known={known} />
      {message ? <Alert type="ok">{message}</Alert> : null}
      {plan ? (
        <>
          <section aria-labelledby="plan-summary" className="ib-stack">
            <h2 className="utrecht-heading-2" id="plan-summary">{t('summary')}</h2>
            <p className="utrecht-paragraph">{currentVersion(plan).summary}</p>
            <dl className="utrecht-data-list">
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('area')}</dt>
                <dd className="utrecht-data-list__item-value">{plan.areaId}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('cost')}</dt>
                <dd className="utrecht-data-list__item-value">{euros(planCost(plan), lang)}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('status')}</dt>
                <dd className="utrecht-data-list__item-value">{statusName(plan.status, lang)}</dd>
              </div>
            </dl>
          </section>
          {!reviewer ? <Alert type="info">{t('reviewerOnly')}</Alert> : null}
          {conflicted ? <Alert type="warning">{t('youConflict')}</Alert> : null}
          {!reviewable.includes(plan.status) ? <Alert type="info">{t('wrongStatus', { status: statusName(plan.status, lang) })}</Alert> : null}
          <form className="ib-stack" noValidate onSubmit={submit}>
            <h2 className="utrecht-heading-2">{t('verdicts')}</h2>
            <p className="utrecht-paragraph">{t('intro')}</p>
            <ErrorSummary errors={errors} />
            {criteria.map((c) => {
              const now = verdicts[c.id];
              const reasonError = errors.find((e) => e.field === `reason-${c.id}`)?.message;
              const groupError = errors.find((e) => e.field === `verdict-${c.id}-met`)?.message;
              return (
                <Fieldset key={c.id} id={`verdict-${c.id}`} legend={c.text} description={t('criterionHelp', { current: now ? t(now) : t('notYet') })} error={groupError}>
                  {outcomes.map((o) => (
                    <RadioField
                      key={o}
                      id={`verdict-${c.id}-${o}`}
                      name={`verdict-${c.id}`}
                      value={o}
                      label={t(o)}
                      checked={chosen[c.id]?.outcome === o}
                      onChange={() => setChosen((all) => ({ ...all, [c.id]: { reason: all[c.id]?.reason ?? '', outcome: o } }))}
                    />
                  ))}
                  <TextAreaField
                    id={`reason-${c.id}`}
                    label={t('reason')}
                    description={t('reasonHelp')}
                    rows={2}
                    value={chosen[c.id]?.reason ?? ''}
                    onChange={(reason) => setChosen((all) => ({ ...all, [c.id]: { ...all[c.id], reason } }))}
                    error={reasonError}
                  />
                </Fieldset>
              );
            })}
            <p className="ib-actions">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={!reviewer || conflicted || sending}>
                {t('submit')}
              </button>
            </p>
          </form>
          {reviewer && !conflicted ? <Conflict proposalId={proposalId} onDone={loaded.reload} /> : null}
        </>
      ) : null}
    </div>
  );
}

function Conflict({ proposalId, onDone }: { proposalId: string; onDone(): void }) {
  const t = useT(texts);
  const known = Object.fromEntries(problemCodes.map((code) => [code, t(code)]));
  const problemText = useProblemText(known);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setErrors([{ field: 'conflict-reason', message: t('conflictEmpty') }]);
      return;
    }
    setErrors([]);
    try {
      await unwrap(staffApi.POST('/proposals/{proposalId}/conflicts-of-interest', { params: { path: { proposalId } }, body: { reason: reason.trim() } }));
      onDone();
    } catch (error) {
      setErrors([{ field: 'conflict-reason', message: problemText(problemFrom(error)) }]);
    }
  };
  return (
    <form className="ib-stack" noValidate onSubmit={submit} aria-labelledby="conflict-title">
      <h2 className="utrecht-heading-2" id="conflict-title">{t('conflictTitle')}</h2>
      <p className="utrecht-paragraph">{t('conflictIntro')}</p>
      <ErrorSummary errors={errors} />
      <TextAreaField id="conflict-reason" label={t('conflictReason')} rows={2} value={reason} onChange={setReason} error={errors[0]?.message} />
      <p className="ib-actions">
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('conflictButton')}
        </button>
      </p>
    </form>
  );
}
