import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorMessages } from '../../shared/contract/errorMessages';
import type { Locale } from '../../shared/contract/primitives';
import { en } from './en';
import { zhCN } from './zhCN';

// Error text lives once, in shared/contract/errorMessages.ts, so the core and the till say the same.
export const resources = {
  'zh-CN': { translation: { ...zhCN, errors: errorMessages['zh-CN'] } },
  en: { translation: { ...en, errors: errorMessages.en } },
} as const;

export const DEFAULT_LOCALE: Locale = 'zh-CN';

void i18next.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  // React escapes what it renders; escaping here too would show &amp; to the cashier.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyLocale(locale: Locale): void {
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export { i18next };
