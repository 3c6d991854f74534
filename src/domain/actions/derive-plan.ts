/**
 * The action plan of an audit, derived from its results: what to do, in which order, and what to check first.
 * Pure: (questionnaire, result, catalogue) → ordered plan entries.
 *
 * Rules (also in the README):
 * - an answer that lost points (a gap or a partial answer), and an implied gap (a question hidden because its
 *   parent says the thing is missing), call for the catalogue actions their question lists;
 *   an action gathers every such question, and its "risk removed" is the sum of their points lost;
 * - a "je ne sais pas" calls for no catalogue action (the need is not known yet) but for one generated
 *   verification item, `verify-<questionId>`, addressed to whoever knows (question.knower); its risk removed is
 *   the points the answer lost (the question's weight), its effort 1 (a call or an e-mail);
 * - critical items come first: an action that answers a critical gap (answered or implied) or a vital control
 *   short of "in place" (what holds the level down), and the verification of a critical question (the scoring
 *   treats a critical "je ne sais pas" as an open gap too);
 * - within each group, by priority = risk removed ÷ effort (1–3), highest first; ties go to the larger risk
 *   removed, then the cheaper cost, then the shorter time frame, then the questionnaire order;
 * - each entry falls in a horizon, when to act: this month, within three months, within the year. The action's
 *   time frame sets it (immédiat < 1 month, court terme 1–3 months, moyen terme 3–12 months, guidance.md §0),
 *   and an entry that answers a critical gap is brought one horizon forward: while it stays open the commune
 *   cannot rise above "Fragile", and a critical control left for a year is the gap attackers use (guidance.md).
 *   A verification is a question to ask: this month. Inside a horizon the order above holds (critical first).
 */
import type { Knower, Question, Questionnaire } from '../questionnaire/schema';
import type { AuditResult, QuestionOutcome } from '../scoring/compute-results';
import type { ActionCatalogue, CatalogueAction } from './parse-catalogue';
import type { CostBand, Timeframe } from './schema';

interface PlanEntryBase {
  /** The catalogue action id, or `verify-<questionId>` for a verification. */
  id: string;
  themeId: string;
  /** Questions this entry answers, most costly first. */
  questionIds: string[];
  /** Sum of the points lost by those questions: what the score gains once the entry is done. */
  riskRemoved: number;
  effort: number;
  /** riskRemoved ÷ effort. */
  priority: number;
  /** Answers a critical gap or a vital control short of "in place" (or checks a critical "je ne sais pas"). */
  critical: boolean;
  cost: CostBand;
  timeframe: Timeframe;
  /** When to act: derived from the time frame and the criticality (see planHorizon). */
  horizon: Horizon;
}

export interface PlanAction extends PlanEntryBase {
  kind: 'action';
  action: CatalogueAction;
}

export interface PlanVerification extends PlanEntryBase {
  kind: 'verify';
  questionId: string;
  /** Who can tell the answer. */
  knower: Knower;
}

export type PlanEntry = PlanAction | PlanVerification;

export interface DerivedPlan {
  entries: PlanEntry[];
  /** Action ids named by an answered question but missing from the catalogue (a content error to fix). */
  unknownActionIds: string[];
}

export const verificationId = (questionId: string) => `verify-${questionId}`;

/** When to act, soonest first. */
export const HORIZONS = ['this-month', 'within-3-months', 'within-year'] as const;
export type Horizon = (typeof HORIZONS)[number];

const HORIZON_OF_TIMEFRAME: Readonly<Record<Timeframe, Horizon>> = {
  immediate: 'this-month',
  'within-3-months': 'within-3-months',
  'within-12-months': 'within-year',
};

/** The horizon of an entry: its time frame's, one step sooner when it answers a critical gap. */
export function planHorizon(timeframe: Timeframe, critical: boolean): Horizon {
  const horizon = HORIZON_OF_TIMEFRAME[timeframe];
  if (!critical) return horizon;
  return horizon === 'within-year' ? 'within-3-months' : 'this-month';
}

