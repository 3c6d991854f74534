/**
 * The commune's answers beside the barometers: for every asked question linked to an indicator and answered with
 * an option the link places inside or outside the group the figure counts, the figure as published and where
 * the commune stands. Nothing is computed from the figure: the other side of "66 % without a PCA" is not "34 %
 * with one" (the rest may hold "don't know" and no answer), so only the commune's own answer is said beside it.
 * Any other answer ("je ne sais pas", an option in neither list) says nothing and yields nothing.
 */
import type { Answers, CommuneProfile } from '../audit/types';
import { activeQuestionIds } from '../questionnaire/conditions';
import type { Questionnaire } from '../questionnaire/schema';
import { indicatorForPopulation } from './indicator-for-population';
import type { BenchmarkDataset, BenchmarkIndicator } from './schema';

export type ComparisonPosition = 'in-group' | 'out-of-group';

/**
 * comparison: a share of collectivités, set against the commune's answer;
 * beside: a share of people (agents, élus), shown as context beside the answer, never as if it counted communes.
 */
export type ComparisonPresentation = 'comparison' | 'beside';

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
  presentation: ComparisonPresentation;
  indicator: BenchmarkIndicator;
  /** Earlier waves of the same figure, for « À savoir » (latest first). */
  earlierWaves: BenchmarkIndicator[];
}

/** Earlier waves of a figure, latest first. */
export function earlierWavesOf(dataset: BenchmarkDataset, indicatorId: string): BenchmarkIndicator[] {
  return dataset.indicators
    .filter((i) => i.earlierWaveOf === indicatorId)
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
}

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
          presentation: indicator.counts === 'people' ? 'beside' : 'comparison',
          indicator,
          earlierWaves: earlierWavesOf(dataset, indicator.id),
        });
      }
    }
  }
  return comparisons;
}
