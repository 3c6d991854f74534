/** Hands a file to the browser's download (a Blob URL on a temporary link; nothing leaves the device). */
import { EXPORT_MEDIA_TYPE } from '../../domain/exchange/export-format';

export function downloadFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: EXPORT_MEDIA_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the Blob only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
