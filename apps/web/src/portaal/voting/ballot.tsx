import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { euros, type Problem, problemFrom, type Schemas, unwrap } from '../../common/api';
import { Alert, CheckboxField, ErrorSummary, type FieldError, Fieldset, ProblemAlert, RadioField, SelectField, TextField, useProblemText } from '../../common/forms';
import { useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { tokens, voterKey } from '../../common/session';
import { portalTexts } from '../messages';
import { ballotTexts, planWord } from './ballot-texts';
import { ballotPath, type CastState, signInPath, voterApi } from './common';

type Paper = Schemas['BallotPaperView'];
type Plan = Schemas['BallotPaperPlanView'];
type Content = Schemas['BallotContentDto'];

/** What the voter has filled in so far, for any ballot type. */
interface Marks {
  chosen: string[];
  /** cumulative, scoring: the text in each plan's field. */
  points: Record<string, string>;
  /** ordinal: each plan's place ("" for none). */
  ranks: Record<string, string>;
}

const planField = (plan: Plan) => `plan-${plan.id}`;
const PLANS_FIELD = 'ballot-plans';

/** The plans the marks name (in the ballot paper's order, or by place for a ranking). */
function named(paper: Paper, marks: Marks): Plan[] {
  switch (paper.type) {
    case 'approval':
    case 'choose-1':
      return paper.plans.filter((p) => marks.chosen.includes(p.id));
    case 'cumulative':
    case 'scoring':
      return paper.plans.filter((p) => Number(marks.points[p.id] || 0) > 0);
    case 'ordinal':
      return paper.plans.filter((p) => marks.ranks[p.id]).sort((a, b) => Number(marks.ranks[a.id]) - Number(marks.ranks[b.id]));
  }
}

function content(paper: Paper, marks: Marks): Content {
  const plans = named(paper, marks);
  switch (paper.type) {
    case 'approval':
    case 'choose-1':
      return { type: paper.type, choices: plans.map((p) => p.id) };
    case 'cumulative':
    case 'scoring':
      return { type: paper.type, points: Object.fromEntries(plans.map((p) => [p.id, Number(marks.points[p.id])])) };
    case 'ordinal':
      return { type: 'ordinal', ranking: plans.map((p) => p.id) };
  }
}

/** The frame's rules, checked before sending: the same rules the api holds the ballot to. */
function useCheck(paper: Paper | undefined) {
  const t = useT(ballotTexts);
  const { lang } = useLang();
  return (marks: Marks): FieldError[] => {
    if (!paper) return [];
    const errors: FieldError[] = [];
    const rules = paper.rules;
    const plans = named(paper, marks);
    const n = plans.length;
    const first = paper.plans[0] ? planField(paper.plans[0]) : PLANS_FIELD;
    if (paper.type === 'cumulative' || paper.type === 'scoring') {
      const bad = paper.plans.find((p) => marks.points[p.id] && !/^\d+$/.test(marks.points[p.id]!.trim()));
      if (bad) return [{ field: planField(bad), message: t('POINTS_WHOLE') }];
      const allowed = rules.points ?? 0;
      if (paper.type === 'cumulative') {
        const given = plans.reduce((sum, p) => sum + Number(marks.points[p.id]), 0);
        if (given > allowed) errors.push({ field: first, message: t('POINTS_TOTAL', { given, points: allowed }) });
      } else {
        const over = plans.find((p) => Number(marks.points[p.id]) > allowed);
        if (over) errors.push({ field: planField(over), message: t('POINTS_EACH', { points: allowed }) });
      }
    }
    if (paper.type === 'ordinal') {
      const places = plans.map((p) => marks.ranks[p.id]);
      if (new Set(places).size !== places.length) errors.push({ field: first, message: t('RANK_DOUBLE') });
      if (rules.rankingLength !== null && n > rules.rankingLength) errors.push({ field: first, message: t('RANK_LONG', { n: rules.rankingLength }) });
    }
    const max = paper.type === 'choose-1' ? 1 : rules.maxPlans;
    if (max !== null && n > max) errors.push({ field: first, message: t('TOO_MANY', { n: max, plans: planWord(max, lang) }) });
    const min = Math.max(rules.minPlans ?? 1, 1);
    if (n < min) errors.push({ field: first, message: t('TOO_FEW', { n: min, plans: planWord(min, lang) }) });
    if (paper.type === 'approval') {
      const total = plans.reduce((sum, p) => sum + p.costCents, 0);
      if (rules.costCapCents !== null && total > rules.costCapCents) errors.push({ field: first, message: t('COST_CAP', { amount: euros(total, lang), cap: euros(rules.costCapCents, lang) }) });
      if (rules.minSpendCents !== null && n > 0 && total < rules.minSpendCents) errors.push({ field: first, message: t('MIN_SPEND', { amount: euros(total, lang), min: euros(rules.minSpendCents, lang) }) });
    }
    for (const quota of rules.themeQuotas) {
      const given = plans.filter((p) => p.theme === quota.theme).length;
      if (quota.maxPlans !== null && given > quota.maxPlans) errors.push({ field: first, message: t('THEME_MAX', { theme: quota.theme, n: quota.maxPlans }) });
      if (quota.minPlans !== null && given < quota.minPlans) errors.push({ field: first, message: t('THEME_MIN', { theme: quota.theme, n: quota.minPlans, plans: planWord(quota.minPlans, lang) }) });
    }
    return errors;
  };
}

/** /rondes/:roundId/stemmen: the ballot paper, with the frame's rules, a running total, and the vote cast (or changed). */
export function BallotPage() {
  const { roundId = '' } = useParams();
  const t = useT(ballotTexts);
  const app = useT(portalTexts);
  usePageTitle(t('title'), app('app'));
  const navigate = useNavigate();
  const signedIn = Boolean(tokens.get(voterKey(roundId)));
  const api = voterApi(roundId);
  const loaded = useLoad(async () => {
    if (!signedIn) return null;
    const paper = await unwrap(api.GET('/rounds/{roundId}/ballot-paper', { params: { path: { roundId } } }));
    const mine = await api.GET('/rounds/{roundId}/ballots/mine', { params: { path: { roundId } } });
    return { paper, mine: mine.response.ok ? (mine.data ?? null) : null };
  }, [roundId, signedIn]);
  const [marks, setMarks] = useState<Marks>({ chosen: [], points: {}, ranks: {} });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useCheck(loaded.data?.paper);
  const problemText = useProblemText({
    'BALLOT.ALREADY_CAST': t('ALREADY_CAST'),
    'BALLOT.VOTING_CLOSED': t('VOTING_CLOSED'),
    'ROUND_KEY.DESTROYED': t('VOTING_CLOSED'),
    'BALLOT.CODE_BLOCKED': t('CODE_BLOCKED'),
    'BALLOT.NOT_ELIGIBLE': t('NOT_ELIGIBLE'),
    'BALLOT.PAPER_BALLOT_STANDS': t('PAPER'),
    'REQUEST.PRECONDITION_FAILED': t('CHANGED'),
    'STORE.CONCURRENT_WRITE': t('CHANGED'),
    'BALLOT.UNKNOWN_PLAN': t('UNKNOWN_PLAN'),
    'BALLOT.WRONG_ROUND': t('WRONG_ROUND'),
  });

  if (!signedIn) return <Navigate to={signInPath(roundId, ballotPath(roundId))} replace />;
  const paper = loaded.data?.paper;
  const mine = loaded.data?.mine ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!paper) return;
    setProblem(null);
    const found = check(marks);
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const body = content(paper, marks);
      const params = { path: { roundId } };
      const answer = mine
        ? await unwrap(api.PUT('/rounds/{roundId}/ballots/mine', { params: { ...params, header: { 'If-Match': `"${mine.revision}"` } }, body }))
        : await unwrap(api.POST('/rounds/{roundId}/ballots', { params, body }));
      const state: CastState = { receipt: answer.receipt, replaced: Boolean(mine), titles: named(paper, marks).map((p) => p.title) };
      navigate(`/rondes/${roundId}/bevestiging`, { state });
    } catch (error) {
      const p = problemFrom(error);
      if (p.status === 400 && p.code.startsWith('BALLOT.')) {
        // A rule the page did not catch: named in the summary, like the page's own checks.
        setErrors([{ field: PLANS_FIELD, message: problemText(p) }]);
      } else setProblem(p);
    } finally {
      setBusy(false);
    }
  };

  const update = (next: Marks) => {
    setMarks(next);
    if (errors.length > 0) setErrors(check(next).length === 0 ? [] : errors);
  };

  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      {loaded.problem?.status === 401 ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('signInFirst')}</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={signInPath(roundId, ballotPath(roundId))}>
              {t('signIn')}
            </Link>
          </p>
        </Alert>
      ) : (
        <ProblemAlert problem={loaded.problem} known={{ 'BALLOT.WRONG_ROUND': t('WRONG_ROUND') }} />
      )}
      {loaded.loading ? <p className="utrecht-paragraph">{t('loading')}</p> : null}
      {paper && paper.phase !== 'open' ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('notOpen')}</p>
        </Alert>
      ) : null}
      {paper && paper.phase === 'open' ? (
        <>
          <ErrorSummary errors={errors} />
          <ProblemAlert problem={problem} known={{}} />
          {mine ? (
            <Alert type="info">
              <p className="utrecht-paragraph">{t('already')}</p>
            </Alert>
          ) : null}
          <Rules paper={paper} />
          {paper.plans.length === 0 ? (
            <p className="utrecht-paragraph">{t('none')}</p>
          ) : (
            <form onSubmit={submit} noValidate className="ib-stack" aria-busy={busy}>
              <Fieldset id={PLANS_FIELD} legend={t('plansLegend')} error={errors.length > 0 ? errors.map((e) => e.message).join(' ') : undefined}>
                <ul className="ib-ballot">
                  {paper.plans.map((plan) => (
                    <li key={plan.id} className="ib-ballot__plan">
                      <PlanMark paper={paper} plan={plan} marks={marks} onChange={update} />
                    </li>
                  ))}
                </ul>
              </Fieldset>
              <RunningTotal paper={paper} marks={marks} />
              <div className="ib-actions">
                <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                  {mine ? t('submitChange') : t('submit')}
                </button>
                {busy ? <span role="status">{t('sending')}</span> : null}
              </div>
            </form>
          )}
        </>
      ) : null}
    </div>
  );
}

