import { type ChangeEvent, type ReactNode, useEffect, useRef } from 'react';
import type { Problem } from './api';
import { type Messages, useT } from './i18n';

/** One field's error, for the error summary and the field itself. */
export interface FieldError {
  field: string;
  message: string;
}

interface FieldProps {
  id: string;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
}

function Described({ id, description, error }: { id: string; description?: string; error?: string }) {
  return (
    <>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </>
  );
}

const describedBy = (id: string, description?: string, error?: string) => [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: FieldProps & { value: string; onChange(value: string): void; type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'search' | 'password'; inputMode?: 'text' | 'numeric' | 'decimal'; autoComplete?: string; spellCheck?: boolean }) {
  const { id, label, description, error, required, value, onChange, type = 'text', inputMode, autoComplete, spellCheck } = props;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <Described id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <input
          id={id}
          name={id}
          className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          spellCheck={spellCheck}
          value={value}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
      </div>
    </div>
  );
}

export function TextAreaField(props: FieldProps & { value: string; onChange(value: string): void; rows?: number }) {
  const { id, label, description, error, required, value, onChange, rows = 5 } = props;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <Described id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <textarea
          id={id}
          name={id}
          rows={rows}
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          value={value}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    </div>
  );
}

export function SelectField(props: FieldProps & { value: string; onChange(value: string): void; options: { value: string; label: string }[] }) {
  const { id, label, description, error, required, value, onChange, options } = props;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <Described id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <select
          id={id}
          name={id}
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          value={value}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e) => onChange(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function CheckboxField(props: Omit<FieldProps, 'required'> & { checked: boolean; onChange(checked: boolean): void; disabled?: boolean }) {
  const { id, label, description, error, checked, onChange, disabled } = props;
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__input">
        <input
          id={id}
          name={id}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          onChange={(e) => onChange(e.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
      <Described id={id} description={description} error={error} />
    </div>
  );
}

/** A group of fields under a legend (radio buttons, checkboxes). */
export function Fieldset({ legend, description, error, id, children }: { legend: string; description?: string; error?: string; id: string; children: ReactNode }) {
  return (
    <fieldset className={`utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`} id={id} aria-describedby={describedBy(id, description, error)}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      <Described id={id} description={description} error={error} />
      {children}
    </fieldset>
  );
}

export function RadioField({ name, value, label, checked, onChange, id }: { name: string; value: string; label: string; checked: boolean; onChange(value: string): void; id: string }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--radio">
      <div className="utrecht-form-field__input">
        <input id={id} type="radio" name={name} value={value} className="utrecht-radio-button utrecht-radio-button--html-input" checked={checked} onChange={() => onChange(value)} />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--radio">
        <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

const summaryTexts: Messages<'heading'> = { nl: { heading: 'Controleer dit eerst' }, en: { heading: 'Please check this first' } };

/** The list of what is wrong at the top of a form, focused when it appears; each item links to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const t = useT(summaryTexts);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error ib-error-summary" role="alert" aria-labelledby="error-summary-heading">
      <div className="utrecht-alert__content">
        <h2 className="utrecht-heading-2" id="error-summary-heading">
          {t('heading')}
        </h2>
        <ul className="utrecht-unordered-list">
          {errors.map((e) => (
            <li key={e.field + e.message} className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={`#${e.field}`}>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A message box: info, ok (success), warning or error. Errors and successes are announced. */
export function Alert({ type = 'info', children, heading }: { type?: 'info' | 'ok' | 'warning' | 'error'; children: ReactNode; heading?: string }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={type === 'error' ? 'alert' : type === 'ok' ? 'status' : undefined}>
      <div className="utrecht-alert__content">
        {heading ? <h2 className="utrecht-heading-3">{heading}</h2> : null}
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

const problemTexts: Messages<'generic' | 'network' | 'forbidden' | 'unauthorized' | 'notFound' | 'conflict' | 'rateLimited'> = {
  nl: {
    generic: 'Dat lukte niet. Probeer het later opnieuw.',
    network: 'Er is geen verbinding. Controleer uw internet en probeer het opnieuw.',
    forbidden: 'U mag dit niet doen met uw account.',
    unauthorized: 'U bent niet (meer) aangemeld. Meld u opnieuw aan.',
    notFound: 'Dit bestaat niet (meer).',
    conflict: 'Iemand anders heeft dit net gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
    rateLimited: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
  },
  en: {
    generic: 'That did not work. Please try again later.',
    network: 'There is no connection. Check your internet and try again.',
    forbidden: 'Your account may not do this.',
    unauthorized: 'You are not signed in (any more). Please sign in again.',
    notFound: 'This does not exist (any more).',
    conflict: 'Someone else just changed this. Reload the page and try again.',
    rateLimited: 'Too many attempts. Wait a moment and try again.',
  },
};

/**
 * A problem from the api as a sentence for the reader: the app's own text for its code when it has
 * one (`known`), else by status, with the api's detail (in English) as the last resort.
 */
export function useProblemText(known: Partial<Record<string, string>> = {}): (problem: Problem) => string {
  const t = useT(problemTexts);
  return (problem: Problem) => {
    const own = known[problem.code];
    if (own) return own;
    if (problem.status === 0) return t('network');
    if (problem.status === 401) return t('unauthorized');
    if (problem.status === 403) return t('forbidden');
    if (problem.status === 404) return t('notFound');
    if (problem.status === 412) return t('conflict');
    if (problem.status === 429) return t('rateLimited');
    return problem.detail ?? problem.title ?? t('generic');
  };
}

/** A problem from the api, shown as an error alert. */
export function ProblemAlert({ problem, known }: { problem: Problem | null; known?: Partial<Record<string, string>> }) {
  const text = useProblemText(known);
  if (!problem) return null;
  return (
    <Alert type="error">
      <p className="utrecht-paragraph">{text(problem)}</p>
    </Alert>
  );
}
