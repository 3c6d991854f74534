/** Switches between French and English and remembers the choice on the device. */
import { useTranslation } from 'react-i18next';
import { setSetting, SETTING_KEYS } from '../db/settings-repository';
import { changeLanguage, LANGUAGES, type Language } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const choose = async (language: Language) => {
    await changeLanguage(i18n, language);
    await setSetting(SETTING_KEYS.language, language).catch(() => undefined);
  };
  return (
    <div className="language-switch" role="group" aria-label={t('layout.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void choose(language)}
        >
          {t(`layout.languageName.${language}`)}
        </button>
      ))}
    </div>
  );
}
