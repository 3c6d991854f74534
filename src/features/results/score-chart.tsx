/** Theme scores as horizontal bars, built as a table so that screen readers read the figures. */
import { useTranslation } from 'react-i18next';
import type { AuditResult } from '../../domain/scoring/compute-results';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { formatScore } from '../../components/format';
import { useLocalize } from '../../components/use-questionnaire';

export function ScoreChart({ questionnaire, result }: { questionnaire: Questionnaire; result: AuditResult }) {
  const { t } = useTranslation('results');
  const l = useLocalize();
  return (
    <table className="chart-table score-chart">
      <caption>{t('chart.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.theme')}</th>
          <th scope="col">{t('chart.score')}</th>
        </tr>
      </thead>
      <tbody>
        {result.themes.map((theme) => {
          const definition = questionnaire.themes.find((d) => d.id === theme.themeId);
          const score = theme.score;
          const band = score === null ? 'none' : score >= 80 ? 'good' : score >= 60 ? 'fair' : score >= 35 ? 'weak' : 'poor';
          return (
            <tr key={theme.themeId}>
              <th scope="row">
                <a href={`#theme-${theme.themeId}`}>{definition ? l(definition.title) : theme.themeId}</a>
              </th>
              <td>
                {/* The cell stays a table cell (its row's height, its border, its role for screen readers). */}
                <span className="score-chart__cell">
                  <span className="score-chart__bar-track" aria-hidden="true">
                    <span className={`score-chart__bar score-chart__bar--${band}`} style={{ width: `${score ?? 0}%` }} />
                  </span>
                  <span className="score-chart__value">
                    {score === null ? t('chart.notAnswered') : t('chart.value', { score: formatScore(score) })}
                  </span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
