import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Problem, problemFrom, unwrap } from '../../common/api';
import { ErrorSummary, ProblemAlert } from '../../common/forms';
import { type Messages, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { portalTexts } from '../messages';
import { ALL, isSignedIn, publicApi, residentApi, SignInNeeded, themeLabel, tokenArea, unwrapTagged } from './common';
import { checkPlan, emptyPlan, knownProblems, PlanFields, planFormTexts, type PlanFailure, type PlanInput, problemErrors, submissionOf, usePlanErrors } from './plan-form';
import './plans.css';

const nl = {
  title: 'Dien een plan in',
  intro: 'Heeft u een idee voor uw buurt? Vul dit formulier in. De gemeente kijkt eerst of het plan past. Daarna ziet iedereen het plan en kunnen andere inwoners het steunen.',
  required: 'Alle velden zijn verplicht, behalve als er "niet verplicht" of "laat leeg" staat.',
  send: 'Plan indienen',
  sending: 'Uw plan wordt verstuurd…',
  back: 'Terug naar mijn plannen',
};
const texts: Messages<keyof typeof nl> = {
  nl,
  en: {
    title: 'Submit a plan',
    intro: 'Do you have an idea for your area? Fill in this form. The municipality first checks whether the plan fits. Then everyone can see the plan and other residents can support it.',
    required: 'All fields are required, unless they say "optional" or "leave empty".',
    send: 'Submit plan',
    sending: 'Sending your plan…',
    back: 'Back to my plans',
  },
};

/** A resident submits their own plan (POST /rounds/{roundId}/my-plans); the confirmation is the plan's own page. */
export function NewPlanPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const f = useT(planFormTexts);
  const app = useT(portalTexts);
  usePageTitle(t('title'), app('app'));
  const navigate = useNavigate();
  // The area the resident lives in, as their sign-in says, is the likely one.
  const [input, setInput] = useState<PlanInput>(() => ({ ...emptyPlan, areaId: tokenArea(roundId) ?? '' }));
  const [failure, setFailure] = useState<PlanFailure>(null);
  const errors = usePlanErrors(failure, 'new');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  // The areas and themes the round's public plans already use, as suggestions.
  const plans = useLoad(() => unwrap(publicApi.GET('/rounds/{roundId}/plans', { params: { path: { roundId }, query: { pageSize: ALL } } })), [roundId]);
  const items = plans.data?.items ?? [];
  const areas = [...new Map(items.map((p) => [p.areaCode, p.areaName ?? p.areaCode])).entries()].map(([value, label]) => ({ value, label }));
  const themes = [...new Set(items.map((p) => p.themeId))].map((value) => ({ value, label: themeLabel(value) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (checkPlan(input, 'new', f).length > 0) {
      setFailure({ input });
      return;
    }
    setFailure(null);
    setSending(true);
    try {
      const accepted = await unwrapTagged(residentApi(roundId).POST('/rounds/{roundId}/my-plans', { params: { path: { roundId } }, body: submissionOf(input) }));
      navigate(`/rondes/${roundId}/mijn-plannen/${accepted.data.id}?ingediend=1`, { state: { etag: accepted.etag } });
    } catch (error) {
      const failed = problemFrom(error);
      if (problemErrors(failed, 'new', f)) setFailure({ problem: failed });
      else setProblem(failed);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="ib-stack">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/rondes/${roundId}/mijn-plannen`}>
          {t('back')}
        </Link>
      </p>
      <PageHeading>{t('title')}</PageHeading>
      {!isSignedIn(roundId) ? (
        <SignInNeeded roundId={roundId} />
      ) : (
        <>
          <p className="utrecht-paragraph utrecht-paragraph--lead">{t('intro')}</p>
          <p className="utrecht-paragraph">{t('required')}</p>
          <form noValidate onSubmit={(e) => void submit(e)} className="ib-stack ib-plan-form">
            <ErrorSummary errors={errors} />
            <ProblemAlert problem={problem} known={knownProblems(f)} />
            <PlanFields kind="new" input={input} onChange={setInput} errors={errors} areas={areas} themes={themes} />
            <div className="ib-actions">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={sending}>
                {t('send')}
              </button>
              {sending ? <span className="utrecht-paragraph" role="status">{t('sending')}</span> : null}
            </div>
          </form>
        </>
      )}
    </div>
  );
}
