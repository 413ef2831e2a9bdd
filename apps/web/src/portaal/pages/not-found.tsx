import { Link } from 'react-router';
import { useT } from '../../common/i18n';
import { PageHeading, usePageTitle } from '../../common/layout';
import { portalTexts } from '../messages';

export function NotFoundPage() {
  const t = useT(portalTexts);
  usePageTitle(t('notFound.title'), t('app'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('notFound.body')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          {t('nav.home')}
        </Link>
      </p>
    </>
  );
}
