import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { euros, type Problem, problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, ProblemAlert, SelectField, TextField, useProblemText } from '../../common/forms';
import { type Lang, type Messages, useLang, useT } from '../../common/i18n';
import { dateText } from '../../common/api';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { type BallotBox, errorFor, hasRole, loadBox, useRound, VotingNav, votingTexts } from './common';

type Key =
  | 'title'
  | 'state'
  | 'roundPhase'
  | 'boxPhase'
  | 'noBox'
  | 'close.title'
  | 'close.intro'
  | 'close.button'
  | 'close.done'
  | 'count.title'
  | 'count.open'
  | 'count.ballots'
  | 'count.rule'
  | 'count.cost'
  | 'count.budget'
  | 'count.leftover'
  | 'count.caption'
  | 'count.plan'
  | 'count.area'
  | 'count.votes'
  | 'count.planCost'
  | 'count.selected'
  | 'count.why'
  | 'count.unspent'
  | 'count.compare'
  | 'count.compareIntro'
  | 'count.ties'
  | 'count.tie'
  | 'publish.title'
  | 'publish.intro'
  | 'publish.reasonHelp'
  | 'publish.button'
  | 'publish.done'
  | 'published'
  | 'adopt.title'
  | 'adopt.intro'
  | 'adopt.body'
  | 'adopt.college'
  | 'adopt.council'
  | 'adopt.number'
  | 'adopt.numberHelp'
  | 'adopt.numberEmpty'
  | 'adopt.date'
  | 'adopt.dateEmpty'
  | 'adopt.button'
  | 'adopted'
  | 'p.VOTING_OPEN'
  | 'p.WRONG_PHASE'
  | 'p.ALREADY_PUBLISHED'
  | 'p.NOT_PUBLISHED'
  | 'p.ALREADY_ADOPTED'
  | 'p.DECISION_REQUIRED'
  | 'p.DATE'
  | 'p.WRONG_BODY'
  | 'p.EXCEEDS'
  | 'p.REASON_REQUIRED';

