import { Link, useParams } from 'react-router';
import { euros, unwrap } from '../../common/api';
import { Alert, ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { portalTexts } from '../messages';
import { publicApi } from './common';

const texts: Messages<
  'title' | 'loading' | 'none' | 'summary' | 'summaryBudget' | 'winners' | 'noWinners' | 'caption' | 'plan' | 'outcome' | 'votes' | 'amount' | 'why' | 'won' | 'lost' | 'adopted' | 'published' | 'myResult' | 'notFound' | 'publicPage'
> = {
  nl: {
    title: 'Uitslag',
    loading: 'Even geduld, de uitslag wordt geladen…',
    none: 'Er is nog geen uitslag. Die komt na de stemming, als de stemmen zijn geteld.',
    summary: '{won} van de {n} plannen zijn gekozen. Samen krijgen ze {amount}.',
    summaryBudget: 'Er was {budget} te verdelen.',
    winners: 'Deze plannen zijn gekozen',
    noWinners: 'Er is geen plan gekozen.',
    caption: 'Alle plannen: de uitkomst, het aantal stemmen, het bedrag en waarom',
    plan: 'Plan',
    outcome: 'Uitkomst',
    votes: 'Stemmen',
    amount: 'Bedrag',
    why: 'Waarom',
    won: 'Gekozen',
    lost: 'Niet gekozen',
    adopted: 'Het bestuur heeft de uitslag vastgesteld.',
    published: 'Dit is de uitslag van de telling. Het bestuur moet hem nog vaststellen.',
    myResult: 'Wilt u weten wat er met uw eigen stem is gebeurd? Controleer uw ontvangstbewijs.',
    notFound: 'Deze ronde bestaat niet.',
    publicPage: 'Alle cijfers en controles van deze ronde',
  },
  en: {
    title: 'Result',
    loading: 'Please wait, loading the result…',
    none: 'There is no result yet. It comes after voting, once the votes are counted.',
    summary: '{won} of the {n} plans were chosen. Together they get {amount}.',
    summaryBudget: 'There was {budget} to divide.',
    winners: 'These plans were chosen',
    noWinners: 'No plan was chosen.',
    caption: 'All plans: the outcome, the number of votes, the amount and why',
    plan: 'Plan',
    outcome: 'Outcome',
    votes: 'Votes',
    amount: 'Amount',
    why: 'Why',
    won: 'Chosen',
    lost: 'Not chosen',
    adopted: 'The board has adopted the result.',
    published: 'This is the result of the count. The board still has to adopt it.',
    myResult: 'Want to know what happened to your own vote? Check your receipt.',
    notFound: 'This round does not exist.',
    publicPage: 'All figures and checks of this round',
  },
};

/** /rondes/:roundId/uitslag: the published result (GET /public/rounds/{roundId}/result): which plans won, the amounts, and why. */
export function ResultPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const app = useT(portalTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const result = useLoad(() => unwrap(publicApi.GET('/public/rounds/{roundId}/result', { params: { path: { roundId } } })), [roundId]);
  const data = result.data;
  const winners = data?.plans.filter((p) => p.selected) ?? [];
  const total = winners.reduce((sum, p) => sum + (p.amountCents ?? 0), 0);
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <ProblemAlert problem={result.problem} known={{ 'READ_MODEL.NOT_FOUND': t('notFound') }} />
      {result.loading ? <p className="utrecht-paragraph">{t('loading')}</p> : null}
      {data && !data.published ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('none')}</p>
        </Alert>
      ) : null}
      {data?.published ? (
        <>
          <p className="utrecht-paragraph utrecht-paragraph--lead">{t('summary', { won: winners.length, n: data.plans.length, amount: euros(total, lang) })}</p>
          {data.budgetCents !== null ? <p className="utrecht-paragraph">{t('summaryBudget', { budget: euros(data.budgetCents, lang) })}</p> : null}
          <p className="utrecht-paragraph">{data.resultStatus === 'adopted' ? t('adopted') : t('published')}</p>
          <section aria-labelledby="winners-heading">
            <h2 className="utrecht-heading-2" id="winners-heading">
              {t('winners')}
            </h2>
            {winners.length === 0 ? (
              <p className="utrecht-paragraph">{t('noWinners')}</p>
            ) : (
              <ul className="ib-cards">
                {winners.map((p) => (
                  <li key={p.planId} className="ib-card">
                    <h3 className="utrecht-heading-3">{p.title}</h3>
                    <p className="utrecht-paragraph">{euros(p.amountCents ?? 0, lang)}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="ib-table-scroll">
            <table className="utrecht-table utrecht-table--html-table">
              <caption className="utrecht-table__caption">{t('caption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">{t('plan')}</th>
                  <th scope="col" className="utrecht-table__header-cell">{t('outcome')}</th>
                  <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('votes')}</th>
                  <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('amount')}</th>
                  <th scope="col" className="utrecht-table__header-cell">{t('why')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {data.plans.map((p) => (
                  <tr key={p.planId} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">{p.title}</th>
                    <td className="utrecht-table__cell">{p.selected ? t('won') : t('lost')}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{p.votes ?? '–'}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{p.amountCents !== null ? euros(p.amountCents, lang) : '–'}</td>
                    <td className="utrecht-table__cell">{p.explanation[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/rondes/${roundId}/ontvangstbewijs`}>
              {t('myResult')}
            </Link>
          </p>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={`/public/rounds/${encodeURIComponent(roundId)}${lang === 'en' ? '?lang=en' : ''}`}>
              {t('publicPage')}
            </a>
          </p>
        </>
      ) : null}
    </div>
  );
}
