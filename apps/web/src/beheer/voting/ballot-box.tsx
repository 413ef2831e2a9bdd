import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { euros, type Problem, problemFrom, unwrap } from '../../common/api';
import { Alert, ErrorSummary, type FieldError, ProblemAlert, SelectField, TextField, useProblemText } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { useLoad } from '../../common/load';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { type BallotBox, errorFor, hasRole, loadBox, RoundLine, VotingNav, votingTexts } from './common';

type Key =
  | 'title'
  | 'noBox'
  | 'status'
  | 'phase'
  | 'registered'
  | 'eligible'
  | 'frameVersion'
  | 'budget'
  | 'plans.caption'
  | 'plan'
  | 'area'
  | 'cost'
  | 'change.title'
  | 'change.intro'
  | 'change.open'
  | 'change.close'
  | 'change.seal'
  | 'change.done'
  | 'roll.title'
  | 'roll.intro'
  | 'roll.file'
  | 'roll.fileHelp'
  | 'roll.fileEmpty'
  | 'roll.button'
  | 'roll.done'
  | 'codes.title'
  | 'codes.intro'
  | 'codes.count'
  | 'codes.countHelp'
  | 'codes.countInvalid'
  | 'codes.area'
  | 'codes.areaEmpty'
  | 'codes.ageBand'
  | 'codes.ageBandHelp'
  | 'codes.ageBandEmpty'
  | 'codes.button'
  | 'codes.done'
  | 'codes.download'
  | 'codes.warning'
  | 'code.title'
  | 'code.intro'
  | 'code.code'
  | 'code.codeEmpty'
  | 'code.action'
  | 'code.block'
  | 'code.reissue'
  | 'code.button'
  | 'code.blocked'
  | 'code.reissued'
  | 'p.NOT_CSV'
  | 'p.EMPTY'
  | 'p.MISSING_COLUMN'
  | 'p.UNEXPECTED_COLUMN'
  | 'p.PERSONAL_DATA_COLUMN'
  | 'p.INVALID_ROW'
  | 'p.DUPLICATE_CODE'
  | 'p.WEAK_CODE'
  | 'p.INVALID_AGE_BAND'
  | 'p.INVALID_AREA'
  | 'p.STRADDLES'
  | 'p.ROLL_CLOSED'
  | 'p.ALREADY_REGISTERED'
  | 'p.KEY_DESTROYED'
  | 'p.WRONG_PHASE'
  | 'p.ROUND_NOT_VOTING'
  | 'p.RESULT_NOT_ADOPTED'
  | 'p.PARTICIPANT_NOT_FOUND'
  | 'p.NOT_ACTIVE'
  | 'p.NOT_ELIGIBLE'
  | 'p.line';

