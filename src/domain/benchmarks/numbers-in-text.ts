/**
 * The numbers a text says, as numbers: "2 729" → 2729, "3,5" → 3.5 in French; "2,729" → 2729, "3.5" → 3.5 in
 * English. Calendar dates ("16 octobre 2025", "October 16, 2025") count as their year only, so that a day of
 * the month is not taken for a figure. Used to hold every text of a benchmark file, and every sentence the app
 * builds from it, to the numbers that were published.
 */
const MONTHS_FR = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
const SPACE = '[ \\u00a0\\u202f]';
const DAY_MONTH_FR = new RegExp(`\\b\\d{1,2}(?:er)?${SPACE}(?:${MONTHS_FR})${SPACE}(\\d{4})`, 'giu');
const DAY_MONTH_EN = new RegExp(`\\b\\d{1,2}${SPACE}(?:${MONTHS_EN})${SPACE}(\\d{4})`, 'gu');
const MONTH_DAY_EN = new RegExp(`\\b(?:${MONTHS_EN})${SPACE}\\d{1,2},${SPACE}(\\d{4})`, 'gu');
const NUMBER_FR = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?/gu;
const NUMBER_EN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/gu;

export function numbersInText(text: string, language: 'fr' | 'en'): number[] {
  const withoutDays =
    language === 'fr' ? text.replace(DAY_MONTH_FR, '$1') : text.replace(DAY_MONTH_EN, '$1').replace(MONTH_DAY_EN, '$1');
  const pattern = language === 'fr' ? NUMBER_FR : NUMBER_EN;
  return [...withoutDays.matchAll(pattern)].map(([token]) =>
    language === 'fr' ? Number(token.replace(/[ \u00a0\u202f]/gu, '').replace(',', '.')) : Number(token.replace(/,/gu, '')),
  );
}

/** A number that reads as a year of the studies' period. */
export const isYear = (n: number) => Number.isInteger(n) && n >= 1990 && n <= 2100;
