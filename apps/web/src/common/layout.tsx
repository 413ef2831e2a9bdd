import { type ReactNode, useEffect } from 'react';
import { NavLink, useLocation } from 'react-router';
import { type Lang, type Messages, useLang, useT } from './i18n';
import { frontEndConfig } from './config';

const texts: Messages<'skip' | 'language' | 'menu' | 'footer'> = {
  nl: { skip: 'Naar de inhoud', language: 'Taal', menu: 'Menu', footer: 'Elke beslissing wordt vastgelegd en is te controleren.' },
  en: { skip: 'Skip to content', language: 'Language', menu: 'Menu', footer: 'Every decision is recorded and can be checked.' },
};

export interface NavItem {
  to: string;
  label: string;
}

/**
 * The page frame both front ends share: a skip link, the header with the municipality, the menu and
 * the language switch, the main region (the skip link's target) and the footer.
 */
export function Shell({ appName, nav, children, aside }: { appName: string; nav: NavItem[]; children: ReactNode; aside?: ReactNode }) {
  const { lang, setLang } = useLang();
  const t = useT(texts);
  const config = frontEndConfig();
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  return (
    <div className="utrecht-page-layout ib-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('skip')}
      </a>
      <header className="utrecht-page-header ib-header">
        <div className="ib-header__inner">
          <p className="ib-header__name">
            <span className="ib-header__municipality">{config.municipality}</span> <span className="ib-header__app">{appName}</span>
          </p>
          <nav aria-label={t('menu')} className="ib-nav">
            <ul className="ib-nav__list">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink className="utrecht-link ib-nav__link" to={item.to} end>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <button type="button" className="utrecht-button utrecht-button--subtle ib-lang" lang={other} onClick={() => setLang(other)}>
            {other === 'en' ? 'English' : 'Nederlands'}
          </button>
        </div>
      </header>
      <div className="utrecht-page-body ib-body">
        <main id="main" tabIndex={-1} className="utrecht-page-content ib-main">
          {children}
        </main>
        {aside}
      </div>
      <footer className="utrecht-page-footer ib-footer">
        <p className="utrecht-paragraph">{t('footer')}</p>
      </footer>
    </div>
  );
}

/**
 * A page's title: sets the document's title and, after a navigation inside the app to another path
 * (not at the first load, and not when a page re-mounts on the same path), moves focus to the page's
 * h1 so a screen reader announces the new page.
 */
export function usePageTitle(title: string, appName: string) {
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} – ${appName}`;
  }, [title, appName]);
  useEffect(() => {
    const previous = shownPath.current;
    shownPath.current = location.pathname;
    if (previous === null || previous === location.pathname) return;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);
}
/** The path whose page was last shown (null before the first): one per document, shared by every page. */
const shownPath: { current: string | null } = { current: null };

/** The page's h1, focusable by script (usePageTitle moves focus here after a navigation). */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="utrecht-heading-1" tabIndex={-1}>
      {children}
    </h1>
  );
}