const texts: Messages<Key> = {
  nl: {
    title: 'Stembus en stemcodes',
    noBox: 'Er is nog geen stembus. De stembus komt klaar te staan als de ronde de stemfase ingaat.',
    status: 'Stand van de stembus',
    phase: 'Fase',
    registered: 'Codes op de kiezerslijst',
    eligible: 'Codes die mogen stemmen',
    frameVersion: 'Versie van de regels',
    budget: 'Budget',
    'plans.caption': 'Plannen op het stembiljet',
    plan: 'Plan',
    area: 'Gebied',
    cost: 'Kosten',
    'change.title': 'Stembus openen, sluiten of verzegelen',
    'change.intro': 'Normaal volgt de stembus de fase van de ronde. Gebruik dit alleen als het nodig is. Verzegelen vernietigt de sleutel: codes leiden daarna niet meer naar stemmen.',
    'change.open': 'Stembus openen',
    'change.close': 'Stembus sluiten',
    'change.seal': 'Stembus verzegelen',
    'change.done': 'De stembus is nu {phase}.',
    'roll.title': 'Kiezerslijst uploaden',
    'roll.intro': 'Een CSV-bestand met de kolommen code, area en age_band (en eventueel role). Zet er geen namen, adressen of BSN in: dan weigert het systeem het hele bestand.',
    'roll.file': 'Bestand met de kiezerslijst (CSV)',
    'roll.fileHelp': 'Bijvoorbeeld: code,area,age_band',
    'roll.fileEmpty': 'Kies een CSV-bestand.',
    'roll.button': 'Kiezerslijst uploaden',
    'roll.done': 'De kiezerslijst is opgeslagen: {registered} codes, waarvan {eligible} mogen stemmen.',
    'codes.title': 'Stemcodes maken',
    'codes.intro': 'Het systeem maakt nieuwe codes voor de brieven. U krijgt ze één keer als bestand. Bewaar het bestand veilig en geef het aan de drukker.',
    'codes.count': 'Aantal codes',
    'codes.countHelp': 'Een heel getal, 1 of meer.',
    'codes.countInvalid': 'Vul een aantal in van 1 of meer.',
    'codes.area': 'Gebied',
    'codes.areaEmpty': 'Vul een gebied in.',
    'codes.ageBand': 'Leeftijdsgroep',
    'codes.ageBandHelp': 'Bijvoorbeeld 18-64 of 65+.',
    'codes.ageBandEmpty': 'Vul een leeftijdsgroep in.',
    'codes.button': 'Codes maken',
    'codes.done': 'Er zijn {count} codes gemaakt. Download het bestand nu: het systeem bewaart de codes niet leesbaar.',
    'codes.download': 'Download de stemcodes (CSV)',
    'codes.warning': 'Dit is de enige keer dat u de codes kunt downloaden.',
    'code.title': 'Code blokkeren of vervangen',
    'code.intro': 'Is een brief kwijt of gestolen? Blokkeer de code, of vervang hem door een nieuwe code. De nieuwe code hoort bij dezelfde stem.',
    'code.code': 'Stemcode',
    'code.codeEmpty': 'Vul de stemcode in.',
    'code.action': 'Wat wilt u doen?',
    'code.block': 'Blokkeren',
    'code.reissue': 'Vervangen door een nieuwe code',
    'code.button': 'Uitvoeren',
    'code.blocked': 'De code is geblokkeerd.',
    'code.reissued': 'De nieuwe code is: {code}. Schrijf hem nu op: u ziet hem maar één keer.',
    'p.NOT_CSV': 'Het bestand is geen CSV-bestand.',
    'p.EMPTY': 'Het bestand is leeg.',
    'p.MISSING_COLUMN': 'Er ontbreekt een kolom. Nodig zijn: code, area en age_band.',
    'p.UNEXPECTED_COLUMN': 'Het bestand heeft een kolom die er niet in hoort. Toegestaan zijn: code, area, age_band en role.',
    'p.PERSONAL_DATA_COLUMN': 'Het bestand heeft persoonsgegevens (zoals namen, adressen of BSN). Haal die kolom weg. Er is niets opgeslagen.',
    'p.INVALID_ROW': 'Een regel in het bestand klopt niet.',
    'p.DUPLICATE_CODE': 'Een code staat twee keer in het bestand.',
    'p.WEAK_CODE': 'Een code is te makkelijk te raden.',
    'p.INVALID_AGE_BAND': 'Een leeftijdsgroep klopt niet.',
    'p.INVALID_AREA': 'Een gebied klopt niet.',
    'p.STRADDLES': 'Een leeftijdsgroep valt deels onder de minimumleeftijd.',
    'p.ROLL_CLOSED': 'De kiezerslijst is gesloten: er kunnen geen codes meer bij.',
    'p.ALREADY_REGISTERED': 'Een code staat al op de kiezerslijst.',
    'p.KEY_DESTROYED': 'De sleutel van de ronde is vernietigd. Codes werken niet meer.',
    'p.WRONG_PHASE': 'Dat kan niet in deze fase van de stembus.',
    'p.ROUND_NOT_VOTING': 'De ronde is niet in de stemfase.',
    'p.RESULT_NOT_ADOPTED': 'Verzegelen kan pas als de uitslag is vastgesteld.',
    'p.PARTICIPANT_NOT_FOUND': 'Deze code staat niet op de kiezerslijst.',
    'p.NOT_ACTIVE': 'Deze code is al geblokkeerd of vervangen.',
    'p.NOT_ELIGIBLE': 'Met deze code mag niemand stemmen. Vervangen heeft geen zin.',
    'p.line': '(regel {line})',
  },
  en: {
    title: 'Ballot box and voting codes',
    noBox: 'There is no ballot box yet. It is prepared when the round enters the voting phase.',
    status: 'State of the ballot box',
    phase: 'Phase',
    registered: 'Codes on the voter roll',
    eligible: 'Codes that may vote',
    frameVersion: 'Version of the rules',
    budget: 'Budget',
    'plans.caption': 'Plans on the ballot',
    plan: 'Plan',
    area: 'Area',
    cost: 'Cost',
    'change.title': 'Open, close or seal the ballot box',
    'change.intro': "Normally the box follows the round's phase. Only use this when needed. Sealing destroys the key: codes no longer lead to ballots.",
    'change.open': 'Open the ballot box',
    'change.close': 'Close the ballot box',
    'change.seal': 'Seal the ballot box',
    'change.done': 'The ballot box is now {phase}.',
    'roll.title': 'Upload the voter roll',
    'roll.intro': 'A CSV file with the columns code, area and age_band (and optionally role). Do not include names, addresses or BSN: the whole file is then refused.',
    'roll.file': 'Voter roll file (CSV)',
    'roll.fileHelp': 'For example: code,area,age_band',
    'roll.fileEmpty': 'Choose a CSV file.',
    'roll.button': 'Upload the voter roll',
    'roll.done': 'The voter roll is stored: {registered} codes, {eligible} of which may vote.',
    'codes.title': 'Generate voting codes',
    'codes.intro': 'The system makes new codes for the letters. You get them once, as a file. Keep the file safe and give it to the printer.',
    'codes.count': 'Number of codes',
    'codes.countHelp': 'A whole number, 1 or more.',
    'codes.countInvalid': 'Enter a number of 1 or more.',
    'codes.area': 'Area',
    'codes.areaEmpty': 'Enter an area.',
    'codes.ageBand': 'Age band',
    'codes.ageBandHelp': 'For example 18-64 or 65+.',
    'codes.ageBandEmpty': 'Enter an age band.',
    'codes.button': 'Generate codes',
    'codes.done': '{count} codes were made. Download the file now: the system does not keep the codes readable.',
    'codes.download': 'Download the voting codes (CSV)',
    'codes.warning': 'This is the only time you can download the codes.',
    'code.title': 'Block or replace a code',
    'code.intro': 'Was a letter lost or stolen? Block the code, or replace it with a new one. The new code leads to the same ballot.',
    'code.code': 'Voting code',
    'code.codeEmpty': 'Enter the voting code.',
    'code.action': 'What do you want to do?',
    'code.block': 'Block',
    'code.reissue': 'Replace with a new code',
    'code.button': 'Go',
    'code.blocked': 'The code is blocked.',
    'code.reissued': 'The new code is: {code}. Write it down now: you see it only once.',
    'p.NOT_CSV': 'The file is not a CSV file.',
    'p.EMPTY': 'The file is empty.',
    'p.MISSING_COLUMN': 'A column is missing. Needed are: code, area and age_band.',
    'p.UNEXPECTED_COLUMN': 'The file has a column that does not belong. Allowed are: code, area, age_band and role.',
    'p.PERSONAL_DATA_COLUMN': 'The file holds personal data (such as names, addresses or BSN). Remove that column. Nothing was stored.',
    'p.INVALID_ROW': 'A line in the file is not right.',
    'p.DUPLICATE_CODE': 'A code is in the file twice.',
    'p.WEAK_CODE': 'A code is too easy to guess.',
    'p.INVALID_AGE_BAND': 'An age band is not right.',
    'p.INVALID_AREA': 'An area is not right.',
    'p.STRADDLES': 'An age band lies partly below the minimum age.',
    'p.ROLL_CLOSED': 'The voter roll is closed: no codes can be added.',
    'p.ALREADY_REGISTERED': 'A code is already on the voter roll.',
    'p.KEY_DESTROYED': "The round's key was destroyed. Codes no longer work.",
    'p.WRONG_PHASE': 'That is not possible in this phase of the ballot box.',
    'p.ROUND_NOT_VOTING': 'The round is not in its voting phase.',
    'p.RESULT_NOT_ADOPTED': 'Sealing is only possible once the result is adopted.',
    'p.PARTICIPANT_NOT_FOUND': 'This code is not on the voter roll.',
    'p.NOT_ACTIVE': 'This code was already blocked or replaced.',
    'p.NOT_ELIGIBLE': 'This code gives no vote. Replacing it makes no sense.',
    'p.line': '(line {line})',
  },
};

