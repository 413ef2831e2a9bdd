import { useState } from 'react';
import { dateText, euros, type Problem, problemOf } from '../../common/api';
import { ProblemAlert } from '../../common/forms';
import { type Messages, useLang, useT } from '../../common/i18n';
import { staffClaims } from '../staff-auth';
import { staffApi } from '../staff-api';
import { Item, objectionOf, type Proposal } from './common';

type Letter = 'ontvangstbevestiging' | 'uitnodiging-hoorzitting' | 'beslissing-op-bezwaar';

const texts: Messages<
  | 'heading' | 'none' | 'received' | 'posted' | 'channel' | 'channel.resident' | 'channel.staff' | 'inTime' | 'yes' | 'no' | 'termEnds' | 'excusable' | 'excusable.null' | 'due' | 'hearing'
  | 'hearing.none' | 'hearing.scheduled' | 'hearing.held' | 'hearing.skipped' | 'decision' | 'decision.none' | 'outcome.gegrond' | 'outcome.ongegrond' | 'outcome.niet-ontvankelijk' | 'revised'
  | 'beroep' | 'letters' | 'lettersIntro' | 'letter.ontvangstbevestiging' | 'letter.uitnodiging-hoorzitting' | 'letter.beslissing-op-bezwaar' | 'show' | 'pdf' | 'letterCaption' | 'unavailable' | 'readOnly'
> = {
  nl: {
    heading: 'Bezwaar',
    none: 'Er is geen bezwaar gemaakt tegen de beschikking.',
    readOnly: 'Hier ziet u hoe het bezwaar ervoor staat.',
    received: 'Ontvangen op',
    posted: 'Op de post gedaan op',
    channel: 'Binnengekomen via',
    'channel.resident': 'de aanvrager zelf, online',
    'channel.staff': 'papier of e-mail, ingevoerd door de gemeente',
    inTime: 'Op tijd',
    yes: 'Ja',
    no: 'Nee',
    termEnds: 'Bezwaartermijn liep tot',
    excusable: 'Te laat, maar verschoonbaar',
    'excusable.null': 'Nog niet beoordeeld',
    due: 'Beslissen op bezwaar vóór',
    hearing: 'Hoorzitting',
    'hearing.none': 'Nog niet gepland',
    'hearing.scheduled': 'Gepland op {at} in {location}',
    'hearing.held': 'Gehouden op {at}',
    'hearing.skipped': 'Niet gehouden ({ground})',
    decision: 'Beslissing op bezwaar',
    'decision.none': 'Nog niet genomen',
    'outcome.gegrond': 'Gegrond',
    'outcome.ongegrond': 'Ongegrond',
    'outcome.niet-ontvankelijk': 'Niet-ontvankelijk',
    revised: 'nieuw bedrag {amount}',
    beroep: 'Beroep',
    letters: 'Brieven',
    lettersIntro: 'De brieven aan de aanvrager over dit bezwaar.',
    'letter.ontvangstbevestiging': 'Ontvangstbevestiging',
    'letter.uitnodiging-hoorzitting': 'Uitnodiging voor de hoorzitting',
    'letter.beslissing-op-bezwaar': 'Beslissing op bezwaar',
    show: 'Toon brief: {letter}',
    pdf: 'Download als PDF: {letter}',
    letterCaption: 'Brief: {letter}',
    unavailable: 'Deze brief is er nog niet.',
  },
  en: {
    heading: 'Objection',
    none: 'No objection has been made to the decision.',
    readOnly: 'Here you see where the objection stands.',
    received: 'Received on',
    posted: 'Posted on',
    channel: 'Came in through',
    'channel.resident': 'the applicant, online',
    'channel.staff': 'paper or e-mail, entered by the municipality',
    inTime: 'In time',
    yes: 'Yes',
    no: 'No',
    termEnds: 'Objection term ran until',
    excusable: 'Late, but excusable',
    'excusable.null': 'Not judged yet',
    due: 'Decide on the objection by',
    hearing: 'Hearing',
    'hearing.none': 'Not scheduled yet',
    'hearing.scheduled': 'Scheduled at {at} in {location}',
    'hearing.held': 'Held on {at}',
    'hearing.skipped': 'Not held ({ground})',
    decision: 'Decision on the objection',
    'decision.none': 'Not taken yet',
    'outcome.gegrond': 'Upheld (gegrond)',
    'outcome.ongegrond': 'Dismissed (ongegrond)',
    'outcome.niet-ontvankelijk': 'Inadmissible (niet-ontvankelijk)',
    revised: 'new amount {amount}',
    beroep: 'Appeal to the court',
    letters: 'Letters',
    lettersIntro: 'The letters to the applicant about this objection.',
    'letter.ontvangstbevestiging': 'Acknowledgement of receipt',
    'letter.uitnodiging-hoorzitting': 'Invitation to the hearing',
    'letter.beslissing-op-bezwaar': 'Decision on the objection',
    show: 'Show letter: {letter}',
    pdf: 'Download as PDF: {letter}',
    letterCaption: 'Letter: {letter}',
    unavailable: 'This letter is not available yet.',
  },
};

