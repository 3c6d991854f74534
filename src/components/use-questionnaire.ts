/**
 * The questionnaire for components: suspends until it is loaded (wrap users in <Suspense>). Inside an audit's
 * pages it is the version that audit was answered with (see audit-questionnaire-scope.tsx); elsewhere the
 * current one.
 */
import { createContext, use, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { loadQuestionnaire } from '../content/load-questionnaire';
import { localize } from '../domain/questionnaire/localize';
import type { Localized, Questionnaire } from '../domain/questionnaire/schema';

/** The questionnaire version an audit's pages work with, set by withAuditQuestionnaire. */
export const PinnedQuestionnaire = createContext<Questionnaire | null>(null);

export function useQuestionnaire(): Questionnaire {
  const pinned = useContext(PinnedQuestionnaire);
  return pinned ?? use(loadQuestionnaire());
}

/** The current questionnaire, whatever the audit being shown (to tell a version 1 audit it is one). */
export function useCurrentQuestionnaire(): Questionnaire {
  return use(loadQuestionnaire());
}

export function useLocalize(): (text: Localized) => string {
  const { i18n } = useTranslation();
  return (text) => localize(text, i18n.language);
}
