// Owns the renderer's language: the chosen language (Indonesian by default), remembered per desk, and t().
import { createContext, createElement, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CallError, Language } from '../../../shared/contract';
import { catalogue, translate, type MessageKey } from '../../../shared/i18n/catalogue';

const STORAGE_KEY = 'meja-klarifikasi.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The desk's default, applied only while this browser has no choice of its own. */
  applyDefaultLanguage(language: Language): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A core error in the officer's language. */
  errorText(error: CallError): string;
  /** The text of a key built at run time (an audit action, say), or null where the catalogue has none. */
  known(key: string): string | null;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language | null {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'id' || value === 'en' ? value : null;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => storedLanguage() ?? 'id');
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const applyDefaultLanguage = useCallback((fallback: Language) => {
    if (storedLanguage() === null) setLanguageState(fallback);
  }, []);
  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(language, key, vars);
    const has = (key: string): key is MessageKey => key in catalogue[language];
    return {
      language,
      setLanguage,
      applyDefaultLanguage,
      t,
      known: (key) => (has(key) ? t(key) : null),
      errorText(error) {
        if (error.message === 'network') return t('error.network');
        const reasonKey = `error.reason.${error.reason ?? ''}`;
        if (error.reason && has(reasonKey)) return t(reasonKey, error.params);
        const fieldKey = `field.${error.field ?? ''}`;
        const detail = error.field && has(fieldKey) ? t(fieldKey) : (error.field ?? error.message);
        const until = error.until ? new Date(error.until).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB') : '';
        return t(`error.${error.code}`, { detail, until });
      },
    };
  }, [language, setLanguage, applyDefaultLanguage]);
  // createElement rather than JSX: this module is the language, not a screen, so it stays a kebab-case .ts file.
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
