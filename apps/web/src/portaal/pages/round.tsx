import { useParams } from 'react-router';
import { apiClient, euros, unwrap } from '../../common/api';
import { ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { portalTexts } from '../messages';

const texts: Messages<'title' | 'none' | 'cost' | 'area' | 'support' | 'count'> = {
  nl: { title: 'Plannen in deze ronde', none: 'Er zijn nog geen plannen.', cost: 'Kosten', area: 'Buurt', support: 'Steun', count: '{n} plannen' },
  en: { title: 'Plans in this round', none: 'There are no plans yet.', cost: 'Cost', area: 'Area', support: 'Support', count: '{n} plans' },
};

const api = apiClient();

/** A round's page: its plans (public: GET /rounds/{roundId}/plans). */
export function RoundPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const app = useT(portalTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const plans = useLoad(() => unwrap(api.GET('/rounds/{roundId}/plans', { params: { path: { roundId }, query: { pageSize: 100 } } })), [roundId]);
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <ProblemAlert problem={plans.problem} />
      {plans.loading ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {plans.data ? (
        plans.data.items.length === 0 ? (
          <p className="utrecht-paragraph">{t('none')}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t('count', { n: plans.data.total })}</p>
            <ul className="ib-cards">
              {plans.data.items.map((plan) => (
                <li key={plan.proposalId} className="ib-card">
                  <h2 className="utrecht-heading-3">{plan.title}</h2>
                  <p className="utrecht-paragraph">{plan.summary}</p>
                  <dl className="utrecht-data-list">
                    <div className="utrecht-data-list__item">
                      <dt className="utrecht-data-list__item-key">{t('cost')}</dt>
                      <dd className="utrecht-data-list__item-value">{euros(plan.costCents, lang)}</dd>
                    </div>
                    <div className="utrecht-data-list__item">
                      <dt className="utrecht-data-list__item-key">{t('area')}</dt>
                      <dd className="utrecht-data-list__item-value">{plan.areaName ?? plan.areaCode}</dd>
                    </div>
                    <div className="utrecht-data-list__item">
                      <dt className="utrecht-data-list__item-key">{t('support')}</dt>
                      <dd className="utrecht-data-list__item-value">{plan.supportCount}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </>
  );
}
