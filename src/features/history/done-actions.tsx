/**
 * The actions marked done in the older audit's plan (titled from its own version's catalogue), and what the newer
 * audit's answers say about each.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { loadActionCatalogueVersionShared } from '../../content/load-actions';
import { db } from '../../db/database';
import type { AuditRecord } from '../../db/records';
import { useLocalize } from '../../components/use-questionnaire';
import { doneActionOutcomes, type AuditComparison } from '../../domain/history/compare-audits';
import type { Questionnaire } from '../../domain/questionnaire/schema';

export function DoneActions({
  older,
  questionnaire,
  comparison,
  fromDate,
  toDate,
}: {
  older: AuditRecord;
  /** The newer audit's questionnaire version, whose answers tell what became of each action. */
  questionnaire: Questionnaire;
  comparison: AuditComparison;
  fromDate: string;
  toDate: string;
}) {
  const { t } = useTranslation('history');
  const l = useLocalize();
  const catalogue = use(loadActionCatalogueVersionShared(older.questionnaireVersion));
  const olderAuditId = older.id;
  const done = useLiveQuery(
    () =>
      db.planItems
        .where('auditId')
        .equals(olderAuditId)
        .filter((item) => item.status === 'done')
        .toArray(),
    [olderAuditId],
  );
  if (done === undefined) return null;
  if (done.length === 0) return <p>{t('actions.none', { date: fromDate })}</p>;
  const outcomes = doneActionOutcomes(
    questionnaire,
    comparison,
    done.map((item) => item.actionId),
  );
  return (
    <>
      <p>{t('actions.intro', { from: fromDate, to: toDate })}</p>
      <ul className="done-actions">
        {outcomes.map((outcome) => {
          const action = catalogue?.get(outcome.actionId);
          return (
            <li key={outcome.actionId}>
              <span className="done-actions__title">{action ? l(action.title) : outcome.actionId}</span>
              <span className={`done-actions__effect done-actions__effect--${outcome.effect}`}>
                {t(`actions.effect.${outcome.effect}`, { date: toDate })}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
