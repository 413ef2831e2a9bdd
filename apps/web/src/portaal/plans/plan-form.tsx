import { useMemo } from 'react';
import type { Problem, Schemas } from '../../common/api';
import type { FieldError } from '../../common/forms';
import { TextAreaField, TextField } from '../../common/forms';
import { type Messages, useT } from '../../common/i18n';
import { eurosInput, parseEuros } from './common';

/** What the resident types in the plan form (amounts as text, as typed). */
export interface PlanInput {
  title: string;
  summary: string;
  areaId: string;
  themeId: string;
  investment: string;
  maintenancePerYear: string;
  maintenanceYears: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  reason: string;
}

export const emptyPlan: PlanInput = { title: '', summary: '', areaId: '', themeId: '', investment: '', maintenancePerYear: '', maintenanceYears: '', contactName: '', contactEmail: '', contactPhone: '', reason: '' };

/** The form filled with a version of the plan, to amend it. */
export function planInputOf(version: { title: string; summary: string; costEstimate: Schemas['CostEstimateDto'] }): PlanInput {
  const { investmentCents, maintenancePerYearCents, maintenanceYears } = version.costEstimate;
  return { ...emptyPlan, title: version.title, summary: version.summary, investment: eurosInput(investmentCents), maintenancePerYear: eurosInput(maintenancePerYearCents), maintenanceYears: String(maintenanceYears) };
}

