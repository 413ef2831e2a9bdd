import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { euros, problemFrom, unwrap } from '../../common/api';
import { Alert, CheckboxField, ErrorSummary, type FieldError, Fieldset, ProblemAlert, RadioField, TextField, useProblemText } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { errorFor, hasRole, loadBox, RoundLine, VotingNav, votingTexts } from './common';

type Key =
  | 'title'
  | 'intro'
  | 'open.title'
  | 'open.station'
  | 'open.stationEmpty'
  | 'open.number'
  | 'open.numberInvalid'
  | 'open.slip'
  | 'open.slipHelp'
  | 'open.slipInvalid'
  | 'open.button'
  | 'open.done'
  | 'batch'
  | 'enter.title'
  | 'enter.intro'
  | 'enter.code'
  | 'enter.codeHelp'
  | 'enter.codeEmpty'
  | 'enter.choices'
  | 'enter.choicesEmpty'
  | 'enter.button'
  | 'enter.done'
  | 'enter.unsupported'
  | 'confirm.title'
  | 'confirm.intro'
  | 'confirm.batch'
  | 'confirm.batchHelp'
  | 'confirm.batchEmpty'
  | 'confirm.button'
  | 'confirm.done'
  | 'p.SAME_OFFICIAL'
  | 'p.COUNT_MISMATCH'
  | 'p.ALREADY_CONFIRMED'
  | 'p.ALREADY_OPENED'
  | 'p.COUNTING_CLOSED'
  | 'p.INVALID_SLIP'
  | 'p.DUPLICATE_CODE'
  | 'p.NOT_OPENED'
  | 'p.BATCH_NOT_FOUND'
  | 'p.KEY_DESTROYED'
  | 'p.BALLOT';

