import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { frontEndConfig } from '../../common/config';
import { Alert, ErrorSummary, type FieldError, TextAreaField } from '../../common/forms';
import { type Messages, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { STAFF, tokens } from '../../common/session';
import { backOfficeTexts } from '../messages';
import { beginStaffSignIn, finishStaffSignIn } from '../staff-auth';

const texts: Messages<'title' | 'intro' | 'button' | 'none' | 'devTitle' | 'devLabel' | 'devHelp' | 'devButton' | 'devEmpty' | 'failed' | 'finishing'> = {
  nl: {
    title: 'Aanmelden',
    intro: 'Meld u aan met uw account van de gemeente.',
    button: 'Aanmelden bij de gemeente',
    none: 'Er is geen aanmelding ingesteld. Vraag uw beheerder om AUTH_ISSUER en BACKOFFICE_CLIENT_ID in te stellen.',
    devTitle: 'Aanmelden voor ontwikkeling',
    devLabel: 'Token',
    devHelp: 'Maak een token met: npm run --silent token -- --role administrator --tenant GM0363',
    devButton: 'Aanmelden met token',
    devEmpty: 'Vul een token in.',
    failed: 'Aanmelden is niet gelukt. Probeer het opnieuw.',
    finishing: 'U wordt aangemeld…',
  },
  en: {
    title: 'Sign in',
    intro: "Sign in with your municipality's account.",
    button: 'Sign in at the municipality',
    none: 'No sign-in is configured. Ask your administrator to set AUTH_ISSUER and BACKOFFICE_CLIENT_ID.',
    devTitle: 'Sign in for development',
    devLabel: 'Token',
    devHelp: 'Make a token with: npm run --silent token -- --role administrator --tenant GM0363',
    devButton: 'Sign in with token',
    devEmpty: 'Enter a token.',
    failed: 'Signing in did not work. Please try again.',
    finishing: 'Signing you in…',
  },
};

/** The exp claim of a JWT, to keep the pasted token no longer than it is valid. */
function secondsLeft(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return payload.exp ? Math.max(0, payload.exp - Math.floor(Date.now() / 1000)) : 3600;
  } catch {
    return 0;
  }
}

export function SignInPage() {
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  usePageTitle(t('title'), app('app'));
  const config = frontEndConfig();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const back = params.get('terug') ?? '/';
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failed, setFailed] = useState(false);

  const useToken = (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value || secondsLeft(value) === 0) {
      setErrors([{ field: 'dev-token', message: t('devEmpty') }]);
      return;
    }
    tokens.set(STAFF, value, secondsLeft(value));
    navigate(back, { replace: true });
  };

  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      {failed ? <Alert type="error">{t('failed')}</Alert> : null}
      {config.staffSignIn ? (
        <>
          <p className="utrecht-paragraph">{t('intro')}</p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => {
              beginStaffSignIn(back).catch(() => setFailed(true));
            }}
          >
            {t('button')}
          </button>
        </>
      ) : (
        <Alert type="info">{t('none')}</Alert>
      )}
      {config.developmentTokens ? (
        <form onSubmit={useToken} noValidate className="ib-stack">
          <h2 className="utrecht-heading-2">{t('devTitle')}</h2>
          <ErrorSummary errors={errors} />
          <TextAreaField id="dev-token" label={t('devLabel')} description={t('devHelp')} value={token} onChange={setToken} rows={4} error={errors.find((e) => e.field === 'dev-token')?.message} />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('devButton')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

/** Where the provider sends the browser back: the code is exchanged, then on to where the user was going. */
export function SignInCallbackPage() {
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  usePageTitle(t('title'), app('app'));
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    finishStaffSignIn(new URL(window.location.href)).then(
      (back) => navigate(back, { replace: true }),
      () => setFailed(true),
    );
  }, [navigate]);
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      {failed ? <Alert type="error">{t('failed')}</Alert> : <p className="utrecht-paragraph">{t('finishing')}</p>}
    </div>
  );
}