const nl = {
  aboutLegend: 'Uw plan',
  title: 'Titel',
  titleHelp: 'Een korte naam voor uw plan. Bijvoorbeeld: Bankjes in het park.',
  summary: 'Korte uitleg',
  summaryHelp: 'Wat wilt u doen, waar, en voor wie?',
  where: 'Buurt',
  whereHelp: 'De code of naam van de buurt, zoals in de brief van de gemeente staat. Bijvoorbeeld: WIJK-1.',
  theme: 'Thema',
  themeHelp: 'Waar gaat uw plan over? Bijvoorbeeld: groen, spelen of water.',
  costLegend: 'Wat kost het?',
  costIntro: 'Schat de kosten in hele euro’s. U mag ook centen invullen, zoals 1250,50.',
  investment: 'Eenmalige kosten (euro)',
  investmentHelp: 'Wat het kost om het plan uit te voeren.',
  maintenance: 'Onderhoud per jaar (euro)',
  maintenanceHelp: 'Laat leeg als er geen onderhoud nodig is.',
  years: 'Aantal jaren onderhoud',
  yearsHelp: 'Hoeveel jaar telt het onderhoud mee? Laat leeg als er geen onderhoud is.',
  contactLegend: 'Hoe kan de gemeente u bereiken?',
  contactIntro: 'Alleen de gemeente ziet deze gegevens. Ze staan nooit bij het plan op de website.',
  name: 'Uw naam',
  email: 'E-mailadres (niet verplicht)',
  phone: 'Telefoonnummer (niet verplicht)',
  reason: 'Waarom past u het plan aan?',
  reasonHelp: 'Bijvoorbeeld: de kosten zijn lager geworden.',
  'e.title': 'Vul een titel in van minstens 3 tekens.',
  'e.titleLong': 'De titel is te lang. Gebruik hoogstens 200 tekens.',
  'e.summary': 'Vul een korte uitleg in.',
  'e.summaryLong': 'De uitleg is te lang. Gebruik hoogstens 10.000 tekens.',
  'e.area': 'Vul de buurt in.',
  'e.theme': 'Vul een thema in.',
  'e.investment': 'Vul de eenmalige kosten in als bedrag in euro, bijvoorbeeld 2500.',
  'e.maintenance': 'Vul het onderhoud per jaar in als bedrag in euro, of laat het leeg.',
  'e.years': 'Vul het aantal jaren in als heel getal van 0 tot en met 50, of laat het leeg.',
  'e.yearsNeeded': 'U vulde onderhoud per jaar in. Vul ook het aantal jaren in.',
  'e.name': 'Vul uw naam in.',
  'e.email': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl. Of laat het leeg.',
  'e.phone': 'Vul een geldig telefoonnummer in, zoals 06 12345678. Of laat het leeg.',
  'e.reason': 'Schrijf kort waarom u het plan aanpast.',
  'p.unknownArea': 'Deze buurt hoort niet bij deze ronde. Controleer de code in de brief van de gemeente.',
  'p.unknownTheme': 'Dit thema hoort niet bij deze ronde. Kies een thema dat de gemeente noemt.',
  'p.amountOutOfRange': 'Dit bedrag past niet binnen de regels van deze ronde. Het is te hoog of te laag.',
  'p.invalidAmount': 'Een bedrag klopt niet. Controleer de kosten.',
  'p.submissionClosed': 'U kunt nu geen plan indienen. Dat kan alleen in de tijd dat de ronde plannen ontvangt.',
  'p.intakeClosed': 'De termijn voor plannen is voorbij. U kunt niets meer indienen of aanpassen.',
  'p.noIntakeDate': 'Deze ronde heeft nog geen datum voor het indienen van plannen. Probeer het later opnieuw.',
  'p.wrongRound': 'U bent aangemeld voor een andere ronde. Meld u aan voor deze ronde.',
  'p.notAmendable': 'Dit plan kunt u niet meer aanpassen.',
  'p.notSubmitter': 'Alleen wie het plan indiende, kan het aanpassen.',
  'p.reasonRequired': 'Schrijf kort waarom u het plan aanpast.',
  'p.invalid': 'Iets in het formulier klopt niet. Controleer alle velden.',
  'p.roundNotFound': 'Deze ronde bestaat niet.',
};
export const planFormTexts: Messages<keyof typeof nl> = {
  nl,
  en: {
    aboutLegend: 'Your plan',
    title: 'Title',
    titleHelp: 'A short name for your plan. For example: Benches in the park.',
    summary: 'Short explanation',
    summaryHelp: 'What do you want to do, where, and for whom?',
    where: 'Area',
    whereHelp: "The area's code or name, as in the municipality's letter. For example: WIJK-1.",
    theme: 'Theme',
    themeHelp: 'What is your plan about? For example: groen (green), spelen (play) or water.',
    costLegend: 'What does it cost?',
    costIntro: 'Estimate the costs in whole euros. You may also enter cents, like 1250.50.',
    investment: 'One-off costs (euros)',
    investmentHelp: 'What it costs to carry out the plan.',
    maintenance: 'Maintenance per year (euros)',
    maintenanceHelp: 'Leave empty if no maintenance is needed.',
    years: 'Years of maintenance',
    yearsHelp: 'For how many years does maintenance count? Leave empty if there is none.',
    contactLegend: 'How can the municipality reach you?',
    contactIntro: 'Only the municipality sees these details. They are never shown with the plan on the website.',
    name: 'Your name',
    email: 'Email address (optional)',
    phone: 'Phone number (optional)',
    reason: 'Why do you change the plan?',
    reasonHelp: 'For example: the costs are lower now.',
    'e.title': 'Enter a title of at least 3 characters.',
    'e.titleLong': 'The title is too long. Use at most 200 characters.',
    'e.summary': 'Enter a short explanation.',
    'e.summaryLong': 'The explanation is too long. Use at most 10,000 characters.',
    'e.area': 'Enter the area.',
    'e.theme': 'Enter a theme.',
    'e.investment': 'Enter the one-off costs as an amount in euros, for example 2500.',
    'e.maintenance': 'Enter the maintenance per year as an amount in euros, or leave it empty.',
    'e.years': 'Enter the number of years as a whole number from 0 to 50, or leave it empty.',
    'e.yearsNeeded': 'You entered maintenance per year. Also enter the number of years.',
    'e.name': 'Enter your name.',
    'e.email': 'Enter a valid email address, like name@example.nl. Or leave it empty.',
    'e.phone': 'Enter a valid phone number, like 06 12345678. Or leave it empty.',
    'e.reason': 'Write briefly why you change the plan.',
    'p.unknownArea': 'This area is not part of this round. Check the code in the letter from the municipality.',
    'p.unknownTheme': 'This theme is not part of this round. Choose a theme the municipality names.',
    'p.amountOutOfRange': "This amount does not fit this round's rules. It is too high or too low.",
    'p.invalidAmount': 'An amount is not right. Check the costs.',
    'p.submissionClosed': 'You cannot submit a plan now. That is only possible while the round takes plans.',
    'p.intakeClosed': 'The term for plans is over. You cannot submit or change anything any more.',
    'p.noIntakeDate': 'This round has no date for submitting plans yet. Please try again later.',
    'p.wrongRound': 'You are signed in for another round. Please sign in for this round.',
    'p.notAmendable': 'You cannot change this plan any more.',
    'p.notSubmitter': 'Only the person who submitted the plan can change it.',
    'p.reasonRequired': 'Write briefly why you change the plan.',
    'p.invalid': 'Something in the form is not right. Check all fields.',
    'p.roundNotFound': 'This round does not exist.',
  },
};

type T = (key: keyof typeof nl) => string;

/** Which parts the form has: a new plan (area, theme, contact) or an amendment (a reason). */
export type PlanFormKind = 'new' | 'amend';

