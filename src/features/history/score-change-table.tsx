/** The score of each theme and overall in both audits, with the change in words (never by colour alone). */
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../components/format';
import { useLocalize } from '../../components/use-questionnaire';
import type { AuditComparison } from '../../domain/history/compare-audits';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { scoreChange } from './score-change';

export function ScoreChangeTable({
  questionnaire,
  comparison,
  fromLabel,
  toLabel,
}: {
  questionnaire: Questionnaire;
  comparison: AuditComparison;
  fromLabel: string;
  toLabel: string;
}) {
  const { t } = useTranslation('history');
  const l = useLocalize();
  const score = (value: number | null) => (value === null ? t('scores.notAnswered') : formatScore(value));
  const row = (key: string, header: string, from: number | null, to: number | null, total = false) => {
    const change = scoreChange(from, to, t);
    return (
      <tr key={key} className={total ? 'compare-table__total' : undefined}>
        <th scope="row">{header}</th>
        <td>{score(from)}</td>
        <td>{score(to)}</td>
        <td className={`change change--${change.direction}`}>{change.text}</td>
      </tr>
    );
  };
  return (
    <table className="compare-table">
      <caption>{t('scores.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scores.theme')}</th>
          <th scope="col">{fromLabel}</th>
          <th scope="col">{toLabel}</th>
          <th scope="col">{t('scores.change')}</th>
        </tr>
      </thead>
      <tbody>
        {comparison.themes.map((theme) => {
          const definition = questionnaire.themes.find((d) => d.id === theme.themeId);
          return row(theme.themeId, definition ? l(definition.title) : theme.themeId, theme.from, theme.to);
        })}
      </tbody>
      <tfoot>{row('overall', t('scores.overall'), comparison.overall.from, comparison.overall.to, true)}</tfoot>
    </table>
  );
}
