import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { problemFrom, type Schemas, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, Fieldset, ProblemAlert, SelectField, TextField, useProblemText } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { hasRole, type Phase, phaseName } from './common';

type Key =
  | 'title' | 'intro' | 'budget' | 'budgetHelp' | 'budgetEmpty' | 'year' | 'yearHelp' | 'yearWrong' | 'name' | 'nameHelp' | 'schedule' | 'scheduleHelp'
  | 'opens' | 'closes' | 'optional' | 'opensEmpty' | 'closesEmpty' | 'closesBefore' | 'scheduleEmpty' | 'submit' | 'sending' | 'notAllowed' | 'noBudgets'
  | 'ROUND.INVALID_PLAN' | 'ROUND.UNKNOWN_BUDGET' | 'ROUND.UNKNOWN_AREA' | 'ROUND.ALREADY_PLANNED' | 'ROUND.NO_BALLOT_RULES' | 'ROUND.CARRY_OVER_NOT_ALLOWED' | 'ROUND.CARRY_OVER_EXPIRED';

const texts: Messages<Key> = {
  nl: {
    title: 'Nieuwe ronde plannen',
    intro: 'Een ronde hoort bij een budget. Kies het budget, het jaar en de data waarop inwoners mee kunnen doen.',
    budget: 'Budget',
    budgetHelp: 'De ronde krijgt de regels van dit budget.',
    budgetEmpty: 'Kies een budget.',
    year: 'Jaar',
    yearHelp: 'Bijvoorbeeld 2026.',
    yearWrong: 'Vul een jaar in tussen 2000 en 2100.',
    name: 'Naam van de ronde (niet verplicht)',
    nameHelp: 'Laat leeg voor de naam van het budget en het jaar.',
    schedule: 'Planning',
    scheduleHelp: 'Vul de data in van de fasen waarin inwoners meedoen. Een fase begint op de eerste dag en sluit aan het eind van de laatste dag.',
    opens: '{phase}: eerste dag',
    closes: '{phase}: laatste dag',
    optional: '(niet verplicht)',
    opensEmpty: '{phase}: vul ook de eerste dag in.',
    closesEmpty: '{phase}: vul ook de laatste dag in.',
    closesBefore: '{phase}: de laatste dag ligt voor de eerste dag.',
    scheduleEmpty: 'Vul de data van minstens één fase in.',
    submit: 'Ronde plannen',
    sending: 'De ronde wordt gepland…',
    notAllowed: 'Alleen een beheerder kan een ronde plannen. U kunt deze pagina wel bekijken.',
    noBudgets: 'Er is nog geen budget. Stel eerst een budget vast.',
    'ROUND.INVALID_PLAN': 'De planning klopt niet. Data mogen niet in het verleden liggen en moeten op volgorde staan.',
    'ROUND.UNKNOWN_BUDGET': 'Dit budget bestaat niet. Kies een ander budget.',
    'ROUND.UNKNOWN_AREA': 'Een buurt in deze ronde hoort niet bij het budget.',
    'ROUND.ALREADY_PLANNED': 'Deze ronde is al gepland.',
    'ROUND.NO_BALLOT_RULES': 'Het budget heeft geen regels voor het stemmen. Pas eerst het budget aan.',
    'ROUND.CARRY_OVER_NOT_ALLOWED': 'Bij dit budget mag geld niet naar een volgend jaar.',
    'ROUND.CARRY_OVER_EXPIRED': 'Het geld uit een eerder jaar mag niet meer gebruikt worden.',
  },
  en: {
    title: 'Plan a new round',
    intro: 'A round belongs to a budget. Choose the budget, the year and the dates on which residents can take part.',
    budget: 'Budget',
    budgetHelp: "The round gets this budget's rules.",
    budgetEmpty: 'Choose a budget.',
    year: 'Year',
    yearHelp: 'For example 2026.',
    yearWrong: 'Enter a year between 2000 and 2100.',
    name: 'Name of the round (optional)',
    nameHelp: "Leave empty for the budget's name and the year.",
    schedule: 'Schedule',
    scheduleHelp: 'Enter the dates of the phases in which residents take part. A phase opens on its first day and closes at the end of its last day.',
    opens: '{phase}: first day',
    closes: '{phase}: last day',
    optional: '(optional)',
    opensEmpty: '{phase}: enter the first day too.',
    closesEmpty: '{phase}: enter the last day too.',
    closesBefore: '{phase}: the last day is before the first day.',
    scheduleEmpty: 'Enter the dates of at least one phase.',
    submit: 'Plan the round',
    sending: 'Planning the round…',
    notAllowed: 'Only an administrator can plan a round. You can still view this page.',
    noBudgets: 'There is no budget yet. Establish a budget first.',
    'ROUND.INVALID_PLAN': 'The schedule is not valid. Dates may not be in the past and must be in order.',
    'ROUND.UNKNOWN_BUDGET': 'This budget does not exist. Choose another budget.',
    'ROUND.UNKNOWN_AREA': 'An area of this round does not belong to the budget.',
    'ROUND.ALREADY_PLANNED': 'This round has already been planned.',
    'ROUND.NO_BALLOT_RULES': 'The budget has no rules for voting. Amend the budget first.',
    'ROUND.CARRY_OVER_NOT_ALLOWED': 'This budget does not allow money to carry over to a later year.',
    'ROUND.CARRY_OVER_EXPIRED': 'The money of an earlier year may no longer be used.',
  },
};

