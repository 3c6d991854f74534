/**
 * The dates of a file, compared as instants: none after the file's own exportedAt (give or take the clock's
 * last stamp), the file not exported after today on this device, and each audit's dates in order (startedAt ≤
 * updatedAt, completedAt ≤ updatedAt). A forged "9999-12-31" would otherwise outrank every real audit of its
 * commune in the EPCI view and win every "newer copy" decision.
 */
import { compareInstants, instantOf, isoOfInstant } from '../instant';
import { DEVICE_CLOCK_TOLERANCE_MS, EXPORT_DATE_TOLERANCE_MS, MAX_INSTANT_MS } from '../limits';
import { fail, ok, type Result } from './exchange-error';
import type { ExportPayload } from './schema-v1';

export function checkDates(exportedAt: string, payload: ExportPayload, now: Date): Result<void> {
  const exported = instantOf(exportedAt);
  const deviceLimit = Math.min(now.getTime() + DEVICE_CLOCK_TOLERANCE_MS, MAX_INSTANT_MS);
  if (!(exported <= deviceLimit)) return fail('future-date', 'exportedAt: after-today');
  // One bound for every record, written as the app writes its stamps: most comparisons are then of text.
  const limit = isoOfInstant(exported + EXPORT_DATE_TOLERANCE_MS);
  const after = (date: string) => compareInstants(date, limit) > 0;

  for (const [index, commune] of payload.communes.entries()) {
    for (const field of ['createdAt', 'updatedAt'] as const) {
      if (after(commune[field])) return fail('future-date', `payload.communes.${index}.${field}: after-export`);
    }
  }
  for (const [index, audit] of payload.audits.entries()) {
    const at = `payload.audits.${index}`;
    if (after(audit.updatedAt)) return fail('future-date', `${at}.updatedAt: after-export`);
    if (compareInstants(audit.startedAt, audit.updatedAt) > 0) return fail('dates-out-of-order', `${at}.startedAt: after-updatedAt`);
    if (audit.completedAt !== null && compareInstants(audit.completedAt, audit.updatedAt) > 0) {
      return fail('dates-out-of-order', `${at}.completedAt: after-updatedAt`);
    }
    for (const [questionId, answer] of Object.entries(audit.answers)) {
      if (after(answer.answeredAt)) return fail('future-date', `${at}.answers.${questionId}.answeredAt: after-export`);
    }
  }
  for (const [index, item] of payload.planItems.entries()) {
    if (after(item.updatedAt)) return fail('future-date', `payload.planItems.${index}.updatedAt: after-export`);
  }
  return ok(undefined);
}