/** The problems of this page's calls, in the reader's words (with the line of the file where the api names one). */
function useKnown(t: (key: Key, values?: Record<string, string | number>) => string) {
  const known: Record<string, string> = {
    'VOTER_ROLL.NOT_CSV': t('p.NOT_CSV'),
    'VOTER_ROLL.EMPTY': t('p.EMPTY'),
    'VOTER_ROLL.MISSING_COLUMN': t('p.MISSING_COLUMN'),
    'VOTER_ROLL.UNEXPECTED_COLUMN': t('p.UNEXPECTED_COLUMN'),
    'VOTER_ROLL.PERSONAL_DATA_COLUMN': t('p.PERSONAL_DATA_COLUMN'),
    'VOTER_ROLL.INVALID_ROW': t('p.INVALID_ROW'),
    'VOTER_ROLL.DUPLICATE_CODE': t('p.DUPLICATE_CODE'),
    'VOTER_ROLL.WEAK_CODE': t('p.WEAK_CODE'),
    'PARTICIPANT.INVALID_AGE_BAND': t('p.INVALID_AGE_BAND'),
    'PARTICIPANT.INVALID_AREA': t('p.INVALID_AREA'),
    'PARTICIPANT.AGE_BAND_STRADDLES_MINIMUM': t('p.STRADDLES'),
    'PARTICIPANT.ROLL_CLOSED': t('p.ROLL_CLOSED'),
    'PARTICIPANT.ALREADY_REGISTERED': t('p.ALREADY_REGISTERED'),
    'ROUND_KEY.DESTROYED': t('p.KEY_DESTROYED'),
    'BALLOT_BOX.WRONG_PHASE': t('p.WRONG_PHASE'),
    'BALLOT_BOX.ROUND_NOT_VOTING': t('p.ROUND_NOT_VOTING'),
    'BALLOT_BOX.RESULT_NOT_ADOPTED': t('p.RESULT_NOT_ADOPTED'),
    'PARTICIPANT.NOT_FOUND': t('p.PARTICIPANT_NOT_FOUND'),
    'PARTICIPANT.NOT_ACTIVE': t('p.NOT_ACTIVE'),
    'PARTICIPANT.NOT_ELIGIBLE': t('p.NOT_ELIGIBLE'),
  };
  const text = useProblemText(known);
  return (problem: Problem) => {
    const details = (problem.details ?? {}) as { line?: number };
    return typeof details.line === 'number' ? `${text(problem)} ${t('p.line', { line: details.line })}` : text(problem);
  };
}

