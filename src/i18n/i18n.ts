/**
 * i18next set-up. French is bundled with the first page; English is fetched (from the precache when offline)
 * the first time it is chosen. Each feature owns a namespace: src/i18n/locales/<lang>/<namespace>.json.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export const isLanguage = (value: unknown): value is Language => value === 'fr' || value === 'en';

type Bundle = Record<string, unknown>;

const french = import.meta.glob<Bundle>('./locales/fr/*.json', { eager: true, import: 'default' });
const lazyBundles: Record<Language, Record<string, () => Promise<Bundle>>> = {
  fr: {},
  en: import.meta.glob<Bundle>('./locales/en/*.json', { import: 'default' }),
};

const namespaceOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);

export const NAMESPACES = Object.keys(french).map(namespaceOf);

async function loadLanguage(instance: I18n, language: Language): Promise<void> {
  const loaders = lazyBundles[language];
  await Promise.all(
    Object.entries(loaders).map(async ([path, load]) => {
      const namespace = namespaceOf(path);
      if (!instance.hasResourceBundle(language, namespace)) instance.addResourceBundle(language, namespace, await load());
    }),
  );
}

export async function createI18n(language: Language = DEFAULT_LANGUAGE): Promise<I18n> {
  const instance = i18next.createInstance();
  const resources = { fr: Object.fromEntries(Object.entries(french).map(([path, bundle]) => [namespaceOf(path), bundle])) };
  await instance.use(initReactI18next).init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    partialBundledLanguages: true,
  });
  if (language !== DEFAULT_LANGUAGE) await changeLanguage(instance, language);
  return instance;
}

export async function changeLanguage(instance: I18n, language: Language): Promise<void> {
  await loadLanguage(instance, language);
  await instance.changeLanguage(language);
  document.documentElement.lang = language;
}
