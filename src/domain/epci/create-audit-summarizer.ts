/**
 * What the EPCI view keeps of one audit: its theme scores, the catalogue actions its plan calls for and where its
 * answers place the commune against each barometer indicator. Small enough to read for 35,000 audits at once,
 * and cached (see src/db/epci-repository.ts) so that the answers themselves are read only when an audit changes.
 */
import type { ActionCatalogue } from '../actions/parse-catalogue';
import { derivePlan } from '../actions/derive-plan';
import type { Answers, CommuneProfile } from '../audit/types';
import type { IndicatorLink, Questionnaire } from '../questionnaire/schema';
import { computeResults } from '../scoring/compute-results';

export type IndicatorPosition = 'in-group' | 'out-of-group';

export interface AuditSummary {
  /** Theme id → score 0–100, or null when no question of the theme is answered. Unrounded. */
  themeScores: Record<string, number | null>;
  overall: number | null;
  asked: number;
  answered: number;
  dontKnow: number;
  /** Catalogue actions the audit's plan calls for (its "vérifier" items are left out: the need is not known). */
  actionIds: string[];
  /** Linked indicator id → where the answer places the commune (only answers that say something). */
  indicators: Record<string, IndicatorPosition>;
}

export type AuditSummarizer = (answers: Answers, profile: CommuneProfile) => AuditSummary;

/**
 * Prepares what every audit's summary needs of the questionnaire once, then summarises audits one by one (the
 * EPCI import runs it 35,000 times in a row).
 */
export function createAuditSummarizer(questionnaire: Questionnaire, catalogue: ActionCatalogue): AuditSummarizer {
  const links = new Map<string, IndicatorLink[]>();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) if (question.indicators.length > 0) links.set(question.id, question.indicators);
  }
  return (answers, profile) => {
    const result = computeResults(questionnaire, answers, profile);
    const plan = derivePlan(questionnaire, result, catalogue);
    const themeScores: Record<string, number | null> = {};
    const indicators: Record<string, IndicatorPosition> = {};
    for (const theme of result.themes) {
      themeScores[theme.themeId] = theme.score;
      for (const outcome of theme.outcomes) {
        const answer = outcome.answer;
        const questionLinks = links.get(outcome.questionId);
        if (answer?.kind !== 'option' || !questionLinks) continue;
        // Any other answer ("je ne sais pas", an option in neither list) says nothing about the figure.
        for (const link of questionLinks) {
          if (link.indicator in indicators) continue;
          if (link.inGroup.includes(answer.optionId)) indicators[link.indicator] = 'in-group';
          else if (link.outOfGroup.includes(answer.optionId)) indicators[link.indicator] = 'out-of-group';
        }
      }
    }
    return {
      themeScores,
      overall: result.overall.score,
      asked: result.asked,
      answered: result.answered,
      dontKnow: result.dontKnow,
      actionIds: plan.entries.filter((e) => e.kind === 'action').map((e) => e.id),
      indicators,
    };
  };
}
