/**
 * "Déconnecter cet appareil": its token is revoked on the server and the connection forgotten here, after a
 * confirmation that says what stays (what was sent stays in the mailbox; the audits stay on the device).
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useConfirmedDelete } from '../../components/use-confirmed-delete';

const loadOutbox = () => import('../../services/sync/outbox');

export function DisconnectDevice({ epci, onDisconnected }: { epci: string; onDisconnected: (revoked: boolean) => void }) {
  const { t } = useTranslation('sync');
  const revoked = useRef(true);
  const { open, busy, failed, ask, confirm, cancel } = useConfirmedDelete(
    async () => {
      revoked.current = (await (await loadOutbox()).disconnectDevice()).revoked;
    },
    () => onDisconnected(revoked.current),
  );

  return (
    <>
      <button type="button" className="button button--quiet" onClick={ask}>
        {t('disconnect.button')}
      </button>
      <ConfirmDialog open={open} title={t('disconnect.title', { epci })} confirmLabel={t('disconnect.confirm')} cancelLabel={t('disconnect.cancel')} busy={busy} onConfirm={confirm} onCancel={cancel}>
        <p>{t('disconnect.body')}</p>
        <p>{t('disconnect.kept')}</p>
        {failed && (
          <p className="alert alert--error" role="alert">
            {t('disconnect.failed')}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