export function BallotBoxPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const v = useT(votingTexts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const loaded = useLoad(() => loadBox(roundId), [roundId]);
  const box = loaded.data?.box;
  const admin = hasRole('administrator');
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <RoundLine roundId={roundId} />
      <VotingNav roundId={roundId} />
      {loaded.loading && !loaded.data ? <p className="utrecht-paragraph">{app('loading')}</p> : null}
      {loaded.problem?.code === 'BALLOTBOX.NOT_FOUND' ? <Alert type="info">{t('noBox')}</Alert> : <ProblemAlert problem={loaded.problem} />}
      {box ? (
        <>
          <section className="ib-stack" aria-labelledby="box-status">
            <h2 className="utrecht-heading-2" id="box-status">
              {t('status')}
            </h2>
            <dl className="ib-facts">
              <dt>{t('phase')}</dt>
              <dd data-testid="box-phase">{v(`phase.${box.phase}`)}</dd>
              <dt>{t('registered')}</dt>
              <dd data-testid="box-registered">{box.registered}</dd>
              <dt>{t('eligible')}</dt>
              <dd data-testid="box-eligible">{box.eligible}</dd>
              <dt>{t('frameVersion')}</dt>
              <dd>{box.frame.frameVersion}</dd>
              <dt>{t('budget')}</dt>
              <dd>{euros(box.frame.budgetCents, lang)}</dd>
            </dl>
            <div className="ib-table-scroll">
              <table className="utrecht-table">
                <caption className="utrecht-table__caption">{t('plans.caption')}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">{t('plan')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('area')}</th>
                    <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('cost')}</th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {box.frame.plans.map((plan) => (
                    <tr className="utrecht-table__row" key={plan.planId}>
                      <th className="utrecht-table__header-cell" scope="row">{plan.name ?? plan.planId}</th>
                      <td className="utrecht-table__cell">{plan.area ?? '–'}</td>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric">{euros(plan.costCents, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {admin ? (
            <>
              <VoterRollForm roundId={roundId} onDone={loaded.reload} />
              <CodesForm roundId={roundId} box={box} onDone={loaded.reload} />
              <CodeActionForm roundId={roundId} />
              <PhaseChangeForm roundId={roundId} box={box} etag={loaded.data?.etag ?? null} onDone={loaded.reload} />
            </>
          ) : (
            <Alert type="info">{v('onlyAdmin')}</Alert>
          )}
        </>
      ) : null}
    </div>
  );
}

