/**
 * Switches between French and English and remembers the choice on the device. The buttons submit a plain form
 * (`?lang=en`), so that on the prerendered first page a click works before the app has hydrated it: the page
 * reloads and the app starts in that language (src/app/bootstrap.tsx); on a first visit, the entry script catches
 * the form and starts the app in that language without a reload (src/app/first-visit.ts). Once hydrated, the click
 * changes the language in place.
 */
import { useTranslation } from 'react-i18next';
import { setSetting, SETTING_KEYS } from '../db/settings-repository';
import { changeLanguage, LANGUAGES, type Language } from '../i18n/i18n';
import { LANGUAGE_PARAM } from '../i18n/language-param';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const choose = async (language: Language) => {
    await changeLanguage(i18n, language);
    await setSetting(SETTING_KEYS.language, language).catch(() => undefined);
  };
  return (
    <form method="get">
      <div className="language-switch" role="group" aria-label={t('layout.language')}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="submit"
            name={LANGUAGE_PARAM}
            value={language}
            lang={language}
            aria-pressed={i18n.language === language}
            onClick={(event) => {
              event.preventDefault();
              void choose(language);
            }}
          >
            {t(`layout.languageName.${language}`)}
          </button>
        ))}
      </div>
    </form>
  );
}
