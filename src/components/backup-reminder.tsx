/**
 * The home page's reminder to back up: shown when the last backup is old and audits changed since (or never
 * backed up, a month after the first audit), and when the browser refused persistent storage. Both dismissible.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { db } from '../db/database';
import { loadBackupState, snoozeBackupReminder } from '../db/backup-settings';
import { recordedPersistence } from '../services/storage/storage-persistence';
import { shouldRemindBackup, snoozeUntil } from '../domain/exchange/backup-reminder';
import { formatDate } from './format';

const PERSISTENCE_NOTICE_SEEN = 'storage-persistence-notice-seen';

async function loadReminder() {
  const [state, persistence, noticeSeen] = await Promise.all([
    loadBackupState(),
    recordedPersistence(),
    db.settings.get(PERSISTENCE_NOTICE_SEEN),
  ]);
  return { state, persistenceRefused: persistence === 'refused' && noticeSeen === undefined };
}

export function BackupReminder({ today }: { today?: Date }) {
  const { t, i18n } = useTranslation('exchange');
  // The clock is read once per visit of the page: the reminder does not need to tick.
  const [now] = useState(() => today ?? new Date());
  const loaded = useLiveQuery(loadReminder);
  const reminder = loaded && {
    remind: shouldRemindBackup({ now, ...loaded.state }),
    lastBackupAt: loaded.state.lastBackupAt,
    persistenceRefused: loaded.persistenceRefused,
  };
  if (!reminder || (!reminder.remind && !reminder.persistenceRefused)) return null;

  if (!reminder.remind) {
    return (
      <div className="callout callout--info" role="region" aria-labelledby="persistence-title">
        <h2 id="persistence-title">{t('storage.title')}</h2>
        <p>{t('reminder.persistenceRefused')}</p>
        <p className="card__actions">
          <Link className="button" to="/donnees">
            {t('reminder.action')}
          </Link>
          <button type="button" className="button button--quiet" onClick={() => void db.settings.put({ key: PERSISTENCE_NOTICE_SEEN, value: now.toISOString() })}>
            {t('reminder.persistenceAcknowledge')}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="callout callout--info" role="region" aria-labelledby="backup-reminder-title">
      <h2 id="backup-reminder-title">{t('reminder.title')}</h2>
      <p>
        {reminder.lastBackupAt ? t('reminder.old', { date: formatDate(reminder.lastBackupAt, i18n.language) }) : t('reminder.never')}{' '}
        {t('reminder.why')}
      </p>
      {reminder.persistenceRefused && <p>{t('reminder.persistenceRefused')}</p>}
      <p className="card__actions">
        <Link className="button button--primary" to="/donnees">
          {t('reminder.action')}
        </Link>
        <button type="button" className="button button--quiet" onClick={() => void snoozeBackupReminder(snoozeUntil(now))}>
          {t('reminder.snooze')}
        </button>
      </p>
    </div>
  );
}
