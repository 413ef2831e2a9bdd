import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { dateText, euros, type Problem, problemFrom, unwrap } from '../../common/api';
import { Alert, ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { portalTexts } from '../messages';
import { ALL, DataItem, feasibilityTexts, isSignedIn, publicApi, residentApi, signInPath, supported, themeLabel, useStatusText } from './common';
import './plans.css';

const nl = {
  title: 'Plan',
  back: 'Terug naar alle plannen',
  notFound: 'Dit plan bestaat niet, of het is (nog) niet openbaar.',
  details: 'Over dit plan',
  status: 'Status',
  feasibility: 'Beoordeling',
  cost: 'Kosten in totaal',
  costHelp: 'Dit bedrag staat op het stembiljet.',
  investment: 'Eenmalige kosten',
  area: 'Buurt',
  theme: 'Thema',
  support: 'Steun',
  supportN: '{n} inwoners steunen dit plan',
  supportOne: '1 inwoner steunt dit plan',
  threshold: 'Dit plan heeft genoeg steun.',
  submittedAt: 'Ingediend op',
  version: 'Versie',
  supportTitle: 'Steun dit plan',
  supportIntro: 'Vindt u dit een goed plan? Geef dan uw steun. Dat kan één keer per plan. U kunt uw steun later weer intrekken.',
  supportButton: 'Steun dit plan',
  withdrawButton: 'Trek mijn steun in',
  youSupport: 'U steunt dit plan.',
  supportedNow: 'Dank u. U steunt dit plan nu.',
  withdrawnNow: 'Uw steun is ingetrokken.',
  alreadySupported: 'U steunde dit plan al.',
  notGiven: 'U steunde dit plan nog niet.',
  supportClosed: 'Steun geven of intrekken kan nu niet. Dat kan alleen in de tijd dat de ronde steun verzamelt.',
  wrongRound: 'U bent aangemeld voor een andere ronde. Meld u aan voor deze ronde.',
  signInFirst: 'Meld u aan om dit plan te steunen.',
  signIn: 'Aanmelden en steunen',
  busy: 'Even geduld…',
};
const texts: Messages<keyof typeof nl> = {
  nl,
  en: {
    title: 'Plan',
    back: 'Back to all plans',
    notFound: 'This plan does not exist, or it is not public (yet).',
    details: 'About this plan',
    status: 'Status',
    feasibility: 'Assessment',
    cost: 'Total cost',
    costHelp: 'This amount is on the ballot.',
    investment: 'One-off costs',
    area: 'Area',
    theme: 'Theme',
    support: 'Support',
    supportN: '{n} residents support this plan',
    supportOne: '1 resident supports this plan',
    threshold: 'This plan has enough support.',
    submittedAt: 'Submitted on',
    version: 'Version',
    supportTitle: 'Support this plan',
    supportIntro: 'Do you think this is a good plan? Then give your support. You can do this once per plan. You can withdraw your support later.',
    supportButton: 'Support this plan',
    withdrawButton: 'Withdraw my support',
    youSupport: 'You support this plan.',
    supportedNow: 'Thank you. You now support this plan.',
    withdrawnNow: 'Your support has been withdrawn.',
    alreadySupported: 'You already supported this plan.',
    notGiven: 'You had not supported this plan yet.',
    supportClosed: 'Giving or withdrawing support is not possible now. That is only possible while the round collects support.',
    wrongRound: 'You are signed in for another round. Please sign in for this round.',
    signInFirst: 'Sign in to support this plan.',
    signIn: 'Sign in and support',
    busy: 'Please wait…',
  },
};

/** One public plan (from GET /rounds/{roundId}/plans), with support given or withdrawn by the signed-in resident. */
export function PlanPage() {
  const { roundId = '', proposalId = '' } = useParams();
  const t = useT(texts);
  const f = useT(feasibilityTexts);
  const app = useT(portalTexts);
  const statusText = useStatusText();
  const { lang } = useLang();
  const location = useLocation();
  const plans = useLoad(() => unwrap(publicApi.GET('/rounds/{roundId}/plans', { params: { path: { roundId }, query: { pageSize: ALL } } })), [roundId]);
  const plan = plans.data?.items.find((p) => p.proposalId === proposalId);
  usePageTitle(plan?.title ?? t('title'), app('app'));

  const signedIn = isSignedIn(roundId);
  const [mine, setMine] = useState(() => supported.has(roundId, proposalId));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'ok' | 'info'; text: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const later = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(later.current), []);

  const mark = (on: boolean) => {
    supported.set(roundId, proposalId, on);
    setMine(on);
  };
  const act = async (on: boolean) => {
    setBusy(true);
    setProblem(null);
    setMessage(null);
    const api = residentApi(roundId);
    const path = { params: { path: { roundId, proposalId } } };
    try {
      await unwrap(on ? api.POST('/rounds/{roundId}/plans/{proposalId}/my-support', path) : api.DELETE('/rounds/{roundId}/plans/{proposalId}/my-support', path));
      mark(on);
      setMessage({ type: 'ok', text: on ? t('supportedNow') : t('withdrawnNow') });
      // The public count follows the event shortly after.
      plans.reload();
      later.current = setTimeout(() => plans.reload(), 800);
    } catch (error) {
      const found = problemFrom(error);
      if (found.code === 'PROPOSAL.ALREADY_SUPPORTED') {
        mark(true);
        setMessage({ type: 'info', text: t('alreadySupported') });
      } else if (found.code === 'PROPOSAL.SUPPORT_NOT_GIVEN') {
        mark(false);
        setMessage({ type: 'info', text: t('notGiven') });
      } else setProblem(found);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ib-stack">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/rondes/${roundId}`}>
          {t('back')}
        </Link>
      </p>
      <PageHeading>{plan?.title ?? t('title')}</PageHeading>
      <ProblemAlert problem={plans.problem} />
      {plans.loading && !plans.data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {plans.data && !plan ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('notFound')}</p>
        </Alert>
      ) : null}
      {plan ? (
        <>
          <p className="utrecht-paragraph utrecht-paragraph--lead">{plan.summary}</p>
          <h2 className="utrecht-heading-2">{t('details')}</h2>
          <dl className="utrecht-data-list ib-plan-facts">
            <DataItem label={t('status')}>{statusText(plan.status)}</DataItem>
            <DataItem label={t('feasibility')}>{f(plan.feasibility)}</DataItem>
            <DataItem label={t('cost')}>
              {euros(plan.costCents, lang)} <span className="utrecht-form-field-description">{t('costHelp')}</span>
            </DataItem>
            <DataItem label={t('investment')}>{euros(plan.investmentCents, lang)}</DataItem>
            <DataItem label={t('area')}>{plan.areaName ?? plan.areaCode}</DataItem>
            <DataItem label={t('theme')}>{themeLabel(plan.themeId)}</DataItem>
            <DataItem label={t('support')}>
              <span data-testid="support-count">{plan.supportCount === 1 ? t('supportOne') : t('supportN', { n: plan.supportCount })}</span>
              {plan.supportThresholdReached ? <> {t('threshold')}</> : null}
            </DataItem>
            <DataItem label={t('submittedAt')}>{dateText(plan.submittedAt, lang)}</DataItem>
            <DataItem label={t('version')}>{plan.version}</DataItem>
          </dl>

          <section aria-labelledby="support-heading" className="ib-stack">
            <h2 className="utrecht-heading-2" id="support-heading">
              {t('supportTitle')}
            </h2>
            <div role="status">{message ? <Alert type={message.type}>{message.text}</Alert> : null}</div>
            <ProblemAlert problem={problem} known={{ 'PROPOSAL.SUPPORT_CLOSED': t('supportClosed'), 'PROPOSAL.WRONG_ROUND': t('wrongRound') }} />
            {signedIn ? (
              <>
                <p className="utrecht-paragraph">{mine ? t('youSupport') : t('supportIntro')}</p>
                <div className="ib-actions">
                  {mine ? (
                    <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={busy} onClick={() => void act(false)}>
                      {t('withdrawButton')}
                    </button>
                  ) : (
                    <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={busy} onClick={() => void act(true)}>
                      {t('supportButton')}
                    </button>
                  )}
                  {busy ? <span className="utrecht-paragraph">{t('busy')}</span> : null}
                </div>
              </>
            ) : (
              <>
                <p className="utrecht-paragraph">{t('signInFirst')}</p>
                <p className="utrecht-paragraph">
                  <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={signInPath(roundId, location.pathname)}>
                    {t('signIn')}
                  </Link>
                </p>
              </>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