const texts: Messages<Key> = {
  nl: {
    title: 'Telling en uitslag',
    state: 'Waar de ronde staat',
    roundPhase: 'Fase van de ronde',
    boxPhase: 'Stembus',
    noBox: 'nog geen stembus',
    'close.title': 'Stemmen sluiten',
    'close.intro': 'Als u het stemmen sluit, gaat de ronde naar de fase {next}. De stembus gaat dicht. Daarna kan niemand meer online stemmen. Papieren stemmen kunt u nog invoeren tot de stembus verzegeld is.',
    'close.button': 'Stemmen sluiten',
    'close.done': 'Het stemmen is gesloten.',
    'count.title': 'De telling',
    'count.open': 'De telling is er pas als het stemmen gesloten is.',
    'count.ballots': 'Getelde stemmen',
    'count.rule': 'Telregel',
    'count.cost': 'Kosten van de gekozen plannen',
    'count.budget': 'Budget',
    'count.leftover': 'Niet besteed',
    'count.caption': 'Uitslag per plan, met de reden',
    'count.plan': 'Plan',
    'count.area': 'Gebied',
    'count.votes': 'Stemmen',
    'count.planCost': 'Kosten',
    'count.selected': 'Gekozen',
    'count.why': 'Waarom',
    'count.unspent': 'Geld dat over blijft',
    'count.compare': 'Andere telregels ter vergelijking',
    'count.compareIntro': 'De regels van de ronde beslissen. Dit laat alleen zien wat een andere regel zou kiezen.',
    'count.ties': 'Gelijke stand',
    'count.tie': '{contenders}: gekozen is {chosen} (beslist door {by}).',
    'publish.title': 'Uitslag bekendmaken',
    'publish.intro': 'Het systeem telt de stemmen opnieuw en maakt de uitslag bekend. Inwoners kunnen de uitslag daarna zien.',
    'publish.reasonHelp': 'Bijvoorbeeld: alle papieren stapels zijn bevestigd.',
    'publish.button': 'Uitslag bekendmaken',
    'publish.done': 'De uitslag is bekendgemaakt.',
    published: 'De uitslag is bekendgemaakt op {at}.',
    'adopt.title': 'Uitslag vaststellen',
    'adopt.intro': 'Vul het besluit in waarmee het college of de raad de uitslag vaststelt. De ronde gaat dan naar de fase vaststelling en de stembus wordt verzegeld.',
    'adopt.body': 'Wie besluit',
    'adopt.college': 'College van B en W',
    'adopt.council': 'Gemeenteraad',
    'adopt.number': 'Nummer van het besluit',
    'adopt.numberHelp': 'Bijvoorbeeld CB-2026-140.',
    'adopt.numberEmpty': 'Vul het nummer van het besluit in.',
    'adopt.date': 'Datum van het besluit',
    'adopt.dateEmpty': 'Vul de datum van het besluit in.',
    'adopt.button': 'Uitslag vaststellen',
    adopted: 'De uitslag is vastgesteld op {at}. Reden: {reason}.',
    'p.VOTING_OPEN': 'Het stemmen is nog open. Sluit eerst het stemmen.',
    'p.WRONG_PHASE': 'Dat kan niet in deze fase van de ronde.',
    'p.ALREADY_PUBLISHED': 'De uitslag is al bekendgemaakt.',
    'p.NOT_PUBLISHED': 'Maak eerst de uitslag bekend.',
    'p.ALREADY_ADOPTED': 'De uitslag is al vastgesteld.',
    'p.DECISION_REQUIRED': 'Vul het besluit in: nummer en datum.',
    'p.DATE': 'Deze datum bestaat niet.',
    'p.WRONG_BODY': 'Dit orgaan mag de uitslag niet vaststellen volgens de regels van het budget.',
    'p.EXCEEDS': 'De uitslag kost meer dan het plafond van de ronde.',
    'p.REASON_REQUIRED': 'Vul een reden in.',
  },
  en: {
    title: 'Count and result',
    state: 'Where the round stands',
    roundPhase: 'Phase of the round',
    boxPhase: 'Ballot box',
    noBox: 'no ballot box yet',
    'close.title': 'Close voting',
    'close.intro': 'When you close voting, the round moves to its {next} phase. The ballot box closes. After that nobody can vote online. You can still enter paper ballots until the box is sealed.',
    'close.button': 'Close voting',
    'close.done': 'Voting is closed.',
    'count.title': 'The count',
    'count.open': 'The count is there once voting is closed.',
    'count.ballots': 'Ballots counted',
    'count.rule': 'Counting rule',
    'count.cost': 'Cost of the chosen plans',
    'count.budget': 'Budget',
    'count.leftover': 'Not spent',
    'count.caption': 'Result per plan, with the reason',
    'count.plan': 'Plan',
    'count.area': 'Area',
    'count.votes': 'Votes',
    'count.planCost': 'Cost',
    'count.selected': 'Chosen',
    'count.why': 'Why',
    'count.unspent': 'Money left over',
    'count.compare': 'Other counting rules, for comparison',
    'count.compareIntro': "The round's rules decide. This only shows what another rule would choose.",
    'count.ties': 'Ties',
    'count.tie': '{contenders}: {chosen} was chosen (decided by {by}).',
    'publish.title': 'Publish the result',
    'publish.intro': 'The system counts the ballots again and publishes the result. Residents can then see it.',
    'publish.reasonHelp': 'For example: all paper batches are confirmed.',
    'publish.button': 'Publish the result',
    'publish.done': 'The result is published.',
    published: 'The result was published on {at}.',
    'adopt.title': 'Adopt the result',
    'adopt.intro': 'Enter the decision by which the college or the council adopts the result. The round then moves to adoption and the ballot box is sealed.',
    'adopt.body': 'Who decides',
    'adopt.college': 'Mayor and aldermen (college)',
    'adopt.council': 'Municipal council',
    'adopt.number': 'Decision number',
    'adopt.numberHelp': 'For example CB-2026-140.',
    'adopt.numberEmpty': 'Enter the decision number.',
    'adopt.date': 'Decision date',
    'adopt.dateEmpty': 'Enter the decision date.',
    'adopt.button': 'Adopt the result',
    adopted: 'The result was adopted on {at}. Reason: {reason}.',
    'p.VOTING_OPEN': 'Voting is still open. Close voting first.',
    'p.WRONG_PHASE': 'That is not possible in this phase of the round.',
    'p.ALREADY_PUBLISHED': 'The result is already published.',
    'p.NOT_PUBLISHED': 'Publish the result first.',
    'p.ALREADY_ADOPTED': 'The result is already adopted.',
    'p.DECISION_REQUIRED': 'Enter the decision: number and date.',
    'p.DATE': 'This date does not exist.',
    'p.WRONG_BODY': "This body may not adopt the result under the budget's rules.",
    'p.EXCEEDS': "The result costs more than the round's ceiling.",
    'p.REASON_REQUIRED': 'Enter a reason.',
  },
};

