import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { dateText, euros, type Problem, problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { portalTexts } from '../messages';
import { DataItem, isSignedIn, residentApi, SignInNeeded, themeLabel, unwrapTagged, useStatusText } from './common';
import { checkPlan, costOf, knownProblems, PlanFields, planFormTexts, type PlanFailure, type PlanInput, planInputOf, problemErrors, usePlanErrors } from './plan-form';
import './plans.css';

const nl = {
  title: 'Mijn plan',
  back: 'Terug naar mijn plannen',
  submitted: 'Uw plan is ingediend. Dank u wel!',
  submittedNext: 'De gemeente kijkt eerst of het plan past. Daarna ziet iedereen het plan. U vindt het altijd terug bij "Mijn plannen".',
  amended: 'Uw plan is aangepast. Dit is nu versie {n}.',
  details: 'Waar staat uw plan?',
  status: 'Status',
  summary: 'Korte uitleg',
  area: 'Buurt',
  theme: 'Thema',
  cost: 'Kosten in totaal',
  costParts: '{investment} eenmalig, plus {maintenance} per jaar onderhoud voor {years} jaar',
  support: 'Steun',
  threshold: 'Uw plan heeft genoeg steun.',
  submittedAt: 'Ingediend op',
  moderation: 'Controle door de gemeente',
  waiting: 'De gemeente heeft uw plan nog niet gecontroleerd.',
  admittedAt: 'Toegelaten op {date}.',
  refusedAt: 'Niet toegelaten op {date}.',
  reason: 'Reden: {reason}',
  verdicts: 'Beoordeling',
  verdictsCaption: 'Wat de beoordelaars vinden van de huidige versie',
  criterion: 'Punt',
  outcome: 'Uitkomst',
  verdictReason: 'Uitleg',
  met: 'Voldoet',
  not_met: 'Voldoet niet',
  needs_revision: 'Moet worden aangepast',
  versions: 'Versies',
  versionsCaption: 'Alle versies van uw plan, de eerste bovenaan',
  version: 'Versie',
  date: 'Datum',
  planTitle: 'Titel',
  amendTitle: 'Plan aanpassen',
  amendIntro: 'U kunt uw plan aanpassen tot de termijn voor plannen voorbij is. De gemeente bewaart elke versie.',
  amendButton: 'Aanpassing opslaan',
  sending: 'Uw aanpassing wordt verstuurd…',
  notAmendable: 'U kunt dit plan niet meer aanpassen.',
  public: 'Bekijk het plan zoals iedereen het ziet',
  notFound: 'Dit plan bestaat niet, of het is niet van u.',
};
const texts: Messages<keyof typeof nl> = {
  nl,
  en: {
    title: 'My plan',
    back: 'Back to my plans',
    submitted: 'Your plan has been submitted. Thank you!',
    submittedNext: 'The municipality first checks whether the plan fits. Then everyone can see it. You can always find it under "My plans".',
    amended: 'Your plan has been changed. This is now version {n}.',
    details: 'Where does your plan stand?',
    status: 'Status',
    summary: 'Short explanation',
    area: 'Area',
    theme: 'Theme',
    cost: 'Total cost',
    costParts: '{investment} one-off, plus {maintenance} a year of maintenance for {years} years',
    support: 'Support',
    threshold: 'Your plan has enough support.',
    submittedAt: 'Submitted on',
    moderation: 'Check by the municipality',
    waiting: 'The municipality has not checked your plan yet.',
    admittedAt: 'Let in on {date}.',
    refusedAt: 'Not let in on {date}.',
    reason: 'Reason: {reason}',
    verdicts: 'Assessment',
    verdictsCaption: 'What the assessors think of the current version',
    criterion: 'Point',
    outcome: 'Outcome',
    verdictReason: 'Explanation',
    met: 'Meets it',
    not_met: 'Does not meet it',
    needs_revision: 'Needs changes',
    versions: 'Versions',
    versionsCaption: 'Every version of your plan, the first at the top',
    version: 'Version',
    date: 'Date',
    planTitle: 'Title',
    amendTitle: 'Change your plan',
    amendIntro: 'You can change your plan until the term for plans is over. The municipality keeps every version.',
    amendButton: 'Save the change',
    sending: 'Sending your change…',
    notAmendable: 'You cannot change this plan any more.',
    public: 'See the plan as everyone sees it',
    notFound: 'This plan does not exist, or it is not yours.',
  },
};

/** While the plan is in one of these, its submitter may amend it (the api decides the deadline). */
const AMENDABLE = ['awaiting_moderation', 'submitted', 'revision_requested'];
/** Statuses in which the plan is on the public list. */
const PUBLIC = ['submitted', 'admitted', 'refused', 'selected', 'not_selected', 'granted', 'grant_refused', 'implementing', 'realised', 'partly_realised', 'cancelled'];

/** One of the resident's own plans: where it stands, its versions, and a form to amend it (POST …/amendments). */
export function MyPlanPage() {
  const { roundId = '', proposalId = '' } = useParams();
  const t = useT(texts);
  const f = useT(planFormTexts);
  const app = useT(portalTexts);
  const statusText = useStatusText();
  const { lang } = useLang();
  const location = useLocation();
  const [params] = useSearchParams();
  const signedIn = isSignedIn(roundId);
  const plan = useLoad(
    () => (signedIn ? unwrap(residentApi(roundId).GET('/rounds/{roundId}/my-plans/{proposalId}', { params: { path: { roundId, proposalId } } })) : Promise.resolve(null)),
    [roundId, proposalId, signedIn],
  );
  usePageTitle(plan.data?.title ?? t('title'), app('app'));

  // The ETag of the last write this tab made (the submission, or an amendment): sent as If-Match.
  const [etag, setEtag] = useState<string | null>(() => (location.state as { etag?: string } | null)?.etag ?? null);
  const [input, setInput] = useState<PlanInput | null>(null);
  const [failure, setFailure] = useState<PlanFailure>(null);
  const errors = usePlanErrors(failure, 'amend');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const [amended, setAmended] = useState<number | null>(null);
  // A new form after each saved change (its fields no longer count as touched).
  const [formKey, setFormKey] = useState(0);
  const current = plan.data ? plan.data.versions[plan.data.versions.length - 1] : undefined;
  useEffect(() => {
    if (current && input === null) setInput(planInputOf(current));
  }, [current, input]);

  const amend = async (event: FormEvent) => {
    event.preventDefault();
    if (!input || !plan.data) return;
    setProblem(null);
    setAmended(null);
    if (checkPlan(input, 'amend', f).length > 0) {
      setFailure({ input });
      return;
    }
    setFailure(null);
    setSending(true);
    try {
      const answer = await unwrapTagged(residentApi(roundId).POST('/rounds/{roundId}/my-plans/{proposalId}/amendments', {
        params: { path: { roundId, proposalId }, header: etag ? { 'If-Match': etag } : {} },
        body: { title: input.title.trim(), summary: input.summary.trim(), costEstimate: costOf(input), reason: input.reason.trim() },
      }));
      setEtag(answer.etag);
      setAmended(plan.data.versions.length + 1);
      setInput({ ...input, reason: '' });
      setFormKey((n) => n + 1);
      plan.reload();
    } catch (error) {
      const failed = problemFrom(error);
      if (failed.status === 412) setEtag(null);
      if (problemErrors(failed, 'amend', f)) setFailure({ problem: failed });
      else setProblem(failed);
    } finally {
      setSending(false);
    }
  };

  const data = plan.data;
  const verdictText = (outcome: string) => (outcome === 'met' || outcome === 'not_met' || outcome === 'needs_revision' ? t(outcome) : outcome);
  return (
    <div className="ib-stack">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/rondes/${roundId}/mijn-plannen`}>
          {t('back')}
        </Link>
      </p>
      <PageHeading>{data?.title ?? t('title')}</PageHeading>
      {!signedIn ? <SignInNeeded roundId={roundId} /> : null}
      {params.get('ingediend') === '1' && data ? (
        <Alert type="ok" heading={t('submitted')}>
          <p className="utrecht-paragraph">{t('submittedNext')}</p>
        </Alert>
      ) : null}
      <ProblemAlert problem={plan.problem} known={{ 'PROPOSAL.NOT_FOUND': t('notFound'), 'PROPOSAL.WRONG_ROUND': f('p.wrongRound') }} />
      {plan.loading && !data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {data && current ? (
        <>
          <h2 className="utrecht-heading-2">{t('details')}</h2>
          <dl className="utrecht-data-list ib-plan-facts">
            <DataItem label={t('status')}>{statusText(data.status)}</DataItem>
            <DataItem label={t('summary')}>{current.summary}</DataItem>
            <DataItem label={t('area')}>{data.areaId}</DataItem>
            <DataItem label={t('theme')}>{themeLabel(data.themeId)}</DataItem>
            <DataItem label={t('cost')}>
              {euros(data.costEstimate.investmentCents + data.costEstimate.maintenancePerYearCents * data.costEstimate.maintenanceYears, lang)}
              {data.costEstimate.maintenancePerYearCents > 0 ? (
                <>
                  {' '}
                  ({t('costParts', { investment: euros(data.costEstimate.investmentCents, lang), maintenance: euros(data.costEstimate.maintenancePerYearCents, lang), years: data.costEstimate.maintenanceYears })})
                </>
              ) : null}
            </DataItem>
            <DataItem label={t('support')}>
              {data.supportCount}
              {data.supportThresholdReached ? <> – {t('threshold')}</> : null}
            </DataItem>
            <DataItem label={t('submittedAt')}>{dateText(data.submittedAt, lang)}</DataItem>
          </dl>
          {PUBLIC.includes(data.status) ? (
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/rondes/${roundId}/plannen/${proposalId}`}>
                {t('public')}
              </Link>
            </p>
          ) : null}

          <h2 className="utrecht-heading-2">{t('moderation')}</h2>
          {data.moderation === null ? (
            <p className="utrecht-paragraph">{t('waiting')}</p>
          ) : (
            <p className="utrecht-paragraph">
              {data.moderation.admitted ? t('admittedAt', { date: dateText(data.moderation.at, lang) }) : t('refusedAt', { date: dateText(data.moderation.at, lang) })}
              {data.moderation.reason ? <> {t('reason', { reason: data.moderation.reason })}</> : null}
            </p>
          )}

          {data.verdicts.length > 0 ? (
            <>
              <h2 className="utrecht-heading-2">{t('verdicts')}</h2>
              <div className="ib-table-scroll">
                <table className="utrecht-table">
                  <caption className="utrecht-table__caption">{t('verdictsCaption')}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th className="utrecht-table__header-cell" scope="col">{t('criterion')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('outcome')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('verdictReason')}</th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {data.verdicts.map((v) => (
                      <tr className="utrecht-table__row" key={v.criterionId}>
                        <th className="utrecht-table__header-cell" scope="row">{v.criterionId}</th>
                        <td className="utrecht-table__cell">{verdictText(v.outcome)}</td>
                        <td className="utrecht-table__cell">{v.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}

          <h2 className="utrecht-heading-2">{t('versions')}</h2>
          <div className="ib-table-scroll" data-testid="versions">
            <table className="utrecht-table">
              <caption className="utrecht-table__caption">{t('versionsCaption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{t('version')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('date')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('planTitle')}</th>
                  <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('cost')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {data.versions.map((v) => (
                  <tr className="utrecht-table__row" key={v.number}>
                    <th className="utrecht-table__header-cell" scope="row">{v.number}</th>
                    <td className="utrecht-table__cell">{dateText(v.at, lang, true)}</td>
                    <td className="utrecht-table__cell">{v.title}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(v.costEstimate.investmentCents + v.costEstimate.maintenancePerYearCents * v.costEstimate.maintenanceYears, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <section aria-labelledby="amend-heading" className="ib-stack">
            <h2 className="utrecht-heading-2" id="amend-heading">
              {t('amendTitle')}
            </h2>
            <div role="status">{amended ? <Alert type="ok">{t('amended', { n: amended })}</Alert> : null}</div>
            {AMENDABLE.includes(data.status) && input ? (
              <form key={formKey} noValidate onSubmit={(e) => void amend(e)} className="ib-stack ib-plan-form">
                <p className="utrecht-paragraph">{t('amendIntro')}</p>
                <ErrorSummary errors={errors} />
                <ProblemAlert problem={problem} known={knownProblems(f)} />
                <PlanFields kind="amend" input={input} onChange={setInput} errors={errors} />
                <div className="ib-actions">
                  <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={sending}>
                    {t('amendButton')}
                  </button>
                  {sending ? <span className="utrecht-paragraph">{t('sending')}</span> : null}
                </div>
              </form>
            ) : (
              <p className="utrecht-paragraph">{t('notAmendable')}</p>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
