import { createI18n, useI18n } from 'vue-i18n';
import zhCN from './zh-CN.js';
import en from './en.js';

// zh-CN first; the choice is kept in the browser.
const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('arrears.locale') : null;

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function setLocale(locale) {
  i18n.global.locale.value = locale;
  localStorage.setItem('arrears.locale', locale);
  document.documentElement.lang = locale;
}

// A code's label (("hold", "dispute") -> 异议), or the code itself where no label is written.
export function useLabel() {
  const { t, te } = useI18n();
  return (prefix, key) => (te(`${prefix}.${key}`) ? t(`${prefix}.${key}`) : key);
}