const phaseNames: Record<Lang, Record<string, string>> = {
  nl: { planned: 'gepland', submission: 'indienen', support: 'steun verzamelen', feasibility: 'toetsen', preselection: 'voorselectie', voting: 'stemmen', counting: 'tellen', deliberation: 'beraad', adoption: 'vaststelling', implementation: 'uitvoering', intake: 'aanvragen', closed: 'afgesloten' },
  en: { planned: 'planned', submission: 'submission', support: 'support', feasibility: 'feasibility', preselection: 'preselection', voting: 'voting', counting: 'counting', deliberation: 'deliberation', adoption: 'adoption', implementation: 'implementation', intake: 'intake', closed: 'closed' },
};

function useKnown(t: (key: Key) => string): (problem: Problem) => string {
  return useProblemText({
    'COUNT.VOTING_OPEN': t('p.VOTING_OPEN'),
    'ROUND.WRONG_PHASE': t('p.WRONG_PHASE'),
    'ROUND.RESULT_ALREADY_PUBLISHED': t('p.ALREADY_PUBLISHED'),
    'ROUND.RESULT_NOT_PUBLISHED': t('p.NOT_PUBLISHED'),
    'ROUND.RESULT_ALREADY_ADOPTED': t('p.ALREADY_ADOPTED'),
    'ROUND.DECISION_REQUIRED': t('p.DECISION_REQUIRED'),
    'ROUND.DECISION_DATE_DOES_NOT_EXIST': t('p.DATE'),
    'ROUND.WRONG_DECIDING_BODY': t('p.WRONG_BODY'),
    'ROUND.RESULT_EXCEEDS_CEILING': t('p.EXCEEDS'),
    'ROUND.REASON_REQUIRED': t('p.REASON_REQUIRED'),
  });
}

interface RoundResult {
  publishedAt: string;
  reason: string | null;
  adoption: { decision: { body: string; number: string; date: string } | null; reason: string; at: string } | null;
}

interface CountReport {
  ballots: number;
  rule: string;
  cost: string;
  budget: string;
  leftover: string;
  winners: string[];
  projects: { id: string; name?: string; area?: string; votes: number; cost: string; selected: boolean; reason: { code: string; text: string } }[];
  unspent: { pot: string; text: string }[];
  completions?: { rule: string; text: string }[];
  tieBreaks: { contenders: string[]; chosen: string; decidedBy: string }[];
}

/** Closing voting, the count with its explanations, publishing and adopting the result. */
export function CountPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const v = useT(votingTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const round = useRound(roundId);
  const box = useLoad(() => loadBox(roundId).catch((error: unknown) => (problemFrom(error).code === 'BALLOTBOX.NOT_FOUND' ? null : Promise.reject(error))), [roundId, round.data?.phase]);
  const admin = hasRole('administrator');
  const data = round.data;
  const result = (data?.result ?? null) as RoundResult | null;
  const pipeline = data?.pipeline ?? [];
  const afterVoting = data ? pipeline.indexOf(data.phase) > pipeline.indexOf('voting') && pipeline.includes('voting') : false;
  const next = data ? pipeline[pipeline.indexOf('voting') + 1] : undefined;
  const reload = () => {
    round.reload();
    box.reload();
  };
  const phase = box.data?.box.phase;
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      {data ? <p className="utrecht-paragraph ib-round-line">{v('round', { title: data.title })}</p> : null}
      <VotingNav roundId={roundId} />
      <ProblemAlert problem={round.problem ?? box.problem} />
      {round.loading && !data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {data ? (
        <>
          <section aria-labelledby="state-title" className="ib-stack">
            <h2 className="utrecht-heading-2" id="state-title">
              {t('state')}
            </h2>
            <dl className="ib-facts">
              <dt>{t('roundPhase')}</dt>
              <dd data-testid="round-phase">{phaseNames[lang][data.phase] ?? data.phase}</dd>
              <dt>{t('boxPhase')}</dt>
              <dd data-testid="box-phase">{phase ? v(`phase.${phase}`) : t('noBox')}</dd>
            </dl>
            {result ? <p className="utrecht-paragraph">{t('published', { at: dateText(result.publishedAt, lang, true) })}</p> : null}
            {result?.adoption ? (
              <Alert type="ok">
                <p className="utrecht-paragraph" data-testid="adopted">
                  {t('adopted', { at: dateText(result.adoption.at, lang, true), reason: result.adoption.reason })}
                  {result.adoption.decision ? ` (${result.adoption.decision.number}, ${dateText(result.adoption.decision.date, lang)})` : ''}
                </p>
              </Alert>
            ) : null}
          </section>
          {data.phase === 'voting' && next ? admin ? <CloseVotingForm roundId={roundId} next={next} nextName={phaseNames[lang][next] ?? next} onDone={reload} /> : <Alert type="info">{v('onlyAdmin')}</Alert> : null}
          {phase && phase !== 'prepared' && phase !== 'open' && box.data ? <CountSection roundId={roundId} box={box.data.box} tick={`${data.phase}-${result?.publishedAt ?? ''}`} /> : null}
          {afterVoting && !result ? admin ? <PublishForm roundId={roundId} onDone={reload} /> : <Alert type="info">{v('onlyAdmin')}</Alert> : null}
          {result && !result.adoption ? admin ? <AdoptForm roundId={roundId} phase={data.phase} canAdvance={pipeline.includes('adoption') && data.phase !== 'adoption'} onDone={reload} /> : <Alert type="info">{v('onlyAdmin')}</Alert> : null}
        </>
      ) : null}
    </div>
  );
}

