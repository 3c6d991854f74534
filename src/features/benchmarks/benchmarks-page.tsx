/** The benchmark dataset in use (name, version, origin), the import of a newer file, and every figure with its source. */
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { formatPartialDate } from '../../components/describe-comparison';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useActiveBenchmarks } from '../../components/use-active-benchmarks';
import { localize } from '../../domain/questionnaire/localize';
import { ImportBenchmarks } from './import-benchmarks';
import { IndicatorList } from './indicator-list';
import { RevertBenchmarks } from './revert-benchmarks';
import './benchmarks.css';

export function BenchmarksPage() {
  const { t, i18n } = useTranslation('benchmarks');
  const active = useActiveBenchmarks();
  const language = i18n.language;
  const title = t('page.title');

  return (
    <section className="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('page.lead')}</p>

      <section aria-labelledby="benchmarks-active-title" className="callout">
        <h2 id="benchmarks-active-title">{t('page.active.title')}</h2>
        {active === null && <Loading />}
        {active === undefined && <p>{t('page.none')}</p>}
        {active && (
          <dl className="profile">
            <div>
              <dt>{t('page.active.name')}</dt>
              <dd>{localize(active.dataset.title, language)}</dd>
            </div>
            <div>
              <dt>{t('page.active.version')}</dt>
              <dd>{active.dataset.version}</dd>
            </div>
            <div>
              <dt>{t('page.active.publishedAt')}</dt>
              <dd>{formatPartialDate(active.dataset.publishedAt, language)}</dd>
            </div>
            <div>
              <dt>{t('page.active.count')}</dt>
              <dd>{active.dataset.indicators.length}</dd>
            </div>
            <div>
              <dt>{t('page.active.origin')}</dt>
              <dd>{t(`page.active.${active.source}`, { date: formatDate(active.installedAt, language) })}</dd>
            </div>
            <div>
              <dt>{t('page.active.id')}</dt>
              <dd>
                <code>{active.dataset.id}</code>
              </dd>
            </div>
          </dl>
        )}
      </section>

      <ImportBenchmarks />

      <RevertBenchmarks />

      {active && <IndicatorList dataset={active.dataset} />}
    </section>
  );
}
