/** The plan's two filters: who acts, and where the action stands. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES } from '../../db/plan-repository';
import type { PlanItemStatus } from '../../db/records';
import type { Actor } from '../../domain/actions/schema';

export interface PlanFilter {
  who: Actor | 'all';
  status: PlanItemStatus | 'all';
}

export const NO_FILTER: PlanFilter = { who: 'all', status: 'all' };

export function PlanFilters({
  actors,
  filter,
  onChange,
  shown,
  total,
}: {
  /** The actors of this plan, in the order to offer them. */
  actors: readonly Actor[];
  filter: PlanFilter;
  onChange: (filter: PlanFilter) => void;
  shown: number;
  total: number;
}) {
  const { t } = useTranslation('plan');
  const id = useId();
  const filtered = filter.who !== 'all' || filter.status !== 'all';
  return (
    <div className="plan-filters" role="group" aria-labelledby={`${id}-label`}>
      <h2 id={`${id}-label`} className="plan-filters__label">
        {t('filters.label')}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-who`}>{t('filters.who')}</label>
        <select
          id={`${id}-who`}
          value={filter.who}
          onChange={(e) => onChange({ ...filter, who: actors.find((actor) => actor === e.target.value) ?? 'all' })}
        >
          <option value="all">{t('filters.everyone')}</option>
          {actors.map((actor) => (
            <option key={actor} value={actor}>
              {t(`actor.${actor}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('filters.status')}</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: PLAN_ITEM_STATUSES.find((status) => status === e.target.value) ?? 'all' })}
        >
          <option value="all">{t('filters.anyStatus')}</option>
          {PLAN_ITEM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="plan-filters__count" role="status">
        {filtered ? t('filters.shown', { count: shown, total }) : ''}
      </p>
      {filtered && (
        <button type="button" className="button button--quiet" onClick={() => onChange(NO_FILTER)}>
          {t('filters.reset')}
        </button>
      )}
    </div>
  );
}
