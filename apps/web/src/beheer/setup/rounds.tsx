import { Link } from 'react-router';
import { dateText, euros, unwrap } from '../../common/api';
import { ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { hasRole, nextStep, nextStepTexts, phaseName } from './common';

const texts: Messages<'title' | 'intro' | 'none' | 'caption' | 'round' | 'year' | 'phase' | 'since' | 'dates' | 'allocated' | 'next' | 'newBudget' | 'newRound' | 'open'> = {
  nl: {
    title: 'Rondes',
    intro: 'Hier ziet u alle rondes, in welke fase ze zijn en wat de volgende stap is.',
    none: 'Er zijn nog geen rondes.',
    caption: 'Alle rondes van uw gemeente',
    round: 'Ronde',
    year: 'Jaar',
    phase: 'Fase',
    since: 'sinds {date}',
    dates: 'Planning',
    allocated: 'Budget',
    next: 'Volgende stap',
    newBudget: 'Nieuw budget vaststellen',
    newRound: 'Nieuwe ronde plannen',
    open: 'Bekijk de ronde',
  },
  en: {
    title: 'Rounds',
    intro: 'Here you see every round, the phase it is in and the next step.',
    none: 'There are no rounds yet.',
    caption: "All of your municipality's rounds",
    round: 'Round',
    year: 'Year',
    phase: 'Phase',
    since: 'since {date}',
    dates: 'Schedule',
    allocated: 'Budget',
    next: 'Next step',
    newBudget: 'Establish a new budget',
    newRound: 'Plan a new round',
    open: 'View the round',
  },
};

interface ScheduleEntry {
  phase: string;
  opensOn: string;
  closesOn?: string;
}

/** The rounds of the municipality, with where each stands and the next step (GET /read-models/rounds). */
export function RoundsOverviewPage() {
  const t = useT(texts);
  const next = useT(nextStepTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const rounds = useLoad(() => unwrap(staffApi.GET('/read-models/rounds', { params: { query: { pageSize: 100 } } })), []);
  const admin = hasRole('administrator');
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph">{t('intro')}</p>
      {admin ? (
        <p className="ib-actions">
          <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to="/budgetten/nieuw">
            {t('newBudget')}
          </Link>{' '}
          <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" to="/rondes/nieuw">
            {t('newRound')}
          </Link>
        </p>
      ) : null}
      <ProblemAlert problem={rounds.problem} />
      {rounds.loading ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {rounds.data && rounds.data.items.length === 0 ? <p className="utrecht-paragraph">{t('none')}</p> : null}
      {rounds.data && rounds.data.items.length > 0 ? (
        <div className="ib-table-scroll">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">{t('caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{t('round')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('year')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('phase')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('dates')}</th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('allocated')}</th>
                <th className="utrecht-table__header-cell" scope="col">{t('next')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rounds.data.items.map((round) => {
                const step = nextStep(round.phase, round.roundId);
                const schedule = (Array.isArray(round.schedule) ? round.schedule : []) as ScheduleEntry[];
                return (
                  <tr className="utrecht-table__row" key={round.roundId}>
                    <th className="utrecht-table__header-cell" scope="row">
                      <Link className="utrecht-link" to={`/rondes/${round.roundId}`}>
                        {round.title}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">{round.year}</td>
                    <td className="utrecht-table__cell">
                      {phaseName(round.phase, lang)}
                      <br />
                      <span className="utrecht-paragraph--small">{t('since', { date: dateText(round.phaseChangedAt, lang) })}</span>
                    </td>
                    <td className="utrecht-table__cell">
                      <ul className="utrecht-unordered-list">
                        {schedule.map((entry) => (
                          <li className="utrecht-unordered-list__item" key={entry.phase}>
                            {phaseName(entry.phase, lang)}: {dateText(entry.opensOn, lang)}
                            {entry.closesOn ? ` – ${dateText(entry.closesOn, lang)}` : ''}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(round.allocatedCents, lang)}</td>
                    <td className="utrecht-table__cell">
                      <Link className="utrecht-link" to={step.to}>
                        {next(step.key)}
                        <span className="ib-visually-hidden"> ({round.title})</span>
                      </Link>
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