const texts: Messages<Key> = {
  nl: {
    title: 'Papieren stemmen',
    intro: 'Papieren stembiljetten voert u in per stapel. Een tweede ambtenaar controleert de stapel met het briefje en bevestigt hem. Pas dan tellen de stemmen mee.',
    'open.title': '1. Een stapel openen',
    'open.station': 'Stembureau',
    'open.stationEmpty': 'Vul het stembureau in.',
    'open.number': 'Nummer van de stapel',
    'open.numberInvalid': 'Vul een nummer in van 1 of meer.',
    'open.slip': 'Aantal op het briefje',
    'open.slipHelp': 'Het aantal stembiljetten dat op het briefje bij de stapel staat.',
    'open.slipInvalid': 'Vul een aantal in van 1 of meer.',
    'open.button': 'Stapel openen',
    'open.done': 'De stapel is geopend. Nummer van de stapel: {batch}.',
    batch: 'Stapel {batch}: {entered} van {slip} stembiljetten ingevoerd.',
    'enter.title': '2. Stembiljetten invoeren',
    'enter.intro': 'Voer elk stembiljet van de stapel in: de code op het biljet en de gekozen plannen.',
    'enter.code': 'Code op het stembiljet',
    'enter.codeHelp': 'De code wordt gecontroleerd en niet bewaard.',
    'enter.codeEmpty': 'Vul de code van het stembiljet in.',
    'enter.choices': 'Gekozen plannen',
    'enter.choicesEmpty': 'Kies minstens één plan.',
    'enter.button': 'Stembiljet opslaan',
    'enter.done': 'Het stembiljet is opgeslagen.',
    'enter.unsupported': 'Dit soort stembiljet ({type}) kunt u hier nog niet invoeren.',
    'confirm.title': '3. Stapel bevestigen (tweede ambtenaar)',
    'confirm.intro': 'Een andere ambtenaar dan degene die de stapel opende of invoerde, telt de stembiljetten na en bevestigt de stapel.',
    'confirm.batch': 'Nummer van de stapel',
    'confirm.batchHelp': 'Zoals het na het openen werd getoond, bijvoorbeeld Stadhuis-1.',
    'confirm.batchEmpty': 'Vul het nummer van de stapel in.',
    'confirm.button': 'Stapel bevestigen',
    'confirm.done': 'De stapel is bevestigd. {counted} stembiljetten tellen mee.',
    'p.SAME_OFFICIAL': 'U heeft deze stapel zelf geopend of ingevoerd. Een andere ambtenaar moet hem bevestigen.',
    'p.COUNT_MISMATCH': 'Het aantal ingevoerde stembiljetten is niet gelijk aan het aantal op het briefje.',
    'p.ALREADY_CONFIRMED': 'Deze stapel is al bevestigd.',
    'p.ALREADY_OPENED': 'Deze stapel is al geopend. Kies een ander nummer.',
    'p.COUNTING_CLOSED': 'Er kunnen geen papieren stemmen meer bij: de stembus is verzegeld.',
    'p.INVALID_SLIP': 'Het aantal op het briefje klopt niet.',
    'p.DUPLICATE_CODE': 'Deze code is al ingevoerd in deze stapel.',
    'p.NOT_OPENED': 'Deze stapel is niet geopend.',
    'p.BATCH_NOT_FOUND': 'Deze stapel bestaat niet. Controleer het nummer.',
    'p.KEY_DESTROYED': 'De sleutel van de ronde is vernietigd. Papieren stemmen kunnen niet meer worden ingevoerd.',
    'p.BALLOT': 'Het stembiljet voldoet niet aan de regels van de stemming.',
  },
  en: {
    title: 'Paper ballots',
    intro: 'You enter paper ballots per batch. A second official checks the batch against its slip and confirms it. Only then do the ballots count.',
    'open.title': '1. Open a batch',
    'open.station': 'Polling station',
    'open.stationEmpty': 'Enter the polling station.',
    'open.number': 'Batch number',
    'open.numberInvalid': 'Enter a number of 1 or more.',
    'open.slip': 'Count on the slip',
    'open.slipHelp': 'The number of ballots written on the slip of the batch.',
    'open.slipInvalid': 'Enter a count of 1 or more.',
    'open.button': 'Open the batch',
    'open.done': 'The batch is open. Batch: {batch}.',
    batch: 'Batch {batch}: {entered} of {slip} ballots entered.',
    'enter.title': '2. Enter the ballots',
    'enter.intro': 'Enter each ballot of the batch: the code on the ballot and the plans chosen.',
    'enter.code': 'Code on the ballot',
    'enter.codeHelp': 'The code is checked and not stored.',
    'enter.codeEmpty': 'Enter the code of the ballot.',
    'enter.choices': 'Plans chosen',
    'enter.choicesEmpty': 'Choose at least one plan.',
    'enter.button': 'Save the ballot',
    'enter.done': 'The ballot is saved.',
    'enter.unsupported': 'This kind of ballot ({type}) cannot be entered here yet.',
    'confirm.title': '3. Confirm the batch (second official)',
    'confirm.intro': 'An official other than the one who opened or entered the batch counts the ballots again and confirms the batch.',
    'confirm.batch': 'Batch',
    'confirm.batchHelp': 'As shown after opening it, for example Stadhuis-1.',
    'confirm.batchEmpty': 'Enter the batch.',
    'confirm.button': 'Confirm the batch',
    'confirm.done': 'The batch is confirmed. {counted} ballots count.',
    'p.SAME_OFFICIAL': 'You opened or entered this batch yourself. Another official must confirm it.',
    'p.COUNT_MISMATCH': 'The number of ballots entered is not the count on the slip.',
    'p.ALREADY_CONFIRMED': 'This batch is already confirmed.',
    'p.ALREADY_OPENED': 'This batch is already open. Choose another number.',
    'p.COUNTING_CLOSED': 'No more paper ballots can be added: the ballot box is sealed.',
    'p.INVALID_SLIP': 'The count on the slip is not right.',
    'p.DUPLICATE_CODE': 'This code was already entered in this batch.',
    'p.NOT_OPENED': 'This batch was not opened.',
    'p.BATCH_NOT_FOUND': 'This batch does not exist. Check the batch.',
    'p.KEY_DESTROYED': "The round's key was destroyed. Paper ballots can no longer be entered.",
    'p.BALLOT': 'The ballot does not meet the rules of the vote.',
  },
};

