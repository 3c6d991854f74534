/** Downloads the table as shown (filters and order applied) as a CSV file that French spreadsheets open as is. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { epciCsvRows } from '../../domain/epci/epci-csv';
import type { EpciRow } from '../../domain/epci/epci-row';
import { toCsv } from '../../domain/epci/to-csv';
import type { TableTheme } from './communes-table';
import { saveFile } from '../../components/save-file';
import { fileSlug } from './file-slug';
import { useTableLabels } from './use-table-labels';

export function CsvExportButton({ rows, themes, label }: { rows: readonly EpciRow[]; themes: readonly TableTheme[]; label: string }) {
  const { t, i18n } = useTranslation('epci');
  const [done, setDone] = useState(false);
  const labels = useTableLabels(themes);
  const download = () => {
    const table = epciCsvRows(rows, labels());
    const text = toCsv(table, { decimalSeparator: i18n.language.startsWith('en') ? '.' : ',' });
    const day = new Date().toISOString().slice(0, 10);
    saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${fileSlug(label)}-${day}.csv`);
    setDone(true);
  };
  return (
    <div className="epci-export">
      <button type="button" className="button" onClick={download} disabled={rows.length === 0}>
        {t('export.csv', { count: rows.length })}
      </button>
      <p className="field__hint">{t('export.csvHint')}</p>
      <p role="status" className="epci-export__status">
        {done ? t('export.csvDone') : ''}
      </p>
    </div>
  );
}
