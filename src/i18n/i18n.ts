/**
 * i18next set-up. Each feature owns a namespace: src/i18n/locales/<lang>/<namespace>.json. The French of the frame
 * and of the home page ships with the first page; every other namespace is a chunk of its own (from the precache
 * when offline), loaded all together in the background once the first page is shown, or at once by the first page
 * that needs one before then. English is fetched the first time it is chosen.
 */
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_PARAM } from './language-param';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export const isLanguage = (value: unknown): value is Language => value === 'fr' || value === 'en';


/** The language asked for in the address (`?lang=en`), if it is one of ours. */
export function languageInSearch(search: string): Language | undefined {
  const value = new URLSearchParams(search).get(LANGUAGE_PARAM);
  return isLanguage(value) ? value : undefined;
}

type Bundle = Record<string, unknown>;

// Keep these two lists in step: what the layout and the home page (backup reminder included) use, and the rest.
const frenchFirstPage = import.meta.glob<Bundle>(['./locales/fr/common.json', './locales/fr/home.json', './locales/fr/exchange.json'], {
  eager: true,
  import: 'default',
});
const lazyBundles: Record<Language, Record<string, () => Promise<Bundle>>> = {
  fr: import.meta.glob<Bundle>(['./locales/fr/*.json', '!./locales/fr/common.json', '!./locales/fr/home.json', '!./locales/fr/exchange.json'], {
    import: 'default',
  }),
  en: import.meta.glob<Bundle>('./locales/en/*.json', { import: 'default' }),
};

const namespaceOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);

async function loadLanguage(instance: I18n, language: Language): Promise<void> {
  const loaders = lazyBundles[language];
  await Promise.all(
    Object.entries(loaders).map(async ([path, load]) => {
      const namespace = namespaceOf(path);
      if (instance.hasResourceBundle(language, namespace)) return;
      const bundle = await load();
      if (!instance.hasResourceBundle(language, namespace)) instance.addResourceBundle(language, namespace, bundle);
    }),
  );
}

/** Every namespace of the current language: called once the first page is shown. */
export function loadEveryNamespace(instance: I18n): Promise<void> {
  return isLanguage(instance.language) ? loadLanguage(instance, instance.language) : Promise.resolve();
}

/**
 * A ready i18next instance, with every namespace of French and of `language`. With `everything: false` (the
 * app's start) French has only the first page's namespaces; a page that needs another one waits (React
 * Suspense) while every namespace is loaded.
 */
export async function createI18n(language: Language = DEFAULT_LANGUAGE, { everything = true } = {}): Promise<I18n> {
  const instance = i18next.createInstance();
  // All the namespaces at once: a page may also use another feature's keys ('plan:…'), which must be there too.
  const onDemand: BackendModule = {
    type: 'backend',
    init: () => undefined,
    read: (lng, namespace, done) => {
      if (!isLanguage(lng)) {
        done(null, {});
        return;
      }
      loadLanguage(instance, lng).then(
        () => done(null, instance.getResourceBundle(lng, namespace) ?? {}),
        (error: unknown) => done(error instanceof Error ? error : String(error), null),
      );
    },
  };
  const firstPage = Object.fromEntries(Object.entries(frenchFirstPage).map(([path, bundle]) => [namespaceOf(path), bundle]));
  await instance.use(onDemand).use(initReactI18next).init({
    resources: { fr: firstPage },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: false,
    ns: Object.keys(firstPage),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    partialBundledLanguages: true,
  });
  // French complete as well when another language is chosen: some callers (the PDF, tests) use both at once.
  if (everything) await loadLanguage(instance, DEFAULT_LANGUAGE);
  if (language !== DEFAULT_LANGUAGE) await changeLanguage(instance, language);
  return instance;
}

export async function changeLanguage(instance: I18n, language: Language): Promise<void> {
  await loadLanguage(instance, language);
  await instance.changeLanguage(language);
  document.documentElement.lang = language;
}
