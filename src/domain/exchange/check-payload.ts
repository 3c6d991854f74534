/**
 * Cross-record checks a schema cannot make: no duplicated ids, every reference points inside the file, and a
 * re-audit's previous audit, when the file holds it, is another audit of the same commune started no later.
 * (An audits export may hold a re-audit without the audit it followed: that reference stays outside the file.)
 */
import { compareInstants } from '../instant';
import { fail, ok, type Result } from './exchange-error';
import type { ExportPayload } from './schema-v1';

export function checkPayload(payload: ExportPayload): Result<ExportPayload> {
  const communeIds = new Set<string>();
  for (const [index, commune] of payload.communes.entries()) {
    if (communeIds.has(commune.id)) return fail('invalid', `payload.communes.${index}.id: duplicate`);
    communeIds.add(commune.id);
  }
  const auditCommunes = new Map<string, string>();
  for (const [index, audit] of payload.audits.entries()) {
    if (auditCommunes.has(audit.id)) return fail('invalid', `payload.audits.${index}.id: duplicate`);
    if (!communeIds.has(audit.communeId)) return fail('invalid', `payload.audits.${index}.communeId: unknown-commune`);
    auditCommunes.set(audit.id, audit.communeId);
  }
  const audits = new Map(payload.audits.map((audit) => [audit.id, audit]));
  for (const [index, audit] of payload.audits.entries()) {
    if (audit.previousAuditId === null) continue;
    const at = `payload.audits.${index}.previousAuditId`;
    if (audit.previousAuditId === audit.id) return fail('invalid', `${at}: self`);
    const previous = audits.get(audit.previousAuditId);
    if (previous === undefined) continue;
    if (previous.communeId !== audit.communeId) return fail('invalid', `${at}: other-commune`);
    if (compareInstants(previous.startedAt, audit.startedAt) > 0) return fail('invalid', `${at}: started-later`);
  }
  const planKeys = new Set<string>();
  for (const [index, item] of payload.planItems.entries()) {
    const key = `${item.auditId}\u0000${item.actionId}`;
    if (planKeys.has(key)) return fail('invalid', `payload.planItems.${index}: duplicate`);
    planKeys.add(key);
    const communeId = auditCommunes.get(item.auditId);
    if (communeId === undefined) return fail('invalid', `payload.planItems.${index}.auditId: unknown-audit`);
    if (communeId !== item.communeId) return fail('invalid', `payload.planItems.${index}.communeId: mismatch`);
  }
  return ok(payload);
}
