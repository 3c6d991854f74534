/**
 * An honest time estimate, worked out from what the person must read: the words of each question, its help and
 * its options at a plain reading speed, plus a fixed time to choose an answer. Questions whose answer is known
 * by the prestataire or the software vendor are counted apart: they may need a call.
 *
 * Before the first answer nobody knows which follow-up questions will show, so the estimate is a range: from the
 * questions always asked to every question that applies to the commune.
 */
import type { CommuneProfile } from '../audit/types';
import { isApplicable } from './conditions';
import { localize } from './localize';
import type { Question, Questionnaire } from './schema';

/**
 * Words a minute for careful reading of unfamiliar, technical French: below the 200-250 of ordinary adult
 * silent reading, as a secrétaire reads a help text to answer rightly rather than to skim it.
 */
export const READING_WORDS_PER_MINUTE = 180;
/** Seconds to weigh the options and click one, once the question is read. */
export const ANSWER_SECONDS = 15;

export interface TimeEstimate {
  /** Minutes, questions always asked only (follow-ups hidden). */
  minMinutes: number;
  /** Minutes, every question that applies to the commune. */
  maxMinutes: number;
  minQuestions: number;
  maxQuestions: number;
  /** Questions (of the max) that the prestataire or the software vendor may have to answer. */
  askProvider: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function questionSeconds(question: Question, language: string): number {
  const read = [question.text, question.help, ...question.options.map((o) => o.label)].reduce((sum, text) => sum + words(localize(text, language)), 0);
  return (read / READING_WORDS_PER_MINUTE) * 60 + ANSWER_SECONDS;
}

export function estimateTime(questionnaire: Questionnaire, profile: CommuneProfile, language: string, themeId?: string): TimeEstimate {
  let minSeconds = 0;
  let maxSeconds = 0;
  let minQuestions = 0;
  let maxQuestions = 0;
  let askProvider = 0;
  for (const theme of questionnaire.themes) {
    if (themeId !== undefined && theme.id !== themeId) continue;
    for (const question of theme.questions) {
      if (!isApplicable(question, profile)) continue;
      const seconds = questionSeconds(question, language);
      maxSeconds += seconds;
      maxQuestions += 1;
      if (!question.showIf) {
        minSeconds += seconds;
        minQuestions += 1;
      }
      if (question.knower === 'provider' || question.knower === 'software-vendor') askProvider += 1;
    }
  }
  return {
    minMinutes: Math.max(1, Math.round(minSeconds / 60)),
    maxMinutes: Math.max(1, Math.ceil(maxSeconds / 60)),
    minQuestions,
    maxQuestions,
    askProvider,
  };
}
