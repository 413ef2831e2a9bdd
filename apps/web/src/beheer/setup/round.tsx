import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { dateText, euros, type Problem, problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, Fieldset, ProblemAlert, RadioField, TextAreaField, TextField, useProblemText } from '../../common/forms';
import { type Lang, type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { hasRole, nextStep, nextStepTexts, type Phase, phaseName } from './common';

type Key =
  | 'title' | 'facts' | 'phase' | 'year' | 'form' | 'ceiling' | 'committed' | 'remaining' | 'frozen' | 'notFrozen' | 'pipeline' | 'pipelineHelp' | 'current' | 'done'
  | 'schedule' | 'scheduleCaption' | 'schedulePhase' | 'opens' | 'closes' | 'noSchedule' | 'next' | 'advance' | 'advanceHelp' | 'reason' | 'reasonHelp' | 'reasonEmpty'
  | 'decision' | 'decisionHelp' | 'body' | 'council' | 'college' | 'residentsBody' | 'number' | 'date' | 'decisionIncomplete' | 'advanceButton' | 'advanced' | 'last'
  | 'notAllowed' | 'pages' | 'page.moderatie' | 'page.beoordeling' | 'page.toelating' | 'page.stembus' | 'page.papier' | 'page.telling' | 'page.opkomst'
  | 'page.proces-verbaal' | 'page.tijdlijn' | 'page.aanvragen' | 'page.uitvoering' | 'back' | 'areas' | 'areaCaption' | 'area' | 'areaCeiling' | 'areaCommitted' | 'criteria'
  | 'ROUND.INVALID_TRANSITION' | 'ROUND.PHASE_NOT_OPEN' | 'ROUND.PHASE_STILL_OPEN' | 'ROUND.CEILING_EXCEEDED' | 'ROUND.RESULT_NOT_PUBLISHED' | 'ROUND.RESULT_NOT_ADOPTED'
  | 'ROUND.WRONG_DECIDING_BODY' | 'ROUND.REASON_REQUIRED' | 'ROUND.DECISION_REQUIRED' | 'ROUND.DECISION_DATE_DOES_NOT_EXIST' | 'BALLOT_BOX.NO_PLANS' | 'BALLOT_BOX.NO_BALLOT_RULES'
  | 'BUDGET.FRAME_VERSION_OUTDATED' | 'STORE.CONCURRENT_WRITE' | 'ROUND.NOT_FOUND';

const texts: Messages<Key> = {
  nl: {
    title: 'Ronde: {title}',
    facts: 'Gegevens van de ronde',
    phase: 'Fase nu',
    year: 'Jaar',
    form: 'Soort',
    ceiling: 'Budget',
    committed: 'Toegezegd',
    remaining: 'Nog vrij',
    frozen: 'Regels vastgezet op {date}',
    notFrozen: 'Regels nog niet vastgezet',
    pipeline: 'De fasen van deze ronde',
    pipelineHelp: 'Een ronde gaat altijd naar de volgende fase. Terug kan niet.',
    current: '(nu)',
    done: '(klaar)',
    schedule: 'Planning',
    scheduleCaption: 'De geplande data per fase',
    schedulePhase: 'Fase',
    opens: 'Eerste dag',
    closes: 'Laatste dag',
    noSchedule: 'Er zijn geen data gepland.',
    next: 'Volgende stap',
    advance: 'Naar de volgende fase: {phase}',
    advanceHelp: 'Leg uit waarom de ronde nu verder gaat. De reden wordt vastgelegd.',
    reason: 'Reden',
    reasonHelp: 'Bijvoorbeeld: de indieningstermijn is voorbij.',
    reasonEmpty: 'Vul een reden in.',
    decision: 'Besluit (alleen als dat nodig is)',
    decisionHelp: 'Bij een adviserende uitslag hoort bij de start van de uitvoering het besluit van het college of de raad.',
    body: 'Wie besloot',
    council: 'De gemeenteraad',
    college: 'Het college',
    residentsBody: 'De bewonersraad',
    number: 'Nummer van het besluit',
    date: 'Datum van het besluit',
    decisionIncomplete: 'Vul het besluit helemaal in (nummer en datum), of laat het helemaal leeg.',
    advanceButton: 'Naar {phase}',
    advanced: 'De ronde is nu in de fase {phase}.',
    last: 'Dit is de laatste fase. De ronde is klaar.',
    notAllowed: 'Alleen een beheerder kan de ronde naar de volgende fase zetten.',
    pages: 'Alle pagina’s van deze ronde',
    'page.moderatie': 'Nieuwe plannen controleren',
    'page.beoordeling': 'Plannen beoordelen',
    'page.toelating': 'Toelaten en selecteren',
    'page.stembus': 'Kiezerslijst en stemcodes',
    'page.papier': 'Papieren stembiljetten',
    'page.telling': 'Tellen en vaststellen',
    'page.opkomst': 'Opkomst',
    'page.proces-verbaal': 'Proces-verbaal',
    'page.tijdlijn': 'Tijdlijn (wie deed wat)',
    'page.aanvragen': 'Aanvragen',
    'page.uitvoering': 'Uitvoering en betalingen',
    back: 'Terug naar alle rondes',
    areas: 'Budget per buurt',
    areaCaption: 'Het budget en wat is toegezegd, per buurt',
    area: 'Buurt',
    areaCeiling: 'Budget',
    areaCommitted: 'Toegezegd',
    criteria: 'Gepubliceerde criteria',
    'ROUND.INVALID_TRANSITION': 'De ronde kan niet naar deze fase. Alleen de volgende fase is mogelijk.',
    'ROUND.PHASE_NOT_OPEN': 'Deze fase begint pas op {opensOn}. Wacht tot die dag.',
    'ROUND.PHASE_STILL_OPEN': 'De fase {phase} is nog open tot en met {closesOn}. Inwoners mogen tot dan meedoen.',
    'ROUND.CEILING_EXCEEDED': 'Er is meer geld toegezegd dan het budget toelaat.',
    'ROUND.RESULT_NOT_PUBLISHED': 'Publiceer eerst de uitslag.',
    'ROUND.RESULT_NOT_ADOPTED': 'Stel eerst de uitslag vast.',
    'ROUND.WRONG_DECIDING_BODY': 'Dit besluit is niet genomen door wie volgens het budget moet besluiten.',
    'ROUND.REASON_REQUIRED': 'Vul een reden in.',
    'ROUND.DECISION_REQUIRED': 'Voor deze stap is een besluit nodig. Vul het besluit in.',
    'ROUND.DECISION_DATE_DOES_NOT_EXIST': 'De datum van het besluit bestaat niet.',
    'BALLOT_BOX.NO_PLANS': 'Er is nog geen plan toegelaten tot de stemming. Laat eerst plannen toe.',
    'BALLOT_BOX.NO_BALLOT_RULES': 'Het budget heeft geen regels voor het stemmen.',
    'BUDGET.FRAME_VERSION_OUTDATED': 'Het budget is net aangepast. Laad de pagina opnieuw en probeer het nog eens.',
    'STORE.CONCURRENT_WRITE': 'Iemand anders heeft de ronde net gewijzigd. Laad de pagina opnieuw.',
    'ROUND.NOT_FOUND': 'Deze ronde bestaat niet.',
  },
  en: {
    title: 'Round: {title}',
    facts: "The round's details",
    phase: 'Phase now',
    year: 'Year',
    form: 'Kind',
    ceiling: 'Budget',
    committed: 'Committed',
    remaining: 'Still free',
    frozen: 'Rules frozen on {date}',
    notFrozen: 'Rules not frozen yet',
    pipeline: "The round's phases",
    pipelineHelp: 'A round always moves to the next phase. It cannot go back.',
    current: '(now)',
    done: '(done)',
    schedule: 'Schedule',
    scheduleCaption: 'The planned dates per phase',
    schedulePhase: 'Phase',
    opens: 'First day',
    closes: 'Last day',
    noSchedule: 'No dates are planned.',
    next: 'Next step',
    advance: 'To the next phase: {phase}',
    advanceHelp: 'Explain why the round moves on now. The reason is recorded.',
    reason: 'Reason',
    reasonHelp: 'For example: the submission period is over.',
    reasonEmpty: 'Enter a reason.',
    decision: 'Decision (only where needed)',
    decisionHelp: 'Under an advisory result, implementation starts with the decision of the college or the council.',
    body: 'Who decided',
    council: 'The municipal council',
    college: 'The college',
    residentsBody: "The residents' body",
    number: 'Number of the decision',
    date: 'Date of the decision',
    decisionIncomplete: 'Enter the whole decision (number and date), or leave it empty.',
    advanceButton: 'To {phase}',
    advanced: 'The round is now in the phase {phase}.',
    last: 'This is the last phase. The round is finished.',
    notAllowed: 'Only an administrator can move the round to its next phase.',
    pages: "All of the round's pages",
    'page.moderatie': 'Moderate new plans',
    'page.beoordeling': 'Review plans',
    'page.toelating': 'Admission and selection',
    'page.stembus': 'Voter roll and voting codes',
    'page.papier': 'Paper ballots',
    'page.telling': 'Count and adopt',
    'page.opkomst': 'Turnout',
    'page.proces-verbaal': 'Official record',
    'page.tijdlijn': 'Timeline (who did what)',
    'page.aanvragen': 'Applications',
    'page.uitvoering': 'Implementation and payments',
    back: 'Back to all rounds',
    areas: 'Budget per area',
    areaCaption: 'The budget and what is committed, per area',
    area: 'Area',
    areaCeiling: 'Budget',
    areaCommitted: 'Committed',
    criteria: 'Published criteria',
    'ROUND.INVALID_TRANSITION': 'The round cannot move to this phase. Only the next phase is possible.',
    'ROUND.PHASE_NOT_OPEN': 'This phase only starts on {opensOn}. Wait until that day.',
    'ROUND.PHASE_STILL_OPEN': 'The phase {phase} is open until and including {closesOn}. Residents may take part until then.',
    'ROUND.CEILING_EXCEEDED': 'More money is committed than the budget allows.',
    'ROUND.RESULT_NOT_PUBLISHED': 'Publish the result first.',
    'ROUND.RESULT_NOT_ADOPTED': 'Adopt the result first.',
    'ROUND.WRONG_DECIDING_BODY': 'This decision was not taken by the body the budget names.',
    'ROUND.REASON_REQUIRED': 'Enter a reason.',
    'ROUND.DECISION_REQUIRED': 'This step needs a decision. Enter the decision.',
    'ROUND.DECISION_DATE_DOES_NOT_EXIST': 'The date of the decision does not exist.',
    'BALLOT_BOX.NO_PLANS': 'No plan has been admitted to the ballot yet. Admit plans first.',
    'BALLOT_BOX.NO_BALLOT_RULES': 'The budget has no rules for voting.',
    'BUDGET.FRAME_VERSION_OUTDATED': 'The budget was just amended. Reload the page and try again.',
    'STORE.CONCURRENT_WRITE': 'Someone else just changed the round. Reload the page.',
    'ROUND.NOT_FOUND': 'This round does not exist.',
  },
};

const problemCodes = [
  'ROUND.INVALID_TRANSITION', 'ROUND.CEILING_EXCEEDED', 'ROUND.RESULT_NOT_PUBLISHED', 'ROUND.RESULT_NOT_ADOPTED', 'ROUND.WRONG_DECIDING_BODY', 'ROUND.REASON_REQUIRED',
  'ROUND.DECISION_REQUIRED', 'ROUND.DECISION_DATE_DOES_NOT_EXIST', 'BALLOT_BOX.NO_PLANS', 'BALLOT_BOX.NO_BALLOT_RULES', 'BUDGET.FRAME_VERSION_OUTDATED', 'STORE.CONCURRENT_WRITE', 'ROUND.NOT_FOUND',
] as const;

/** Every page of a round, by its path under /rondes/:roundId (apps/web/README.md). */
const roundPages = ['moderatie', 'beoordeling', 'toelating', 'stembus', 'papier', 'telling', 'opkomst', 'proces-verbaal', 'tijdlijn', 'aanvragen', 'uitvoering'] as const;

interface ScheduleEntry {
  phase: string;
  opensOn: string;
  closesOn?: string;
}

/** A refusal with its facts (the day a phase opens or closes) in words. */
function useAdvanceProblem(): (problem: Problem) => string {
  const t = useT(texts);
  const { lang } = useLang();
  const known = Object.fromEntries(problemCodes.map((code) => [code, t(code)]));
  const generic = useProblemText(known);
  return (problem: Problem) => {
    const details = (problem.details ?? {}) as { opensOn?: string; closesOn?: string; phase?: string };
    if (problem.code === 'ROUND.PHASE_NOT_OPEN') return t('ROUND.PHASE_NOT_OPEN', { opensOn: dateText(details.opensOn, lang) });
    if (problem.code === 'ROUND.PHASE_STILL_OPEN') return t('ROUND.PHASE_STILL_OPEN', { phase: phaseName(details.phase ?? '', lang), closesOn: dateText(details.closesOn, lang) });
    return generic(problem);
  };
}

/** A round's overview: where it stands, its phases, the step to the next phase and links to every page of the round. */
export function RoundPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const next = useT(nextStepTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  const round = useLoad(() => unwrap(staffApi.GET('/rounds/{roundId}', { params: { path: { roundId } } })), [roundId]);
  usePageTitle(round.data ? t('title', { title: round.data.title }) : app('loading'), app('app'));
  const known = Object.fromEntries(problemCodes.map((code) => [code, t(code)]));
  const data = round.data;
  const index = data ? data.pipeline.indexOf(data.phase) : -1;
  const following = data && index >= 0 ? data.pipeline[index + 1] : undefined;
  const step = data ? nextStep(data.phase, roundId) : null;
  const areas = (data?.areas ?? []) as unknown as { areaCode: string; ceilingCents: number; committedCents: number }[];
  const criteria = (data?.criteriaPublishedBeforeSubmission ?? []) as unknown as { id: string; text: string }[];
  return (
    <div className="ib-stack">
      <PageHeading>{data ? t('title', { title: data.title }) : app('loading')}</PageHeading>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          {t('back')}
        </Link>
      </p>
      <ProblemAlert problem={round.problem} known={known} />
      {data && step ? (
        <>
          <section aria-labelledby="facts" className="ib-stack">
            <h2 className="utrecht-heading-2" id="facts">{t('facts')}</h2>
            <dl className="utrecht-data-list">
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('phase')}</dt>
                <dd className="utrecht-data-list__item-value" data-testid="round-phase">{phaseName(data.phase, lang)}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('year')}</dt>
                <dd className="utrecht-data-list__item-value">{data.year}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('form')}</dt>
                <dd className="utrecht-data-list__item-value">{data.form}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('ceiling')}</dt>
                <dd className="utrecht-data-list__item-value">{euros(data.ceilingCents, lang)}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('committed')}</dt>
                <dd className="utrecht-data-list__item-value">{euros(data.committedCents, lang)}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('remaining')}</dt>
                <dd className="utrecht-data-list__item-value">{euros(data.remainingCents, lang)}</dd>
              </div>
            </dl>
            <p className="utrecht-paragraph">{data.rulesFrozenAt ? t('frozen', { date: dateText(data.rulesFrozenAt, lang, true) }) : t('notFrozen')}</p>
          </section>
          <section aria-labelledby="next" className="ib-stack">
            <h2 className="utrecht-heading-2" id="next">{t('next')}</h2>
            <p className="utrecht-paragraph">
              <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={step.to} data-testid="next-step">
                {next(step.key)}
              </Link>
            </p>
          </section>
          <section aria-labelledby="pipeline" className="ib-stack">
            <h2 className="utrecht-heading-2" id="pipeline">{t('pipeline')}</h2>
            <p className="utrecht-paragraph">{t('pipelineHelp')}</p>
            <ol className="utrecht-ordered-list ib-pipeline">
              {data.pipeline.map((phase, i) => (
                <li key={phase} className="utrecht-ordered-list__item" data-phase={phase} aria-current={i === index ? 'step' : undefined}>
                  {i === index ? <strong>{phaseName(phase, lang)} {t('current')}</strong> : <>{phaseName(phase, lang)} {i < index ? t('done') : ''}</>}
                </li>
              ))}
            </ol>
          </section>
          {following ? <Advance roundId={roundId} to={following} lang={lang} onDone={round.reload} /> : <Alert type="info">{t('last')}</Alert>}
          <section aria-labelledby="schedule" className="ib-stack">
            <h2 className="utrecht-heading-2" id="schedule">{t('schedule')}</h2>
            {data.schedule.length === 0 ? (
              <p className="utrecht-paragraph">{t('noSchedule')}</p>
            ) : (
              <div className="ib-table-scroll">
                <table className="utrecht-table">
                  <caption className="utrecht-table__caption">{t('scheduleCaption')}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th className="utrecht-table__header-cell" scope="col">{t('schedulePhase')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('opens')}</th>
                      <th className="utrecht-table__header-cell" scope="col">{t('closes')}</th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {(data.schedule as ScheduleEntry[]).map((entry) => (
                      <tr className="utrecht-table__row" key={entry.phase}>
                        <th className="utrecht-table__header-cell" scope="row">{phaseName(entry.phase, lang)}</th>
                        <td className="utrecht-table__cell">{dateText(entry.opensOn, lang)}</td>
                        <td className="utrecht-table__cell">{dateText(entry.closesOn, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {areas.length > 0 ? (
            <section aria-labelledby="areas" className="ib-stack">
              <h2 className="utrecht-heading-2" id="areas">{t('areas')}</h2>
              <div className="ib-table-scroll">
                <table className="utrecht-table">
                  <caption className="utrecht-table__caption">{t('areaCaption')}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th className="utrecht-table__header-cell" scope="col">{t('area')}</th>
                      <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('areaCeiling')}</th>
                      <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('areaCommitted')}</th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {areas.map((area) => (
                      <tr className="utrecht-table__row" key={area.areaCode}>
                        <th className="utrecht-table__header-cell" scope="row">{area.areaCode}</th>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(area.ceilingCents, lang)}</td>
                        <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(area.committedCents, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          {criteria.length > 0 ? (
            <section aria-labelledby="criteria" className="ib-stack">
              <h2 className="utrecht-heading-2" id="criteria">{t('criteria')}</h2>
              <ul className="utrecht-unordered-list">
                {criteria.map((c) => (
                  <li className="utrecht-unordered-list__item" key={c.id}>{c.text}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <nav aria-labelledby="pages" className="ib-stack">
            <h2 className="utrecht-heading-2" id="pages">{t('pages')}</h2>
            <ul className="utrecht-unordered-list">
              {roundPages.map((page) => (
                <li className="utrecht-unordered-list__item" key={page}>
                  <Link className="utrecht-link" to={`/rondes/${roundId}/${page}`}>
                    {t(`page.${page}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </>
      ) : null}
      {round.loading && !data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
    </div>
  );
}

/** The form that moves the round to its next phase, with the reason (and a decision where the regime needs one). */
function Advance({ roundId, to, lang, onDone }: { roundId: string; to: Phase; lang: Lang; onDone(): void }) {
  const t = useT(texts);
  const problemText = useAdvanceProblem();
  const [reason, setReason] = useState('');
  const [body, setBody] = useState<'council' | 'college' | 'residents-body'>('college');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const admin = hasRole('administrator');
  const withDecision = to === 'implementation' || to === 'adoption';
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found: FieldError[] = [];
    if (!reason.trim()) found.push({ field: 'advance-reason', message: t('reasonEmpty') });
    if ((number.trim() || date) && !(number.trim() && /^\d{4}-\d{2}-\d{2}$/.test(date))) found.push({ field: number.trim() ? 'advance-decision-date' : 'advance-decision-number', message: t('decisionIncomplete') });
    setErrors(found);
    if (found.length > 0) return;
    setSending(true);
    try {
      await unwrap(
        staffApi.POST('/rounds/{roundId}/phase-transitions', {
          params: { path: { roundId } },
          body: { to, reason: reason.trim(), ...(number.trim() ? { decision: { body, number: number.trim(), date } } : {}) },
        }),
      );
      setReason('');
      setDone(t('advanced', { phase: phaseName(to, lang) }));
      onDone();
    } catch (error) {
      const problem = problemFrom(error);
      const field = problem.code.startsWith('ROUND.DECISION') || problem.code === 'ROUND.WRONG_DECIDING_BODY' ? 'advance-decision-number' : 'advance-reason';
      setErrors([{ field, message: problemText(problem) }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="advance" className="ib-stack">
      <h2 className="utrecht-heading-2" id="advance">{t('advance', { phase: phaseName(to, lang) })}</h2>
      {done ? <Alert type="ok">{done}</Alert> : null}
      {admin ? (
        <form className="ib-stack" noValidate onSubmit={submit}>
          <ErrorSummary errors={errors} />
          <p className="utrecht-paragraph">{t('advanceHelp')}</p>
          <TextAreaField id="advance-reason" label={t('reason')} description={t('reasonHelp')} value={reason} onChange={setReason} rows={3} error={fieldError('advance-reason')} />
          {withDecision ? (
            <Fieldset id="advance-decision" legend={t('decision')} description={t('decisionHelp')}>
              <Fieldset id="advance-decision-body" legend={t('body')}>
                <RadioField id="advance-body-college" name="advance-body" value="college" label={t('college')} checked={body === 'college'} onChange={() => setBody('college')} />
                <RadioField id="advance-body-council" name="advance-body" value="council" label={t('council')} checked={body === 'council'} onChange={() => setBody('council')} />
                <RadioField id="advance-body-residents" name="advance-body" value="residents-body" label={t('residentsBody')} checked={body === 'residents-body'} onChange={() => setBody('residents-body')} />
              </Fieldset>
              <TextField id="advance-decision-number" label={t('number')} value={number} onChange={setNumber} error={fieldError('advance-decision-number')} />
              <TextField id="advance-decision-date" type="date" label={t('date')} value={date} onChange={setDate} error={fieldError('advance-decision-date')} />
            </Fieldset>
          ) : null}
          <p className="ib-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={sending}>
              {t('advanceButton', { phase: phaseName(to, lang) })}
            </button>
          </p>
        </form>
      ) : (
        <Alert type="info">{t('notAllowed')}</Alert>
      )}
    </section>
  );
}
