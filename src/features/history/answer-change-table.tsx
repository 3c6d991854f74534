/**
 * Answers that changed between two audits: the question, its theme, the answer before and after. Each answer is
 * worded by its own audit's questionnaire version (the question id is the same in both).
 */
import { useTranslation } from 'react-i18next';
import { answerLabel } from '../../components/answer-label';
import { useLocalize } from '../../components/use-questionnaire';
import type { AnswerChange } from '../../domain/history/compare-audits';
import type { Questionnaire } from '../../domain/questionnaire/schema';

export function AnswerChangeTable({
  fromQuestionnaire,
  toQuestionnaire,
  changes,
  caption,
  fromLabel,
  toLabel,
}: {
  fromQuestionnaire: Questionnaire;
  toQuestionnaire: Questionnaire;
  changes: AnswerChange[];
  caption: string;
  fromLabel: string;
  toLabel: string;
}) {
  const { t, i18n } = useTranslation('history');
  const l = useLocalize();
  return (
    <table className="compare-table compare-table--answers">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('answers.question')}</th>
          <th scope="col">{fromLabel}</th>
          <th scope="col">{toLabel}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => {
          const theme = toQuestionnaire.themes.find((th) => th.id === change.themeId);
          const question = theme?.questions.find((q) => q.id === change.questionId);
          const before = fromQuestionnaire.themes.flatMap((th) => th.questions).find((q) => q.id === change.questionId);
          if (!theme || !question || !before) return null;
          return (
            <tr key={change.questionId}>
              <th scope="row">
                <span className="compare-table__theme">{l(theme.title)}</span> {l(question.text)}{' '}
                <span className="compare-table__criticality">{t(`criticality.${question.criticality}`)}</span>
              </th>
              <td>{answerLabel(before, change.from.answer, i18n.language, t)}</td>
              <td>{answerLabel(question, change.to.answer, i18n.language, t)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
