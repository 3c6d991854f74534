/**
 * Two audits of one commune side by side: the score change overall and per theme, the answers that improved or
 * worsened, the gaps closed, and what became of the actions marked done in the older audit's plan. Each audit is
 * scored with the questionnaire version it was answered with (a version 1 audit with version 1: its answers to
 * questions whose id changed since still count) and with the same level rules; themes are matched by id, and a
 * theme that only one of the versions has is said to be so. Answers are compared where the question id is in
 * both versions (an id keeps its meaning across versions). Pure and unrounded: rounding is for display.
 */
import type { Answers, CommuneProfile } from '../audit/types';
import type { Questionnaire } from '../questionnaire/schema';
import { computeResults, type AuditResult, type QuestionOutcome } from '../scoring/compute-results';
import type { MaturityLevel } from '../scoring/weights';

export interface AuditSnapshot {
  /** The questionnaire version the audit was answered with. */
  questionnaire: Questionnaire;
  answers: Answers;
  profile: CommuneProfile;
}

export interface ScoreChange {
  /** 0–100, null when nothing was answered. */
  from: number | null;
  to: number | null;
  /** to − from, null when either is null. */
  delta: number | null;
}

/** Whether the theme is in both audits' questionnaire versions, or in the older's (from) or newer's (to) only. */
export type ThemePresence = 'both' | 'from-only' | 'to-only';

export interface ThemeChange extends ScoreChange {
  themeId: string;
  presence: ThemePresence;
}

export interface AnswerChange {
  questionId: string;
  themeId: string;
  from: QuestionOutcome;
  to: QuestionOutcome;
  /** The older answer lost points (gap, partial, "je ne sais pas") and the newer one loses none. */
  gapClosed: boolean;
  /** The older answer lost no points and the newer one does. */
  newGap: boolean;
}

export interface AuditComparison {
  from: AuditResult;
  to: AuditResult;
  overall: ScoreChange & { fromMaturity: MaturityLevel | null; toMaturity: MaturityLevel | null };
  themes: ThemeChange[];
  /** Questions answered in both audits whose answer now scores higher, biggest change first. */
  improved: AnswerChange[];
  /** Questions answered in both audits whose answer now scores lower, biggest change first. */
  worsened: AnswerChange[];
  /** The improved answers that no longer lose any point. */
  gapsClosed: AnswerChange[];
}

const change = (from: number | null, to: number | null): ScoreChange => ({
  from,
  to,
  delta: from === null || to === null ? null : to - from,
});

/** Points won or lost by the change of answer: weight × change of option score. */
const impact = (c: AnswerChange) => c.to.weight * ((c.to.score ?? 0) - (c.from.score ?? 0));

/** The newer version's themes in its order, then those only the older version has, in the older's order. */
function themeChanges(from: AuditResult, to: AuditResult): ThemeChange[] {
  const fromThemes = new Map(from.themes.map((theme) => [theme.themeId, theme]));
  const toIds = new Set(to.themes.map((theme) => theme.themeId));
  return [
    ...to.themes.map((theme): ThemeChange => {
      const before = fromThemes.get(theme.themeId);
      return { themeId: theme.themeId, presence: before ? 'both' : 'to-only', ...change(before?.score ?? null, theme.score) };
    }),
    ...from.themes
      .filter((theme) => !toIds.has(theme.themeId))
      .map((theme): ThemeChange => ({ themeId: theme.themeId, presence: 'from-only', ...change(theme.score, null) })),
  ];
}

export function compareAudits(older: AuditSnapshot, newer: AuditSnapshot): AuditComparison {
  const from = computeResults(older.questionnaire, older.answers, older.profile);
  const to = computeResults(newer.questionnaire, newer.answers, newer.profile);
  const fromOutcomes = new Map(from.themes.flatMap((t) => t.outcomes).map((o) => [o.questionId, o]));
  const order = new Map(newer.questionnaire.themes.flatMap((t) => t.questions).map((q, i) => [q.id, i]));

  const changes: AnswerChange[] = [];
  for (const outcome of to.themes.flatMap((t) => t.outcomes)) {
    const before = fromOutcomes.get(outcome.questionId);
    // A question unanswered (or not asked) on either side has no change to tell.
    if (!before || before.score === undefined || outcome.score === undefined || before.score === outcome.score) continue;
    changes.push({
      questionId: outcome.questionId,
      themeId: outcome.themeId,
      from: before,
      to: outcome,
      gapClosed: before.pointsLost > 0 && outcome.pointsLost === 0,
      newGap: before.pointsLost === 0 && outcome.pointsLost > 0,
    });
  }
  const byImpact = (a: AnswerChange, b: AnswerChange) =>
    Math.abs(impact(b)) - Math.abs(impact(a)) || (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0);
  const improved = changes.filter((c) => impact(c) > 0).sort(byImpact);
  const worsened = changes.filter((c) => impact(c) < 0).sort(byImpact);

  return {
    from,
    to,
    overall: { ...change(from.overall.score, to.overall.score), fromMaturity: from.overall.maturity, toMaturity: to.overall.maturity },
    themes: themeChanges(from, to),
    improved,
    worsened,
    gapsClosed: improved.filter((c) => c.gapClosed),
  };
}

export type DoneActionEffect = 'closed' | 'still-open' | 'not-assessed';

export interface DoneActionOutcome {
  actionId: string;
  /** The questions this action answers, as the newer audit sees them. */
  questionIds: string[];
  /**
   * closed: every related question answered in the newer audit loses no point; still-open: one still does;
   * not-assessed: none of them is answered in the newer audit.
   */
  effect: DoneActionEffect;
}

/**
 * What became of each action marked done in the older audit's plan, according to the newer audit's answers
 * (`questionnaire`: the newer audit's version).
 */
export function doneActionOutcomes(
  questionnaire: Questionnaire,
  comparison: AuditComparison,
  doneActionIds: readonly string[],
): DoneActionOutcome[] {
  const outcomes = new Map(comparison.to.themes.flatMap((t) => t.outcomes).map((o) => [o.questionId, o]));
  const questions = questionnaire.themes.flatMap((t) => t.questions);
  return doneActionIds.map((actionId) => {
    const questionIds = questions.filter((q) => q.actions.includes(actionId)).map((q) => q.id);
    const answered = questionIds.map((id) => outcomes.get(id)).filter((o) => o !== undefined && o.status !== 'unanswered');
    const effect: DoneActionEffect =
      answered.length === 0 ? 'not-assessed' : answered.some((o) => (o?.pointsLost ?? 0) > 0) ? 'still-open' : 'closed';
    return { actionId, questionIds, effect };
  });
}
