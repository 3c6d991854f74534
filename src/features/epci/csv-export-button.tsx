/** Downloads the table as shown (filters and order applied) as a CSV file that French spreadsheets open as is. */
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import { epciCsvRows } from '../../domain/epci/epci-csv';
import type { EpciRow } from '../../domain/epci/epci-row';
import { toCsv } from '../../domain/epci/to-csv';
import type { TableTheme } from './communes-table';
import { fileSlug } from './file-slug';
import { useTableLabels } from './use-table-labels';

export function CsvExportButton({ rows, themes, label }: { rows: readonly EpciRow[]; themes: readonly TableTheme[]; label: string }) {
  const { t, i18n } = useTranslation('epci');
  const labels = useTableLabels(themes);
  // Made at once, with no code to load: there is no "busy" to say.
  const make = async () => {
    const table = epciCsvRows(rows, labels());
    const text = toCsv(table, { decimalSeparator: i18n.language.startsWith('en') ? '.' : ',' });
    const day = new Date().toISOString().slice(0, 10);
    return { blob: new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName: `${fileSlug(label)}-${day}.csv` };
  };
  return (
    <DownloadButton
      make={make}
      label={t('export.csv', { count: rows.length })}
      hint={t('export.csvHint')}
      texts={{ done: t('export.csvDone'), error: t('export.csvError') }}
      disabled={rows.length === 0}
      className="epci-export"
      statusClassName="epci-export__status"
    />
  );
}
