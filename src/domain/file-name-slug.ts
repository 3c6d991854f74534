/** The one rule that turns a commune's or an EPCI's name into the name part of a file (PDF, CSV, export file). */

/** Longest slug: long enough for any French commune name, short enough once a date and an extension follow it. */
export const FILE_NAME_SLUG_MAX = 60;

/**
 * "Saint-Cœur-d’Arconnière" → "saint-coeur-d-arconniere". ASCII lower case; accents and other marks dropped
 * (compatibility forms opened: "ﬁ" → "fi", "²" → "2"); œ → oe, æ → ae; every run of anything else (spaces,
 * apostrophes, slashes, letters with no ASCII form) becomes one "-"; no "-" at either end; at most 60 characters,
 * cut without leaving a "-" at the end. A name with nothing left gives `fallback` (a word naming what the file is
 * about: "commune", "epci"…), which should itself follow the rule.
 */
export function fileNameSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, FILE_NAME_SLUG_MAX)
    .replace(/-$/, '');
  return slug === '' ? fallback : slug;
}