/** The objection (bezwaar) against the application's beschikking, read-only, with its letters. */
export function ObjectionSection({ plan }: { plan: Proposal }) {
  const t = useT(texts);
  const { lang } = useLang();
  const objection = objectionOf(plan);
  const [shown, setShown] = useState<{ letter: Letter; text: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!plan.grant && plan.status !== 'grant_refused' && !objection) return null;
  const canRead = staffClaims().roles.some((role) => role === 'administrator' || role === 'auditor');
  const letters: Letter[] = objection
    ? (['ontvangstbevestiging', ...(objection.hearing.status === 'scheduled' || objection.hearing.status === 'held' ? ['uitnodiging-hoorzitting'] : []), ...(objection.decision ? ['beslissing-op-bezwaar'] : [])] as Letter[])
    : [];

  const fetchLetter = async (letter: Letter, format: 'markdown' | 'pdf') => {
    setProblem(null);
    try {
      const result = await staffApi.GET('/proposals/{proposalId}/objection/letters/{letter}', {
        params: { path: { proposalId: plan.proposalId, letter }, query: { lang, format } },
        parseAs: format === 'pdf' ? 'blob' : 'text',
      });
      if (!result.response.ok) {
        setProblem(problemOf(result.error, result.response.status));
        return;
      }
      if (format === 'markdown') {
        setShown({ letter, text: String(result.data) });
        return;
      }
      const url = URL.createObjectURL(result.data as unknown as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${letter}-${plan.proposalId}.pdf`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setProblem({ status: 0, code: 'NETWORK' });
    }
  };

  const hearing = () => {
    if (!objection) return '';
    const h = objection.hearing;
    if (h.status === 'scheduled') return t('hearing.scheduled', { at: dateText(h.hearingAt, lang, true), location: h.location });
    if (h.status === 'held') return t('hearing.held', { at: dateText(h.heardAt, lang, true) });
    if (h.status === 'skipped') return t('hearing.skipped', { ground: h.ground });
    return t('hearing.none');
  };

  return (
    <section aria-labelledby="objection-heading" className="ib-stack" id="objection">
      <h2 className="utrecht-heading-2" id="objection-heading">
        {t('heading')}
      </h2>
      {!objection ? (
        <p className="utrecht-paragraph">{t('none')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('readOnly')}</p>
          <dl className="utrecht-data-list">
            <Item term={t('received')}>{dateText(objection.receivedOn, lang)}</Item>
            {objection.postedOn ? <Item term={t('posted')}>{dateText(objection.postedOn, lang)}</Item> : null}
            <Item term={t('channel')}>{t(`channel.${objection.channel}`)}</Item>
            <Item term={t('termEnds')}>{dateText(objection.termEndsOn, lang)}</Item>
            <Item term={t('inTime')}>{objection.inTime ? t('yes') : t('no')}</Item>
            {!objection.inTime ? <Item term={t('excusable')}>{objection.latenessExcusable === null ? t('excusable.null') : objection.latenessExcusable ? t('yes') : t('no')}</Item> : null}
            <Item term={t('due')}>{dateText(objection.decisionDueBy, lang)}</Item>
            <Item term={t('hearing')}>{hearing()}</Item>
            <Item term={t('decision')}>
              {objection.decision
                ? `${t(`outcome.${objection.decision.outcome}`)}, ${objection.decision.decisionReference}, ${dateText(objection.decision.decisionDate, lang)}${objection.decision.revised ? `, ${t('revised', { amount: euros(objection.decision.revised.amountCents, lang) })}` : ''}`
                : t('decision.none')}
            </Item>
            {objection.beroep ? <Item term={t('beroep')}>{`${objection.beroep.court}, ${objection.beroep.caseReference}, ${dateText(objection.beroep.lodgedOn, lang)}`}</Item> : null}
          </dl>
          {canRead ? (
            <>
              <h3 className="utrecht-heading-3">{t('letters')}</h3>
              <p className="utrecht-paragraph">{t('lettersIntro')}</p>
              <ul className="utrecht-unordered-list">
                {letters.map((letter) => (
                  <li className="utrecht-unordered-list__item" key={letter}>
                    <span className="ib-actions">
                      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void fetchLetter(letter, 'markdown')}>
                        {t('show', { letter: t(`letter.${letter}`) })}
                      </button>
                      <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => void fetchLetter(letter, 'pdf')}>
                        {t('pdf', { letter: t(`letter.${letter}`) })}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
              <ProblemAlert problem={problem} known={{ 'OBJECTION.LETTER_NOT_AVAILABLE': t('unavailable') }} />
              {shown ? (
                <figure className="ib-card" id="letter">
                  <figcaption className="utrecht-heading-4">{t('letterCaption', { letter: t(`letter.${shown.letter}`) })}</figcaption>
                  <LetterText text={shown.text} />
                </figure>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The letter's Markdown as plain blocks: "#" lines as headings, the rest as paragraphs (line breaks kept). */
function LetterText({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  return (
    <div className="ib-stack">
      {blocks.map((block, i) => {
        const heading = /^(#{1,6})\s+(.*)$/.exec(block);
        if (heading) return <p key={i} className="utrecht-paragraph"><strong>{heading[2]}</strong></p>;
        return (
          <p key={i} className="utrecht-paragraph" style={{ whiteSpace: 'pre-line' }}>
            {block.replace(/\*\*(.*?)\*\*/g, '$1')}
          </p>
        );
      })}
    </div>
  );
}
