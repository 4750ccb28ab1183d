import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-cn';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

// A UI preference, not classified data, so localStorage is an acceptable home for it.
const STORAGE_KEY = 'baomi-ledger.language';

export const isLanguage = (v: unknown): v is Language =>
  typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

export function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** A fresh instance per app (and per test), so tests never share language state. */
export function createI18n(lng: Language = DEFAULT_LANGUAGE): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // Resources are bundled, so initialising synchronously avoids a blank first frame.
    initAsync: false,
    // React escapes output already.
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
  return instance;
}

export async function switchLanguage(instance: I18n, lng: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Storage can be unavailable; the choice then lasts only for this session.
  }
  document.documentElement.lang = lng;
  await instance.changeLanguage(lng);
}

export const currentLanguage = (instance: I18n): Language =>
  isLanguage(instance.language) ? instance.language : DEFAULT_LANGUAGE;

export const isChinese = (instance: I18n): boolean => currentLanguage(instance) === 'zh-CN';
