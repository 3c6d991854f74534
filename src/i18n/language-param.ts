/**
 * The address parameter the language switch's form sends (`/?lang=en`) when clicked before the app has started;
 * apart from i18next, so that the entry script can read it without loading it.
 */
export const LANGUAGE_PARAM = 'lang';
