/** Downloading a full backup of the device, optionally protected by a passphrase. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { loadBackupState } from '../../db/backup-settings';
import { db } from '../../db/database';
import { countData } from '../../db/exchange-repository';
import { exportBackup } from '../../services/exchange/export-files';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import { ExportRefusedMessage } from './export-refused-message';
import { exportedFile, exportRefusal } from './exported-file';
import { formatBytes } from './format-bytes';
import { PassphraseFields } from './passphrase-fields';
import { usePassphraseDownload } from './use-passphrase-download';

/** Why no backup was downloaded, when the page can say it: too large for the restore door, or refused by it. */
type BackupRefusal = { tooLarge: { bytes: number; maxBytes: number } } | { exchange: ExchangeError };

const MAILBOX_EPCI_KEY = 'mailbox-epci';

export function BackupSection() {
  const { t, i18n } = useTranslation('exchange');
  const counts = useLiveQuery(countData);
  const state = useLiveQuery(loadBackupState);
  // An EPCI's device holding the mailbox key (ready or still sealed after a restore): it goes into encrypted backups.
  const holdsMailboxKey = useLiveQuery(async () => {
    const value = (await db.settings.get(MAILBOX_EPCI_KEY))?.value as { sealedKey?: unknown } | null | undefined;
    return Boolean(value?.sealedKey);
  }, []);
  const form = usePassphraseDownload<BackupRefusal>(async (passphrase) => {
    try {
      const made = await exportBackup({ label: t('fileName.backup'), passphrase });
      // A backup the restore door would refuse is no backup: none is downloaded, none recorded.
      if (!made.ok) return { refused: { tooLarge: { bytes: made.bytes, maxBytes: made.maxBytes } } };
      return exportedFile(made.file);
    } catch (error) {
      return { refused: { exchange: exportRefusal(error) } };
    }
  });
  const outcome = form.state;

  const empty = counts !== undefined && counts.communes === 0;
  // With nothing else on the device, the key alone is still worth a backup: losing it loses every audit sent.
  const savable = !empty || holdsMailboxKey === true;
  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p>{t('backup.body')}</p>
      {state && <p>{state.lastBackupAt ? t('backup.last', { date: formatDate(state.lastBackupAt, i18n.language) }) : t('backup.never')}</p>}
      {counts && (
        <p>
          {empty
            ? t('backup.empty')
            : t('backup.contents', { communes: t('backup.communes', { count: counts.communes }), audits: t('backup.audits', { count: counts.audits }) })}
        </p>
      )}
      {holdsMailboxKey && <p>{t('backup.mailboxKey')}</p>}
      {savable && (
        <form className="form" onSubmit={(e) => void form.submit(e)} noValidate>
          <PassphraseFields value={form.passphrase} onChange={form.setPassphrase} showErrors={form.submitted} />
          <p>
            <button type="submit" className="button button--primary" disabled={outcome.status === 'busy'}>
              {t('backup.download')}
            </button>
          </p>
        </form>
      )}
      {outcome.status === 'done' && (
        <p className="alert alert--success" role="status">
          {t('backup.done', { fileName: outcome.fileNames[0] })}
        </p>
      )}
      {outcome.status === 'error' &&
        (outcome.refusal === undefined ? (
          <p className="alert alert--error" role="alert">
            {t('errors.export-failed')}
          </p>
        ) : 'tooLarge' in outcome.refusal ? (
          <div className="alert alert--error" role="alert">
            <p>
              {t('backup.tooLarge', {
                size: formatBytes(outcome.refusal.tooLarge.bytes, i18n.language),
                max: formatBytes(outcome.refusal.tooLarge.maxBytes, i18n.language),
              })}
            </p>
            <p>
              {t('backup.tooLargeAdvice')} <Link to="/donnees/exporter">{t('backup.tooLargeLink')}</Link>
            </p>
          </div>
        ) : (
          <ExportRefusedMessage refusal={outcome.refusal.exchange} />
        ))}
    </section>
  );
}
