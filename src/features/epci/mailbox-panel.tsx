/**
 * The EPCI's mailbox: sign in, make the key on this device, invite a member commune, list and revoke the communes'
 * devices, and "Recevoir" what the communes sent, opened on this device and imported as files are. The sync code
 * loads only when used (import()).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database';
import { loadSummaryContext } from '../../db/epci-repository';
import type { ImportedRecords } from '../../domain/epci/with-imported';
import { TextField } from '../../components/field';
import { MAILBOX_ACCOUNT_LIMITS } from '../../domain/limits';
import { formatDate } from '../../components/format';
import { errorCode } from '../../components/mailbox-error-code';
import { MailboxDevices } from './mailbox-devices';

const MAILBOX_EPCI_KEY = 'mailbox-epci';
const loadReceive = () => import('../../services/sync/receive');
const loadKeyBackup = () => import('../../services/sync/epci-key-backup');

interface StoredConnection {
  serverUrl?: string;
  session?: string;
  email?: string;
  key?: unknown;
  pendingKey?: unknown;
  lastPullAt?: string | null;
}

type Progress = { stage: 'receiving'; done: number } | { stage: 'reading' | 'writing' | 'done'; done: number; total: number };

interface Outcome {
  imported: number;
  duplicate: number;
  failed: number;
  refused: Array<{ name: string; problem: string }>;
  withdrawn: number;
}

export function MailboxPanel({ onImported }: { onImported: (imported: ImportedRecords) => void }) {
  const { t, i18n } = useTranslation('sync');
  const id = useId();
  const connection = useLiveQuery(async () => {
    const value = (await db.settings.get(MAILBOX_EPCI_KEY))?.value as StoredConnection | null | undefined;
    return value
      ? {
          serverUrl: value.serverUrl ?? '',
          email: value.email ?? '',
          // A restored backup brings the key but no session: sign in again.
          signedIn: Boolean(value.session),
          hasKey: Boolean(value.key),
          // Restored, still sealed with a passphrase other than the backup's.
          sealedOnly: !value.key && Boolean(value.pendingKey),
          lastPullAt: value.lastPullAt ?? null,
        }
      : null;
  }, []);
  const [form, setForm] = useState({ serverUrl: '', email: '', password: '', secret: '', siren: '', name: '', passphrase: '', insee: '' });
  const [firstAccount, setFirstAccount] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ insee: string; code: string; expiresAt: string } | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // After a restore the server and account are known: the sign-in form starts filled in.
  const knownUrl = connection?.serverUrl ?? '';
  const knownEmail = connection?.email ?? '';
  useEffect(() => {
    if (knownUrl !== '' || knownEmail !== '') setForm((current) => ({ ...current, serverUrl: current.serverUrl || knownUrl, email: current.email || knownEmail }));
  }, [knownUrl, knownEmail]);
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }), disabled: busy });

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (caught) {
      setError(errorCode(caught));
    }
    setBusy(false);
  };

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const sync = await loadReceive();
      await sync.signIn(form.serverUrl, form.email, form.password, firstAccount ? form.secret : undefined, firstAccount ? { siren: form.siren, name: form.name } : undefined);
      setForm({ ...form, password: '', secret: '' });
    });
  };

  const createKey = (event: FormEvent) => {
    event.preventDefault();
    if (form.passphrase.length < 12) {
      setError('passphrase-too-short');
      return;
    }
    void run(async () => {
      await (await loadReceive()).createKey(form.passphrase);
      setForm({ ...form, passphrase: '' });
    });
  };

  const reopenKey = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await (await loadKeyBackup()).reopenRestoredKey(form.passphrase);
      setForm({ ...form, passphrase: '' });
    });
  };

  const invite = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const made = await (await loadReceive()).inviteCommune(form.insee.trim());
      setInvitation({ insee: form.insee.trim(), ...made });
    });
  };

  const receive = () =>
    void run(async () => {
      setOutcome(null);
      setProgress({ stage: 'receiving', done: 0 });
      try {
        const result = await (await loadReceive()).receive(await loadSummaryContext(), setProgress);
        setOutcome({ ...result.audits, refused: result.refused, withdrawn: result.withdrawn });
        onImported(result.import.written);
      } finally {
        setProgress(null);
      }
    });

  const progressLabel =
    progress === null ? '' : progress.stage === 'receiving' ? t('receive.progress.receiving', { count: progress.done }) : t(`receive.progress.${progress.stage}`, { done: progress.done, total: progress.total });

  return (
    <section className="mailbox" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('epci.title')}</h2>
      {(connection === null || connection?.signedIn === false) && (
        <form onSubmit={signIn}>
          <p>{connection ? t('epci.signInAgain') : t('epci.intro')}</p>
          <TextField label={t('send.serverUrl')} type="url" required maxLength={MAILBOX_ACCOUNT_LIMITS.serverUrl} {...field('serverUrl')} />
          <TextField label={t('epci.email')} type="email" autoComplete="username" required maxLength={MAILBOX_ACCOUNT_LIMITS.email} {...field('email')} />
          <TextField label={t('epci.password')} hint={t('epci.passwordHint')} type="password" autoComplete="current-password" required {...field('password')} />
          <div className="field field--checkbox">
            <input id={`${id}-first`} type="checkbox" checked={firstAccount} onChange={(event) => setFirstAccount(event.target.checked)} disabled={busy} />
            <label htmlFor={`${id}-first`}>{t('epci.firstAccount')}</label>
          </div>
          {firstAccount && (
            <>
              <TextField label={t('epci.secret')} hint={t('epci.secretHint')} autoComplete="off" required {...field('secret')} />
              <TextField label={t('epci.siren')} inputMode="numeric" pattern="[0-9]{9}" required {...field('siren')} />
              <TextField label={t('epci.name')} required {...field('name')} />
            </>
          )}
          <button type="submit" className="button" disabled={busy}>
            {t('epci.signIn')}
          </button>
        </form>
      )}
      {connection?.signedIn && connection.sealedOnly && (
        <form onSubmit={reopenKey}>
          <p>{t('epci.reopenIntro')}</p>
          <TextField label={t('epci.passphrase')} type="password" autoComplete="current-password" required {...field('passphrase')} />
          <button type="submit" className="button" disabled={busy}>
            {t('epci.reopenKey')}
          </button>
        </form>
      )}
      {connection?.signedIn && !connection.hasKey && !connection.sealedOnly && (
        <form onSubmit={createKey}>
          <p>{t('epci.keyIntro')}</p>
          <TextField label={t('epci.passphrase')} hint={t('epci.passphraseHint')} type="password" autoComplete="new-password" required {...field('passphrase')} />
          <button type="submit" className="button" disabled={busy}>
            {t('epci.createKey')}
          </button>
        </form>
      )}
      {connection?.signedIn && connection.hasKey && (
        <>
          <p>{connection.lastPullAt ? t('receive.last', { date: formatDate(connection.lastPullAt, i18n.language) }) : t('receive.never')}</p>
          <button type="button" className="button button--primary" onClick={receive} disabled={busy}>
            {t('receive.button')}
          </button>
          <form onSubmit={invite} className="mailbox__invite">
            <h3>{t('invite.title')}</h3>
            <TextField label={t('invite.insee')} hint={t('invite.inseeHint')} pattern="[0-9][0-9AB][0-9]{3}" required {...field('insee')} />
            <button type="submit" className="button" disabled={busy}>
              {t('invite.button')}
            </button>
          </form>
          {invitation && (
            <p className="mailbox__code">
              {t('invite.code', { insee: invitation.insee, date: formatDate(invitation.expiresAt, i18n.language) })} <strong>{invitation.code}</strong>
            </p>
          )}
        </>
      )}
      {connection?.signedIn && <MailboxDevices />}
      <p role="status" aria-live="polite">
        {progress ? progressLabel : outcome ? t('receive.done', { imported: outcome.imported, duplicate: outcome.duplicate, failed: outcome.failed + outcome.refused.length, withdrawn: outcome.withdrawn }) : ''}
      </p>
      {progress && (
        <div className="progress">
          <span className="progress__label" aria-hidden="true">
            {progressLabel}
          </span>
          {progress.stage === 'reading' ? <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={progressLabel} /> : <progress aria-label={progressLabel} />}
        </div>
      )}
      {outcome && outcome.refused.length > 0 && (
        <ul>
          {outcome.refused.map((envelope) => (
            <li key={envelope.name}>
              {envelope.name} — {t(`errors.${envelope.problem}`)}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {t(`errors.${error}`, { defaultValue: t('errors.unexpected') })}
        </p>
      )}
    </section>
  );
}
