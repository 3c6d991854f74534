/** Small wording helpers shared by the report's sections: dates, scores, answers and plan entry titles. */
import type { PlanEntry } from '../domain/actions/derive-plan';
import type { Answer } from '../domain/audit/types';
import { localize } from '../domain/questionnaire/localize';
import type { Localized, Question } from '../domain/questionnaire/schema';
import type { QuestionOutcome } from '../domain/scoring/compute-results';
import type { ReportInput, ReportLanguage } from './report-input';
import type { Tone } from './report-types';

/** Data texts are typed with straight apostrophes; the report prints them typographic (l'état → l’état). */
export function typographic(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
}

/** A questionnaire or catalogue text in the report's language, typeset. */
export const say = (text: Localized, language: ReportLanguage) => typographic(localize(text, language));

const locale = (language: ReportLanguage) => (language === 'fr' ? 'fr-FR' : 'en-GB');

export function longDate(value: Date | string, language: ReportLanguage): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long' }).format(date);
}

/** A due date typed as YYYY-MM-DD, shown as a short date (read as a calendar day, whatever the time zone). */
export function shortDay(day: string, language: ReportLanguage): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(language), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** YYYY-MM-DD of the local day, for file names. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function percent(share: number, language: ReportLanguage): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function integer(value: number, language: ReportLanguage): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 0 }).format(value);
}

/** Scores are rounded here, for display only. */
export const roundScore = (score: number) => String(Math.round(score));

export const points = (value: number, language: ReportLanguage) =>
  new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(value);

export function scoreTone(score: number | null): Tone {
  if (score === null) return 'neutral';
  if (score >= 80) return 'good';
  if (score >= 60) return 'neutral';
  if (score >= 35) return 'warning';
  return 'critical';
}

export function answerText(question: Question, answer: Answer | undefined, input: ReportInput): string {
  if (!answer) return input.t('annex.noAnswer');
  if (answer.kind === 'dontKnow') return input.t('annex.dontKnow');
  const option = question.options.find((o) => o.id === answer.optionId);
  return option ? say(option.label, input.language) : input.t('annex.noAnswer');
}

/** The answer of an outcome: for an implied gap, the answer elsewhere that says the thing is missing. */
export function outcomeAnswerText(question: Question, outcome: QuestionOutcome, input: ReportInput): string {
  if (outcome.status === 'implied-gap' && outcome.impliedBy) {
    const { parentQuestionId, parentOptionId } = outcome.impliedBy;
    const parent = questionIndex(input).get(parentQuestionId);
    return input.t('level.impliedGap', {
      answer: parent ? answerText(parent, { kind: 'option', optionId: parentOptionId }, input) : parentOptionId,
      question: parent ? say(parent.text, input.language) : parentQuestionId,
    });
  }
  return answerText(question, outcome.answer, input);
}

export function questionIndex(input: ReportInput): Map<string, Question> {
  return new Map(input.questionnaire.themes.flatMap((theme) => theme.questions.map((q) => [q.id, q] as const)));
}

export function entryTitle(entry: PlanEntry, questions: ReadonlyMap<string, Question>, input: ReportInput): string {
  if (entry.kind === 'action') return say(entry.action.title, input.language);
  const question = questions.get(entry.questionId);
  return input.t('plan.verifyTitle', {
    knower: input.t(`knower.${entry.knower}`),
    question: question ? say(question.text, input.language) : entry.questionId,
  });
}

export function themeTitle(themeId: string, input: ReportInput): string {
  const theme = input.questionnaire.themes.find((t) => t.id === themeId);
  return theme ? say(theme.title, input.language) : themeId;
}