function useKnown(t: (key: Key) => string) {
  const known: Record<string, string> = {
    'PAPER_BATCH.SAME_OFFICIAL': t('p.SAME_OFFICIAL'),
    'PAPER_BATCH.COUNT_MISMATCH': t('p.COUNT_MISMATCH'),
    'PAPER_BATCH.ALREADY_CONFIRMED': t('p.ALREADY_CONFIRMED'),
    'PAPER_BATCH.ALREADY_OPENED': t('p.ALREADY_OPENED'),
    'PAPER_BATCH.COUNTING_CLOSED': t('p.COUNTING_CLOSED'),
    'PAPER_BATCH.INVALID_SLIP': t('p.INVALID_SLIP'),
    'PAPER_BATCH.DUPLICATE_CODE': t('p.DUPLICATE_CODE'),
    'PAPER_BATCH.NOT_OPENED': t('p.NOT_OPENED'),
    'PAPERBATCH.NOT_FOUND': t('p.BATCH_NOT_FOUND'),
    'ROUND_KEY.DESTROYED': t('p.KEY_DESTROYED'),
  };
  const text = useProblemText(known);
  return (problem: ReturnType<typeof problemFrom>) => (problem.code.startsWith('BALLOT.') ? `${t('p.BALLOT')} ${problem.title ?? ''}`.trim() : text(problem));
}

const positive = (value: string) => /^\d+$/.test(value.trim()) && Number(value) >= 1;

