/** Hands an export file's text to the browser's download; nothing leaves the device. */
import { saveFile } from '../../components/save-file';
import { EXPORT_MEDIA_TYPE } from '../../domain/exchange/export-format';

export function downloadFile(fileName: string, text: string): void {
  saveFile(new Blob([text], { type: EXPORT_MEDIA_TYPE }), fileName);
}