function VoterRollForm({ roundId, onDone }: { roundId: string; onDone(): void }) {
  const t = useT(texts);
  const problemText = useKnown(t);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setErrors([]);
    if (!file) {
      setErrors([{ field: 'roll-file', message: t('roll.fileEmpty') }]);
      return;
    }
    setBusy(true);
    try {
      const csv = await file.text();
      const answer = await unwrap(
        staffApi.POST('/rounds/{roundId}/voter-roll', { params: { path: { roundId } }, body: csv, bodySerializer: (body: string) => body, headers: { 'content-type': 'text/csv' } }),
      );
      setErrors([]);
      setDone(t('roll.done', { registered: answer.registered, eligible: answer.eligible }));
      onDone();
    } catch (error) {
      setErrors([{ field: 'roll-file', message: problemText(problemFrom(error)) }]);
    } finally {
      setBusy(false);
    }
  };
  const error = errorFor(errors, 'roll-file');
  return (
    <section className="ib-stack" aria-labelledby="roll-title">
      <h2 className="utrecht-heading-2" id="roll-title">
        {t('roll.title')}
      </h2>
      <p className="utrecht-paragraph">{t('roll.intro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="roll-file">
              {t('roll.file')}
            </label>
          </div>
          <div className="utrecht-form-field-description" id="roll-file-description">
            {t('roll.fileHelp')}
          </div>
          {error ? (
            <div className="utrecht-form-field-error-message" id="roll-file-error">
              {error}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              id="roll-file"
              name="roll-file"
              type="file"
              accept=".csv,text/csv"
              className="ib-file"
              aria-invalid={error ? true : undefined}
              aria-describedby={`roll-file-description${error ? ' roll-file-error' : ''}`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('roll.button')}
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

function CodesForm({ roundId, box, onDone }: { roundId: string; box: BallotBox; onDone(): void }) {
  const t = useT(texts);
  const problemText = useKnown(t);
  const areas = [...new Set([...box.frame.eligibility.areaCodes, ...(box.frame.areaBudgets ?? []).map((a) => a.areaCode), ...box.frame.plans.flatMap((p) => (p.area ? [p.area] : []))])].sort();
  const [count, setCount] = useState('');
  const [area, setArea] = useState(areas[0] ?? '');
  const [ageBand, setAgeBand] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [file, setFile] = useState<{ url: string; count: number } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => (file ? URL.revokeObjectURL(file.url) : undefined), [file]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    const n = Number(count);
    if (!/^\d+$/.test(count.trim()) || n < 1) found.push({ field: 'codes-count', message: t('codes.countInvalid') });
    if (!area.trim()) found.push({ field: 'codes-area', message: t('codes.areaEmpty') });
    if (!ageBand.trim()) found.push({ field: 'codes-age-band', message: t('codes.ageBandEmpty') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const csv = await unwrap(staffApi.POST('/rounds/{roundId}/voting-codes', { params: { path: { roundId } }, body: { count: n, area: area.trim(), ageBand: ageBand.trim() }, parseAs: 'text' }));
      const rows = String(csv).trim().split(/\r?\n/).length - 1;
      setFile({ url: URL.createObjectURL(new Blob([String(csv)], { type: 'text/csv' })), count: rows });
      onDone();
    } catch (error) {
      const p = problemFrom(error);
      setProblem(problemText(p));
      if (p.code === 'PARTICIPANT.INVALID_AREA') setErrors([{ field: 'codes-area', message: problemText(p) }]);
      else if (p.code === 'PARTICIPANT.INVALID_AGE_BAND' || p.code === 'PARTICIPANT.AGE_BAND_STRADDLES_MINIMUM') setErrors([{ field: 'codes-age-band', message: problemText(p) }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ib-stack" aria-labelledby="codes-title">
      <h2 className="utrecht-heading-2" id="codes-title">
        {t('codes.title')}
      </h2>
      <p className="utrecht-paragraph">{t('codes.intro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        {problem && errors.length === 0 ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <TextField id="codes-count" label={t('codes.count')} description={t('codes.countHelp')} inputMode="numeric" value={count} onChange={setCount} error={errorFor(errors, 'codes-count')} required />
        {areas.length > 0 ? (
          <SelectField id="codes-area" label={t('codes.area')} value={area} onChange={setArea} options={areas.map((a) => ({ value: a, label: a }))} error={errorFor(errors, 'codes-area')} required />
        ) : (
          <TextField id="codes-area" label={t('codes.area')} value={area} onChange={setArea} error={errorFor(errors, 'codes-area')} required />
        )}
        <TextField id="codes-age-band" label={t('codes.ageBand')} description={t('codes.ageBandHelp')} value={ageBand} onChange={setAgeBand} error={errorFor(errors, 'codes-age-band')} required />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('codes.button')}
        </button>
      </form>
      {file ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t('codes.done', { count: file.count })}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={file.url} download={`stemcodes-${roundId}.csv`}>
              {t('codes.download')}
            </a>
          </p>
          <p className="utrecht-paragraph">{t('codes.warning')}</p>
        </Alert>
      ) : null}
    </section>
  );
}

function CodeActionForm({ roundId }: { roundId: string }) {
  const t = useT(texts);
  const v = useT(votingTexts);
  const problemText = useKnown(t);
  const [code, setCode] = useState('');
  const [action, setAction] = useState<'block' | 'reissue'>('block');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setProblem(null);
    const found: FieldError[] = [];
    if (!code.trim()) found.push({ field: 'code-code', message: t('code.codeEmpty') });
    if (!reason.trim()) found.push({ field: 'code-reason', message: v('reasonEmpty') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const body = { code: code.trim(), reason: reason.trim() };
      if (action === 'block') {
        await unwrap(staffApi.POST('/rounds/{roundId}/voting-codes/block', { params: { path: { roundId } }, body }));
        setDone(t('code.blocked'));
      } else {
        const answer = await unwrap(staffApi.POST('/rounds/{roundId}/voting-codes/reissue', { params: { path: { roundId } }, body }));
        setDone(t('code.reissued', { code: answer.code }));
      }
    } catch (error) {
      setProblem(problemText(problemFrom(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ib-stack" aria-labelledby="code-title">
      <h2 className="utrecht-heading-2" id="code-title">
        {t('code.title')}
      </h2>
      <p className="utrecht-paragraph">{t('code.intro')}</p>
      <form onSubmit={submit} noValidate className="ib-stack">
        <ErrorSummary errors={errors} />
        {problem ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <TextField id="code-code" label={t('code.code')} value={code} onChange={setCode} autoComplete="off" spellCheck={false} error={errorFor(errors, 'code-code')} required />
        <SelectField
          id="code-action"
          label={t('code.action')}
          value={action}
          onChange={(value) => setAction(value === 'reissue' ? 'reissue' : 'block')}
          options={[
            { value: 'block', label: t('code.block') },
            { value: 'reissue', label: t('code.reissue') },
          ]}
        />
        <TextField id="code-reason" label={v('reason')} description={v('reasonHelp')} value={reason} onChange={setReason} error={errorFor(errors, 'code-reason')} required />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
          {t('code.button')}
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

function PhaseChangeForm({ roundId, box, etag, onDone }: { roundId: string; box: BallotBox; etag: string | null; onDone(): void }) {
  const t = useT(texts);
  const v = useT(votingTexts);
  const problemText = useKnown(t);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changes: ('open' | 'close' | 'seal')[] = box.phase === 'prepared' ? ['open'] : box.phase === 'open' ? ['close'] : box.phase === 'closed' ? ['seal'] : [];
  if (changes.length === 0) return null;
  const change = async (to: 'open' | 'close' | 'seal') => {
    setDone(null);
    setProblem(null);
    if (!reason.trim()) {
      setErrors([{ field: 'change-reason', message: v('reasonEmpty') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await unwrap(staffApi.POST('/rounds/{roundId}/ballot-box/{change}', { params: { path: { roundId, change: to }, header: etag ? { 'If-Match': etag } : {} }, body: { reason: reason.trim() } }));
      setDone(t('change.done', { phase: v(to === 'open' ? 'phase.open' : to === 'close' ? 'phase.closed' : 'phase.sealed') }));
      setReason('');
      onDone();
    } catch (error) {
      setProblem(problemText(problemFrom(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ib-stack" aria-labelledby="change-title">
      <h2 className="utrecht-heading-2" id="change-title">
        {t('change.title')}
      </h2>
      <p className="utrecht-paragraph">{t('change.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void change(changes[0]!);
        }}
        noValidate
        className="ib-stack"
      >
        <ErrorSummary errors={errors} />
        {problem ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{problem}</p>
          </Alert>
        ) : null}
        <TextField id="change-reason" label={v('reason')} description={v('reasonHelp')} value={reason} onChange={setReason} error={errorFor(errors, 'change-reason')} required />
        <div className="ib-actions">
          {changes.map((to) => (
            <button key={to} type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
              {t(to === 'open' ? 'change.open' : to === 'close' ? 'change.close' : 'change.seal')}
            </button>
          ))}
        </div>
      </form>
      {done ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
    </section>
  );
}