/** Paper batches: open one, enter its ballots, and (a second official) confirm it. */
export function PaperPage() {
  const { roundId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const t = useT(texts);
  const v = useT(votingTexts);
  const app = useT(backOfficeTexts);
  usePageTitle(t('title'), app('app'));
  const loaded = useLoad(() => loadBox(roundId), [roundId]);
  const official = hasRole('official');
  const batchId = params.get('stapel') ?? '';
  const [batch, setBatch] = useState<{ slip: number; entered: number } | null>(null);
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <RoundLine roundId={roundId} />
      <VotingNav roundId={roundId} />
      <p className="utrecht-paragraph">{t('intro')}</p>
      <ProblemAlert problem={loaded.problem} />
      {loaded.loading && !loaded.data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {!official ? <Alert type="info">{v('onlyOfficial')}</Alert> : null}
      {official && loaded.data ? (
        <>
          <OpenBatchForm
            roundId={roundId}
            onOpened={(id, slip) => {
              setBatch({ slip, entered: 0 });
              setParams({ stapel: id });
            }}
          />
          {batchId ? (
            <>
              {batch ? (
                <p className="utrecht-paragraph" role="status" data-testid="batch-progress">
                  {t('batch', { batch: batchId, entered: batch.entered, slip: batch.slip })}
                </p>
              ) : null}
              <EnterBallotForm roundId={roundId} batchId={batchId} plans={loaded.data.box.frame.plans} type={loaded.data.box.frame.ballot.type} onEntered={() => setBatch((b) => (b ? { ...b, entered: b.entered + 1 } : b))} />
            </>
          ) : null}
          <ConfirmBatchForm roundId={roundId} initial={batchId} />
        </>
      ) : null}
    </div>
  );
}

function OpenBatchForm({ roundId, onOpened }: { roundId: string; onOpened(batchId: string, slip: number): void }) {
  const t = useT(texts);
  const problemText = useKnown(t);
  const [station, setStation] = useState('');
  const [number, setNumber] = useState('');
  const [slip, setSlip] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const found: FieldError[] = [];
    if (!station.trim()) found.push({ field: 'open-station', message: t('open.stationEmpty') });
    if (!positive(number)) found.push({ field: 'open-number', message: t('open.numberInvalid') });
    if (!positive(slip)) found.push({ field: 'open-slip', message: t('open.slipInvalid') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const answer = await unwrap(staffApi.POST('/rounds/{roundId}/paper-batches', { params: { path: { roundId } }, body: { pollingStation: station.trim(), batchNumber: Number(number), slipCount: Number(slip) } }));
      setDone(t('open.done', { batch: answer.id }));
      onOpened(answer.id, Number(slip));
    } catch (error) {
      setProblem(problemText(problemFrom(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ib-stack" aria-labelledby="open-title">
      <h2 className="utrecht-heading-2" id="open-title">
        {t('open.title')}
      </h2>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        {problem ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <TextField id="open-station" label={t('open.station')} value={station} onChange={setStation} error={errorFor(errors, 'open-station')} required />
        <TextField id="open-number" label={t('open.number')} inputMode="numeric" value={number} onChange={setNumber} error={errorFor(errors, 'open-number')} required />
        <TextField id="open-slip" label={t('open.slip')} description={t('open.slipHelp')} inputMode="numeric" value={slip} onChange={setSlip} error={errorFor(errors, 'open-slip')} required />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('open.button')}
        </button>
      </form>
      {done ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
    </section>
  );
}

function EnterBallotForm({ roundId, batchId, plans, type, onEntered }: { roundId: string; batchId: string; plans: { planId: string; name?: string; costCents: number }[]; type: string; onEntered(): void }) {
  const t = useT(texts);
  const { lang } = useLang();
  const problemText = useKnown(t);
  const [code, setCode] = useState('');
  const [choices, setChoices] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState(false);
  if (type !== 'approval' && type !== 'choose-1') {
    return <Alert type="warning">{t('enter.unsupported', { type })}</Alert>;
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    if (!code.trim()) found.push({ field: 'enter-code', message: t('enter.codeEmpty') });
    if (choices.length === 0) found.push({ field: 'enter-choices', message: t('enter.choicesEmpty') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await unwrap(staffApi.POST('/rounds/{roundId}/paper-batches/{batchId}/ballots', { params: { path: { roundId, batchId } }, body: { code: code.trim(), ballot: { type, choices } } }));
      setCode('');
      setChoices([]);
      setDone((n) => n + 1);
      onEntered();
      document.getElementById('enter-code')?.focus();
    } catch (error) {
      setProblem(problemText(problemFrom(error)));
    } finally {
      setBusy(false);
    }
  };
  const label = (plan: { planId: string; name?: string; costCents: number }) => `${plan.name ?? plan.planId} (${euros(plan.costCents, lang)})`;
  return (
    <section className="ib-stack" aria-labelledby="enter-title">
      <h2 className="utrecht-heading-2" id="enter-title">
        {t('enter.title')}
      </h2>
      <p className="utrecht-paragraph">{t('enter.intro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        {problem ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <TextField id="enter-code" label={t('enter.code')} description={t('enter.codeHelp')} value={code} onChange={setCode} autoComplete="off" spellCheck={false} error={errorFor(errors, 'enter-code')} required />
        <Fieldset id="enter-choices" legend={t('enter.choices')} error={errorFor(errors, 'enter-choices')}>
          {plans.map((plan, i) =>
            type === 'choose-1' ? (
              <RadioField key={plan.planId} id={`enter-plan-${i}`} name="enter-plan" value={plan.planId} label={label(plan)} checked={choices[0] === plan.planId} onChange={(id) => setChoices([id])} />
            ) : (
              <CheckboxField
                key={plan.planId}
                id={`enter-plan-${i}`}
                label={label(plan)}
                checked={choices.includes(plan.planId)}
                onChange={(checked) => setChoices((now) => (checked ? [...now, plan.planId] : now.filter((id) => id !== plan.planId)))}
              />
            ),
          )}
        </Fieldset>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('enter.button')}
        </button>
      </form>
      {done > 0 ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t('enter.done')}</p>
        </Alert>
      ) : null}
    </section>
  );
}

function ConfirmBatchForm({ roundId, initial }: { roundId: string; initial: string }) {
  const t = useT(texts);
  const problemText = useKnown(t);
  const [batchId, setBatchId] = useState(initial);
  const [shown, setShown] = useState(initial);
  if (initial !== shown) {
    setShown(initial);
    setBatchId(initial);
  }
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    if (!batchId.trim()) {
      setErrors([{ field: 'confirm-batch', message: t('confirm.batchEmpty') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const answer = await unwrap(staffApi.POST('/rounds/{roundId}/paper-batches/{batchId}/confirm', { params: { path: { roundId, batchId: batchId.trim() } } }));
      setDone(t('confirm.done', { counted: answer.counted }));
    } catch (error) {
      setProblem(problemText(problemFrom(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ib-stack" aria-labelledby="confirm-title">
      <h2 className="utrecht-heading-2" id="confirm-title">
        {t('confirm.title')}
      </h2>
      <p className="utrecht-paragraph">{t('confirm.intro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        {problem ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <TextField id="confirm-batch" label={t('confirm.batch')} description={t('confirm.batchHelp')} value={batchId} onChange={setBatchId} autoComplete="off" error={errorFor(errors, 'confirm-batch')} required />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('confirm.button')}
        </button>
      </form>
      {done ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
    </section>
  );
}
