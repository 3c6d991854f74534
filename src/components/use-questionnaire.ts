/** The questionnaire for components: suspends until it is loaded (wrap users in <Suspense>). */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { loadQuestionnaire } from '../content/load-questionnaire';
import { localize } from '../domain/questionnaire/localize';
import type { Localized, Questionnaire } from '../domain/questionnaire/schema';

export function useQuestionnaire(): Questionnaire {
  return use(loadQuestionnaire());
}

export function useLocalize(): (text: Localized) => string {
  const { i18n } = useTranslation();
  return (text) => localize(text, i18n.language);
}
