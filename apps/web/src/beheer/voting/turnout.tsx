import { type FormEvent, useId, useState } from 'react';
import { useParams } from 'react-router';
import { problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, ProblemAlert, TextField, useProblemText } from '../../common/forms';
import { type Lang, type Messages, useLang, useT } from '../../common/i18n';
import { dateText } from '../../common/api';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { errorFor, hasRole, loadBox, RoundLine, VotingNav } from './common';

type Key =
  | 'title'
  | 'intro'
  | 'summary'
  | 'ballots'
  | 'eligible'
  | 'turnout'
  | 'signIns'
  | 'source'
  | 'sourceRoll'
  | 'keyDestroyed'
  | 'area.title'
  | 'area.desc'
  | 'age.title'
  | 'age.desc'
  | 'channel.title'
  | 'channel.desc'
  | 'live.title'
  | 'live.caption'
  | 'group'
  | 'votes'
  | 'population'
  | 'index'
  | 'suppressed'
  | 'channel'
  | 'plan'
  | 'points'
  | 'indexHelp'
  | 'pop.title'
  | 'pop.intro'
  | 'pop.file'
  | 'pop.fileHelp'
  | 'pop.fileEmpty'
  | 'pop.source'
  | 'pop.sourceHelp'
  | 'pop.button'
  | 'pop.done'
  | 'pop.invalid'
  | 'ch.online'
  | 'ch.paper'
  | 'ch.assisted';

