/** Downloads the table as shown (filters and order applied) as a CSV file that French spreadsheets open as is. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { epciCsvRows } from '../../domain/epci/epci-csv';
import type { EpciRow } from '../../domain/epci/epci-row';
import { POPULATION_STRATA, type PopulationStratum } from '../../domain/epci/population-stratum';
import { toCsv } from '../../domain/epci/to-csv';
import type { TableTheme } from './communes-table';
import { saveFile } from '../../components/save-file';
import { fileSlug } from './file-slug';

export function CsvExportButton({ rows, themes, label }: { rows: readonly EpciRow[]; themes: readonly TableTheme[]; label: string }) {
  const { t, i18n } = useTranslation('epci');
  const [done, setDone] = useState(false);
  const download = () => {
    const strata = Object.fromEntries(POPULATION_STRATA.map((s) => [s, t(`strata.${s}`)])) as Record<PopulationStratum, string>;
    const table = epciCsvRows(rows, {
      commune: t('csv.commune'),
      insee: t('csv.insee'),
      population: t('csv.population'),
      stratum: t('csv.stratum'),
      date: t('csv.date'),
      status: t('csv.status'),
      version: t('csv.version'),
      answered: t('csv.answered'),
      overall: t('csv.overall'),
      themes,
      strata,
      statuses: { completed: t('csv.completed'), 'in-progress': t('csv.inProgress') },
    });
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
