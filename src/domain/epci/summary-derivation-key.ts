/**
 * The key a cached audit summary was made with: the summary format, the questionnaire and the action catalogue.
 * When the app ships a changed questionnaire or catalogue, the key changes and every summary is made again.
 */
import type { ActionCatalogue } from '../actions/parse-catalogue';
import type { Questionnaire } from '../questionnaire/schema';

/** Raise when AuditSummary changes shape or meaning: every cached summary is then recomputed. */
export const AUDIT_SUMMARY_FORMAT = 2;

/** FNV-1a, 32 bits: a change detector, not a security measure (the data is the app's own). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function summaryDerivationKey(questionnaire: Questionnaire, catalogue: ActionCatalogue): string {
  const actions = [...catalogue.values()].map((a) => `${a.id}:${a.themeId}:${a.effort}:${a.cost}:${a.timeframe}`).join(',');
  return `s${AUDIT_SUMMARY_FORMAT}|${questionnaire.id}@${questionnaire.version}|${fnv1a(JSON.stringify(questionnaire.themes))}|${fnv1a(actions)}`;
}
