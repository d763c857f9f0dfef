import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from '../locales/zh-CN';
import { enUS } from '../locales/en-US';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const LANG_STORAGE_KEY = 'santong.lang';

export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANG_STORAGE_KEY);
    if (saved && (languages as readonly string[]).includes(saved)) return saved as Language;
  } catch {
    /* storage unavailable: use the default */
  }
  return 'zh-CN';
}

function applyDocumentLanguage(lang: Language) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
}

const lang = initialLanguage();
applyDocumentLanguage(lang);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: lang,
  fallbackLng: 'zh-CN',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(next: Language) {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, next);
  } catch {
    /* ignore */
  }
  applyDocumentLanguage(next);
  void i18n.changeLanguage(next);
}

export default i18n;
