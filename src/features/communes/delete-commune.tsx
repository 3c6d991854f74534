/** Deleting a commune with its audits and plans (a request to erase, a shared laptop cleaned), after a confirmation. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { countCommuneData, deleteCommune } from '../../db/communes-repository';
import type { CommuneRecord } from '../../db/records';
import { useConfirmedDelete } from '../../components/use-confirmed-delete';

export function DeleteCommuneSection({ commune }: { commune: CommuneRecord }) {
  const { t } = useTranslation('communes');
  const navigate = useNavigate();
  const { open, busy, failed, ask, confirm, cancel } = useConfirmedDelete(async () => {
    await deleteCommune(commune.id);
    // The commune's page is gone: back to the list, which says what was deleted.
    await navigate('/', { replace: true, state: { deletedCommune: commune.name } });
  });
  const counts = useLiveQuery(() => countCommuneData(commune.id), [commune.id]);

  return (
    <section aria-labelledby="delete-commune-title">
      <h2 id="delete-commune-title">{t('delete.commune.sectionTitle')}</h2>
      <p>{t('delete.commune.intro')}</p>
      <button type="button" className="button button--danger" onClick={ask}>
        {t('delete.commune.button', { commune: commune.name })}
      </button>
      <ConfirmDialog
        open={open}
        title={t('delete.commune.title', { commune: commune.name })}
        confirmLabel={t('delete.commune.confirm')}
        cancelLabel={t('delete.cancel')}
        busy={busy}
        onConfirm={confirm}
        onCancel={cancel}
      >
        <p>
          {t('delete.commune.body', {
            count: counts?.audits ?? 0,
            followed: t('delete.followed', { count: counts?.planItems ?? 0 }),
          })}
        </p>
        <p>{t('delete.irreversible')}</p>
        {failed && (
          <p className="alert alert--error" role="alert">
            {t('delete.failed')}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
