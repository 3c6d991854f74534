/** Picks the text of a questionnaire field in the user's language (French when the language is unknown). */
import type { Localized } from './schema';

export function localize(text: Localized, language: string): string {
  return language.startsWith('en') ? text.en : text.fr;
}