const problemCodes = ['ROUND.INVALID_PLAN', 'ROUND.UNKNOWN_BUDGET', 'ROUND.UNKNOWN_AREA', 'ROUND.ALREADY_PLANNED', 'ROUND.NO_BALLOT_RULES', 'ROUND.CARRY_OVER_NOT_ALLOWED', 'ROUND.CARRY_OVER_EXPIRED'] as const;

/** The phases residents take part in, per form: the ones a schedule gives dates to (docs/budgeting.md). */
const scheduled: Record<string, { phase: Phase; closes: boolean; required: boolean }[]> = {
  burgerbegroting: [
    { phase: 'submission', closes: true, required: true },
    { phase: 'support', closes: true, required: false },
    { phase: 'voting', closes: true, required: true },
  ],
  wijkbudget: [
    { phase: 'submission', closes: true, required: true },
    { phase: 'voting', closes: true, required: false },
  ],
  dorpsbudget: [
    { phase: 'submission', closes: true, required: true },
    { phase: 'voting', closes: true, required: false },
  ],
  initiatievenfonds: [{ phase: 'intake', closes: false, required: true }],
};

type Dates = Record<string, { opensOn: string; closesOn: string }>;

/** Plan a round under a budget (POST /rounds with its schedule). */
export function NewRoundPage() {
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const budgets = useLoad(() => unwrap(staffApi.GET('/read-models/budgets', { params: { query: { pageSize: 100 } } })), []);
  const [budgetId, setBudgetId] = useState(params.get('budget') ?? '');
  const chosen = useLoad(
    () => (budgetId ? unwrap(staffApi.GET('/budgets/{budgetId}', { params: { path: { budgetId } } })) : Promise.resolve<Schemas['BudgetView'] | null>(null)),
    [budgetId],
  );
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [name, setName] = useState('');
  const [dates, setDates] = useState<Dates>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const known = Object.fromEntries(problemCodes.map((code) => [code, t(code)]));
  const problemText = useProblemText(known);
  const admin = hasRole('administrator');
  const form = chosen.data?.frame.form ?? 'burgerbegroting';
  const phases = scheduled[form] ?? scheduled.burgerbegroting!;
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;

  useEffect(() => {
    if (!budgetId && budgets.data?.items[0]) setBudgetId(budgets.data.items[0].budgetId);
  }, [budgets.data, budgetId]);

  const options = (budgets.data?.items ?? []).map((b) => ({ value: b.budgetId, label: b.title }));
  if (budgetId && chosen.data && !options.some((o) => o.value === budgetId)) options.unshift({ value: budgetId, label: chosen.data.frame.title });

  const setDate = (phase: string, which: 'opensOn' | 'closesOn', value: string) =>
    setDates((d) => ({ ...d, [phase]: { opensOn: d[phase]?.opensOn ?? '', closesOn: d[phase]?.closesOn ?? '', [which]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!budgetId) found.push({ field: 'budget', message: t('budgetEmpty') });
    const y = Number(year);
    if (!/^\d{4}$/.test(year) || y < 2000 || y > 2100) found.push({ field: 'year', message: t('yearWrong') });
    const schedule: Schemas['ScheduledPhaseDto'][] = [];
    for (const { phase, closes, required } of phases) {
      const entry = dates[phase] ?? { opensOn: '', closesOn: '' };
      const label = phaseName(phase, lang);
      if (!entry.opensOn && !entry.closesOn) {
        if (required) found.push({ field: `schedule-${phase}-opens`, message: t('opensEmpty', { phase: label }) });
        continue;
      }
      if (!entry.opensOn) found.push({ field: `schedule-${phase}-opens`, message: t('opensEmpty', { phase: label }) });
      else if (closes && !entry.closesOn) found.push({ field: `schedule-${phase}-closes`, message: t('closesEmpty', { phase: label }) });
      else if (entry.closesOn && entry.closesOn < entry.opensOn) found.push({ field: `schedule-${phase}-closes`, message: t('closesBefore', { phase: label }) });
      else schedule.push({ phase, opensOn: entry.opensOn, ...(entry.closesOn ? { closesOn: entry.closesOn } : {}) });
    }
    if (found.length === 0 && schedule.length === 0) found.push({ field: `schedule-${phases[0]!.phase}-opens`, message: t('scheduleEmpty') });
    setErrors(found);
    if (found.length > 0) return;
    setSending(true);
    try {
      const answer = await unwrap(staffApi.POST('/rounds', { body: { budgetId, year: y, schedule, ...(name.trim() ? { title: name.trim() } : {}) } }));
      navigate(`/rondes/${encodeURIComponent(answer.id)}`);
    } catch (error) {
      const problem = problemFrom(error);
      const field = problem.code === 'ROUND.INVALID_PLAN' ? `schedule-${phases[0]!.phase}-opens` : 'budget';
      setErrors([{ field, message: problemText(problem) }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph">{t('intro')}</p>
      {!admin ? <Alert type="warning">{t('notAllowed')}</Alert> : null}
      <ProblemAlert problem={budgets.problem} />
      {budgets.loading ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {budgets.data && options.length === 0 && !budgetId ? <Alert type="info">{t('noBudgets')}</Alert> : null}
      {budgets.data ? (
        <form className="ib-stack" noValidate onSubmit={submit}>
          <ErrorSummary errors={errors} />
          <SelectField id="budget" label={t('budget')} description={t('budgetHelp')} required value={budgetId} onChange={setBudgetId} error={fieldError('budget')} options={[{ value: '', label: '–' }, ...options]} />
          <TextField id="year" label={t('year')} description={t('yearHelp')} inputMode="numeric" required value={year} onChange={setYear} error={fieldError('year')} />
          <TextField id="round-name" label={t('name')} description={t('nameHelp')} value={name} onChange={setName} />
          <Fieldset id="schedule" legend={t('schedule')} description={t('scheduleHelp')}>
            {phases.map(({ phase, closes, required }) => (
              <div key={phase} className="ib-stack ib-schedule-phase">
                <TextField
                  id={`schedule-${phase}-opens`}
                  type="date"
                  label={`${t('opens', { phase: phaseName(phase, lang) })}${required ? '' : ` ${t('optional')}`}`}
                  required={required}
                  value={dates[phase]?.opensOn ?? ''}
                  onChange={(v) => setDate(phase, 'opensOn', v)}
                  error={fieldError(`schedule-${phase}-opens`)}
                />
                {closes ? (
                  <TextField
                    id={`schedule-${phase}-closes`}
                    type="date"
                    label={`${t('closes', { phase: phaseName(phase, lang) })}${required ? '' : ` ${t('optional')}`}`}
                    required={required}
                    value={dates[phase]?.closesOn ?? ''}
                    onChange={(v) => setDate(phase, 'closesOn', v)}
                    error={fieldError(`schedule-${phase}-closes`)}
                  />
                ) : null}
              </div>
            ))}
          </Fieldset>
          <p className="ib-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={!admin || sending}>
              {sending ? t('sending') : t('submit')}
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}
