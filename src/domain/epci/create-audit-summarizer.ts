/**
 * What the EPCI view keeps of one audit: its theme scores, the catalogue actions its plan calls for and where its
 * answers place the commune against each barometer indicator. Small enough to read for 35,000 audits at once,
 * and cached (see src/db/epci-repository.ts) so that the answers themselves are read only when an audit changes.
 */
import type { ActionCatalogue } from '../actions/parse-catalogue';
import { derivePlan } from '../actions/derive-plan';
import type { Answers, CommuneProfile } from '../audit/types';
import type { IndicatorLink, Questionnaire } from '../questionnaire/schema';
import { activeQuestionIds } from '../questionnaire/conditions';
import { computeResults } from '../scoring/compute-results';
import { CRITICALITY_WEIGHT } from '../scoring/weights';

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
 * The reference: the summary read off the scoring engine and the plan derivation, exactly as the results and plan
 * pages compute them. Too slow for 35,000 audits in a row (about 300 µs each: computeResults builds an outcome
 * object per question), so createAuditSummarizer computes the same figures in one pass; a test checks that both
 * agree on every audit it generates.
 */
export function summarizeWithEngine(
  questionnaire: Questionnaire,
  catalogue: ActionCatalogue,
  answers: Answers,
  profile: CommuneProfile,
): AuditSummary {
  const result = computeResults(questionnaire, answers, profile);
  const plan = derivePlan(questionnaire, result, catalogue);
  const questions = new Map(questionnaire.themes.flatMap((t) => t.questions.map((q) => [q.id, q] as const)));
  const themeScores: Record<string, number | null> = {};
  const indicators: Record<string, IndicatorPosition> = {};
  for (const theme of result.themes) {
    themeScores[theme.themeId] = theme.score;
    for (const outcome of theme.outcomes) {
      const answer = outcome.answer;
      if (answer?.kind !== 'option') continue;
      for (const link of questions.get(outcome.questionId)?.indicators ?? []) {
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
}

interface PreparedQuestion {
  id: string;
  weight: number;
  /** Option id → score (0–1). */
  scores: ReadonlyMap<string, number>;
  /** The catalogue actions the question calls for when it lost points. */
  actions: readonly string[];
  links: readonly IndicatorLink[];
}

/**
 * Prepares what every summary needs of the questionnaire once, then summarises audits in one pass each (the
 * EPCI import runs it 35,000 times in a row): the same rules as the engine (see compute-results.ts and
 * derive-plan.ts), the same sums in the same order, so the same numbers to the last bit.
 */
export function createAuditSummarizer(questionnaire: Questionnaire, catalogue: ActionCatalogue): AuditSummarizer {
  const themes = questionnaire.themes.map((theme) => ({
    id: theme.id,
    questions: theme.questions.map(
      (question): PreparedQuestion => ({
        id: question.id,
        weight: CRITICALITY_WEIGHT[question.criticality],
        scores: new Map(question.options.map((o) => [o.id, o.score])),
        actions: question.actions.filter((id) => catalogue.has(id)),
        links: question.indicators,
      }),
    ),
  }));
  return (answers, profile) => {
    const active = activeQuestionIds(questionnaire, profile, answers);
    const themeScores: Record<string, number | null> = {};
    const indicators: Record<string, IndicatorPosition> = {};
    const actions = new Set<string>();
    let earned = 0;
    let possible = 0;
    let asked = 0;
    let answered = 0;
    let dontKnow = 0;
    for (const theme of themes) {
      let themeEarned = 0;
      let themePossible = 0;
      for (const question of theme.questions) {
        if (!active.has(question.id)) continue;
        asked += 1;
        const answer = answers[question.id];
        if (answer === undefined) continue;
        if (answer.kind === 'dontKnow') {
          answered += 1;
          dontKnow += 1;
          themePossible += question.weight;
          continue;
        }
        const score = question.scores.get(answer.optionId);
        // An option this questionnaire does not have counts as unanswered, as in the engine.
        if (score === undefined) continue;
        answered += 1;
        themePossible += question.weight;
        themeEarned += question.weight * score;
        if (score < 1) for (const id of question.actions) actions.add(id);
        // Any other answer ("je ne sais pas", an option in neither list) says nothing about the figure.
        for (const link of question.links) {
          if (link.indicator in indicators) continue;
          if (link.inGroup.includes(answer.optionId)) indicators[link.indicator] = 'in-group';
          else if (link.outOfGroup.includes(answer.optionId)) indicators[link.indicator] = 'out-of-group';
        }
      }
      themeScores[theme.id] = themePossible > 0 ? (themeEarned / themePossible) * 100 : null;
      earned += themeEarned;
      possible += themePossible;
    }
    return {
      themeScores,
      overall: possible > 0 ? (earned / possible) * 100 : null,
      asked,
      answered,
      dontKnow,
      actionIds: [...actions],
      indicators,
    };
  };
}
