/**
 * Erasing everything the user made on this device (a shared laptop cleaned, a request to erase), after a
 * confirmation that says what goes and offers a backup first.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDownload } from '../../components/download-button';
import { formatDate } from '../../components/format';
import { loadBackupState } from '../../db/backup-settings';
import { countData, eraseAllData } from '../../db/exchange-repository';
import { exportBackup } from '../../services/exchange/export-files';
import { exportedFile } from './exported-file';

export function EraseSection() {
  const { t, i18n } = useTranslation('exchange');
  const counts = useLiveQuery(countData);
  const backupState = useLiveQuery(loadBackupState);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'erased' | 'failed' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const download = useDownload<'too-large'>(async () => {
    const made = await exportBackup({ label: t('fileName.backup') });
    return made.ok ? exportedFile(made.file) : { refused: 'too-large' };
  });
  const backup = download.state;

  const erase = async () => {
    setBusy(true);
    const result = await eraseAllData();
    setBusy(false);
    setOutcome(result.ok ? 'erased' : 'failed');
    if (!result.ok) return;
    setOpen(false);
    download.reset();
    heading.current?.focus();
  };

  const empty = counts !== undefined && counts.communes === 0 && counts.audits === 0;
  const plural = (key: 'communes' | 'audits', count: number) => t(`backup.${key}`, { count });

  return (
    <section aria-labelledby="erase-title">
      <h2 id="erase-title" ref={heading} tabIndex={-1}>
        {t('erase.title')}
      </h2>
      <p>{t('erase.body')}</p>
      {outcome === 'erased' && (
        <p className="alert alert--success" role="status">
          {t('erase.done')}
        </p>
      )}
      {counts === undefined ? null : empty ? (
        outcome !== 'erased' && <p>{t('erase.empty')}</p>
      ) : (
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            setOutcome(null);
            setOpen(true);
          }}
        >
          {t('erase.button')}
        </button>
      )}
      <ConfirmDialog
        open={open}
        title={t('erase.dialogTitle')}
        confirmLabel={t('erase.confirm')}
        cancelLabel={t('erase.cancel')}
        busy={busy || backup.status === 'busy'}
        onConfirm={() => void erase()}
        onCancel={() => {
          setOpen(false);
          setOutcome(null);
          download.reset();
        }}
      >
        <p>
          {t('erase.what', {
            communes: plural('communes', counts?.communes ?? 0),
            audits: plural('audits', counts?.audits ?? 0),
          })}
        </p>
        <p>{t('erase.kept')}</p>
        <h3>{t('erase.backupTitle')}</h3>
        <p>
          {backupState?.lastBackupAt ? t('backup.last', { date: formatDate(backupState.lastBackupAt, i18n.language) }) : t('backup.never')}{' '}
          {t('erase.backupAdvice')}
        </p>
        <p>
          <button type="button" className="button button--primary" disabled={backup.status === 'busy'} onClick={() => void download.start()}>
            {t('erase.backupButton')}
          </button>
        </p>
        {backup.status === 'done' && (
          <p className="alert alert--success" role="status">
            {t('backup.done', { fileName: backup.fileNames[0] })}
          </p>
        )}
        {backup.status === 'error' && backup.refusal === 'too-large' && (
          <p className="alert alert--error" role="alert">
            {t('erase.backupTooLarge')}
          </p>
        )}
        {backup.status === 'error' && backup.refusal === undefined && (
          <p className="alert alert--error" role="alert">
            {t('errors.export-failed')}
          </p>
        )}
        {outcome === 'failed' && (
          <p className="alert alert--error" role="alert">
            {t('erase.failed')}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
