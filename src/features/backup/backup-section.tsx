/** Downloading a full backup of the device, optionally protected by a passphrase. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { loadBackupState } from '../../db/backup-settings';
import { db } from '../../db/database';
import { countData } from '../../db/exchange-repository';
import { ExportRefusedError, exportBackup } from '../../services/exchange/export-files';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import { ExportRefusedMessage } from './export-refused-message';
import { downloadFile } from './download-file';
import { formatBytes } from './format-bytes';
import { chosenPassphrase, judgePassphrase, NO_PASSPHRASE, PassphraseFields, passphraseProblem } from './passphrase-fields';

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
  const [passphrase, setPassphrase] = useState(NO_PASSPHRASE);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { ok: true; fileName: string } | { ok: false; tooLarge?: { bytes: number; maxBytes: number }; refused?: ExchangeError } | null
  >(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setOutcome(null);
    const judged = await judgePassphrase(passphrase);
    setPassphrase(judged);
    if (passphraseProblem(judged)) return;
    setBusy(true);
    try {
      const made = await exportBackup({ label: t('fileName.backup'), passphrase: chosenPassphrase(passphrase) });
      if (!made.ok) {
        // A backup the restore door would refuse is no backup: none is downloaded, none recorded.
        setOutcome({ ok: false, tooLarge: { bytes: made.bytes, maxBytes: made.maxBytes } });
        return;
      }
      const { file } = made;
      downloadFile(file.fileName, file.text);
      setOutcome({ ok: true, fileName: file.fileName });
      setPassphrase(NO_PASSPHRASE);
      setSubmitted(false);
    } catch (error) {
      setOutcome(error instanceof ExportRefusedError ? { ok: false, refused: error.refusal } : { ok: false });
    } finally {
      setBusy(false);
    }
  };

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
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <PassphraseFields value={passphrase} onChange={setPassphrase} showErrors={submitted} />
          <p>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('backup.download')}
            </button>
          </p>
        </form>
      )}
      {outcome?.ok === true && (
        <p className="alert alert--success" role="status">
          {t('backup.done', { fileName: outcome.fileName })}
        </p>
      )}
      {outcome?.ok === false &&
        (outcome.tooLarge ? (
          <div className="alert alert--error" role="alert">
            <p>
              {t('backup.tooLarge', {
                size: formatBytes(outcome.tooLarge.bytes, i18n.language),
                max: formatBytes(outcome.tooLarge.maxBytes, i18n.language),
              })}
            </p>
            <p>
              {t('backup.tooLargeAdvice')} <Link to="/donnees/exporter">{t('backup.tooLargeLink')}</Link>
            </p>
          </div>
        ) : outcome.refused ? (
          <ExportRefusedMessage refusal={outcome.refused} />
        ) : (
          <p className="alert alert--error" role="alert">
            {t('errors.export-failed')}
          </p>
        ))}
    </section>
  );
}
