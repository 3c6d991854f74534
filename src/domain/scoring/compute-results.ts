/**
 * The scoring engine: (questionnaire, answers, profile) → scores, maturity, gaps and the explanation of every
 * point lost. Pure: no I/O, no rounding (rounding is for display).
 *
 * Rules (also in the README, "Scoring"):
 * - a question weighs 3, 2 or 1 by criticality; an option scores 1 (in place), 0.5 (partly) or 0 (gap);
 * - a "sans objet" option (version 2) leaves the question out of the points: neither earned nor possible;
 * - "je ne sais pas" scores 0 like a gap but is reported apart, as something to check;
 * - a question hidden because its parent's answer says the thing is missing (`showIf.absentIf`: no backup, no
 *   plan) counts as a gap, an "implied gap": score 0, reported with the answer that implies it;
 * - questions not asked otherwise (not applicable, or hidden by a condition) and questions not yet answered are
 *   left out;
 * - a theme score is points earned / points possible × 100 over its answered questions (and implied gaps); the
 *   overall score is the same ratio over all of them, so a theme weighs what its questions weigh;
 * - the level follows the score, then the weakest vital control: a vital control short of "in place" (partly,
 *   gap, "je ne sais pas", implied gap; unanswered once the audit is completed), or any critical question left
 *   open (gap, implied gap, "je ne sais pas"), keeps the level at « Fragile » at best; two or more critical
 *   questions left open give « Exposé » whatever the score;
 * - certainty is the share of the answered questions answered with something other than "je ne sais pas".
 */
import type { Answer, Answers, CommuneProfile } from '../audit/types';
import { activeQuestionIds, impliedGaps, type ImpliedGap } from '../questionnaire/conditions';
import { optionScore, type Criticality, type Question, type Questionnaire } from '../questionnaire/schema';
import {
  CRITICALITY_WEIGHT,
  EXPOSED_FROM_CRITICAL_OPEN,
  MATURITY_CAP_WITH_CRITICAL_GAP,
  MATURITY_THRESHOLDS,
  type MaturityLevel,
} from './weights';

export type AnswerStatus = 'in-place' | 'partial' | 'gap' | 'dont-know' | 'not-applicable' | 'implied-gap' | 'unanswered';

export interface QuestionOutcome {
  questionId: string;
  themeId: string;
  criticality: Criticality;
  /** A vital control: anything short of "in place" caps the level. */
  vital: boolean;
  weight: number;
  answer: Answer | undefined;
  status: AnswerStatus;
  /** Option score from 0 to 1; undefined while unanswered and for "sans objet". */
  score: number | undefined;
  pointsEarned: number;
  /** weight × (1 − score): what this answer cost the theme. 0 while unanswered and for "sans objet". */
  pointsLost: number;
  /** For an implied gap: the answer that says the thing is missing. */
  impliedBy?: ImpliedGap;
}

export interface ThemeResult {
  themeId: string;
  /** 0–100, or null when no question of the theme counts yet. */
  score: number | null;
  pointsEarned: number;
  pointsPossible: number;
  /** Questions the person is asked (implied gaps are not asked). */
  asked: number;
  answered: number;
  dontKnow: number;
  /** Every question asked, and every implied gap, in questionnaire order. */
  outcomes: QuestionOutcome[];
}

export type LevelRule = 'score' | 'vital-cap' | 'critical-cap' | 'critical-gaps';

/** What it takes to reach the next level up. */
export interface LevelLift {
  target: MaturityLevel;
  /** Score points (out of 100) still missing at today's score; 0 when the score already reaches the target. */
  pointsToGain: number;
  /** Controls that must all be brought to "in place" (vital) or out of the gap (critical). */
  mustFix: QuestionOutcome[];
  /** From « Exposé »: at least `count` of these critical questions must be closed. */
  fixAtLeast: { count: number; among: QuestionOutcome[] } | null;
}

export interface OverallResult {
  score: number | null;
  maturity: MaturityLevel | null;
  /** The level the score alone would give. */
  byScore: MaturityLevel | null;
  /** Why the level is what it is: the score, or the rule that lowered it. */
  rule: LevelRule | null;
  /** True when a rule holds the level below what the score gives. */
  cappedByCriticalGap: boolean;
  /** The vital and critical controls that hold the level down (or would at the next level), vital first. */
  limiting: QuestionOutcome[];
  /** What lifts the level to the next one; null at « Solide » or when nothing is answered. */
  lift: LevelLift | null;
}

