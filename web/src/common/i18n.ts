/** Chinese first, English second: the pages' words in both, and the switch between them (kept in localStorage). */
export type Lang = 'zh' | 'en';

const KEY = 'kepu.lang';

export function currentLang(): Lang {
  const chosen = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(KEY);
  return chosen === 'en' ? 'en' : 'zh';
}

export function locale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}

/** Sets the document's language and every [data-t] element's text, and wires the language switch button. */
export function applyLanguage<T extends Record<string, { zh: string; en: string }>>(words: T, onChange: () => void) {
  const lang = currentLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const element of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const entry = words[element.dataset.t as keyof T];
    if (entry) element.textContent = entry[lang];
  }
  const toggle = document.getElementById('lang-switch');
  if (toggle) {
    toggle.textContent = lang === 'zh' ? 'English' : '中文';
    toggle.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
    toggle.onclick = () => {
      localStorage.setItem(KEY, lang === 'zh' ? 'en' : 'zh');
      applyLanguage(words, onChange);
      onChange();
    };
  }
}

/** A vocabulary entry's name in the chosen language. */
export function named(entry: { nameZh?: string; nameEn?: string; code?: string } | undefined, lang: Lang): string {
  if (!entry) return '';
  return (lang === 'en' ? entry.nameEn || entry.nameZh : entry.nameZh || entry.nameEn) ?? entry.code ?? '';
}

/** A page's word lookup: the word in the chosen language, with {n} filled in. */
export function translator<T extends Record<string, { zh: string; en: string }>>(words: T) {
  return (word: keyof T, n?: number | string): string => {
    const text = words[word][currentLang()];
    return n === undefined ? text : text.replace('{n}', String(n));
  };
}
