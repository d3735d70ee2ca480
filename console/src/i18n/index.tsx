/** The console's language: zh-CN by default (with Ant Design's zhCN locale), English on request; kept per browser. */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { en } from './en';
import { zhCN, type Dict } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
const KEY = 'hotline.console.lang';
const DICTS: Record<Lang, Dict> = { 'zh-CN': zhCN, en };

interface I18n {
  lang: Lang;
  t: Dict;
  setLang(lang: Lang): void;
  /** A label for a value of an enumerated field in an action form (the form's field name, then the value). */
  enumLabel(field: string, value: string): string;
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'));
  const value = useMemo<I18n>(() => {
    const t = DICTS[lang];
    const byValue: Record<string, string> = { ...t.outcome, ...t.returnReason, ...t.satisfaction, ...t.triage };
    return {
      lang,
      t,
      setLang(next) {
        localStorage.setItem(KEY, next);
        document.documentElement.lang = next;
        setLangState(next);
      },
      enumLabel: (field, v) => t.enums[field]?.[v] ?? byValue[v] ?? v,
    };
  }, [lang]);
  return (
    <Context.Provider value={value}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCNLocale} theme={{ token: { colorPrimary: '#1d5fb8', borderRadius: 4 } }}>
        {children}
      </ConfigProvider>
    </Context.Provider>
  );
}

export function useI18n(): I18n {
  const v = useContext(Context);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
