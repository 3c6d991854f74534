/**
 * "Retirer de la boîte aux lettres": the server erases the audit's envelope, after a confirmation that says what it
 * cannot do: what the intercommunalité already received stays on its device (its next "Recevoir" only counts the
 * audit as withdrawn).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useConfirmedDelete } from '../../components/use-confirmed-delete';
import { errorCode } from '../../components/mailbox-error-code';

const loadOutbox = () => import('../../services/sync/outbox');

/**
 * `offered`: the audit is in the outbox (sent or waiting). The dialog stays mounted without it: withdrawing takes the
 * row out while the server is asked, and puts it back if the server cannot be reached.
 */
export function WithdrawFromMailbox({ auditId, epci, offered, onWithdrawn }: { auditId: string; epci: string; offered: boolean; onWithdrawn: () => void }) {
  const { t } = useTranslation('sync');
  const [reason, setReason] = useState('unexpected');
  const { open, busy, failed, ask, confirm, cancel } = useConfirmedDelete(async () => {
    try {
      await (await loadOutbox()).withdrawAudit(auditId);
    } catch (caught) {
      setReason(errorCode(caught));
      throw caught;
    }
  }, onWithdrawn);

  return (
    <>
      {offered && (
        <button type="button" className="button button--quiet" onClick={ask}>
          {t('withdraw.button')}
        </button>
      )}
      <ConfirmDialog open={open} title={t('withdraw.title', { epci })} confirmLabel={t('withdraw.confirm')} cancelLabel={t('withdraw.cancel')} busy={busy} onConfirm={confirm} onCancel={cancel}>
        <p>{t('withdraw.body')}</p>
        <p>{t('withdraw.kept')}</p>
        {failed && (
          <p className="alert alert--error" role="alert">
            {t('withdraw.failed', { reason: t(`errors.${reason}`, { defaultValue: t('errors.unexpected') }) })}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
