/** The translated headers and values of the EPCI table's exports (CSV and spreadsheet), from the locale files. */
import { useTranslation } from 'react-i18next';
import type { EpciSheetLabels } from '../../domain/epci/epci-sheet';
import { POPULATION_STRATA, type PopulationStratum } from '../../domain/epci/population-stratum';
import type { TableTheme } from './communes-table';

export function useTableLabels(themes: readonly TableTheme[]): () => EpciSheetLabels {
  const { t } = useTranslation('epci');
  return () => ({
    commune: t('csv.commune'),
    insee: t('csv.insee'),
    epciSiren: t('csv.epciSiren'),
    population: t('csv.population'),
    stratum: t('csv.stratum'),
    date: t('csv.date'),
    status: t('csv.status'),
    version: t('csv.version'),
    answered: t('csv.answered'),
    overall: t('csv.overall'),
    themes,
    strata: Object.fromEntries(POPULATION_STRATA.map((s) => [s, t(`strata.${s}`)])) as Record<PopulationStratum, string>,
    statuses: { completed: t('csv.completed'), 'in-progress': t('csv.inProgress') },
  });
}
