/** One theme's score explained: each question, the answer given and the points it cost. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answerLabel } from '../../components/answer-label';
import { formatScore } from '../../components/format';
import { useLocalize, useQuestionnaire } from '../../components/use-questionnaire';
import type { Answers } from '../../domain/audit/types';
import type { ThemeResult } from '../../domain/scoring/compute-results';
import { OutcomeState } from './outcome-state';

const formatPoints = (points: number) => String(Math.round(points * 10) / 10);

/** `children`: what other parts of the results add to the theme (its barometer comparisons). */
export function ThemeDetails({ theme, answers, children }: { theme: ThemeResult; answers: Answers; children?: ReactNode }) {
  const { t, i18n } = useTranslation('results');
  const l = useLocalize();
  const questionnaire = useQuestionnaire();
  const definition = questionnaire.themes.find((d) => d.id === theme.themeId);
  if (!definition) return null;
  return (
    <section className="theme-details" id={`theme-${theme.themeId}`} aria-labelledby={`theme-${theme.themeId}-title`}>
      <h3 id={`theme-${theme.themeId}-title`}>
        {l(definition.title)} —{' '}
        {theme.score === null ? t('chart.notAnswered') : t('chart.value', { score: formatScore(theme.score) })}
      </h3>
      <details>
        <summary>{t('details.show', { answered: theme.answered, asked: theme.asked })}</summary>
        <ul className="outcome-list">
          {theme.outcomes.map((outcome) => {
            const question = definition.questions.find((q) => q.id === outcome.questionId);
            if (!question) return null;
            return (
              <li key={outcome.questionId} className={`outcome outcome--${outcome.status}`}>
                <p className="outcome__question">{l(question.text)}</p>
                <p className="outcome__answer">
                  {outcome.status === 'implied-gap' ? (
                    <OutcomeState outcome={outcome} />
                  ) : (
                    t('answered', { answer: answerLabel(question, answers[question.id], i18n.language, t) })
                  )}
                </p>
                <p className="outcome__points">
                  {outcome.status === 'unanswered'
                    ? t('details.unanswered')
                    : outcome.status === 'not-applicable'
                      ? t('details.notApplicable')
                      : t('details.points', {
                        earned: formatPoints(outcome.pointsEarned),
                        weight: outcome.weight,
                        criticality: t(`criticality.${outcome.criticality}`),
                      })}
                </p>
              </li>
            );
          })}
        </ul>
      </details>
      {children}
    </section>
  );
}
