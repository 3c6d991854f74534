/**
 * The member communes' devices, as the EPCI's chargé(e) de mission sees them: each device that redeemed an
 * invitation, and revoking one (a lost tablet, a secretary who left) so that its token can no longer send. The
 * server keeps revoked devices in the list, with the date, so that the chargé(e) sees what was done.
 */
import { callMailbox, callMailboxJson, MailboxError } from './mailbox-api';
import { readEpciConnection, type EpciConnection } from './mailbox-settings';

export interface CommuneDevice {
  id: string;
  insee: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

async function connected(): Promise<EpciConnection> {
  const connection = await readEpciConnection();
  if (!connection) throw new MailboxError('not-connected', 0);
  return connection;
}

export async function listDevices(): Promise<CommuneDevice[]> {
  const connection = await connected();
  return callMailboxJson<CommuneDevice[]>(connection.serverUrl, '/v1/epci/devices', { token: connection.session });
}

/** Revoking twice changes nothing: the server keeps the first date. */
export async function revokeDevice(id: string): Promise<void> {
  const connection = await connected();
  await callMailbox(connection.serverUrl, `/v1/epci/devices/${encodeURIComponent(id)}`, { method: 'DELETE', token: connection.session });
}
