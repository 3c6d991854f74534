/**
 * Downloads the table as shown (filters and order applied) as a spreadsheet with typed cells (.xlsx), made on the
 * device. The writer and its library are loaded with import() when the user clicks, never with the page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../components/save-file';
import type { EpciRow } from '../../domain/epci/epci-row';
import { epciSheet } from '../../domain/epci/epci-sheet';
import type { TableTheme } from './communes-table';
import { fileSlug } from './file-slug';
import { useTableLabels } from './use-table-labels';

type State = 'idle' | 'busy' | 'done' | 'error';

export function XlsxExportButton({ rows, themes, label }: { rows: readonly EpciRow[]; themes: readonly TableTheme[]; label: string }) {
  const { t } = useTranslation('epci');
  const [state, setState] = useState<State>('idle');
  const labels = useTableLabels(themes);
  const download = async () => {
    if (state === 'busy') return;
    setState('busy');
    try {
      const sheet = epciSheet(rows, labels());
      const { writeEpciXlsx } = await import('./write-epci-xlsx');
      const blob = await writeEpciXlsx(sheet, { sheetName: t('xlsx.sheetName'), dateFormat: t('xlsx.dateFormat') });
      const day = new Date().toISOString().slice(0, 10);
      saveFile(blob, `${fileSlug(label)}-${day}.xlsx`);
      setState('done');
    } catch {
      setState('error');
    }
  };
  return (
    <div className="epci-export">
      <button type="button" className="button" onClick={() => void download()} disabled={rows.length === 0} aria-busy={state === 'busy'}>
        {t('export.xlsx', { count: rows.length })}
      </button>
      <p className="field__hint">{t('export.xlsxHint')}</p>
      <p role="status" className="epci-export__status">
        {state === 'busy' ? t('export.xlsxBusy') : state === 'done' ? t('export.xlsxDone') : ''}
      </p>
      {state === 'error' && (
        <p className="alert alert--error" role="alert">
          {t('export.xlsxError')}
        </p>
      )}
    </div>
  );
}
