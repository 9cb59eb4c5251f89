import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

import { setFormatLocale } from '../ui/format';
import { LOCALES, type Locale, type MessageKey } from './messages';

const KEY = 'loanmesh.locale';

interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey) => string;
}

const I18nContext = createContext<I18n>({ locale: 'en', setLocale: () => undefined, t: (k) => LOCALES.en.messages[k] });

function initial(): Locale {
  const stored = localStorage.getItem(KEY);
  if (stored === 'en' || stored === 'zh-CN') {
    return stored;
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The chosen language: words from the dictionary, dates and numbers through Intl in that locale. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initial);
  setFormatLocale(locale);
  useEffect(() => {
    localStorage.setItem(KEY, locale);
    document.documentElement.lang = locale;
  }, [locale]);
  const t = (key: MessageKey): string => LOCALES[locale].messages[key];
  return <I18nContext.Provider value={{ locale, setLocale, t }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