function Rules({ paper }: { paper: Paper }) {
  const t = useT(ballotTexts);
  const { lang } = useLang();
  const r = paper.rules;
  const lines: string[] = [];
  const points = r.points ?? 0;
  if (paper.type === 'approval') lines.push(t('ruleApproval'));
  if (paper.type === 'choose-1') lines.push(t('ruleChoose1'));
  if (paper.type === 'cumulative') lines.push(t('ruleCumulative', { points }));
  if (paper.type === 'scoring') lines.push(t('ruleScoring', { points }));
  if (paper.type === 'ordinal') lines.push(t('ruleOrdinal'));
  if (paper.type !== 'choose-1') {
    if (r.minPlans !== null && r.minPlans > 1) lines.push(t('ruleMin', { n: r.minPlans, plans: planWord(r.minPlans, lang) }));
    const max = paper.type === 'ordinal' && r.rankingLength !== null ? Math.min(r.rankingLength, r.maxPlans ?? r.rankingLength) : r.maxPlans;
    if (max !== null) lines.push(t('ruleMax', { n: max, plans: planWord(max, lang) }));
  }
  if (paper.type === 'approval' && r.costCapCents !== null) lines.push(t('ruleCap', { amount: euros(r.costCapCents, lang) }));
  if (paper.type === 'approval' && r.minSpendCents !== null) lines.push(t('ruleMinSpend', { amount: euros(r.minSpendCents, lang) }));
  for (const q of r.themeQuotas) {
    if (q.maxPlans !== null) lines.push(t('ruleThemeMax', { n: q.maxPlans, plans: planWord(q.maxPlans, lang), theme: q.theme }));
    if (q.minPlans !== null) lines.push(t('ruleThemeMin', { n: q.minPlans, plans: planWord(q.minPlans, lang), theme: q.theme }));
  }
  return (
    <section aria-labelledby="rules-heading">
      <h2 className="utrecht-heading-2" id="rules-heading">
        {t('rulesTitle')}
      </h2>
      <ul className="utrecht-unordered-list">
        {lines.map((line) => (
          <li key={line} className="utrecht-unordered-list__item">
            {line}
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph">{t('budget', { amount: euros(paper.budgetCents, lang) })}</p>
    </section>
  );
}

function PlanMark({ paper, plan, marks, onChange }: { paper: Paper; plan: Plan; marks: Marks; onChange(next: Marks): void }) {
  const t = useT(ballotTexts);
  const { lang } = useLang();
  const id = planField(plan);
  const about = [`${t('cost')}: ${euros(plan.costCents, lang)}`, plan.area ? `${t('area')}: ${plan.area.name ?? plan.area.code}` : '', plan.theme ? `${t('theme')}: ${plan.theme}` : ''].filter(Boolean).join(' · ');
  switch (paper.type) {
    case 'approval':
      return (
        <CheckboxField
          id={id}
          label={plan.title}
          description={about}
          checked={marks.chosen.includes(plan.id)}
          onChange={(on) => onChange({ ...marks, chosen: on ? [...marks.chosen, plan.id] : marks.chosen.filter((c) => c !== plan.id) })}
        />
      );
    case 'choose-1':
      return (
        <>
          <RadioField id={id} name="choice" value={plan.id} label={plan.title} checked={marks.chosen[0] === plan.id} onChange={(value) => onChange({ ...marks, chosen: [value] })} />
          <p className="utrecht-form-field-description ib-ballot__about">{about}</p>
        </>
      );
    case 'cumulative':
    case 'scoring':
      return (
        <TextField
          id={id}
          label={t('pointsLabel', { title: plan.title })}
          description={`${about}. ${paper.type === 'cumulative' ? t('pointsHelp') : t('scoreHelp', { points: paper.rules.points ?? 0 })}`}
          type="text"
          inputMode="numeric"
          value={marks.points[plan.id] ?? ''}
          onChange={(value) => onChange({ ...marks, points: { ...marks.points, [plan.id]: value } })}
        />
      );
    case 'ordinal': {
      const places = Math.min(paper.plans.length, paper.rules.rankingLength ?? paper.plans.length);
      return (
        <SelectField
          id={id}
          label={t('rankLabel', { title: plan.title })}
          description={about}
          value={marks.ranks[plan.id] ?? ''}
          options={[{ value: '', label: t('rankNone') }, ...Array.from({ length: places }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))]}
          onChange={(value) => onChange({ ...marks, ranks: { ...marks.ranks, [plan.id]: value } })}
        />
      );
    }
  }
}

/** The running total, read out politely as it changes. */
function RunningTotal({ paper, marks }: { paper: Paper; marks: Marks }) {
  const t = useT(ballotTexts);
  const { lang } = useLang();
  const plans = named(paper, marks);
  const n = plans.length;
  let text: string;
  let over = false;
  if (paper.type === 'approval' || paper.type === 'choose-1') {
    const total = plans.reduce((sum, p) => sum + p.costCents, 0);
    const cap = paper.type === 'approval' ? paper.rules.costCapCents : null;
    over = cap !== null && total > cap;
    text =
      cap === null
        ? t('totalApproval', { n, plans: planWord(n, lang), amount: euros(total, lang) })
        : over
          ? t('totalOver', { n, plans: planWord(n, lang), amount: euros(total, lang), over: euros(total - cap, lang) })
          : t('totalApprovalCap', { n, plans: planWord(n, lang), amount: euros(total, lang), left: euros(cap - total, lang) });
  } else if (paper.type === 'ordinal') {
    text = t('totalOrdinal', { n, plans: planWord(n, lang) });
  } else {
    const given = plans.reduce((sum, p) => sum + (Number(marks.points[p.id]) || 0), 0);
    over = paper.type === 'cumulative' && given > (paper.rules.points ?? 0);
    text = paper.type === 'cumulative' ? t('totalPoints', { given, points: paper.rules.points ?? 0 }) : t('totalOrdinal', { n, plans: planWord(n, lang) });
  }
  return (
    <div className={`ib-total${over ? ' ib-total--over' : ''}`} aria-live="polite" id="running-total">
      <p className="utrecht-paragraph">{text}</p>
    </div>
  );
}
