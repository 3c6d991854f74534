/** Deleting one audit of a commune, after a confirmation that says what goes with it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDate } from '../../components/format';
import { deleteAudit } from '../../db/audits-repository';
import { listPlanItems } from '../../db/plan-repository';
import type { AuditRecord } from '../../db/records';
import { useConfirmedDelete } from '../../components/use-confirmed-delete';

export function DeleteAuditButton({ audit, onDeleted }: { audit: AuditRecord; onDeleted: (date: string) => void }) {
  const { t, i18n } = useTranslation('communes');
  const date = formatDate(audit.startedAt, i18n.language);
  const { open, busy, failed, ask, confirm, cancel } = useConfirmedDelete(
    () => deleteAudit(audit.id),
    () => onDeleted(date),
  );
  const followed = useLiveQuery(async () => (open ? (await listPlanItems(audit.id)).length : 0), [open, audit.id]);

  return (
    <>
      <button type="button" className="button button--quiet" onClick={ask}>
        {t('delete.audit.button')}
        <span className="visually-hidden"> {t('page.auditOf', { date })}</span>
      </button>
      <ConfirmDialog
        open={open}
        title={t('delete.audit.title', { date })}
        confirmLabel={t('delete.audit.confirm')}
        cancelLabel={t('delete.cancel')}
        busy={busy}
        onConfirm={confirm}
        onCancel={cancel}
      >
        <p>
          {t('delete.audit.body', {
            answers: t('delete.answers', { count: Object.keys(audit.answers).length }),
            followed: t('delete.followed', { count: followed ?? 0 }),
          })}
        </p>
        <p>{t('delete.irreversible')}</p>
        {failed && (
          <p className="alert alert--error" role="alert">
            {t('delete.failed')}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
