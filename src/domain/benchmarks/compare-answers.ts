/**
 * The commune's answers against the barometers: for every asked question linked to an indicator and answered
 * with an option the link places inside or outside the group the figure counts, where the commune stands.
 * Any other answer ("je ne sais pas", an option in neither list, e.g. "only one of the two plans" against a
 * "no PCA" figure) says nothing, so it yields no comparison: a figure is never stretched past its question.
 */
import type { Answers, CommuneProfile } from '../audit/types';
import { activeQuestionIds } from '../questionnaire/conditions';
import type { Questionnaire } from '../questionnaire/schema';
import { indicatorForPopulation } from './indicator-for-population';
import type { BenchmarkDataset, BenchmarkIndicator, Qualifier } from './schema';

export type ComparisonPosition = 'in-group' | 'out-of-group';

export interface Comparison {
  questionId: string;
  themeId: string;
  /** The option the commune chose. */
  optionId: string;
  /** The indicator the question links to. */
  linkedIndicatorId: string;
  /** The indicator used: the linked one or its breakdown for the commune's size stratum. */
  indicatorId: string;
  position: ComparisonPosition;
  /** Share (0–1) of the surveyed collectivités in the same situation as the commune. */
  share: number;
  /** How approximate that share is, turned round for the other side ("nearly 20 %" → "just over 80 %"). */
  qualifier: Qualifier | undefined;
  indicator: BenchmarkIndicator;
}

const COMPLEMENT: Record<Qualifier, Qualifier> = {
  about: 'about',
  nearly: 'just-over',
  'just-over': 'nearly',
  'more-than': 'less-than',
  'less-than': 'more-than',
};

export function compareAnswers(
  questionnaire: Questionnaire,
  answers: Answers,
  profile: CommuneProfile,
  dataset: BenchmarkDataset,
): Comparison[] {
  const active = activeQuestionIds(questionnaire, profile, answers);
  const comparisons: Comparison[] = [];
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      const answer = answers[question.id];
      if (!active.has(question.id) || answer?.kind !== 'option') continue;
      for (const link of question.indicators) {
        const position: ComparisonPosition | undefined = link.inGroup.includes(answer.optionId)
          ? 'in-group'
          : link.outOfGroup.includes(answer.optionId)
            ? 'out-of-group'
            : undefined;
        if (!position) continue;
        const indicator = indicatorForPopulation(dataset, link.indicator, profile.population);
        if (!indicator || indicator.kind !== 'share' || !indicator.comparison) continue;
        comparisons.push({
          questionId: question.id,
          themeId: theme.id,
          optionId: answer.optionId,
          linkedIndicatorId: link.indicator,
          indicatorId: indicator.id,
          position,
          share: position === 'in-group' ? indicator.value : 1 - indicator.value,
          qualifier:
            indicator.qualifier === undefined || position === 'in-group'
              ? indicator.qualifier
              : COMPLEMENT[indicator.qualifier],
          indicator,
        });
      }
    }
  }
  return comparisons;
}
