import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { euros, unwrap } from '../../common/api';
import { ProblemAlert, SelectField, TextField } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { portalTexts } from '../messages';
import { ALL, DataItem, isSignedIn, publicApi, signInPath, themeLabel, useStatusText } from './common';
import './plans.css';

const nl = {
  title: 'Plannen in deze ronde',
  intro: 'Dit zijn de plannen van inwoners. Bekijk een plan en steun het. Of dien zelf een plan in.',
  submit: 'Dien een plan in',
  mine: 'Mijn plannen',
  signIn: 'Aanmelden',
  vote: 'Stemmen',
  filters: 'Zoeken en filteren',
  q: 'Zoek op woorden',
  qHelp: 'Woorden uit de titel of de korte uitleg.',
  area: 'Buurt',
  theme: 'Thema',
  status: 'Status',
  any: 'Alle',
  search: 'Zoeken',
  clear: 'Alles weer tonen',
  none: 'Er zijn nog geen plannen.',
  noMatch: 'Geen plannen gevonden. Probeer andere woorden of minder filters.',
  count: '{n} plannen gevonden',
  countOne: '1 plan gevonden',
  listLabel: 'Gevonden plannen',
  cost: 'Kosten',
  support: 'Steun',
  supportN: '{n} inwoners',
  supportOne: '1 inwoner',
  threshold: 'genoeg steun',
};
const texts: Messages<keyof typeof nl> = {
  nl,
  en: {
    title: 'Plans in this round',
    intro: "These are residents' plans. Look at a plan and support it. Or submit a plan yourself.",
    submit: 'Submit a plan',
    mine: 'My plans',
    signIn: 'Sign in',
    vote: 'Vote',
    filters: 'Search and filter',
    q: 'Search for words',
    qHelp: 'Words from the title or the short explanation.',
    area: 'Area',
    theme: 'Theme',
    status: 'Status',
    any: 'All',
    search: 'Search',
    clear: 'Show everything again',
    none: 'There are no plans yet.',
    noMatch: 'No plans found. Try other words or fewer filters.',
    count: '{n} plans found',
    countOne: '1 plan found',
    listLabel: 'Plans found',
    cost: 'Cost',
    support: 'Support',
    supportN: '{n} residents',
    supportOne: '1 resident',
    threshold: 'enough support',
  },
};