export interface HorizonGroup<E extends { horizon: Horizon } = PlanEntry> {
  horizon: Horizon;
  entries: E[];
}

/** The entries by horizon, soonest first, each keeping the plan's order (critical first); empty horizons left out. */
export function groupByHorizon<E extends { horizon: Horizon }>(entries: readonly E[]): HorizonGroup<E>[] {
  return HORIZONS.map((horizon) => ({ horizon, entries: entries.filter((entry) => entry.horizon === horizon) })).filter(
    (group) => group.entries.length > 0,
  );
}

const COST_ORDER: Readonly<Record<CostBand, number>> = { free: 0, low: 1, medium: 2, high: 3 };
const TIMEFRAME_ORDER: Readonly<Record<Timeframe, number>> = {
  immediate: 0,
  'within-3-months': 1,
  'within-12-months': 2,
};

export function derivePlan(questionnaire: Questionnaire, result: AuditResult, catalogue: ActionCatalogue): DerivedPlan {
  const questions = new Map<string, Question>();
  const position = new Map<string, number>();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      position.set(question.id, position.size);
      questions.set(question.id, question);
    }
  }
  const criticalGapIds = new Set([...result.criticalGaps, ...result.overall.limiting].map((o) => o.questionId));
  const outcomes = result.themes.flatMap((t) => t.outcomes).filter((o) => o.pointsLost > 0);
  const byCost = (a: QuestionOutcome, b: QuestionOutcome) =>
    b.pointsLost - a.pointsLost || (position.get(a.questionId) ?? 0) - (position.get(b.questionId) ?? 0);

  const actions = new Map<string, { action: CatalogueAction; outcomes: QuestionOutcome[] }>();
  const verifications: PlanVerification[] = [];
  const unknown = new Set<string>();

  for (const outcome of outcomes) {
    const question = questions.get(outcome.questionId);
    if (!question) continue;
    if (outcome.status === 'dont-know') {
      verifications.push({
        kind: 'verify',
        id: verificationId(question.id),
        themeId: outcome.themeId,
        questionId: question.id,
        knower: question.knower,
        questionIds: [question.id],
        riskRemoved: outcome.pointsLost,
        effort: 1,
        priority: outcome.pointsLost,
        critical: question.criticality === 'critical',
        cost: 'free',
        timeframe: 'immediate',
        horizon: 'this-month',
      });
      continue;
    }
    for (const actionId of question.actions) {
      const action = catalogue.get(actionId);
      if (!action) {
        unknown.add(actionId);
        continue;
      }
      const entry = actions.get(actionId) ?? { action, outcomes: [] };
      entry.outcomes.push(outcome);
      actions.set(actionId, entry);
    }
  }

  const planActions: PlanAction[] = [...actions.values()].map(({ action, outcomes: answered }) => {
    const sorted = [...answered].sort(byCost);
    const riskRemoved = sorted.reduce((sum, o) => sum + o.pointsLost, 0);
    const critical = sorted.some((o) => criticalGapIds.has(o.questionId));
    return {
      kind: 'action',
      id: action.id,
      themeId: action.themeId,
      action,
      questionIds: sorted.map((o) => o.questionId),
      riskRemoved,
      effort: action.effort,
      priority: riskRemoved / action.effort,
      critical,
      cost: action.cost,
      timeframe: action.timeframe,
      horizon: planHorizon(action.timeframe, critical),
    };
  });

  const firstPosition = (entry: PlanEntry) => Math.min(...entry.questionIds.map((id) => position.get(id) ?? Infinity));
  const entries: PlanEntry[] = [...planActions, ...verifications].sort(
    (a, b) =>
      Number(b.critical) - Number(a.critical) ||
      b.priority - a.priority ||
      b.riskRemoved - a.riskRemoved ||
      COST_ORDER[a.cost] - COST_ORDER[b.cost] ||
      TIMEFRAME_ORDER[a.timeframe] - TIMEFRAME_ORDER[b.timeframe] ||
      firstPosition(a) - firstPosition(b) ||
      a.id.localeCompare(b.id),
  );
  return { entries, unknownActionIds: [...unknown].sort() };
}
