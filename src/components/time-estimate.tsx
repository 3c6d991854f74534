/** How long the audit (or one theme) takes, worked out from what there is to read, and which answers may need a call. */
import { useTranslation } from 'react-i18next';
import type { CommuneProfile } from '../domain/audit/types';
import { estimateTime } from '../domain/questionnaire/estimate-time';
import type { Questionnaire } from '../domain/questionnaire/schema';

export function TimeEstimate({ questionnaire, profile, themeId }: { questionnaire: Questionnaire; profile: CommuneProfile; themeId?: string }) {
  const { t, i18n } = useTranslation();
  const estimate = estimateTime(questionnaire, profile, i18n.language, themeId);
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
