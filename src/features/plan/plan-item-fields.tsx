/** The follow-up of one plan entry: owner, due date and note, each stored as it is typed (the status is on its row). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecord, PlanItemRecord } from '../../db/records';
import { useDraft } from './use-draft';
import { usePlanItemSave } from './use-plan-item-save';

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
  const { save, failed } = usePlanItemSave(audit, entryId);
  const owner = useDraft(item?.owner ?? '', (owner) => save({ owner }));
  const dueDate = useDraft(item?.dueDate ?? '', (dueDate) => save({ dueDate }));
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
            value={dueDate.value}
            onChange={(e) => dueDate.onChange(e.target.value)}
            onFocus={dueDate.onFocus}
            onBlur={dueDate.onBlur}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('fields.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note.value}
          onChange={(e) => note.onChange(e.target.value)}
          onFocus={note.onFocus}
          onBlur={note.onBlur}
        />
      </div>
      {failed && (
        <p className="alert alert--error" role="alert">
          {t('saveError')}
        </p>
      )}
    </fieldset>
  );
}
