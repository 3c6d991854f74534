/** Stores a change to one plan entry's follow-up at once, and gives the message of the last write refused or failed. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanItemRefusedError, savePlanItem, type PlanItemChanges } from '../../db/plan-repository';
import type { AuditRecord } from '../../db/records';
import { TEXT_LIMITS } from '../../domain/limits';

export function usePlanItemSave(audit: Pick<AuditRecord, 'id' | 'communeId'>, entryId: string) {
  const { t } = useTranslation('plan');
  // Cleared by the next write that succeeds.
  const [failure, setFailure] = useState<string | null>(null);
  const save = (changes: PlanItemChanges) => {
    savePlanItem(audit, entryId, changes).then(
      () => setFailure(null),
      (error: unknown) =>
        setFailure(
          error instanceof PlanItemRefusedError
            ? t(`errors.${error.problem}`, { max: error.problem === 'owner-too-long' ? TEXT_LIMITS.owner : TEXT_LIMITS.note })
            : t('saveError'),
        ),
    );
  };
  return { save, failure };
}
