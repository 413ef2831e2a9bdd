import { useState } from 'react';
import { useParams } from 'react-router';
import { dateText, unwrap } from '../../common/api';
import { Alert, ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { hasRole, RoundLine, VotingNav, votingTexts } from './common';

type Key = 'title' | 'intro' | 'caption' | 'at' | 'what' | 'who' | 'reason' | 'decision' | 'none' | 'page' | 'previous' | 'next' | 'system';

const texts: Messages<Key> = {
  nl: {
    title: 'Tijdlijn van de ronde',
    intro: 'Alles wat er in de ronde en het budget is gebeurd, in volgorde: wie deed wat en wanneer, met de reden en het besluit.',
    caption: 'Gebeurtenissen {from} tot en met {to} van {total}',
    at: 'Wanneer',
    what: 'Wat',
    who: 'Wie (rol)',
    reason: 'Reden',
    decision: 'Besluit',
    none: 'Er staat nog niets in de tijdlijn.',
    page: 'Bladzijde {page} van {pages}',
    previous: 'Vorige bladzijde',
    next: 'Volgende bladzijde',
    system: 'systeem',
  },
  en: {
    title: 'Timeline of the round',
    intro: 'Everything that happened in the round and its budget, in order: who did what and when, with the reason and the decision.',
    caption: 'Events {from} to {to} of {total}',
    at: 'When',
    what: 'What',
    who: 'Who (role)',
    reason: 'Reason',
    decision: 'Decision',
    none: 'There is nothing in the timeline yet.',
    page: 'Page {page} of {pages}',
    previous: 'Previous page',
    next: 'Next page',
    system: 'system',
  },
};

const PAGE_SIZE = 50;

/** The audit timeline of a round (GET /read-models/rounds/{roundId}/timeline), a page at a time. */
export function TimelinePage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const v = useT(votingTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const [page, setPage] = useState(1);
  const timeline = useLoad(() => unwrap(staffApi.GET('/read-models/rounds/{roundId}/timeline', { params: { path: { roundId }, query: { page, pageSize: PAGE_SIZE } } })), [roundId, page]);
  const data = timeline.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <RoundLine roundId={roundId} />
      <VotingNav roundId={roundId} />
      <p className="utrecht-paragraph">{t('intro')}</p>
      {!hasRole('administrator', 'auditor') ? <Alert type="info">{v('onlyAuditor')}</Alert> : null}
      <ProblemAlert problem={timeline.problem} />
      {timeline.loading && !data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {data && data.items.length === 0 ? <p className="utrecht-paragraph">{t('none')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="ib-table-scroll">
            <table className="utrecht-table" data-testid="timeline">
              <caption className="utrecht-table__caption">{t('caption', { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + data.items.length, total: data.total })}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{t('at')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('what')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('who')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('reason')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('decision')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {data.items.map((item) => (
                  <tr className="utrecht-table__row" key={item.eventId}>
                    <td className="utrecht-table__cell">{dateText(item.at, lang, true)}</td>
                    <th className="utrecht-table__header-cell" scope="row">{item.eventType}</th>
                    <td className="utrecht-table__cell">
                      {item.actor ?? t('system')}
                      {item.role ? ` (${item.role})` : ''}
                    </td>
                    <td className="utrecht-table__cell">{item.reason ?? '–'}</td>
                    <td className="utrecht-table__cell">{item.decisionReference ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav aria-label={t('page', { page, pages })} className="ib-actions">
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                {t('previous')}
              </button>
              <span>{t('page', { page, pages })}</span>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                {t('next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
