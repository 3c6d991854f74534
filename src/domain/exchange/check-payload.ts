/** Cross-record checks a schema cannot make: no duplicated ids, and every reference points inside the file. */
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