export interface AuditResult {
  themes: ThemeResult[];
  overall: OverallResult;
  asked: number;
  answered: number;
  dontKnow: number;
  /** Share (0–1) of the answered questions answered with certainty; null when nothing is answered. */
  certainty: number | null;
  /** Critical questions answered with a gap (score 0) or implied gaps, most costly first. */
  criticalGaps: QuestionOutcome[];
  /** Every answer that lost points (gaps, implied gaps, partial answers, "je ne sais pas"), most costly first. */
  gaps: QuestionOutcome[];
  /** Questions answered "je ne sais pas": to check with whoever knows. */
  toVerify: QuestionOutcome[];
  /** Questions answered "sans objet". */
  notApplicable: QuestionOutcome[];
}

export interface ScoringOptions {
  /** The audit is completed: an unanswered vital control then counts as short of "in place". */
  completed?: boolean;
}

function outcomeFor(question: Question, themeId: string, answer: Answer | undefined, implied: ImpliedGap | undefined): QuestionOutcome {
  const weight = CRITICALITY_WEIGHT[question.criticality];
  const base = { questionId: question.id, themeId, criticality: question.criticality, vital: question.vital === true, weight };
  if (implied) return { ...base, answer: undefined, status: 'implied-gap', score: 0, pointsEarned: 0, pointsLost: weight, impliedBy: implied };
  if (answer === undefined) return { ...base, answer, status: 'unanswered', score: undefined, pointsEarned: 0, pointsLost: 0 };
  if (answer.kind === 'dontKnow') return { ...base, answer, status: 'dont-know', score: 0, pointsEarned: 0, pointsLost: weight };
  const option = question.options.find((o) => o.id === answer.optionId);
  // An answer naming an option this version does not have counts as unanswered rather than guessing a score.
  if (!option) return { ...base, answer: undefined, status: 'unanswered', score: undefined, pointsEarned: 0, pointsLost: 0 };
  const score = optionScore(option);
  if (score === null) return { ...base, answer, status: 'not-applicable', score: undefined, pointsEarned: 0, pointsLost: 0 };
  const status: AnswerStatus = score >= 1 ? 'in-place' : score > 0 ? 'partial' : 'gap';
  return { ...base, answer, status, score, pointsEarned: weight * score, pointsLost: weight * (1 - score) };
}

const LEVELS: readonly MaturityLevel[] = MATURITY_THRESHOLDS.map(([level]) => level);
/** Higher rank = better level. */
const rank = (level: MaturityLevel) => LEVELS.length - 1 - LEVELS.indexOf(level);
const thresholdOf = (level: MaturityLevel) => MATURITY_THRESHOLDS.find(([l]) => l === level)?.[1] ?? 0;

export function levelByScore(score: number): MaturityLevel {
  return MATURITY_THRESHOLDS.find(([, min]) => score >= min)?.[0] ?? 'exposed';
}

/** The level by score, capped at « Fragile » when a critical gap is open (the version 1 rule, kept for heat bands). */
export function maturityFor(score: number, hasCriticalGap: boolean): { level: MaturityLevel; capped: boolean } {
  const byScore = levelByScore(score);
  if (!hasCriticalGap) return { level: byScore, capped: false };
  return rank(byScore) > rank(MATURITY_CAP_WITH_CRITICAL_GAP)
    ? { level: MATURITY_CAP_WITH_CRITICAL_GAP, capped: true }
    : { level: byScore, capped: false };
}

const OPEN_CRITICAL: ReadonlySet<AnswerStatus> = new Set(['gap', 'implied-gap', 'dont-know']);
const VITAL_SHORT: ReadonlySet<AnswerStatus> = new Set(['partial', 'gap', 'implied-gap', 'dont-know']);

/**
 * The level from the score and the weakest controls. `criticalOpen`: critical questions left open (gap, implied
 * gap, "je ne sais pas"); `vitalShort`: vital controls short of "in place".
 */
