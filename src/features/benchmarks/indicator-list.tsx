/** Every figure of the dataset, grouped by study, each with its statement and where it comes from. */
import { useTranslation } from 'react-i18next';
import { BenchmarkSourceDetails } from '../../components/benchmark-source-details';
import { describeFigure, describeStatement } from '../../components/describe-comparison';
import type { BenchmarkDataset, BenchmarkIndicator } from '../../domain/benchmarks/schema';
import { localize } from '../../domain/questionnaire/localize';

interface Group {
  key: string;
  title: string;
  indicators: BenchmarkIndicator[];
}

function groupByStudy(dataset: BenchmarkDataset, language: string): Group[] {
  const groups = new Map<string, Group>();
  for (const indicator of dataset.indicators) {
    const wave = indicator.wave ? ` — ${localize(indicator.wave.label, language)}` : '';
    const title = `${localize(indicator.documentTitle, language)}${wave} (${localize(indicator.publisher, language)})`;
    const group = groups.get(title) ?? { key: `${indicator.id}-group`, title, indicators: [] };
    group.indicators.push(indicator);
    groups.set(title, group);
  }
  return [...groups.values()];
}

export function IndicatorList({ dataset }: { dataset: BenchmarkDataset }) {
  const { t, i18n } = useTranslation('benchmarks');
  const language = i18n.language;
  return (
    <section aria-labelledby="benchmarks-indicators-title">
      <h2 id="benchmarks-indicators-title">{t('page.indicators.title')}</h2>
      <p>{t('page.indicators.intro')}</p>
      {groupByStudy(dataset, language).map((group) => (
        <section key={group.key} className="benchmark-group" aria-labelledby={group.key}>
          <h3 id={group.key}>
            {group.title} <span className="muted">· {t('page.indicators.groupCount', { count: group.indicators.length })}</span>
          </h3>
          <ul className="benchmark-indicators">
            {group.indicators.map((indicator) => (
              <li key={indicator.id} className="benchmark-indicator">
                <p className="benchmark-indicator__figure">{describeFigure(indicator, t, language)}</p>
                <div>
                  <h4 className="benchmark-indicator__subject">{localize(indicator.subject, language)}</h4>
                  <p>{describeStatement(indicator, t, language)}</p>
                  {indicator.comparison && <p className="badge">{t('page.indicators.comparable')}</p>}
                  <details>
                    <summary>{t('page.indicators.details')}</summary>
                    <BenchmarkSourceDetails indicator={indicator} />
                    <p className="muted">{t('indicator.id', { id: indicator.id })}</p>
                  </details>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
