import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { euros, problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, ProblemAlert, TextAreaField, useProblemText } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { currentVersion, hasRole, type Plan, planCost } from './common';

type Key =
  | 'title' | 'intro' | 'none' | 'count' | 'area' | 'cost' | 'reason' | 'reasonHelp' | 'reasonEmpty' | 'admit' | 'refuse' | 'admitted' | 'refused' | 'notAllowed' | 'round'
  | 'PROPOSAL.NOT_AWAITING_MODERATION' | 'PROPOSAL.REASON_REQUIRED' | 'PROPOSAL.NOT_FOUND';

const texts: Messages<Key> = {
  nl: {
    title: 'Nieuwe plannen controleren',
    intro: 'Inwoners hebben deze plannen ingediend. Controleer of een plan openbaar mag worden, bijvoorbeeld dat er geen namen van buren in staan.',
    none: 'Er wachten geen plannen op controle.',
    count: '{n} plannen wachten op controle.',
    area: 'Buurt',
    cost: 'Kosten',
    reason: 'Reden bij weigeren',
    reasonHelp: 'De indiener ziet deze reden. Schrijf kort en vriendelijk wat er moet veranderen.',
    reasonEmpty: 'Vul een reden in als u het plan weigert: "{title}".',
    admit: 'Openbaar maken',
    refuse: 'Weigeren',
    admitted: '"{title}" is openbaar gemaakt.',
    refused: '"{title}" is geweigerd.',
    notAllowed: 'Alleen een beheerder kan plannen controleren. U kunt de plannen wel bekijken.',
    round: 'Terug naar de ronde',
    'PROPOSAL.NOT_AWAITING_MODERATION': 'Dit plan is al gecontroleerd.',
    'PROPOSAL.REASON_REQUIRED': 'Vul een reden in als u het plan weigert.',
    'PROPOSAL.NOT_FOUND': 'Dit plan bestaat niet (meer).',
  },
  en: {
    title: 'Moderate new plans',
    intro: "Residents submitted these plans. Check whether a plan may be made public, for example that it names no neighbours.",
    none: 'No plans are awaiting moderation.',
    count: '{n} plans are awaiting moderation.',
    area: 'Area',
    cost: 'Cost',
    reason: 'Reason when refusing',
    reasonHelp: 'The submitter sees this reason. Say briefly and kindly what has to change.',
    reasonEmpty: 'Enter a reason when you refuse the plan: "{title}".',
    admit: 'Make public',
    refuse: 'Refuse',
    admitted: '"{title}" was made public.',
    refused: '"{title}" was refused.',
    notAllowed: 'Only an administrator can moderate plans. You can still view them.',
    round: 'Back to the round',
    'PROPOSAL.NOT_AWAITING_MODERATION': 'This plan has already been moderated.',
    'PROPOSAL.REASON_REQUIRED': 'Enter a reason when you refuse the plan.',
    'PROPOSAL.NOT_FOUND': 'This plan does not exist (any more).',
  },
};

/** The plans awaiting moderation in a round (GET /rounds/{roundId}/proposals), each admitted into intake or refused (POST /proposals/{id}/moderation). */
export function ModerationPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  usePageTitle(t('title'), app('app'));
  const plans = useLoad(() => unwrap(staffApi.GET('/rounds/{roundId}/proposals', { params: { path: { roundId } } })), [roundId]);
  const [message, setMessage] = useState<string | null>(null);
  const waiting = (plans.data?.plans ?? []).filter((p) => p.status === 'awaiting_moderation');
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/rondes/${roundId}`}>
          {t('round')}
        </Link>
      </p>
      <p className="utrecht-paragraph">{t('intro')}</p>
      {!hasRole('administrator') ? <Alert type="warning">{t('notAllowed')}</Alert> : null}
      {message ? <Alert type="ok">{message}</Alert> : null}
      <ProblemAlert problem={plans.problem} />
      {plans.loading && !plans.data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {plans.data ? waiting.length === 0 ? <p className="utrecht-paragraph" data-testid="moderation-empty">{t('none')}</p> : <p className="utrecht-paragraph">{t('count', { n: waiting.length })}</p> : null}
      <ul className="ib-cards">
        {waiting.map((plan) => (
          <ModerationCard
            key={plan.proposalId}
            plan={plan}
            onDone={(text) => {
              setMessage(text);
              plans.reload();
            }}
          />
        ))}
      </ul>
    </div>
  );
}

function ModerationCard({ plan, onDone }: { plan: Plan; onDone(message: string): void }) {
  const t = useT(texts);
  const { lang } = useLang();
  const version = currentVersion(plan);
  const known = { 'PROPOSAL.NOT_AWAITING_MODERATION': t('PROPOSAL.NOT_AWAITING_MODERATION'), 'PROPOSAL.REASON_REQUIRED': t('PROPOSAL.REASON_REQUIRED'), 'PROPOSAL.NOT_FOUND': t('PROPOSAL.NOT_FOUND') };
  const problemText = useProblemText(known);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const admin = hasRole('administrator');
  const field = `reason-${plan.proposalId}`;
  const headingId = `plan-${plan.proposalId}`;

  const decide = async (admitted: boolean) => {
    if (!admitted && !reason.trim()) {
      setErrors([{ field, message: t('reasonEmpty', { title: version.title }) }]);
      return;
    }
    setErrors([]);
    setSending(true);
    try {
      await unwrap(staffApi.POST('/proposals/{proposalId}/moderation', { params: { path: { proposalId: plan.proposalId } }, body: admitted ? { admitted } : { admitted, reason: reason.trim() } }));
      onDone(t(admitted ? 'admitted' : 'refused', { title: version.title }));
    } catch (error) {
      setErrors([{ field, message: problemText(problemFrom(error)) }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <li className="ib-card ib-stack" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-3" id={headingId}>{version.title}</h2>
      <ErrorSummary errors={errors} />
      <p className="utrecht-paragraph">{version.summary}</p>
      <dl className="utrecht-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('area')}</dt>
          <dd className="utrecht-data-list__item-value">{plan.areaId}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('cost')}</dt>
          <dd className="utrecht-data-list__item-value">{euros(planCost(plan), lang)}</dd>
        </div>
      </dl>
      {admin ? (
        <>
          <TextAreaField id={field} label={t('reason')} description={t('reasonHelp')} value={reason} onChange={setReason} rows={2} error={errors.find((e) => e.field === field)?.message} />
          <p className="ib-actions">
            <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={sending} onClick={() => void decide(true)}>
              {t('admit')}
              <span className="ib-visually-hidden">: {version.title}</span>
            </button>{' '}
            <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={sending} onClick={() => void decide(false)}>
              {t('refuse')}
              <span className="ib-visually-hidden">: {version.title}</span>
            </button>
          </p>
        </>
      ) : null}
    </li>
  );
}