function CloseVotingForm({ roundId, next, nextName, onDone }: { roundId: string; next: string; nextName: string; onDone(): void }) {
  const t = useT(texts);
  const v = useT(votingTexts);
  const problemText = useKnown(t);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!reason.trim()) {
      setErrors([{ field: 'close-reason', message: v('reasonEmpty') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await unwrap(staffApi.POST('/rounds/{roundId}/phase-transitions', { params: { path: { roundId } }, body: { to: next as 'counting', reason: reason.trim() } }));
      onDone();
    } catch (error) {
      setProblem(problemText(problemFrom(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ib-stack" aria-labelledby="close-title">
      <h2 className="utrecht-heading-2" id="close-title">
        {t('close.title')}
      </h2>
      <p className="utrecht-paragraph">{t('close.intro', { next: nextName })}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        {problem ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <TextField id="close-reason" label={v('reason')} description={v('reasonHelp')} value={reason} onChange={setReason} error={errorFor(errors, 'close-reason')} required />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('close.button')}
        </button>
      </form>
    </section>
  );
}

function CountSection({ roundId, box, tick }: { roundId: string; box: BallotBox; tick: string }) {
  const t = useT(texts);
  const v = useT(votingTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  const problemText = useKnown(t);
  const count = useLoad(async () => (await unwrap(staffApi.GET('/rounds/{roundId}/count', { params: { path: { roundId } } }))) as unknown as CountReport, [roundId, tick]);
  const unit = box.frame.countingUnitCents || 100;
  const money = (value: string) => euros(Math.round(Number(value) * unit), lang);
  const names = new Map(box.frame.plans.map((p) => [p.planId, p.name ?? p.planId]));
  const name = (id: string) => names.get(id) ?? id;
  const report = count.data;
  return (
    <section className="ib-stack" aria-labelledby="count-title">
      <h2 className="utrecht-heading-2" id="count-title">
        {t('count.title')}
      </h2>
      {count.problem ? (
        <Alert type={count.problem.code === 'COUNT.VOTING_OPEN' ? 'info' : 'error'}>
          <p className="utrecht-paragraph">{problemText(count.problem)}</p>
        </Alert>
      ) : null}
      {count.loading && !report ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {report ? (
        <>
          <dl className="ib-facts">
            <dt>{t('count.ballots')}</dt>
            <dd data-testid="count-ballots">{report.ballots}</dd>
            <dt>{t('count.rule')}</dt>
            <dd>{report.rule}</dd>
            <dt>{t('count.cost')}</dt>
            <dd>{money(report.cost)}</dd>
            <dt>{t('count.budget')}</dt>
            <dd>{money(report.budget)}</dd>
            <dt>{t('count.leftover')}</dt>
            <dd>{money(report.leftover)}</dd>
          </dl>
          <div className="ib-table-scroll">
            <table className="utrecht-table" data-testid="count-table">
              <caption className="utrecht-table__caption">{t('count.caption')}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">{t('count.plan')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('count.area')}</th>
                  <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('count.votes')}</th>
                  <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('count.planCost')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('count.selected')}</th>
                  <th className="utrecht-table__header-cell" scope="col">{t('count.why')}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {report.projects.map((p) => (
                  <tr className="utrecht-table__row" key={p.id}>
                    <th className="utrecht-table__header-cell" scope="row">{p.name ?? name(p.id)}</th>
                    <td className="utrecht-table__cell">{p.area ?? '–'}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{p.votes}</td>
                    <td className="utrecht-table__cell utrecht-table__cell--numeric">{money(p.cost)}</td>
                    <td className="utrecht-table__cell">{p.selected ? v('yes') : v('no')}</td>
                    <td className="utrecht-table__cell">{p.reason.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.unspent.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">{t('count.unspent')}</h3>
              <ul className="utrecht-unordered-list">
                {report.unspent.map((u) => (
                  <li className="utrecht-unordered-list__item" key={u.pot}>
                    {u.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {report.completions && report.completions.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">{t('count.compare')}</h3>
              <p className="utrecht-paragraph">{t('count.compareIntro')}</p>
              <ul className="utrecht-unordered-list">
                {report.completions.map((c) => (
                  <li className="utrecht-unordered-list__item" key={c.rule}>
                    {c.rule}: {c.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {report.tieBreaks.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">{t('count.ties')}</h3>
              <ul className="utrecht-unordered-list">
                {report.tieBreaks.map((tie, i) => (
                  <li className="utrecht-unordered-list__item" key={i}>
                    {t('count.tie', { contenders: tie.contenders.map(name).join(', '), chosen: name(tie.chosen), by: tie.decidedBy })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function PublishForm({ roundId, onDone }: { roundId: string; onDone(): void }) {
  const t = useT(texts);
  const v = useT(votingTexts);
  const problemText = useKnown(t);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!reason.trim()) {
      setErrors([{ field: 'publish-reason', message: v('reasonEmpty') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await unwrap(staffApi.POST('/rounds/{roundId}/result', { params: { path: { roundId } }, body: { reason: reason.trim() } }));
      onDone();
    } catch (error) {
      setProblem(problemText(problemFrom(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ib-stack" aria-labelledby="publish-title">
      <h2 className="utrecht-heading-2" id="publish-title">
        {t('publish.title')}
      </h2>
      <p className="utrecht-paragraph">{t('publish.intro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        {problem ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <TextField id="publish-reason" label={v('reason')} description={t('publish.reasonHelp')} value={reason} onChange={setReason} error={errorFor(errors, 'publish-reason')} required />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('publish.button')}
        </button>
      </form>
    </section>
  );
}

function AdoptForm({ roundId, canAdvance, onDone }: { roundId: string; phase: string; canAdvance: boolean; onDone(): void }) {
  const t = useT(texts);
  const v = useT(votingTexts);
  const problemText = useKnown(t);
  const [body, setBody] = useState<'college' | 'council'>('college');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    if (!number.trim()) found.push({ field: 'adopt-number', message: t('adopt.numberEmpty') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.push({ field: 'adopt-date', message: t('adopt.dateEmpty') });
    if (!reason.trim()) found.push({ field: 'adopt-reason', message: v('reasonEmpty') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    const decision = { body, number: number.trim(), date };
    try {
      // The result is adopted in the round's adoption phase: the round moves there first, with the same reason.
      if (canAdvance) await unwrap(staffApi.POST('/rounds/{roundId}/phase-transitions', { params: { path: { roundId } }, body: { to: 'adoption', reason: reason.trim() } }));
      await unwrap(staffApi.POST('/rounds/{roundId}/result/adoption', { params: { path: { roundId } }, body: { reason: reason.trim(), decision } }));
      onDone();
    } catch (error) {
      const p = problemFrom(error);
      setProblem(problemText(p));
      if (canAdvance) onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ib-stack" aria-labelledby="adopt-title">
      <h2 className="utrecht-heading-2" id="adopt-title">
        {t('adopt.title')}
      </h2>
      <p className="utrecht-paragraph">{t('adopt.intro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        {problem ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <SelectField
          id="adopt-body"
          label={t('adopt.body')}
          value={body}
          onChange={(value) => setBody(value === 'council' ? 'council' : 'college')}
          options={[
            { value: 'college', label: t('adopt.college') },
            { value: 'council', label: t('adopt.council') },
          ]}
        />
        <TextField id="adopt-number" label={t('adopt.number')} description={t('adopt.numberHelp')} value={number} onChange={setNumber} error={errorFor(errors, 'adopt-number')} required />
        <TextField id="adopt-date" type="date" label={t('adopt.date')} value={date} onChange={setDate} error={errorFor(errors, 'adopt-date')} required />
        <TextField id="adopt-reason" label={v('reason')} description={v('reasonHelp')} value={reason} onChange={setReason} error={errorFor(errors, 'adopt-reason')} required />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('adopt.button')}
        </button>
      </form>
    </section>
  );
}
