/** What a device keeps about its mailbox, in the settings table (never in an export file). */
import { getSetting, setSetting } from '../../db/settings-repository';
import type { MailboxPrivateKey, SealedMailboxKey } from '../../crypto/mailbox-envelope';

export const MAILBOX_SETTING_KEYS = {
  /** A commune's device: its device token and the EPCI it sends to. */
  device: 'mailbox-device',
  /** An EPCI's device: its session, its key and the pull cursor. */
  epci: 'mailbox-epci',
} as const;

export interface DeviceConnection {
  serverUrl: string;
  token: string;
  insee: string;
  epci: { siren: string; name: string; publicKey: string | null; keyId: string | null };
}

export interface EpciConnection {
  serverUrl: string;
  session: string;
  email: string;
  /** The non-extractable key (a CryptoKey, which IndexedDB stores as it is) and its passphrase-sealed copy. */
  key: MailboxPrivateKey | null;
  sealedKey: SealedMailboxKey | null;
  /**
   * A key restored from a backup whose passphrase was not the key's: still sealed (key is null) until the
   * chargé(e) types the key's passphrase in the mailbox panel. Its public half, to put it in the next backups.
   */
  pendingKey?: { keyId: string; publicKey: string } | null;
  /** The last envelope's position seen by a complete pull. */
  cursor: number;
  lastPullAt: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isDevice = (value: unknown): value is DeviceConnection =>
  isObject(value) && typeof value.serverUrl === 'string' && typeof value.token === 'string' && typeof value.insee === 'string' && isObject(value.epci);

const isEpci = (value: unknown): value is EpciConnection =>
  isObject(value) && typeof value.serverUrl === 'string' && typeof value.session === 'string' && typeof value.cursor === 'number';

export const readDeviceConnection = () => getSetting(MAILBOX_SETTING_KEYS.device, isDevice);
export const saveDeviceConnection = (value: DeviceConnection | null) => setSetting(MAILBOX_SETTING_KEYS.device, value);
export const readEpciConnection = () => getSetting(MAILBOX_SETTING_KEYS.epci, isEpci);
export const saveEpciConnection = (value: EpciConnection | null) => setSetting(MAILBOX_SETTING_KEYS.epci, value);