/** The client-side checks, before anything is sent: the errors in the order of the fields. */
export function checkPlan(input: PlanInput, kind: PlanFormKind, t: T): FieldError[] {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (title.length < 3) errors.push({ field: 'plan-title', message: t('e.title') });
  else if (title.length > 200) errors.push({ field: 'plan-title', message: t('e.titleLong') });
  const summary = input.summary.trim();
  if (summary.length === 0) errors.push({ field: 'plan-summary', message: t('e.summary') });
  else if (summary.length > 10_000) errors.push({ field: 'plan-summary', message: t('e.summaryLong') });
  if (kind === 'new') {
    if (!input.areaId.trim()) errors.push({ field: 'plan-area', message: t('e.area') });
    if (!input.themeId.trim()) errors.push({ field: 'plan-theme', message: t('e.theme') });
  }
  if (parseEuros(input.investment) === null) errors.push({ field: 'plan-investment', message: t('e.investment') });
  const maintenance = input.maintenancePerYear.trim() === '' ? 0 : parseEuros(input.maintenancePerYear);
  if (maintenance === null) errors.push({ field: 'plan-maintenance', message: t('e.maintenance') });
  const years = input.maintenanceYears.trim();
  if (years !== '' && !(/^\d{1,2}$/.test(years) && Number(years) <= 50)) errors.push({ field: 'plan-years', message: t('e.years') });
  else if (years === '' && maintenance !== null && maintenance > 0) errors.push({ field: 'plan-years', message: t('e.yearsNeeded') });
  if (kind === 'new') {
    if (!input.contactName.trim()) errors.push({ field: 'plan-name', message: t('e.name') });
    const email = input.contactEmail.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ field: 'plan-email', message: t('e.email') });
    const phone = input.contactPhone.trim();
    if (phone && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) errors.push({ field: 'plan-phone', message: t('e.phone') });
  }
  if (kind === 'amend' && !input.reason.trim()) errors.push({ field: 'plan-reason', message: t('e.reason') });
  return errors;
}

/** The cost estimate from checked input. */
export function costOf(input: PlanInput): Schemas['CostEstimateDto'] {
  return {
    investmentCents: parseEuros(input.investment) ?? 0,
    maintenancePerYearCents: input.maintenancePerYear.trim() === '' ? 0 : (parseEuros(input.maintenancePerYear) ?? 0),
    maintenanceYears: input.maintenanceYears.trim() === '' ? 0 : Number(input.maintenanceYears.trim()),
  };
}

/** The body of POST /rounds/{roundId}/my-plans from checked input. */
export function submissionOf(input: PlanInput): Schemas['SubmitMyProposalDto'] {
  const email = input.contactEmail.trim();
  const phone = input.contactPhone.trim();
  return {
    areaId: input.areaId.trim(),
    themeId: input.themeId.trim(),
    title: input.title.trim(),
    summary: input.summary.trim(),
    costEstimate: costOf(input),
    contactDetails: { name: input.contactName.trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
  };
}

/**
 * An api problem as errors in the summary: on the field it is about when there is one, else on the
 * form's first field. Returns null for a problem that is no one field's (shown as an alert).
 */
export function problemErrors(problem: Problem, kind: PlanFormKind, t: T): FieldError[] | null {
  switch (problem.code) {
    case 'PROPOSAL.UNKNOWN_AREA':
      return kind === 'new' ? [{ field: 'plan-area', message: t('p.unknownArea') }] : null;
    case 'PROPOSAL.UNKNOWN_THEME':
      return kind === 'new' ? [{ field: 'plan-theme', message: t('p.unknownTheme') }] : null;
    case 'PROPOSAL.AMOUNT_OUT_OF_RANGE':
      return [{ field: 'plan-investment', message: t('p.amountOutOfRange') }];
    case 'PROPOSAL.INVALID_AMOUNT':
      return [{ field: 'plan-investment', message: t('p.invalidAmount') }];
    case 'PROPOSAL.REASON_REQUIRED':
      return kind === 'amend' ? [{ field: 'plan-reason', message: t('p.reasonRequired') }] : null;
    case 'REQUEST.INVALID':
      return [{ field: 'plan-title', message: t('p.invalid') }];
    default:
      return null;
  }
}

/** Why the last send failed: the input the client-side checks refused, or a problem of the api on a field. */
export type PlanFailure = { input: PlanInput } | { problem: Problem } | null;

/** The error summary's items for the last failure, in the reader's language (also after switching it). */
export function usePlanErrors(failure: PlanFailure, kind: PlanFormKind): FieldError[] {
  const t = useT(planFormTexts);
  return useMemo(() => (failure === null ? [] : 'input' in failure ? checkPlan(failure.input, kind, t) : (problemErrors(failure.problem, kind, t) ?? [])), [failure, kind, t]);
}

/** Api problems that are about the whole form, in plain words (the rest by status, see useProblemText). */
export function knownProblems(t: T): Partial<Record<string, string>> {
  return {
    'PROPOSAL.SUBMISSION_CLOSED': t('p.submissionClosed'),
    'PROPOSAL.INTAKE_CLOSED': t('p.intakeClosed'),
    'PROPOSAL.NO_INTAKE_DATE': t('p.noIntakeDate'),
    'PROPOSAL.WRONG_ROUND': t('p.wrongRound'),
    'PROPOSAL.NOT_AMENDABLE': t('p.notAmendable'),
    'PROPOSAL.NOT_SUBMITTER': t('p.notSubmitter'),
    'ROUND.NOT_FOUND': t('p.roundNotFound'),
  };
}

/** A text field with suggestions (a datalist): the areas and themes the round's plans already use. */
function SuggestField({ id, label, description, error, value, onChange, suggestions }: { id: string; label: string; description: string; error?: string; value: string; onChange(value: string): void; suggestions: { value: string; label: string }[] }) {
  const described = [`${id}-description`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field-description" id={`${id}-description`}>
        {description}
      </div>
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <input
          id={id}
          name={id}
          className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          type="text"
          autoComplete="off"
          list={suggestions.length > 0 ? `${id}-list` : undefined}
          value={value}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value)}
        />
        {suggestions.length > 0 ? (
          <datalist id={`${id}-list`}>
            {suggestions.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </datalist>
        ) : null}
      </div>
    </div>
  );
}

