/**
 * One entry of the plan as a compact row: its title (a disclosure button that opens the details and follow-up
 * fields), who acts, the cost band, and the status, which can be changed in place.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/use-questionnaire';
import { PLAN_ITEM_STATUSES } from '../../db/plan-repository';
import type { AuditRecord, PlanItemRecord, PlanItemStatus } from '../../db/records';
import type { Actor } from '../../domain/actions/schema';
import type { PlanEntry } from '../../domain/actions/derive-plan';
import { PlanEntryDetails } from './plan-entry-details';
import { planEntryTitle, type QuestionIndex } from './plan-entry-title';
import { useDraft } from './use-draft';
import { usePlanItemSave } from './use-plan-item-save';

const isStatus = (value: string): value is PlanItemStatus => (PLAN_ITEM_STATUSES as readonly string[]).includes(value);

/** Who acts on an entry: the catalogue's actors, or the secrétaire, who asks whoever knows, for a verification. */
export const entryActors = (entry: PlanEntry): readonly Actor[] => (entry.kind === 'action' ? entry.action.who : ['secretary']);

export function PlanRow({
  entry,
  audit,
  item,
  questions,
  onStatusChange,
}: {
  entry: PlanEntry;
  audit: Pick<AuditRecord, 'id' | 'communeId'>;
  item: PlanItemRecord | undefined;
  questions: QuestionIndex;
  onStatusChange: (entryId: string) => void;
}) {
  const { t } = useTranslation('plan');
  const l = useLocalize();
  const id = useId();
  const [open, setOpen] = useState(false);
  const { save, failed } = usePlanItemSave(audit, entry.id);
  const status = useDraft(item?.status ?? 'todo', (value) => {
    if (!isStatus(value)) return;
    onStatusChange(entry.id);
    save({ status: value });
  });
  const title = planEntryTitle(entry, questions, l, t);
  const titleId = `${id}-title`;
  const panelId = `${id}-details`;
  const statusClass = isStatus(status.value) ? status.value : 'todo';

  return (
    <li className={`plan-row${entry.critical ? ' plan-row--critical' : ''} plan-row--${statusClass}`} aria-labelledby={titleId}>
      <div className="plan-row__line">
        <h3 className="plan-row__title">
          <button
            type="button"
            id={titleId}
            className="plan-row__toggle"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((value) => !value)}
          >
            <span className="plan-row__chevron" aria-hidden="true" />
            <span className="plan-row__text">{title}</span>
            {entry.critical && <span className="badge badge--critical">{t('entry.critical')}</span>}
            {entry.kind === 'verify' && <span className="badge badge--major">{t('entry.verify')}</span>}
            {item?.carriedFrom && <span className="badge badge--carried">{t('carriedShort')}</span>}
          </button>
        </h3>
        <p className="plan-row__who">
          <span className="visually-hidden">{t('entry.who')} : </span>
          {entryActors(entry)
            .map((actor) => t(`actor.${actor}`))
            .join(', ')}
        </p>
        <p className="plan-row__cost">
          <span aria-hidden="true">{t(`costShort.${entry.cost}`)}</span>
          <span className="visually-hidden">
            {t('entry.cost')} : {t(`cost.${entry.cost}`)}
          </span>
        </p>
        <div className="plan-row__status">
          <label htmlFor={`${id}-status`} className="visually-hidden">
            {t('row.statusLabel', { title })}
          </label>
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
      {failed && (
        <p className="alert alert--error" role="alert">
          {t('saveError')}
        </p>
      )}
      <div id={panelId} className="plan-row__details" hidden={!open}>
        {open && <PlanEntryDetails entry={entry} title={title} audit={audit} item={item} questions={questions} />}
      </div>
    </li>
  );
}
