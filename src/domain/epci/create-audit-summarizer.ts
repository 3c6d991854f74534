/**
 * What the EPCI view keeps of one audit: its theme scores, the catalogue actions its plan calls for and where its
 * answers place the commune against each barometer indicator. Small enough to read for 35,000 audits at once,
 * and cached (see src/db/epci-repository.ts) so that the answers themselves are read only when an audit changes.
 */
import type { ActionCatalogue } from '../actions/parse-catalogue';
import { derivePlan } from '../actions/derive-plan';
import type { Answers, CommuneProfile } from '../audit/types';
import { optionScore, type IndicatorLink, type ProfileCondition, type Questionnaire } from '../questionnaire/schema';
import { matchesProfile } from '../questionnaire/conditions';
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
 * pages compute them. Too slow for 35,000 audits in a row (computeResults builds an outcome object per question;
 * docs/measurements.md), so createAuditSummarizer computes the same figures in one pass; a test checks that both
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
  /** Its "not applicable" conditions (none: an empty list). */
  notApplicableIf: readonly ProfileCondition[];
  /** Where its showIf parent is in the flat list (always earlier), or -1. */
  parent: number;
  /** The parent's options that show it. */
  showIfAnyOf: readonly string[];
  /** The parent's options that say the thing is missing: the question is then an implied gap (none: empty). */
  absentIf: readonly string[];
  weight: number;
  /** Option id → score (0–1), or null for a "sans objet" option. */
  scores: ReadonlyMap<string, number | null>;
  /** The catalogue actions the question calls for when it lost points. */
  actions: readonly string[];
  links: readonly IndicatorLink[];
}

/**
 * Prepares what every summary needs of the questionnaire once, then summarises audits in one pass each (the
 * EPCI import runs it 35,000 times in a row): the same rules as the engine (see compute-results.ts,
 * derive-plan.ts and activeQuestionIds in conditions.ts), the same sums in the same order, so the same numbers
 * to the last bit. Which questions are asked is worked out in the same pass, in a reused array: no set of ids
 * is built per audit.
 */
export function createAuditSummarizer(questionnaire: Questionnaire, catalogue: ActionCatalogue): AuditSummarizer {
  const flat: PreparedQuestion[] = [];
  const indexOf = new Map<string, number>();
  const themes = questionnaire.themes.map((theme) => ({
    id: theme.id,
    questions: theme.questions.map((question): PreparedQuestion => {
      const prepared: PreparedQuestion = {
        id: question.id,
        notApplicableIf: question.notApplicableIf ?? [],
        parent: question.showIf ? (indexOf.get(question.showIf.question) ?? -1) : -1,
        showIfAnyOf: question.showIf?.anyOf ?? [],
        absentIf: question.showIf?.absentIf ?? [],
        weight: CRITICALITY_WEIGHT[question.criticality],
        scores: new Map(question.options.map((o) => [o.id, optionScore(o)])),
        actions: question.actions.filter((id) => catalogue.has(id)),
        links: question.indicators,
      };
      // A showIf naming a question not (yet) in the list hides the question, as in activeQuestionIds.
      if (question.showIf && prepared.parent === -1) prepared.parent = -2;
      indexOf.set(question.id, flat.length);
      flat.push(prepared);
      return prepared;
    }),
  }));
  /** Per question of the flat list: asked (1), implied gap (2) or neither (0) in the audit being summarised. */
  const asked = new Uint8Array(flat.length);

  return (answers, profile) => {
    const themeScores: Record<string, number | null> = {};
    const indicators: Record<string, IndicatorPosition> = {};
    const actions = new Set<string>();
    let earned = 0;
    let possible = 0;
    let askedCount = 0;
    let answered = 0;
    let dontKnow = 0;
    let index = 0;
    for (const theme of themes) {
      let themeEarned = 0;
      let themePossible = 0;
      for (const question of theme.questions) {
        const at = index++;
        asked[at] = 0;
        if (question.notApplicableIf.length > 0 && question.notApplicableIf.some((condition) => matchesProfile(condition, profile))) continue;
        const answer = answers[question.id];
        if (question.parent !== -1) {
          const parent = question.parent >= 0 ? flat[question.parent] : undefined;
          const parentAnswer = parent ? answers[parent.id] : undefined;
          const parentState = asked[question.parent];
          const shown = parentState === 1 && parentAnswer?.kind === 'option' && question.showIfAnyOf.includes(parentAnswer.optionId);
          if (!parent || !shown) {
            // Hidden: an implied gap when the parent says the thing is missing (or is an implied gap itself).
            const impliedGap =
              question.absentIf.length > 0 &&
              parent !== undefined &&
              (parentState === 2 || (parentState === 1 && parentAnswer?.kind === 'option' && question.absentIf.includes(parentAnswer.optionId)));
            if (impliedGap) {
              asked[at] = 2;
              themePossible += question.weight;
              for (const id of question.actions) actions.add(id);
            }
            continue;
          }
        }
        asked[at] = 1;
        askedCount += 1;
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
        // "Sans objet": answered, but out of the points.
        if (score !== null) {
          themePossible += question.weight;
          themeEarned += question.weight * score;
          if (score < 1) for (const id of question.actions) actions.add(id);
        }
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
      asked: askedCount,
      answered,
      dontKnow,
      actionIds: [...actions],
      indicators,
    };
  };
}
