/**
 * "Envoyer à mon intercommunalité": the audit goes into the outbox at once (offline too) and leaves when the network
 * is there. The sync code is loaded only when the user connects or sends (import()).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database';
import { TextField } from '../../components/field';
import { MAILBOX_ACCOUNT_LIMITS } from '../../domain/limits';
import { formatDate } from '../../components/format';
import { DisconnectDevice } from './disconnect-device';
import { errorCode } from '../../components/mailbox-error-code';
import { WithdrawFromMailbox } from './withdraw-from-mailbox';

const MAILBOX_DEVICE_KEY = 'mailbox-device';

const loadOutbox = () => import('../../services/sync/outbox');
const startRunner = () => import('../../services/sync/outbox-runner').then((m) => m.startOutboxRunner());

export function SendToEpci({ auditId, auditUpdatedAt }: { auditId: string; auditUpdatedAt: string }) {
  const { t, i18n } = useTranslation('sync');
  const id = useId();
  const connected = useLiveQuery(async () => {
    const setting = await db.settings.get(MAILBOX_DEVICE_KEY);
    const value = setting?.value as { epci?: { name?: string } } | null | undefined;
    return value ? (value.epci?.name ?? '') : null;
  }, []);
  const record = useLiveQuery(() => db.outbox.get(auditId), [auditId]);
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** What the last withdrawal or disconnection did, said once it is done (the row or the connection is gone). */
  const [notice, setNotice] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The button that opened the dialog is gone once it is done: the focus goes back to the section's title.
  const done = (message: string) => {
    setNotice(message);
    titleRef.current?.focus();
  };

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await (await loadOutbox()).connectDevice(serverUrl, code);
      setCode('');
      void startRunner();
    } catch (caught) {
      setError(errorCode(caught));
    }
    setBusy(false);
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await (await loadOutbox()).queueAudit(auditId);
      void startRunner();
    } catch (caught) {
      setError(errorCode(caught));
    }
    setBusy(false);
  };

  const modifiedSinceSent = record?.state === 'sent' && auditUpdatedAt > record.versionDate;
  const state =
    record === undefined
      ? null
      : record.state === 'pending'
        ? record.lastError
          ? t('send.state.retrying', { reason: t(`errors.${record.lastError}`, { defaultValue: t('errors.unexpected') }) })
          : t('send.state.pending')
        : t('send.state.sent', { date: formatDate(record.sentAt ?? record.queuedAt, i18n.language) });

  return (
    <section className="send-to-epci" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
        {t('send.title')}
      </h2>
      {connected === null && (
        <form onSubmit={(event) => void connect(event)}>
          <p>{t('send.connectIntro')}</p>
          <TextField label={t('send.serverUrl')} hint={t('send.serverUrlHint')} type="url" required maxLength={MAILBOX_ACCOUNT_LIMITS.serverUrl} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} disabled={busy} />
          <TextField label={t('send.code')} hint={t('send.codeHint')} required autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} disabled={busy} />
          <button type="submit" className="button" disabled={busy}>
            {t('send.connect')}
          </button>
        </form>
      )}
      {typeof connected === 'string' && (
        <>
          <p>{t('send.intro', { epci: connected })}</p>
          {(record === undefined || modifiedSinceSent) && (
            <button type="button" className="button button--primary" onClick={() => void send()} disabled={busy}>
              {t('send.button')}
            </button>
          )}
          <WithdrawFromMailbox auditId={auditId} epci={connected} offered={record !== undefined} onWithdrawn={() => done(t('withdraw.done'))} />
          <DisconnectDevice epci={connected} onDisconnected={(revoked) => done(t(revoked ? 'disconnect.done' : 'disconnect.doneOffline'))} />
        </>
      )}
      <p role="status" aria-live="polite">
        {[state, modifiedSinceSent ? t('send.state.modified') : null, notice].filter(Boolean).join(' ')}
      </p>
      {error && (
        <p className="alert alert--error" role="alert">
          {t(`errors.${error}`, { defaultValue: t('errors.unexpected') })}
        </p>
      )}
    </section>
  );
}
