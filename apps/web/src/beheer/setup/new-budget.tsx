import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, Fieldset, ProblemAlert, RadioField, SelectField, TextField, useProblemText } from '../../common/forms';
import { type Messages, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { hasRole } from './common';

type Key =
  | 'title' | 'intro' | 'template' | 'templateHelp' | 'templateEmpty' | 'name' | 'nameHelp' | 'decision' | 'decisionHelp' | 'body' | 'council' | 'college'
  | 'number' | 'numberHelp' | 'numberEmpty' | 'date' | 'dateHelp' | 'dateEmpty' | 'submit' | 'sending' | 'notAllowed'
  | 'BUDGET.UNKNOWN_TEMPLATE' | 'BUDGET.DECISION_REFERENCE_REQUIRED' | 'BUDGET.DECISION_DATE_DOES_NOT_EXIST' | 'BUDGET.INVALID_FRAME' | 'BUDGET.ALLOCATION_EXCEEDS_AMOUNT' | 'BUDGET.ALREADY_ESTABLISHED';

const texts: Messages<Key> = {
  nl: {
    title: 'Nieuw budget vaststellen',
    intro: 'Kies een sjabloon. Vul het besluit van de raad of het college in waarmee het budget is vastgesteld.',
    template: 'Sjabloon',
    templateHelp: 'Het sjabloon bevat de regels: het bedrag, de buurten, de criteria en de manier van stemmen.',
    templateEmpty: 'Kies een sjabloon.',
    name: 'Naam van het budget (niet verplicht)',
    nameHelp: 'Laat leeg om de naam van het sjabloon te gebruiken.',
    decision: 'Het besluit',
    decisionHelp: 'Elk budget hoort bij een besluit van de raad of het college.',
    body: 'Wie besloot',
    council: 'De gemeenteraad',
    college: 'Het college van B en W',
    number: 'Nummer van het besluit',
    numberHelp: 'Bijvoorbeeld RB-2026-07.',
    numberEmpty: 'Vul het nummer van het besluit in.',
    date: 'Datum van het besluit',
    dateHelp: 'De dag waarop het besluit is genomen.',
    dateEmpty: 'Vul de datum van het besluit in.',
    submit: 'Budget vaststellen',
    sending: 'Het budget wordt vastgesteld…',
    notAllowed: 'Alleen een beheerder kan een budget vaststellen. U kunt deze pagina wel bekijken.',
    'BUDGET.UNKNOWN_TEMPLATE': 'Dit sjabloon bestaat niet (meer). Kies een ander sjabloon.',
    'BUDGET.DECISION_REFERENCE_REQUIRED': 'Vul het besluit volledig in: wie, nummer en datum.',
    'BUDGET.DECISION_DATE_DOES_NOT_EXIST': 'Deze datum bestaat niet. Controleer de datum van het besluit.',
    'BUDGET.INVALID_FRAME': 'De regels van dit budget kloppen niet. Kies een ander sjabloon.',
    'BUDGET.ALLOCATION_EXCEEDS_AMOUNT': 'De buurten krijgen samen meer dan het budget. Kies een ander sjabloon.',
    'BUDGET.ALREADY_ESTABLISHED': 'Dit budget bestaat al.',
  },
  en: {
    title: 'Establish a new budget',
    intro: 'Choose a template. Enter the decision of the council or the college that established the budget.',
    template: 'Template',
    templateHelp: 'The template holds the rules: the amount, the areas, the criteria and the way of voting.',
    templateEmpty: 'Choose a template.',
    name: 'Name of the budget (optional)',
    nameHelp: "Leave empty to use the template's name.",
    decision: 'The decision',
    decisionHelp: 'Every budget rests on a decision of the council or the college.',
    body: 'Who decided',
    council: 'The municipal council',
    college: 'The college of mayor and aldermen',
    number: 'Number of the decision',
    numberHelp: 'For example RB-2026-07.',
    numberEmpty: 'Enter the number of the decision.',
    date: 'Date of the decision',
    dateHelp: 'The day the decision was taken.',
    dateEmpty: 'Enter the date of the decision.',
    submit: 'Establish the budget',
    sending: 'Establishing the budget…',
    notAllowed: 'Only an administrator can establish a budget. You can still view this page.',
    'BUDGET.UNKNOWN_TEMPLATE': 'This template does not exist (any more). Choose another template.',
    'BUDGET.DECISION_REFERENCE_REQUIRED': 'Enter the whole decision: who, number and date.',
    'BUDGET.DECISION_DATE_DOES_NOT_EXIST': 'This date does not exist. Check the date of the decision.',
    'BUDGET.INVALID_FRAME': "This budget's rules are not valid. Choose another template.",
    'BUDGET.ALLOCATION_EXCEEDS_AMOUNT': 'The areas together get more than the budget. Choose another template.',
    'BUDGET.ALREADY_ESTABLISHED': 'This budget already exists.',
  },
};

const problemCodes = ['BUDGET.UNKNOWN_TEMPLATE', 'BUDGET.DECISION_REFERENCE_REQUIRED', 'BUDGET.DECISION_DATE_DOES_NOT_EXIST', 'BUDGET.INVALID_FRAME', 'BUDGET.ALLOCATION_EXCEEDS_AMOUNT', 'BUDGET.ALREADY_ESTABLISHED'] as const;

/** Establish a budget from a ready template (GET /budget-templates, POST /budgets with the decision). */
export function NewBudgetPage() {
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  usePageTitle(t('title'), app('app'));
  const navigate = useNavigate();
  const templates = useLoad(() => unwrap(staffApi.GET('/budget-templates')), []);
  const known = Object.fromEntries(problemCodes.map((code) => [code, t(code)]));
  const problemText = useProblemText(known);
  const [template, setTemplate] = useState('');
  const [name, setName] = useState('');
  const [body, setBody] = useState<'council' | 'college'>('council');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const admin = hasRole('administrator');
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!template) found.push({ field: 'template', message: t('templateEmpty') });
    if (!number.trim()) found.push({ field: 'decision-number', message: t('numberEmpty') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.push({ field: 'decision-date', message: t('dateEmpty') });
    setErrors(found);
    if (found.length > 0) return;
    setSending(true);
    try {
      const answer = await unwrap(
        staffApi.POST('/budgets', { body: { from: template, ...(name.trim() ? { title: name.trim() } : {}), decision: { body, number: number.trim(), date } } }),
      );
      navigate(`/rondes/nieuw?budget=${encodeURIComponent(answer.id)}`);
    } catch (error) {
      const problem = problemFrom(error);
      const field = problem.code === 'BUDGET.DECISION_DATE_DOES_NOT_EXIST' ? 'decision-date' : problem.code.startsWith('BUDGET.DECISION') ? 'decision-number' : 'template';
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
      <ProblemAlert problem={templates.problem} />
      {templates.loading ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {templates.data ? (
        <form className="ib-stack" noValidate onSubmit={submit}>
          <ErrorSummary errors={errors} />
          <SelectField
            id="template"
            label={t('template')}
            description={t('templateHelp')}
            required
            value={template}
            onChange={setTemplate}
            error={fieldError('template')}
            options={[{ value: '', label: '–' }, ...templates.data.map((tpl) => ({ value: tpl.name, label: tpl.title }))]}
          />
          {template ? <p className="utrecht-paragraph">{templates.data.find((tpl) => tpl.name === template)?.description}</p> : null}
          <TextField id="budget-name" label={t('name')} description={t('nameHelp')} value={name} onChange={setName} />
          <Fieldset id="decision" legend={t('decision')} description={t('decisionHelp')}>
            <Fieldset id="decision-body" legend={t('body')}>
              <RadioField id="decision-body-council" name="decision-body" value="council" label={t('council')} checked={body === 'council'} onChange={() => setBody('council')} />
              <RadioField id="decision-body-college" name="decision-body" value="college" label={t('college')} checked={body === 'college'} onChange={() => setBody('college')} />
            </Fieldset>
            <TextField id="decision-number" label={t('number')} description={t('numberHelp')} required value={number} onChange={setNumber} error={fieldError('decision-number')} />
            <TextField id="decision-date" type="date" label={t('date')} description={t('dateHelp')} required value={date} onChange={setDate} error={fieldError('decision-date')} />
          </Fieldset>
          <p className="ib-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={!admin || sending} aria-disabled={!admin || sending}>
              {sending ? t('sending') : t('submit')}
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}