// Text areas go without `required`: the component library marks an empty required text area as invalid before anyone typed.
/** The plan's fields: for a new plan also where, the theme and the contact details; for an amendment the reason. */
export function PlanFields({ kind, input, onChange, errors, areas = [], themes = [] }: { kind: PlanFormKind; input: PlanInput; onChange(input: PlanInput): void; errors: FieldError[]; areas?: { value: string; label: string }[]; themes?: { value: string; label: string }[] }) {
  const t = useT(planFormTexts);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const set = (key: keyof PlanInput) => (value: string) => onChange({ ...input, [key]: value });
  return (
    <>
      <fieldset className="ib-stack">
        <legend className="utrecht-heading-2">{t('aboutLegend')}</legend>
        <TextField id="plan-title" label={t('title')} description={t('titleHelp')} required value={input.title} onChange={set('title')} error={error('plan-title')} />
        <TextAreaField id="plan-summary" label={t('summary')} description={t('summaryHelp')} value={input.summary} onChange={set('summary')} error={error('plan-summary')} />
        {kind === 'new' ? (
          <>
            <SuggestField id="plan-area" label={t('where')} description={t('whereHelp')} value={input.areaId} onChange={set('areaId')} error={error('plan-area')} suggestions={areas} />
            <SuggestField id="plan-theme" label={t('theme')} description={t('themeHelp')} value={input.themeId} onChange={set('themeId')} error={error('plan-theme')} suggestions={themes} />
          </>
        ) : null}
      </fieldset>
      <fieldset className="ib-stack">
        <legend className="utrecht-heading-2">{t('costLegend')}</legend>
        <p className="utrecht-paragraph">{t('costIntro')}</p>
        <div className="ib-plan-form__money">
          <TextField id="plan-investment" label={t('investment')} description={t('investmentHelp')} required inputMode="decimal" value={input.investment} onChange={set('investment')} error={error('plan-investment')} />
          <TextField id="plan-maintenance" label={t('maintenance')} description={t('maintenanceHelp')} inputMode="decimal" value={input.maintenancePerYear} onChange={set('maintenancePerYear')} error={error('plan-maintenance')} />
          <TextField id="plan-years" label={t('years')} description={t('yearsHelp')} inputMode="numeric" value={input.maintenanceYears} onChange={set('maintenanceYears')} error={error('plan-years')} />
        </div>
      </fieldset>
      {kind === 'new' ? (
        <fieldset className="ib-stack">
          <legend className="utrecht-heading-2">{t('contactLegend')}</legend>
          <p className="utrecht-paragraph">{t('contactIntro')}</p>
          <TextField id="plan-name" label={t('name')} required autoComplete="name" value={input.contactName} onChange={set('contactName')} error={error('plan-name')} />
          <TextField id="plan-email" label={t('email')} type="email" autoComplete="email" value={input.contactEmail} onChange={set('contactEmail')} error={error('plan-email')} />
          <TextField id="plan-phone" label={t('phone')} type="tel" autoComplete="tel" value={input.contactPhone} onChange={set('contactPhone')} error={error('plan-phone')} />
        </fieldset>
      ) : (
        <TextAreaField id="plan-reason" label={t('reason')} description={t('reasonHelp')} rows={3} value={input.reason} onChange={set('reason')} error={error('plan-reason')} />
      )}
    </>
  );
}
