import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type Problem, problemFrom, type Schemas, unwrap } from '../../common/api';
import { frontEndConfig } from '../../common/config';
import { Alert, ErrorSummary, type FieldError, TextField, useProblemText } from '../../common/forms';
import { useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { RESIDENT, tokens, voterKey } from '../../common/session';
import { dateText } from '../../common/api';
import { portalTexts } from '../messages';
import { pendingSignIn, publicApi, residentApi, safeBack } from './common';
import { signInTexts } from './sign-in-texts';

type Session = Schemas['VoterSessionTokenDto'];

/** The problem codes of signing in, in plain words. */
export function useSignInProblems(): (problem: Problem) => string {
  const t = useT(signInTexts);
  return useProblemText({
    'VOTER_SESSION.UNKNOWN_CODE': t('UNKNOWN_CODE'),
    'BALLOT.CODE_BLOCKED': t('CODE_BLOCKED'),
    'BALLOT.NOT_ELIGIBLE': t('NOT_ELIGIBLE'),
    'VOTER_SESSION.RATE_LIMITED': t('RATE_LIMITED'),
    'REQUEST.RATE_LIMITED': t('RATE_LIMITED'),
    'RESIDENT_SESSION.RATE_LIMITED': t('RATE_LIMITED'),
    'BALLOT.VOTING_CLOSED': t('VOTING_CLOSED'),
    'ROUND_KEY.DESTROYED': t('KEY_DESTROYED'),
    'RESIDENT_SESSION.NOT_CONFIGURED': t('NOT_CONFIGURED'),
    'RESIDENT_SESSION.PROVIDER_UNAVAILABLE': t('PROVIDER_UNAVAILABLE'),
    'RESIDENT_SESSION.PROVIDER_REFUSED': t('PROVIDER_REFUSED'),
    'RESIDENT_SESSION.NO_SIGN_IN_STARTED': t('NO_SIGN_IN_STARTED'),
    'RESIDENT_SESSION.STATE_MISMATCH': t('NO_SIGN_IN_STARTED'),
    'RESIDENT_VOTER_SESSION.AREA_UNKNOWN': t('AREA_UNKNOWN'),
    'RESIDENT_VOTER_SESSION.AGE_UNKNOWN': t('AGE_UNKNOWN'),
    'RESIDENT_VOTER_SESSION.AGE_BAND_UNDECIDED': t('AGE_UNKNOWN'),
    'RESIDENT_VOTER_SESSION.NOT_ELIGIBLE': t('NOT_ELIGIBLE'),
    'RESIDENT_VOTER_SESSION.BLOCKED': t('RESIDENT_BLOCKED'),
    'PARTICIPANT.ROLL_CLOSED': t('ROLL_CLOSED'),
    'BALLOTBOX.NOT_FOUND': t('NO_BOX'),
  });
}

/** After a sign-in: that it worked, the earlier sign-ins in plain words, and the way on. */
export function SignedIn({ session, back }: { session: Session; back: string }) {
  const t = useT(signInTexts);
  const { lang } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const { count, lastAt } = session.earlierSignIns;
  const last = dateText(lastAt ?? null, lang, true);
  return (
    <div ref={ref} tabIndex={-1} className="ib-stack ib-signed-in">
      <Alert type="ok" heading={t('doneTitle')}>
        <p className="utrecht-paragraph">{t('doneBody')}</p>
        <p className="utrecht-paragraph" data-testid="earlier-sign-ins">
          {count === 0 ? t('firstTime') : count === 1 ? t('earlierOne', { last }) : t('earlierMany', { count, last })}
        </p>
        {count > 0 ? <p className="utrecht-paragraph">{t('notYou')}</p> : null}
      </Alert>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={back}>
          {t('continue')}
        </Link>
      </p>
    </div>
  );
}

/** /rondes/:roundId/aanmelden?terug=…: sign in with the voting code from the letter, or at the municipality's provider. */
export function VoterSignInPage() {
  const { roundId = '' } = useParams();
  const [params] = useSearchParams();
  const back = safeBack(params.get('terug'), roundId);
  const t = useT(signInTexts);
  const app = useT(portalTexts);
  usePageTitle(t('title'), app('app'));
  const problemText = useSignInProblems();
  const config = frontEndConfig();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [providerProblem, setProviderProblem] = useState<Problem | null>(null);
  const [session, setSession] = useState<Session | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim();
    if (!value) return setErrors([{ field: 'voting-code', message: t('codeEmpty') }]);
    if (value.replace(/[^A-Za-z0-9]/g, '').length < 8) return setErrors([{ field: 'voting-code', message: t('codeShort') }]);
    setErrors([]);
    setBusy(true);
    try {
      const answer = await unwrap(publicApi.POST('/rounds/{roundId}/voter-sessions', { params: { path: { roundId } }, body: { code: value } }));
      tokens.set(voterKey(roundId), answer.token, answer.expiresIn);
      setErrors([]);
      setSession(answer);
    } catch (error) {
      setErrors([{ field: 'voting-code', message: problemText(problemFrom(error)) }]);
    } finally {
      setBusy(false);
    }
  };

  const provider = async () => {
    setProviderProblem(null);
    setBusy(true);
    try {
      const started = await unwrap(publicApi.GET('/resident-sessions/oidc', { headers: { accept: 'application/json' } }));
      pendingSignIn.set({ roundId, back });
      window.location.assign(started.authorizationUrl);
    } catch (error) {
      setProviderProblem(problemFrom(error));
      setBusy(false);
    }
  };

  const fieldError = errors.find((e) => e.field === 'voting-code')?.message;
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      {session ? (
        <SignedIn session={session} back={back} />
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <p className="utrecht-paragraph">{t('intro')}</p>
          <form onSubmit={submit} noValidate className="ib-stack" aria-busy={busy}>
            <TextField id="voting-code" label={t('codeLabel')} description={t('codeHelp')} error={fieldError} value={code} onChange={setCode} autoComplete="off" spellCheck={false} required />
            <div className="ib-actions">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                {t('codeButton')}
              </button>
              {busy ? <span role="status">{t('busy')}</span> : null}
            </div>
          </form>
          {config.residentSignIn ? (
            <section aria-labelledby="provider-heading" className="ib-stack">
              <h2 className="utrecht-heading-2" id="provider-heading">
                {t('providerTitle')}
              </h2>
              <p className="utrecht-paragraph">{t('providerIntro')}</p>
              {providerProblem ? (
                <Alert type="error">
                  <p className="utrecht-paragraph">{problemText(providerProblem)}</p>
                </Alert>
              ) : null}
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={provider} disabled={busy}>
                {t('providerButton')}
              </button>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

/**
 * /aanmelden/terug: the municipality's provider sends the resident back here. The page hands its
 * query to the api's callback (the login cookie goes along: same origin), keeps the resident token,
 * and takes the resident's place on the roll of the round they started from.
 */
export function ProviderReturnPage() {
  const t = useT(signInTexts);
  const app = useT(portalTexts);
  usePageTitle(t('returnTitle'), app('app'));
  const problemText = useSignInProblems();
  const [params] = useSearchParams();
  const [state, setState] = useState<{ session?: Session; back?: string; roundId?: string; problem?: Problem; residentOnly?: Problem }>({});
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const pending = pendingSignIn.take();
    const query = Object.fromEntries(params.entries()) as { code?: string; state?: string; iss?: string; error?: string };
    void (async () => {
      try {
        const resident = await unwrap(publicApi.GET('/resident-sessions/oidc/callback', { params: { query } }));
        tokens.set(RESIDENT, resident.token, resident.expiresIn);
        if (!pending) throw Object.assign(new Error('NO_SIGN_IN_STARTED'), { problem: { status: 401, code: 'RESIDENT_SESSION.NO_SIGN_IN_STARTED' } });
        const roundId = pending.roundId;
        let session: Session;
        try {
          session = await unwrap(residentApi.POST('/rounds/{roundId}/resident-voter-sessions', { params: { path: { roundId } } }));
        } catch (error) {
          // Signed in as a resident, but not (yet) on the roll: before voting opens plans can still be submitted and supported.
          setState({ residentOnly: problemFrom(error), back: safeBack(pending.back, roundId), roundId });
          return;
        }
        tokens.set(voterKey(roundId), session.token, session.expiresIn);
        setState({ session, back: safeBack(pending.back, roundId), roundId });
      } catch (error) {
        setState({ problem: problemFrom(error), roundId: pending?.roundId, back: pending?.back });
      }
    })();
  }, [params]);

  return (
    <div className="ib-stack">
      <PageHeading>{t('returnTitle')}</PageHeading>
      {state.session && state.back ? <SignedIn session={state.session} back={state.back} /> : null}
      {state.residentOnly && state.back ? (
        <div className="ib-stack" data-testid="resident-signed-in">
          <Alert type="ok">
            <p className="utrecht-paragraph">{t('residentOnly')}</p>
            <p className="utrecht-paragraph">
              {t('residentOnlyVote')} {problemText(state.residentOnly)}
            </p>
          </Alert>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={state.back}>
              {t('residentOnlyOn')}
            </Link>
          </p>
        </div>
      ) : null}
      {state.problem ? (
        <>
          <Alert type="error" heading={t('returnFailed')}>
            <p className="utrecht-paragraph">{problemText(state.problem)}</p>
          </Alert>
          {state.roundId ? (
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/rondes/${state.roundId}/aanmelden${state.back ? `?terug=${encodeURIComponent(state.back)}` : ''}`}>
                {t('again')}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
      {!state.session && !state.problem && !state.residentOnly ? <p className="utrecht-paragraph" role="status">{t('busy')}</p> : null}
    </div>
  );
}
