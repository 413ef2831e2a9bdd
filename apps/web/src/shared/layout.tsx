import { type ReactNode, useEffect, useRef } from 'react';
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
 * A page's title: sets the document's title and, after a navigation inside the app (not at the first
 * load), moves focus to the page's h1 so a screen reader announces the new page.
 */
export function usePageTitle(title: string, appName: string) {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} – ${appName}`;
  }, [title, appName]);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      if (!firstLoad.done) {
        firstLoad.done = true;
        return;
      }
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);
}
const firstLoad = { done: false };

/** The page's h1, focusable by script (usePageTitle moves focus here after a navigation). */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="utrecht-heading-1" tabIndex={-1}>
      {children}
    </h1>
  );
}
