import { unwrap } from '../../common/api';
import { ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { euros } from '../../common/api';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';

const texts: Messages<'title' | 'none' | 'caption' | 'round' | 'year' | 'phase' | 'allocated'> = {
  nl: { title: 'Rondes', none: 'Er zijn nog geen rondes.', caption: 'Alle rondes van uw gemeente', round: 'Ronde', year: 'Jaar', phase: 'Fase', allocated: 'Budget' },
  en: { title: 'Rounds', none: 'There are no rounds yet.', caption: "All of your municipality's rounds", round: 'Round', year: 'Year', phase: 'Phase', allocated: 'Budget' },
};

/** The rounds of the municipality, with where each stands (GET /read-models/rounds). */
export function RoundsPage() {
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const rounds = useLoad(() => unwrap(staffApi.GET('/read-models/rounds', { params: { query: { pageSize: 100 } } })), []);
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
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
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('allocated')}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rounds.data.items.map((round) => (
                <tr className="utrecht-table__row" key={round.roundId}>
                  <th className="utrecht-table__header-cell" scope="row">{round.title}</th>
                  <td className="utrecht-table__cell">{round.year}</td>
                  <td className="utrecht-table__cell">{round.phase}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(round.allocatedCents, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
