/** Asks the browser for persistent storage when shown, and says what it decided and how much space is used. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  rememberPersistence,
  requestPersistentStorage,
  storageUsage,
  type PersistenceState,
  type StorageUsage,
} from '../../services/storage/storage-persistence';
import { formatBytes } from './format-bytes';

export function StorageStatus() {
  const { t, i18n } = useTranslation('exchange');
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  const [usage, setUsage] = useState<StorageUsage | null>(null);

  useEffect(() => {
    let active = true;
    void requestPersistentStorage().then(async (state) => {
      if (!active) return;
      setPersistence(state);
      await rememberPersistence(state);
    });
    void storageUsage().then((value) => {
      if (active) setUsage(value);
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <section className="callout" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storage.title')}</h2>
      <p role="status">{persistence === null ? t('storage.checking') : t(`storage.${persistence}`)}</p>
      {usage && (
        <p className="muted">
          {t('storage.usage', { usage: formatBytes(usage.usage, i18n.language), quota: formatBytes(usage.quota, i18n.language) })}
        </p>
      )}
    </section>
  );
}
