/**
 * Downloads the table as shown (filters and order applied) as a spreadsheet with typed cells (.xlsx), made on the
 * device. The writer and its library are loaded with import() when the user clicks, never with the page.
 */
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import type { EpciRow } from '../../domain/epci/epci-row';
import { epciSheet } from '../../domain/epci/epci-sheet';
import type { TableTheme } from './communes-table';
import { fileSlug } from './file-slug';
import { useTableLabels } from './use-table-labels';

export function XlsxExportButton({ rows, themes, label }: { rows: readonly EpciRow[]; themes: readonly TableTheme[]; label: string }) {
  const { t } = useTranslation('epci');
  const labels = useTableLabels(themes);
  const make = async () => {
    const sheet = epciSheet(rows, labels());
    const { writeEpciXlsx } = await import('./write-epci-xlsx');
    const blob = await writeEpciXlsx(sheet, { sheetName: t('xlsx.sheetName'), dateFormat: t('xlsx.dateFormat') });
    const day = new Date().toISOString().slice(0, 10);
    return { blob, fileName: `${fileSlug(label)}-${day}.xlsx` };
  };
  return (
    <DownloadButton
      make={make}
      label={t('export.xlsx', { count: rows.length })}
      hint={t('export.xlsxHint')}
      texts={{ busy: t('export.xlsxBusy'), done: t('export.xlsxDone'), error: t('export.xlsxError') }}
      disabled={rows.length === 0}
      className="epci-export"
      statusClassName="epci-export__status"
    />
  );
}