const texts: Messages<Key> = {
  nl: {
    title: 'Opkomst en representativiteit',
    intro: 'Hoeveel mensen stemden, en lijkt de groep stemmers op de bevolking? Een index van 1,00 betekent: net zoveel stemmers als je verwacht bij de bevolking. Onder 1: minder, boven 1: meer.',
    summary: 'Samenvatting',
    ballots: 'Stemmen',
    eligible: 'Mogen stemmen',
    turnout: 'Opkomst',
    signIns: 'Keren aangemeld om te stemmen',
    source: 'Bron van de bevolkingscijfers',
    sourceRoll: 'de kiezerslijst (er zijn geen bevolkingscijfers ingelezen)',
    keyDestroyed: 'De sleutel van de ronde is vernietigd op {at}.',
    'area.title': 'Representativiteit per gebied',
    'area.desc': 'Staafdiagram van de index per gebied. De lijn staat op 1,00. De cijfers staan ook in de tabel hieronder.',
    'age.title': 'Representativiteit per leeftijdsgroep',
    'age.desc': 'Staafdiagram van de index per leeftijdsgroep. De lijn staat op 1,00. De cijfers staan ook in de tabel hieronder.',
    'channel.title': 'Stemmen per manier van stemmen',
    'channel.desc': 'Staafdiagram van het aantal stemmen per manier van stemmen. De cijfers staan ook in de tabel hieronder.',
    'live.title': 'Tussenstand per plan',
    'live.caption': 'Stemmen per plan tot nu toe (alleen voor medewerkers)',
    group: 'Groep',
    votes: 'Stemmen',
    population: 'Bevolking',
    index: 'Index',
    suppressed: 'te klein om te tonen',
    channel: 'Manier',
    plan: 'Plan',
    points: 'Punten',
    indexHelp: 'Index: aandeel van de stemmers gedeeld door aandeel van de bevolking.',
    'pop.title': 'Bevolkingscijfers inlezen',
    'pop.intro': 'Lees de CBS Kerncijfers wijken en buurten in (CSV met puntkomma). De cijfers gelden voor alle rondes van de gemeente.',
    'pop.file': 'Bestand met bevolkingscijfers (CSV)',
    'pop.fileHelp': 'Met de kolommen Codering_3, AantalInwoners_5 en k_0Tot15Jaar_8 tot en met k_65JaarOfOuder_12.',
    'pop.fileEmpty': 'Kies een CSV-bestand.',
    'pop.source': 'Bron',
    'pop.sourceHelp': 'Bijvoorbeeld: CBS Kerncijfers wijken en buurten 2024.',
    'pop.button': 'Bevolkingscijfers inlezen',
    'pop.done': '{imported} regels zijn ingelezen.',
    'pop.invalid': 'Het bestand heeft niet de kolommen van de CBS Kerncijfers.',
    'ch.online': 'online',
    'ch.paper': 'op papier',
    'ch.assisted': 'met hulp',
  },
  en: {
    title: 'Turnout and representativeness',
    intro: 'How many people voted, and do the voters look like the population? An index of 1.00 means: as many voters as the population leads you to expect. Below 1: fewer, above 1: more.',
    summary: 'Summary',
    ballots: 'Ballots',
    eligible: 'May vote',
    turnout: 'Turnout',
    signIns: 'Sign-ins to vote',
    source: 'Source of the population figures',
    sourceRoll: 'the voter roll (no population figures were imported)',
    keyDestroyed: "The round's key was destroyed on {at}.",
    'area.title': 'Representativeness per area',
    'area.desc': 'Bar chart of the index per area. The line is at 1.00. The figures are also in the table below.',
    'age.title': 'Representativeness per age band',
    'age.desc': 'Bar chart of the index per age band. The line is at 1.00. The figures are also in the table below.',
    'channel.title': 'Ballots per way of voting',
    'channel.desc': 'Bar chart of the number of ballots per way of voting. The figures are also in the table below.',
    'live.title': 'Count so far per plan',
    'live.caption': 'Votes per plan so far (staff only)',
    group: 'Group',
    votes: 'Ballots',
    population: 'Population',
    index: 'Index',
    suppressed: 'too small to show',
    channel: 'Way',
    plan: 'Plan',
    points: 'Points',
    indexHelp: 'Index: share of the voters divided by share of the population.',
    'pop.title': 'Import population figures',
    'pop.intro': "Import CBS Kerncijfers wijken en buurten (CSV with semicolons). The figures apply to all of the municipality's rounds.",
    'pop.file': 'Population figures file (CSV)',
    'pop.fileHelp': 'With the columns Codering_3, AantalInwoners_5 and k_0Tot15Jaar_8 up to k_65JaarOfOuder_12.',
    'pop.fileEmpty': 'Choose a CSV file.',
    'pop.source': 'Source',
    'pop.sourceHelp': 'For example: CBS Kerncijfers wijken en buurten 2024.',
    'pop.button': 'Import population figures',
    'pop.done': '{imported} rows were imported.',
    'pop.invalid': 'The file does not have the columns of the CBS Kerncijfers.',
    'ch.online': 'online',
    'ch.paper': 'on paper',
    'ch.assisted': 'assisted',
  },
};

const number = (value: number, lang: Lang, digits = 0) => new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

interface Bar {
  label: string;
  value: number | null;
  text: string;
}

