/** The follow-up of one plan entry: owner, due date, status and note, each stored as it is typed. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, PlanItemRefusedError, savePlanItem, type PlanItemChanges } from '../../db/plan-repository';
import type { AuditRecord, PlanItemRecord, PlanItemStatus } from '../../db/records';
import { DUE_DATE_LIMITS, TEXT_LIMITS } from '../../domain/limits';
import { useDraft } from './use-draft';

const isStatus = (value: string): value is PlanItemStatus => (PLAN_ITEM_STATUSES as readonly string[]).includes(value);

export function PlanItemFields({
  audit,
  entryId,
  entryTitle,
  item,
}: {
  audit: Pick<AuditRecord, 'id' | 'communeId'>;
  entryId: string;
  entryTitle: string;
  item: PlanItemRecord | undefined;
}) {
  const { t } = useTranslation('plan');
  const id = useId();
  // The message of the last refused or failed write, cleared by the next write that succeeds.
  const [failure, setFailure] = useState<string | null>(null);
  const save = (changes: PlanItemChanges) => {
    savePlanItem(audit, entryId, changes).then(
      () => setFailure(null),
      (error: unknown) =>
        setFailure(error instanceof PlanItemRefusedError ? t(`errors.${error.problem}`, { max: error.problem === 'owner-too-long' ? TEXT_LIMITS.owner : TEXT_LIMITS.note }) : t('saveError')),
    );
  };
  const owner = useDraft(item?.owner ?? '', (owner) => save({ owner }));
  const dueDate = useDraft(item?.dueDate ?? '', (dueDate) => save({ dueDate }));
  const status = useDraft(item?.status ?? 'todo', (value) => {
    if (isStatus(value)) save({ status: value });
  });
  const note = useDraft(item?.note ?? '', (note) => save({ note }));

  return (
    <fieldset className="plan-fields">
      <legend>
        {t('fields.legend')}
        <span className="visually-hidden"> : {entryTitle}</span>
      </legend>
      <div className="plan-fields__row">
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('fields.owner')}</label>
          <input
            id={`${id}-owner`}
            type="text"
            autoComplete="off"
            maxLength={TEXT_LIMITS.owner}
            value={owner.value}
            onChange={(e) => owner.onChange(e.target.value)}
            onFocus={owner.onFocus}
            onBlur={owner.onBlur}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('fields.dueDate')}</label>
          <input
            id={`${id}-due`}
            type="date"
            min={DUE_DATE_LIMITS.min}
            max={DUE_DATE_LIMITS.max}
            value={dueDate.value}
            onChange={(e) => dueDate.onChange(e.target.value)}
            onFocus={dueDate.onFocus}
            onBlur={dueDate.onBlur}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('fields.status')}</label>
          <select
            id={`${id}-status`}
            value={status.value}
            onChange={(e) => status.onChange(e.target.value)}
            onFocus={status.onFocus}
            onBlur={status.onBlur}
          >
            {PLAN_ITEM_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('fields.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={TEXT_LIMITS.note}
          value={note.value}
          onChange={(e) => note.onChange(e.target.value)}
          onFocus={note.onFocus}
          onBlur={note.onBlur}
        />
      </div>
      {failure !== null && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
    </fieldset>
  );
}
