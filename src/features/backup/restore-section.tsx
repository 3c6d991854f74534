/** Restoring a full backup: read and check the file, show what it holds, then replace everything after explicit consent. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { countData } from '../../db/exchange-repository';
import { openExportFile, restoreBackup } from '../../services/exchange/import-files';
import { EXPORT_LIMITS } from '../../domain/exchange/export-format';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import type { ParsedExport } from '../../domain/exchange/read-export-file';
import { ExchangeErrorMessage } from './exchange-error-message';
import { formatBytes } from './format-bytes';
import { PassphrasePrompt } from './passphrase-fields';
import { useFreshFileInput } from './use-fresh-file-input';

type State =
  | { step: 'choose' }
  | { step: 'busy' }
  | { step: 'passphrase'; file: File; error: ExchangeError | null }
  | { step: 'confirm'; parsed: ParsedExport; passphrase: string | undefined }
  | { step: 'failed'; error: ExchangeError }
  | { step: 'done'; communes: number; audits: number; mailboxKey: boolean };

export function RestoreSection() {
  const { t, i18n } = useTranslation('exchange');
  const id = useId();
  const counts = useLiveQuery(countData);
  const [state, setState] = useState<State>({ step: 'choose' });
  const [consent, setConsent] = useState(false);
  // Starting again gives a fresh, empty file input with the focus: the keyboard is where the next step is.
  const { key: inputKey, mount: mountInput, renew: renewInput } = useFreshFileInput();
  const maxBytes = EXPORT_LIMITS.backupFileBytes;

  /** Back to the empty form: the file, its passphrase prompt, message or preview forgotten, nothing written. */
  const reset = () => {
    renewInput(true);
    setConsent(false);
    setState({ step: 'choose' });
  };

  const open = async (file: File, passphrase?: string) => {
    setState({ step: 'busy' });
    const result = await openExportFile(file, { passphrase, maxBytes });
    if (result.ok) {
      setState(result.value.kind === 'backup' ? { step: 'confirm', parsed: result.value, passphrase } : { step: 'failed', error: { code: 'not-a-backup' } });
    } else if (result.error.code === 'passphrase-required' || (passphrase && result.error.code === 'wrong-passphrase-or-tampered')) {
      setState({ step: 'passphrase', file, error: passphrase ? result.error : null });
    } else {
      setState({ step: 'failed', error: result.error });
    }
  };

  const restore = async (parsed: ParsedExport, passphrase: string | undefined) => {
    setState({ step: 'busy' });
    // The passphrase opens the EPCI's mailbox key too when the chargé(e) chose the same one for both.
    const result = await restoreBackup(parsed, { passphrase });
    setConsent(false);
    renewInput(false);
    setState(
      result.ok
        ? { step: 'done', communes: parsed.payload.communes.length, audits: parsed.payload.audits.length, mailboxKey: parsed.mailboxKey !== null }
        : { step: 'failed', error: result.error },
    );
  };

  const plural = (key: 'communes' | 'audits', count: number) => t(`backup.${key}`, { count });

  return (
    <section aria-labelledby="restore-title">
      <h2 id="restore-title">{t('restore.title')}</h2>
      <p>{t('restore.body')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('restore.file')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t('restore.fileHint', { size: formatBytes(maxBytes, i18n.language) })}
        </p>
        <input
          key={inputKey}
          ref={mountInput}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setConsent(false);
            if (file) void open(file);
          }}
        />
      </div>

      {state.step === 'busy' && (
        <p className="loading" role="status">
          {t('import.reading')}
        </p>
      )}
      {state.step === 'passphrase' && (
        <>
          {state.error && <ExchangeErrorMessage error={state.error} maxBytes={maxBytes} />}
          <PassphrasePrompt
            busy={false}
            onSubmit={(passphrase) => void open(state.file, passphrase)}
            retry={state.error !== null}
            cancel={{ label: t('restore.cancel'), onCancel: reset }}
          />
        </>
      )}
      {state.step === 'failed' && (
        <>
          <ExchangeErrorMessage error={state.error} maxBytes={maxBytes} />
          <p>
            <button type="button" className="button" onClick={reset}>
              {t('restore.chooseOther')}
            </button>
          </p>
        </>
      )}
      {state.step === 'confirm' && (
        <form
          className="callout form"
          onSubmit={(e) => {
            e.preventDefault();
            if (consent) void restore(state.parsed, state.passphrase);
          }}
        >
          <p>
            {t('restore.preview', {
              date: formatDate(state.parsed.exportedAt, i18n.language),
              communes: plural('communes', state.parsed.payload.communes.length),
              audits: plural('audits', state.parsed.payload.audits.length),
            })}
          </p>
          {state.parsed.mailboxKey && <p>{t('restore.mailboxKey', { email: state.parsed.mailboxKey.email, server: state.parsed.mailboxKey.serverUrl })}</p>}
          <div className="checkbox-field">
            <input id={`${id}-consent`} type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
            <label htmlFor={`${id}-consent`}>{t('restore.confirm', { audits: plural('audits', counts?.audits ?? 0) })}</label>
          </div>
          <p className="card__actions">
            <button type="submit" className="button button--danger" disabled={!consent}>
              {t('restore.submit')}
            </button>
            <button type="button" className="button button--quiet" onClick={reset}>
              {t('restore.cancel')}
            </button>
          </p>
        </form>
      )}
      {state.step === 'done' && (
        <div className="alert alert--success" role="status">
          <p>{t('restore.done', { communes: plural('communes', state.communes), audits: plural('audits', state.audits) })}</p>
          {state.mailboxKey && <p>{t('restore.mailboxKeyDone')}</p>}
        </div>
      )}
    </section>
  );
}
