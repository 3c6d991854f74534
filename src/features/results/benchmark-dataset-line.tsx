/** One line on the results page naming the benchmark dataset and version the comparisons use. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localize } from '../../domain/questionnaire/localize';
import type { BenchmarkView } from './benchmark-view';

export function BenchmarkDatasetLine({ view }: { view: BenchmarkView | null | undefined }) {
  const { t, i18n } = useTranslation('benchmarks');
  if (view === null) return null;
  if (view === undefined) return <p className="muted">{t('results.datasetMissing')}</p>;
  const { dataset } = view.active;
  return (
    <p className="muted benchmark-dataset-line">
      {t('results.datasetLine', { title: localize(dataset.title, i18n.language), version: dataset.version })}{' '}
      <Link to="/benchmarks">{t('results.datasetLink')}</Link>
    </p>
  );
}
