import { Link, useParams } from 'react-router';
import { euros, unwrap } from '../../common/api';
import { Alert, ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { portalTexts } from '../messages';
import { isSignedIn, residentApi, SignInNeeded, useStatusText } from './common';
import { planFormTexts } from './plan-form';
import './plans.css';

const nl = {
  title: 'Mijn plannen',
  intro: 'Hier staan de plannen die u in deze ronde indiende. U ziet hoe ver ze zijn.',
  submit: 'Dien een plan in',
  all: 'Alle plannen in deze ronde',
  none: 'U heeft in deze ronde nog geen plan ingediend.',
  caption: 'Uw plannen in deze ronde',
  plan: 'Plan',
  status: 'Status',
  cost: 'Kosten',
  support: 'Steun',
  submittedAt: 'Ingediend op',
  truncated: 'Deze ronde heeft heel veel plannen. Misschien ontbreken er plannen van u in deze lijst.',
};
const texts: Messages<keyof typeof nl> = {
  nl,
  en: {
    title: 'My plans',
    intro: 'These are the plans you submitted in this round. You see how far along they are.',
    submit: 'Submit a plan',
    all: 'All plans in this round',
    none: 'You have not submitted a plan in this round yet.',
    caption: 'Your plans in this round',
    plan: 'Plan',
    status: 'Status',
    cost: 'Cost',
    support: 'Support',
    submittedAt: 'Submitted on',
    truncated: 'This round has very many plans. Some of yours may be missing from this list.',
  },
};

/** The resident's own plans in a round (GET /rounds/{roundId}/my-plans), awaiting moderation or refused ones too. */
export function MyPlansPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const f = useT(planFormTexts);
  const app = useT(portalTexts);
  const statusText = useStatusText();
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const signedIn = isSignedIn(roundId);
  const mine = useLoad(() => (signedIn ? unwrap(residentApi(roundId).GET('/rounds/{roundId}/my-plans', { params: { path: { roundId } } })) : Promise.resolve(null)), [roundId, signedIn]);
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      {!signedIn ? (
        <SignInNeeded roundId={roundId} />
      ) : (
        <>
          <p className="utrecht-paragraph utrecht-paragraph--lead">{t('intro')}</p>
          <div className="ib-actions">
            <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={`/rondes/${roundId}/mijn-plannen/nieuw`}>
              {t('submit')}
            </Link>
            <Link className="utrecht-link" to={`/rondes/${roundId}`}>
              {t('all')}
            </Link>
          </div>
          <ProblemAlert problem={mine.problem} known={{ 'PROPOSAL.WRONG_ROUND': f('p.wrongRound'), 'ROUND.NOT_FOUND': f('p.roundNotFound') }} />
          {mine.loading ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
          {mine.data?.truncated ? <Alert type="warning">{t('truncated')}</Alert> : null}
          {mine.data && mine.data.plans.length === 0 ? <p className="utrecht-paragraph">{t('none')}</p> : null}
          {mine.data && mine.data.plans.length > 0 ? (
            <div className="ib-table-scroll">
              <table className="utrecht-table">
                <caption className="utrecht-table__caption">{t('caption')}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">{t('plan')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('status')}</th>
                    <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('cost')}</th>
                    <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('support')}</th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {mine.data.plans.map((plan) => {
                    const cost = plan.costEstimate.investmentCents + plan.costEstimate.maintenancePerYearCents * plan.costEstimate.maintenanceYears;
                    return (
                      <tr className="utrecht-table__row" key={plan.proposalId}>
                        <th className="utrecht-table__header-cell" scope="row">
                          <Link className="utrecht-link" to={`/rondes/${roundId}/mijn-plannen/${plan.proposalId}`}>
                            {plan.title}
                          </Link>
                        </th>
                        <td className="utrecht-table__cell">{statusText(plan.status)}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(cost, lang)}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{plan.supportCount}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