/** Horizontal bars as inline SVG; `reference` draws a line (the index 1.00). The image names itself and points to its description. */
function BarChart({ title, description, bars, reference }: { title: string; description: string; bars: Bar[]; reference?: number }) {
  const id = useId();
  const max = Math.max(reference ?? 0, ...bars.map((b) => b.value ?? 0), 1e-9);
  const rowHeight = 32;
  const labelWidth = 120;
  const width = 480;
  const plot = width - labelWidth - 90;
  const height = bars.length * rowHeight + 8;
  return (
    <figure className="ib-chart">
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" className="ib-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, i) => {
          const y = i * rowHeight + 4;
          const w = bar.value === null ? 0 : Math.max(1, (bar.value / max) * plot);
          return (
            <g key={bar.label}>
              <text x={0} y={y + rowHeight / 2 + 4} fill="currentColor" fontSize="14">
                {bar.label.length > 16 ? `${bar.label.slice(0, 15)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={w} height={rowHeight - 12} className="ib-chart__bar" />
              <text x={labelWidth + w + 6} y={y + rowHeight / 2 + 4} fill="currentColor" fontSize="14">
                {bar.text}
              </text>
            </g>
          );
        })}
        {reference !== undefined ? <line x1={labelWidth + (reference / max) * plot} x2={labelWidth + (reference / max) * plot} y1={0} y2={height} stroke="currentColor" strokeDasharray="4 3" strokeWidth={2} /> : null}
      </svg>
      <figcaption className="utrecht-paragraph">{description}</figcaption>
    </figure>
  );
}

interface Group {
  group: string;
  ballots: number | null;
  population: number;
  index: number | null;
  suppressed?: boolean;
}

function GroupTable({ caption, rows }: { caption: string; rows: Group[] }) {
  const t = useT(texts);
  const { lang } = useLang();
  return (
    <div className="ib-table-scroll">
      <table className="utrecht-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">{t('group')}</th>
            <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('votes')}</th>
            <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('population')}</th>
            <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('index')}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr className="utrecht-table__row" key={row.group}>
              <th className="utrecht-table__header-cell" scope="row">{row.group}</th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric">{row.suppressed || row.ballots === null ? t('suppressed') : number(row.ballots, lang)}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric">{number(row.population, lang)}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric">{row.index === null ? '–' : number(row.index, lang, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Turnout of a round per area, age band and channel, with representativeness against the population. */
export function TurnoutPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const turnout = useLoad(() => unwrap(staffApi.GET('/read-models/rounds/{roundId}/turnout', { params: { path: { roundId } } })), [roundId]);
  const box = useLoad(() => loadBox(roundId).catch(() => null), [roundId]);
  const names = new Map((box.data?.box.frame.plans ?? []).map((p) => [p.planId, p.name ?? p.planId]));
  const data = turnout.data;
  const indexBars = (rows: Group[]): Bar[] => rows.map((r) => ({ label: r.group, value: r.suppressed ? null : r.index, text: r.suppressed || r.index === null ? t('suppressed') : number(r.index, lang, 2) }));
  const channelName = (channel: string) => (channel === 'online' ? t('ch.online') : channel === 'paper' ? t('ch.paper') : channel === 'assisted' ? t('ch.assisted') : channel);
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <RoundLine roundId={roundId} />
      <VotingNav roundId={roundId} />
      <p className="utrecht-paragraph">{t('intro')}</p>
      <ProblemAlert problem={turnout.problem} />
      {turnout.loading && !data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {data ? (
        <>
          <section className="ib-stack" aria-labelledby="summary-title">
            <h2 className="utrecht-heading-2" id="summary-title">
              {t('summary')}
            </h2>
            <dl className="ib-facts">
              <dt>{t('ballots')}</dt>
              <dd data-testid="turnout-ballots">{number(data.ballots, lang)}</dd>
              <dt>{t('eligible')}</dt>
              <dd>{number(data.eligible, lang)}</dd>
              <dt>{t('turnout')}</dt>
              <dd>{data.eligible > 0 ? `${number((100 * data.ballots) / data.eligible, lang, 1)}%` : '–'}</dd>
              <dt>{t('signIns')}</dt>
              <dd>{number(data.signIns, lang)}</dd>
              <dt>{t('source')}</dt>
              <dd data-testid="population-source">{data.populationSource === 'roll' ? t('sourceRoll') : data.populationSource}</dd>
            </dl>
            {data.keyDestroyedAt ? <p className="utrecht-paragraph">{t('keyDestroyed', { at: dateText(data.keyDestroyedAt, lang, true) })}</p> : null}
            <p className="utrecht-paragraph">{t('indexHelp')}</p>
          </section>
          <section className="ib-stack" aria-labelledby="area-title">
            <h2 className="utrecht-heading-2" id="area-title">
              {t('area.title')}
            </h2>
            <BarChart title={t('area.title')} description={t('area.desc')} bars={indexBars(data.byArea)} reference={1} />
            <GroupTable caption={t('area.title')} rows={data.byArea} />
          </section>
          <section className="ib-stack" aria-labelledby="age-title">
            <h2 className="utrecht-heading-2" id="age-title">
              {t('age.title')}
            </h2>
            <BarChart title={t('age.title')} description={t('age.desc')} bars={indexBars(data.byAgeBand)} reference={1} />
            <GroupTable caption={t('age.title')} rows={data.byAgeBand} />
          </section>
          <section className="ib-stack" aria-labelledby="channel-title">
            <h2 className="utrecht-heading-2" id="channel-title">
              {t('channel.title')}
            </h2>
            <BarChart title={t('channel.title')} description={t('channel.desc')} bars={data.byChannel.map((c) => ({ label: channelName(c.channel), value: c.ballots, text: number(c.ballots, lang) }))} />
            <div className="ib-table-scroll">
              <table className="utrecht-table">
                <caption className="utrecht-table__caption">{t('channel.title')}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">{t('channel')}</th>
                    <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('votes')}</th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {data.byChannel.map((c) => (
                    <tr className="utrecht-table__row" key={c.channel}>
                      <th className="utrecht-table__header-cell" scope="row">{channelName(c.channel)}</th>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric">{number(c.ballots, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {data.liveCount.length > 0 ? (
            <section className="ib-stack" aria-labelledby="live-title">
              <h2 className="utrecht-heading-2" id="live-title">
                {t('live.title')}
              </h2>
              <div className="ib-table-scroll">
                <table className="utrecht-table">
                  <caption className="utrecht-table__caption">{t('live.caption')}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th className="utrecht-table__header-cell" scope="col">{t('plan')}</th>
                      <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('votes')}</th>
                      <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('points')}</th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {data.liveCount.map((row) => (
                      <tr className="utrecht-table__row" key={row.planId}>
                        <th className="utrecht-table__header-cell" scope="row">{names.get(row.planId) ?? row.planId}</th>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{number(row.ballots, lang)}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{number(row.points, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
      {hasRole('administrator') ? <PopulationForm onDone={turnout.reload} /> : null}
    </div>
  );
}

function PopulationForm({ onDone }: { onDone(): void }) {
  const t = useT(texts);
  const text = useProblemText({ 'POPULATION.INVALID_FILE': t('pop.invalid') });
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setErrors([]);
    if (!file) {
      setErrors([{ field: 'pop-file', message: t('pop.fileEmpty') }]);
      return;
    }
    setBusy(true);
    try {
      const csv = await file.text();
      const answer = await unwrap(
        staffApi.PUT('/read-models/population', { params: { query: source.trim() ? { source: source.trim() } : {} }, body: csv, bodySerializer: (body: string) => body, headers: { 'content-type': 'text/csv' } }),
      );
      setErrors([]);
      setDone(t('pop.done', { imported: answer.imported }));
      onDone();
    } catch (error) {
      setErrors([{ field: 'pop-file', message: text(problemFrom(error)) }]);
    } finally {
      setBusy(false);
    }
  };
  const error = errorFor(errors, 'pop-file');
  return (
    <section className="ib-stack" aria-labelledby="pop-title">
      <h2 className="utrecht-heading-2" id="pop-title">
        {t('pop.title')}
      </h2>
      <p className="utrecht-paragraph">{t('pop.intro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="pop-file">
              {t('pop.file')}
            </label>
          </div>
          <div className="utrecht-form-field-description" id="pop-file-description">
            {t('pop.fileHelp')}
          </div>
          {error ? (
            <div className="utrecht-form-field-error-message" id="pop-file-error">
              {error}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              id="pop-file"
              name="pop-file"
              type="file"
              accept=".csv,text/csv"
              className="ib-file"
              aria-invalid={error ? true : undefined}
              aria-describedby={`pop-file-description${error ? ' pop-file-error' : ''}`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <TextField id="pop-source" label={t('pop.source')} description={t('pop.sourceHelp')} value={source} onChange={setSource} />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
          {t('pop.button')}
        </button>
      </form>
      {done ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
    </section>
  );
}
