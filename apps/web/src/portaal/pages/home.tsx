import { type Messages, useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { portalTexts } from '../messages';

const texts: Messages<'title' | 'intro' | 'how'> = {
  nl: {
    title: 'Beslis mee over geld voor uw buurt',
    intro: 'Hier dient u een plan in, steunt u plannen van anderen en stemt u. De gemeente stuurt u een link naar de ronde in uw buurt.',
    how: 'Elke beslissing wordt vastgelegd. Iedereen kan later controleren hoe de uitslag tot stand kwam.',
  },
  en: {
    title: 'Have a say in money for your neighbourhood',
    intro: "Here you submit a plan, support other residents' plans and vote. The municipality sends you a link to the round in your area.",
    how: 'Every decision is recorded. Anyone can later check how the result came about.',
  },
};

export function HomePage() {
  const t = useT(texts);
  const app = useT(portalTexts);
  usePageTitle(t('title'), app('app'));
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('intro')}</p>
      <p className="utrecht-paragraph">{t('how')}</p>
    </>
  );
}
