/** An audit with its commune, read live from IndexedDB: re-renders whenever an answer is stored. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/database';
import type { AuditRecord, CommuneRecord } from '../db/records';

export type AuditWithCommune = { audit: AuditRecord; commune: CommuneRecord | undefined };

/** null while loading, undefined when the audit does not exist. */
export function useAudit(auditId: string): AuditWithCommune | undefined | null {
  return useLiveQuery(
    async () => {
      const audit = await db.audits.get(auditId);
      if (!audit) return undefined;
      return { audit, commune: await db.communes.get(audit.communeId) };
    },
    [auditId],
    null,
  );
}
