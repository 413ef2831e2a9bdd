import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export type Lang = 'nl' | 'en';
/** A front end's texts: every key in Dutch (B1) and in English. */
export type Messages<K extends string> = Record<Lang, Record<K, string>>;

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState>({ lang: 'nl', setLang: () => undefined });
const STORAGE_KEY = 'ib.lang';

function initialLang(): Lang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'nl' || asked === 'en') return asked;
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/**
 * The translate function for a set of messages: `t('key')`, with `{name}` placeholders filled from `values`.
 */
export function useT<K extends string>(messages: Messages<K>): (key: K, values?: Record<string, string | number>) => string {
  const { lang } = useLang();
  return useCallback(
    (key: K, values?: Record<string, string | number>) => {
      const text = messages[lang][key] ?? messages.nl[key] ?? key;
      return values ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : text;
    },
    [lang, messages],
  );
}
