/** What the report is made from: the audit, its results and plan, the comparisons, and the words to say it. */
import type { PlanEntry } from '../domain/actions/derive-plan';
import type { Answers } from '../domain/audit/types';
import type { Questionnaire } from '../domain/questionnaire/schema';
import type { AuditResult } from '../domain/scoring/compute-results';

/** i18next's t, fixed to the `report` namespace and the report's language. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type ReportLanguage = 'fr' | 'en';

/** The commune's follow-up of one plan entry. */
export interface ReportPlanItem {
  owner: string;
  /** YYYY-MM-DD or empty. */
  dueDate: string;
  status: 'todo' | 'in-progress' | 'done';
  note: string;
}

/** One answer set against a barometer figure, already said in one plain sentence in the report's language. */
export interface ReportComparison {
  themeId: string;
  questionId: string | null;
  /** The sentence names the figure's source itself, or `source` does. */
  sentence: string;
  /** Publisher, document and date of the figure, when the sentence does not say them. */
  source?: string;
  /** The survey's own wording, so that a figure is never read past its question. */
  surveyQuestion?: string;
  /** Earlier waves of the figure, each a « À savoir » sentence naming its source. */
  earlier?: readonly string[];
}

export interface ReportInput {
  language: ReportLanguage;
  /** When the report is made (passed in: the model never reads the clock). */
  generatedAt: Date;
  commune: { name: string; insee: string; population: number; epciName: string };
  audit: {
    auditor: string;
    startedAt: string;
    completedAt: string | null;
    questionnaireId: string;
    questionnaireVersion: number;
    answers: Answers;
  };
  /** The questionnaire the audit was answered with (an earlier version for an older audit). */
  questionnaire: Questionnaire;
  /** The version new audits are answered with: an older audit's report says it is one. */
  currentQuestionnaireVersion: number;
  result: AuditResult;
  plan: readonly PlanEntry[];
  /** Keyed by plan entry id. */
  planItems: ReadonlyMap<string, ReportPlanItem>;
  benchmark: { id: string; version: number } | null;
  /** In order of importance: the first ones go to the summary. */
  comparisons: readonly ReportComparison[];
  /** Barometer figures shown as context on a theme's page (never as a comparison), each naming its source. */
  context: ReadonlyArray<{ themeId: string; sentence: string; earlier?: readonly string[] }>;
  /** Topics of a theme no national survey has a figure on, said plainly rather than left out. */
  unsurveyed: ReadonlyArray<{ themeId: string; sentence: string }>;
  t: Translate;
}
