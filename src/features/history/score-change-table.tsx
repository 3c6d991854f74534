/**
 * The score of each theme and overall in both audits, with the change in words (never by colour alone). A theme
 * that only one audit's questionnaire version has says so in the other audit's column.
 */
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../components/format';
import { useLocalize } from '../../components/use-questionnaire';
import type { AuditComparison, ThemeChange } from '../../domain/history/compare-audits';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { scoreChange } from './score-change';

export function ScoreChangeTable({
  fromQuestionnaire,
  toQuestionnaire,
  comparison,
  fromLabel,
  toLabel,
}: {
  fromQuestionnaire: Questionnaire;
  toQuestionnaire: Questionnaire;
  comparison: AuditComparison;
  fromLabel: string;
  toLabel: string;
}) {
  const { t } = useTranslation('history');
  const l = useLocalize();
  const score = (value: number | null) => (value === null ? t('scores.notAnswered') : formatScore(value));
  const absent = (questionnaire: Questionnaire) => t('scores.notInVersion', { version: questionnaire.version });
  const row = (key: string, header: string, from: number | null, to: number | null, presence: ThemeChange['presence'] | 'total') => {
    const change = scoreChange(from, to, t);
    return (
      <tr key={key} className={presence === 'total' ? 'compare-table__total' : undefined}>
        <th scope="row">{header}</th>
        <td>{presence === 'to-only' ? absent(fromQuestionnaire) : score(from)}</td>
        <td>{presence === 'from-only' ? absent(toQuestionnaire) : score(to)}</td>
        <td className={`change change--${change.direction}`}>{change.text}</td>
      </tr>
    );
  };
  const title = (themeId: string) => {
    const definition = [...toQuestionnaire.themes, ...fromQuestionnaire.themes].find((d) => d.id === themeId);
    return definition ? l(definition.title) : themeId;
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
        {comparison.themes.map((theme) => row(theme.themeId, title(theme.themeId), theme.from, theme.to, theme.presence))}
      </tbody>
      <tfoot>{row('overall', t('scores.overall'), comparison.overall.from, comparison.overall.to, 'total')}</tfoot>
    </table>
  );
}
