/** Stores a change to one plan entry's follow-up at once, and says whether the last write failed. */
import { useState } from 'react';
import { savePlanItem, type PlanItemChanges } from '../../db/plan-repository';
import type { AuditRecord } from '../../db/records';

export function usePlanItemSave(audit: Pick<AuditRecord, 'id' | 'communeId'>, entryId: string) {
  const [failed, setFailed] = useState(false);
  const save = (changes: PlanItemChanges) => {
    savePlanItem(audit, entryId, changes).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  };
  return { save, failed };
}
