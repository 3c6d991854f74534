/** How long the audit (or one theme) takes, worked out from what there is to read, and which answers may need a call. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneProfile } from '../domain/audit/types';
import { estimateTime } from '../domain/questionnaire/estimate-time';
import type { Questionnaire } from '../domain/questionnaire/schema';

export function TimeEstimate({ questionnaire, profile, themeId }: { questionnaire: Questionnaire; profile: CommuneProfile; themeId?: string }) {
  const { t, i18n } = useTranslation();
  const { population, agents, computers, itProvider, hasServer } = profile;
  // The words of every question, help and option are counted; a theme page renders again at each answer, so they
  // are counted again only when the commune's profile, the language or the theme changes.
  const estimate = useMemo(
    () => estimateTime(questionnaire, { population, agents, computers, itProvider, hasServer }, i18n.language, themeId),
    [questionnaire, population, agents, computers, itProvider, hasServer, i18n.language, themeId],
  );
  const range = { min: estimate.minMinutes, max: estimate.maxMinutes, minQuestions: estimate.minQuestions, maxQuestions: estimate.maxQuestions };
  const same = estimate.minMinutes === estimate.maxMinutes;
  const key = themeId ? (same ? 'timeEstimate.themeSame' : 'timeEstimate.theme') : same ? 'timeEstimate.totalSame' : 'timeEstimate.total';
  return (
    <p className="time-estimate">
      {t(key, range)}
      {estimate.askProvider > 0 && <> {t(themeId ? 'timeEstimate.themeProvider' : 'timeEstimate.provider', { count: estimate.askProvider })}</>}
    </p>
  );
}