const STATUSES = ['submitted', 'admitted', 'refused', 'selected', 'not_selected', 'granted', 'grant_refused', 'in_implementation', 'realised', 'partly_realised', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

/** A round's page: its public plans, with search and filters kept in the address (GET /rounds/{roundId}/plans). */
export function RoundPlansPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const app = useT(portalTexts);
  const statusText = useStatusText();
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const areaId = params.get('areaId') ?? '';
  const themeId = params.get('themeId') ?? '';
  const statusParam = params.get('status') ?? '';
  const status = (STATUSES as readonly string[]).includes(statusParam) ? (statusParam as Status) : '';

  // The form's own values, set from the address whenever it changes (back, forward, reload).
  const [form, setForm] = useState({ q, areaId, themeId, status: status as string });
  useEffect(() => setForm({ q, areaId, themeId, status }), [q, areaId, themeId, status]);

  // Every plan of the round: the filters' options come from them.
  const everything = useLoad(() => unwrap(publicApi.GET('/rounds/{roundId}/plans', { params: { path: { roundId }, query: { pageSize: ALL } } })), [roundId]);
  const filtered = Boolean(q || areaId || themeId || status);
  // What the list shows is for the address it was loaded for: never the answer to an earlier search.
  const key = [q, areaId, themeId, status].join('|');
  const found = useLoad(
    async () =>
      filtered
        ? {
            key,
            page: await unwrap(
              publicApi.GET('/rounds/{roundId}/plans', {
                params: { path: { roundId }, query: { pageSize: ALL, ...(q ? { q } : {}), ...(areaId ? { areaId } : {}), ...(themeId ? { themeId } : {}), ...(status ? { status } : {}) } },
              }),
            ),
          }
        : null,
    [roundId, key],
  );
  const list = filtered ? (found.data?.key === key ? found.data.page : undefined) : everything.data;
  const loading = !list && !(filtered ? found.problem : everything.problem);

  const all = everything.data?.items ?? [];
  const areas = [...new Map(all.map((p) => [p.areaCode, p.areaName ?? p.areaCode])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const themes = [...new Set(all.map((p) => p.themeId))].sort();
  const statuses = STATUSES.filter((s) => all.some((p) => p.status === s));
  // A value in the address that the data does not (yet) have stays selectable.
  const withCurrent = (options: { value: string; label: string }[], current: string) => (current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (form.q.trim()) next.set('q', form.q.trim());
    if (form.areaId) next.set('areaId', form.areaId);
    if (form.themeId) next.set('themeId', form.themeId);
    if (form.status) next.set('status', form.status);
    setParams(next);
  };

  const signedIn = isSignedIn(roundId);
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('intro')}</p>
      <div className="ib-actions">
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={`/rondes/${roundId}/mijn-plannen/nieuw`}>
          {t('submit')}
        </Link>
        <Link className="utrecht-link" to={`/rondes/${roundId}/mijn-plannen`}>
          {t('mine')}
        </Link>
        {signedIn ? null : (
          <Link className="utrecht-link" to={signInPath(roundId, `/rondes/${roundId}`)}>
            {t('signIn')}
          </Link>
        )}
        <Link className="utrecht-link" to={`/rondes/${roundId}/stemmen`}>
          {t('vote')}
        </Link>
      </div>

      <form role="search" aria-labelledby="plans-filters" onSubmit={apply} className="ib-stack ib-filters">
        <h2 className="utrecht-heading-2" id="plans-filters">
          {t('filters')}
        </h2>
        <TextField id="q" type="search" label={t('q')} description={t('qHelp')} value={form.q} onChange={(v) => setForm({ ...form, q: v })} />
        <div className="ib-filters__row">
          <SelectField
            id="areaId"
            label={t('area')}
            value={form.areaId}
            onChange={(v) => setForm({ ...form, areaId: v })}
            options={withCurrent([{ value: '', label: t('any') }, ...areas.map(([value, label]) => ({ value, label }))], form.areaId)}
          />
          <SelectField
            id="themeId"
            label={t('theme')}
            value={form.themeId}
            onChange={(v) => setForm({ ...form, themeId: v })}
            options={withCurrent([{ value: '', label: t('any') }, ...themes.map((value) => ({ value, label: themeLabel(value) }))], form.themeId)}
          />
          <SelectField
            id="status"
            label={t('status')}
            value={form.status}
            onChange={(v) => setForm({ ...form, status: v })}
            options={withCurrent([{ value: '', label: t('any') }, ...statuses.map((value) => ({ value, label: statusText(value) }))], form.status)}
          />
        </div>
        <div className="ib-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t('search')}
          </button>
          {filtered ? (
            <Link className="utrecht-link" to={`/rondes/${roundId}`}>
              {t('clear')}
            </Link>
          ) : null}
        </div>
      </form>

      <ProblemAlert problem={filtered ? found.problem : everything.problem} />
      {loading ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      <div role="status" data-loaded-for={list ? key : undefined}>
        {list ? (
          list.items.length === 0 ? (
            <p className="utrecht-paragraph">{filtered ? t('noMatch') : t('none')}</p>
          ) : (
            <p className="utrecht-paragraph">{list.total === 1 ? t('countOne') : t('count', { n: list.total })}</p>
          )
        ) : null}
      </div>
      {list && list.items.length > 0 ? (
        <ul className="ib-cards" aria-label={t('listLabel')}>
          {list.items.map((plan) => (
            <li key={plan.proposalId} className="ib-card">
              <h2 className="utrecht-heading-3">
                <Link className="utrecht-link" to={`/rondes/${roundId}/plannen/${plan.proposalId}`}>
                  {plan.title}
                </Link>
              </h2>
              <p className="utrecht-paragraph">{plan.summary}</p>
              <dl className="utrecht-data-list">
                <DataItem label={t('status')}>{statusText(plan.status)}</DataItem>
                <DataItem label={t('cost')}>{euros(plan.costCents, lang)}</DataItem>
                <DataItem label={t('area')}>{plan.areaName ?? plan.areaCode}</DataItem>
                <DataItem label={t('theme')}>{themeLabel(plan.themeId)}</DataItem>
                <DataItem label={t('support')}>
                  {plan.supportCount === 1 ? t('supportOne') : t('supportN', { n: plan.supportCount })}
                  {plan.supportThresholdReached ? ` (${t('threshold')})` : ''}
                </DataItem>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