export function decideLevel(
  score: number,
  criticalOpen: readonly QuestionOutcome[],
  vitalShort: readonly QuestionOutcome[],
): Omit<OverallResult, 'score'> {
  const byScore = levelByScore(score);
  let maturity = byScore;
  let rule: LevelRule = 'score';
  if (criticalOpen.length >= EXPOSED_FROM_CRITICAL_OPEN) {
    maturity = 'exposed';
    if (rank(byScore) > rank('exposed')) rule = 'critical-gaps';
  } else if ((vitalShort.length > 0 || criticalOpen.length > 0) && rank(byScore) > rank(MATURITY_CAP_WITH_CRITICAL_GAP)) {
    maturity = MATURITY_CAP_WITH_CRITICAL_GAP;
    rule = vitalShort.length > 0 ? 'vital-cap' : 'critical-cap';
  }
  const limiting = [...new Set([...vitalShort, ...criticalOpen])].sort((a, b) => Number(b.vital) - Number(a.vital) || byCost(a, b));
  const nextIndex = LEVELS.indexOf(maturity) - 1;
  const target = nextIndex >= 0 ? LEVELS[nextIndex] : undefined;
  let lift: LevelLift | null = null;
  if (target) {
    const pointsToGain = Math.max(0, thresholdOf(target) - score);
    const aboveCap = rank(target) > rank(MATURITY_CAP_WITH_CRITICAL_GAP);
    lift = {
      target,
      pointsToGain,
      mustFix: aboveCap ? limiting : [],
      fixAtLeast:
        !aboveCap && criticalOpen.length >= EXPOSED_FROM_CRITICAL_OPEN
          ? { count: criticalOpen.length - EXPOSED_FROM_CRITICAL_OPEN + 1, among: [...criticalOpen].sort(byCost) }
          : null,
    };
  }
  return { maturity, byScore, rule, cappedByCriticalGap: rule !== 'score', limiting, lift };
}

const byCost = (a: QuestionOutcome, b: QuestionOutcome) => b.pointsLost - a.pointsLost || b.weight - a.weight;

export function computeResults(
  questionnaire: Questionnaire,
  answers: Answers,
  profile: CommuneProfile,
  options: ScoringOptions = {},
): AuditResult {
  const active = activeQuestionIds(questionnaire, profile, answers);
  const implied = impliedGaps(questionnaire, profile, answers, active);
  const themes: ThemeResult[] = questionnaire.themes.map((theme) => {
    const outcomes: QuestionOutcome[] = [];
    for (const q of theme.questions) {
      const impliedBy = implied.get(q.id);
      if (active.has(q.id) || impliedBy) outcomes.push(outcomeFor(q, theme.id, answers[q.id], impliedBy));
    }
    const askedOutcomes = outcomes.filter((o) => o.status !== 'implied-gap');
    const answeredOutcomes = askedOutcomes.filter((o) => o.status !== 'unanswered');
    const counted = outcomes.filter((o) => o.status !== 'unanswered' && o.status !== 'not-applicable');
    const pointsEarned = counted.reduce((sum, o) => sum + o.pointsEarned, 0);
    const pointsPossible = counted.reduce((sum, o) => sum + o.weight, 0);
    return {
      themeId: theme.id,
      score: pointsPossible > 0 ? (pointsEarned / pointsPossible) * 100 : null,
      pointsEarned,
      pointsPossible,
      asked: askedOutcomes.length,
      answered: answeredOutcomes.length,
      dontKnow: outcomes.filter((o) => o.status === 'dont-know').length,
      outcomes,
    };
  });

  const all = themes.flatMap((t) => t.outcomes);
  const answered = all.filter((o) => o.status !== 'unanswered' && o.status !== 'implied-gap');
  const earned = themes.reduce((sum, t) => sum + t.pointsEarned, 0);
  const possible = themes.reduce((sum, t) => sum + t.pointsPossible, 0);
  const criticalGaps = all.filter((o) => o.criticality === 'critical' && (o.status === 'gap' || o.status === 'implied-gap')).sort(byCost);
  const toVerify = answered.filter((o) => o.status === 'dont-know').sort(byCost);
  const score = possible > 0 ? (earned / possible) * 100 : null;
  // A critical question left at "je ne sais pas" is as open as a known gap: a backup nobody can vouch for is not
  // one to count on the day of an attack (README, "Scoring").
  const criticalOpen = all.filter((o) => o.criticality === 'critical' && OPEN_CRITICAL.has(o.status));
  const vitalShort = all.filter((o) => o.vital && (VITAL_SHORT.has(o.status) || (options.completed === true && o.status === 'unanswered')));
  const level = score === null ? null : decideLevel(score, criticalOpen, vitalShort);
  const dontKnow = toVerify.length;

  return {
    themes,
    overall: level
      ? { score, ...level }
      : { score, maturity: null, byScore: null, rule: null, cappedByCriticalGap: false, limiting: [], lift: null },
    asked: all.length - all.filter((o) => o.status === 'implied-gap').length,
    answered: answered.length,
    dontKnow,
    certainty: answered.length > 0 ? (answered.length - dontKnow) / answered.length : null,
    criticalGaps,
    gaps: all.filter((o) => o.pointsLost > 0).sort(byCost),
    toVerify,
    notApplicable: answered.filter((o) => o.status === 'not-applicable'),
  };
}
