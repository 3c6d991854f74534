/**
 * The member communes' devices on the mailbox, and "Révoquer" for one of them (a lost tablet): after a
 * confirmation that says what it changes, the device's token can no longer send. Names come from the directory
 * the EPCI view already loads; until it is there (or if it fails), the INSEE code alone says which commune.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDate } from '../../components/format';
import { errorCode } from '../../components/mailbox-error-code';
import { useConfirmedDelete } from '../../components/use-confirmed-delete';
import { loadDirectory } from '../../content/load-directory';
import type { CommuneDevice } from '../../services/sync/epci-devices';

const loadDevices = () => import('../../services/sync/epci-devices');

export function MailboxDevices() {
  const { t, i18n } = useTranslation('sync');
  const id = useId();
  const [devices, setDevices] = useState<CommuneDevice[] | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, { name: string }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<CommuneDevice | null>(null);
  const [reason, setReason] = useState('unexpected');

  const refresh = useCallback(async () => {
    setError(null);
    try {
      setDevices(await (await loadDevices()).listDevices());
    } catch (caught) {
      setError(errorCode(caught));
    }
  }, []);

  useEffect(() => {
    void refresh();
    let live = true;
    loadDirectory()
      .then((directory) => live && setNames(directory.byInsee))
      // Without the directory the INSEE code still says which commune.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [refresh]);

  const communeOf = (insee: string) => {
    const name = names?.get(insee)?.name;
    return name ? t('devices.commune', { name, insee }) : insee;
  };

  // The list is read again once the dialog has closed.
  const revoking = useConfirmedDelete(
    async () => {
      if (asked === null) return;
      try {
        await (await loadDevices()).revokeDevice(asked.id);
      } catch (caught) {
        setReason(errorCode(caught));
        throw caught;
      }
    },
    () => void refresh(),
  );

  return (
    <section className="mailbox__devices" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('devices.title')}</h3>
      <p>{t('devices.intro')}</p>
      {devices !== null && devices.length === 0 && <p>{t('devices.none')}</p>}
      {devices !== null && devices.length > 0 && (
        <table className="mailbox-devices" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('devices.columns.commune')}</th>
              <th scope="col">{t('devices.columns.label')}</th>
              <th scope="col">{t('devices.columns.created')}</th>
              <th scope="col">{t('devices.columns.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('devices.columns.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id}>
                <th scope="row">{communeOf(device.insee)}</th>
                <td>{device.label ?? t('devices.noLabel')}</td>
                <td>{formatDate(device.createdAt, i18n.language)}</td>
                <td>{device.revokedAt ? t('devices.revoked', { date: formatDate(device.revokedAt, i18n.language) }) : t('devices.active')}</td>
                <td>
                  {device.revokedAt === null && (
                    <button type="button" className="button button--quiet" onClick={() => {
                        setAsked(device);
                        revoking.ask();
                      }}
                    >
                      {t('devices.revoke')}
                      <span className="visually-hidden"> {t('devices.revokeOf', { commune: communeOf(device.insee), label: device.label ?? t('devices.noLabel') })}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button button--quiet" onClick={() => void refresh()}>
        {t('devices.refresh')}
      </button>
      {/* Not an alert: the list loads by itself with the page, often offline, and need not interrupt. */}
      {error && <p className="alert alert--error">{t('devices.loadFailed', { reason: t(`errors.${error}`, { defaultValue: t('errors.unexpected') }) })}</p>}
      <ConfirmDialog
        open={revoking.open}
        title={t('devices.confirmTitle', { commune: asked ? communeOf(asked.insee) : '' })}
        confirmLabel={t('devices.confirm')}
        cancelLabel={t('devices.cancel')}
        busy={revoking.busy}
        onConfirm={revoking.confirm}
        onCancel={revoking.cancel}
      >
        <p>{t('devices.confirmBody', { label: asked?.label ?? t('devices.noLabel') })}</p>
        {revoking.failed && (
          <p className="alert alert--error" role="alert">
            {t(`errors.${reason}`, { defaultValue: t('errors.unexpected') })}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
