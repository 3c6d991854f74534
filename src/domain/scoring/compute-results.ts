/**
 * The scoring engine: (questionnaire, answers, profile) → scores, maturity, gaps and the explanation of every
 * point lost. Pure: no I/O, no rounding (rounding is for display).
 *
 * Rules (also in the README):
 * - a question weighs 3, 2 or 1 by criticality; an option scores 1 (in place), 0.5 (partly) or 0 (gap);
 * - "je ne sais pas" scores 0 like a gap but is reported apart, as something to check;
 * - questions not asked (not applicable, or hidden by a condition) and questions not yet answered are left out;
 * - a theme score is points earned / points possible × 100 over its answered questions; the overall score is
 *   the same ratio over all answered questions, so a theme weighs what its questions weigh;
 * - certainty is the share of the answered questions answered with something other than "je ne sais pas".
 */
import type { Answer, Answers, CommuneProfile } from '../audit/types';
import { activeQuestionIds } from '../questionnaire/conditions';
import type { Criticality, Question, Questionnaire } from '../questionnaire/schema';
import {
  CRITICALITY_WEIGHT,
  MATURITY_CAP_WITH_CRITICAL_GAP,
  MATURITY_THRESHOLDS,
  type MaturityLevel,
} from './weights';

export type AnswerStatus = 'in-place' | 'partial' | 'gap' | 'dont-know' | 'unanswered';

export interface QuestionOutcome {
  questionId: string;
  themeId: string;
  criticality: Criticality;
  weight: number;
  answer: Answer | undefined;
  status: AnswerStatus;
  /** Option score from 0 to 1; undefined while unanswered. */
  score: number | undefined;
  pointsEarned: number;
  /** weight × (1 − score): what this answer cost the theme. 0 while unanswered. */
  pointsLost: number;
}

export interface ThemeResult {
  themeId: string;
  /** 0–100, or null when no question of the theme is answered yet. */
  score: number | null;
  pointsEarned: number;
  pointsPossible: number;
  asked: number;
  answered: number;
  dontKnow: number;
  outcomes: QuestionOutcome[];
}

export interface AuditResult {
  themes: ThemeResult[];
  overall: { score: number | null; maturity: MaturityLevel | null; cappedByCriticalGap: boolean };
  asked: number;
  answered: number;
  dontKnow: number;
  /** Share (0–1) of the answered questions answered with certainty; null when nothing is answered. */
  certainty: number | null;
  /** Critical questions answered with a gap (score 0), most costly first. */
  criticalGaps: QuestionOutcome[];
  /** Every answer that lost points (gaps, partial answers, "je ne sais pas"), most costly first. */
  gaps: QuestionOutcome[];
  /** Questions answered "je ne sais pas": to check with whoever knows. */
  toVerify: QuestionOutcome[];
}

function outcomeFor(question: Question, themeId: string, answer: Answer | undefined): QuestionOutcome {
  const weight = CRITICALITY_WEIGHT[question.criticality];
  const base = { questionId: question.id, themeId, criticality: question.criticality, weight, answer };
  if (answer === undefined) return { ...base, status: 'unanswered', score: undefined, pointsEarned: 0, pointsLost: 0 };
  if (answer.kind === 'dontKnow') return { ...base, status: 'dont-know', score: 0, pointsEarned: 0, pointsLost: weight };
  const option = question.options.find((o) => o.id === answer.optionId);
  // An answer naming an option this version does not have counts as unanswered rather than guessing a score.
  if (!option) return { ...base, answer: undefined, status: 'unanswered', score: undefined, pointsEarned: 0, pointsLost: 0 };
  const status: AnswerStatus = option.score >= 1 ? 'in-place' : option.score > 0 ? 'partial' : 'gap';
  return {
    ...base,
    status,
    score: option.score,
    pointsEarned: weight * option.score,
    pointsLost: weight * (1 - option.score),
  };
}

export function maturityFor(score: number, hasCriticalGap: boolean): { level: MaturityLevel; capped: boolean } {
  const levels = MATURITY_THRESHOLDS.map(([level]) => level);
  const byScore = MATURITY_THRESHOLDS.find(([, min]) => score >= min)?.[0] ?? 'exposed';
  if (!hasCriticalGap) return { level: byScore, capped: false };
  const capIndex = levels.indexOf(MATURITY_CAP_WITH_CRITICAL_GAP);
  return levels.indexOf(byScore) < capIndex
    ? { level: MATURITY_CAP_WITH_CRITICAL_GAP, capped: true }
    : { level: byScore, capped: false };
}

const byCost = (a: QuestionOutcome, b: QuestionOutcome) => b.pointsLost - a.pointsLost || b.weight - a.weight;

export function computeResults(questionnaire: Questionnaire, answers: Answers, profile: CommuneProfile): AuditResult {
  const active = activeQuestionIds(questionnaire, profile, answers);
  const themes: ThemeResult[] = questionnaire.themes.map((theme) => {
    const outcomes = theme.questions
      .filter((q) => active.has(q.id))
      .map((q) => outcomeFor(q, theme.id, answers[q.id]));
    const answeredOutcomes = outcomes.filter((o) => o.status !== 'unanswered');
    const pointsEarned = answeredOutcomes.reduce((sum, o) => sum + o.pointsEarned, 0);
    const pointsPossible = answeredOutcomes.reduce((sum, o) => sum + o.weight, 0);
    return {
      themeId: theme.id,
      score: pointsPossible > 0 ? (pointsEarned / pointsPossible) * 100 : null,
      pointsEarned,
      pointsPossible,
      asked: outcomes.length,
      answered: answeredOutcomes.length,
      dontKnow: outcomes.filter((o) => o.status === 'dont-know').length,
      outcomes,
    };
  });

  const all = themes.flatMap((t) => t.outcomes);
  const answered = all.filter((o) => o.status !== 'unanswered');
  const earned = themes.reduce((sum, t) => sum + t.pointsEarned, 0);
  const possible = themes.reduce((sum, t) => sum + t.pointsPossible, 0);
  const criticalGaps = answered.filter((o) => o.criticality === 'critical' && o.status === 'gap').sort(byCost);
  const toVerify = answered.filter((o) => o.status === 'dont-know').sort(byCost);
  const score = possible > 0 ? (earned / possible) * 100 : null;
  // A critical question left at "je ne sais pas" is as open as a known gap for the maturity cap.
  const criticalOpen = criticalGaps.length > 0 || toVerify.some((o) => o.criticality === 'critical');
  const maturity = score === null ? null : maturityFor(score, criticalOpen);
  const dontKnow = toVerify.length;

  return {
    themes,
    overall: { score, maturity: maturity?.level ?? null, cappedByCriticalGap: maturity?.capped ?? false },
    asked: all.length,
    answered: answered.length,
    dontKnow,
    certainty: answered.length > 0 ? (answered.length - dontKnow) / answered.length : null,
    criticalGaps,
    gaps: answered.filter((o) => o.pointsLost > 0).sort(byCost),
    toVerify,
  };
}
