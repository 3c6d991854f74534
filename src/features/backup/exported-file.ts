/** An export's text as a file for the download hook, and the import door's refusal of it as a value to explain. */
import type { MadeFile } from '../../components/download-button';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import { EXPORT_MEDIA_TYPE } from '../../domain/exchange/export-format';
import { ExportRefusedError, type ExportedFile } from '../../services/exchange/export-files';

export function exportedFile({ fileName, text }: ExportedFile): MadeFile {
  return { blob: new Blob([text], { type: EXPORT_MEDIA_TYPE }), fileName };
}

/** Why the import door refused a file the app made (shown as the app's bug); any other failure is thrown on. */
export function exportRefusal(error: unknown): ExchangeError {
  if (error instanceof ExportRefusedError) return error.refusal;
  throw error;
}
