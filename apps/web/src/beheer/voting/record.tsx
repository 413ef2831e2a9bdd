import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { problemFrom, unwrap } from '../../common/api';
import { Alert, SelectField, useProblemText } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { backOfficeTexts } from '../messages';
import { staffApi } from '../staff-api';
import { hasRole, RoundLine, saveBlob, VotingNav } from './common';

type Key = 'title' | 'intro' | 'provisional' | 'format' | 'pdf' | 'markdown' | 'lang' | 'nl' | 'en' | 'button' | 'busy' | 'done' | 'p.KEY_MISSING' | 'onlyRoles';

const texts: Messages<Key> = {
  nl: {
    title: 'Proces-verbaal',
    intro: 'Het proces-verbaal is het officiële verslag van de ronde: de regels, de besluiten, de opkomst, de uitslag en de hertelling. Het wordt nu opgemaakt uit het logboek.',
    provisional: 'Zolang de uitslag niet is vastgesteld, staat er VOORLOPIG op.',
    format: 'Bestandsvorm',
    pdf: 'PDF (ondertekend)',
    markdown: 'Tekst (Markdown)',
    lang: 'Taal van het verslag',
    nl: 'Nederlands',
    en: 'Engels',
    button: 'Proces-verbaal downloaden',
    busy: 'Het proces-verbaal wordt opgemaakt…',
    done: 'Het bestand {name} is gedownload.',
    'p.KEY_MISSING': 'Er is geen sleutel om het proces-verbaal te ondertekenen. Vraag uw beheerder om die in te stellen, of kies Tekst (Markdown).',
    onlyRoles: 'Alleen een beheerder, een ambtenaar (official) of een controleur kan het proces-verbaal downloaden.',
  },
  en: {
    title: 'Official record (proces-verbaal)',
    intro: 'The proces-verbaal is the official record of the round: the rules, the decisions, the turnout, the result and the recount. It is drawn up now from the log.',
    provisional: 'As long as the result is not adopted, it is marked PROVISIONAL.',
    format: 'File format',
    pdf: 'PDF (signed)',
    markdown: 'Text (Markdown)',
    lang: 'Language of the record',
    nl: 'Dutch',
    en: 'English',
    button: 'Download the record',
    busy: 'Drawing up the record…',
    done: 'The file {name} was downloaded.',
    'p.KEY_MISSING': 'There is no key to sign the record. Ask your administrator to set one up, or choose Text (Markdown).',
    onlyRoles: 'Only an administrator, an official or an auditor can download the record.',
  },
};

/** The file name the api gives in Content-Disposition, else one of our own. */
function fileName(header: string | null, fallback: string): string {
  const match = header?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/** Downloads the proces-verbaal as PDF or Markdown, in Dutch or English (fetched with the staff token, saved as a file). */
export function RecordPage() {
  const { roundId = '' } = useParams();
  const t = useT(texts);
  const app = useT(backOfficeTexts);
  const { lang } = useLang();
  usePageTitle(t('title'), app('app'));
  const problemText = useProblemText({ 'PROCES_VERBAAL.SIGNING_KEY_MISSING': t('p.KEY_MISSING') });
  const [format, setFormat] = useState<'pdf' | 'markdown'>('pdf');
  const [recordLang, setRecordLang] = useState<'nl' | 'en'>(lang);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const allowed = hasRole('administrator', 'official', 'auditor');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDone(null);
    setProblem(null);
    try {
      const call = staffApi.GET('/rounds/{roundId}/proces-verbaal', { params: { path: { roundId }, query: { format, lang: recordLang } }, parseAs: 'blob' });
      const { response } = await call;
      const blob = (await unwrap(call)) as unknown as Blob;
      const name = fileName(response.headers.get('content-disposition'), `proces-verbaal-${roundId}.${format === 'pdf' ? 'pdf' : 'md'}`);
      saveBlob(blob, name);
      setDone(t('done', { name }));
    } catch (error) {
      setProblem(problemText(problemFrom(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ib-stack">
      <PageHeading>{t('title')}</PageHeading>
      <RoundLine roundId={roundId} />
      <VotingNav roundId={roundId} />
      <p className="utrecht-paragraph">{t('intro')}</p>
      <p className="utrecht-paragraph">{t('provisional')}</p>
      {!allowed ? <Alert type="info">{t('onlyRoles')}</Alert> : null}
      {problem ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{problem}</p>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="ib-stack">
        <SelectField
          id="record-format"
          label={t('format')}
          value={format}
          onChange={(value) => setFormat(value === 'markdown' ? 'markdown' : 'pdf')}
          options={[
            { value: 'pdf', label: t('pdf') },
            { value: 'markdown', label: t('markdown') },
          ]}
        />
        <SelectField
          id="record-lang"
          label={t('lang')}
          value={recordLang}
          onChange={(value) => setRecordLang(value === 'en' ? 'en' : 'nl')}
          options={[
            { value: 'nl', label: t('nl') },
            { value: 'en', label: t('en') },
          ]}
        />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {t('button')}
        </button>
      </form>
      {busy ? <p className="utrecht-paragraph" role="status">{t('busy')}</p> : null}
      {done ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{done}</p>
        </Alert>
      ) : null}
    </div>
  );
}

