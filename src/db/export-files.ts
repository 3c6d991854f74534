/** Exporting audits or everything to the text of an export file, encrypted when a passphrase is given. */
import { buildExportDocument, exportFileName } from '../domain/exchange/build-export';
import { encryptExport } from '../crypto/passphrase-cipher';
import { version as appVersion } from '../../package.json';
import { recordBackup } from './backup-settings';
import { loadExportContent, type ExportSelection } from './exchange-repository';

export interface ExportedFile {
  fileName: string;
  text: string;
  audits: number;
  communes: number;
}

/**
 * `label` names the file (the commune's name, or a translated "sauvegarde"). A full backup is recorded as the
 * last backup once its file is produced.
 */
export async function exportData(
  selection: ExportSelection,
  { label, passphrase, now = new Date() }: { label: string; passphrase?: string | undefined; now?: Date },
): Promise<ExportedFile> {
  const content = await loadExportContent(selection);
  const exportedAt = now.toISOString();
  const document = buildExportDocument(content, { exportedAt, appVersion });
  const plain = JSON.stringify(document);
  const text = passphrase ? JSON.stringify(await encryptExport(plain, passphrase)) : plain;
  if (selection.kind === 'backup') await recordBackup(now);
  return { fileName: exportFileName(label, exportedAt), text, audits: content.audits.length, communes: content.communes.length };
}
