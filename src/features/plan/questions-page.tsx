/**
 * Questions to ask, in one place: the "je ne sais pas" answers gathered by whom to ask, each group as one message
 * to copy, print or open in the mail program, and a form to record the answers when they come back (stored at
 * once through saveAnswer, like any answer: the results and the plan follow).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { useAudit } from '../../components/use-audit';
import { useQuestionnaire } from '../../components/use-questionnaire';
import { knowerSchema, type Knower, type Question } from '../../domain/questionnaire/schema';
import { computeResults } from '../../domain/scoring/compute-results';
import { QuestionGroup } from './question-group';
import './questions.css';

export function QuestionsPage() {
  const { auditId = '' } = useParams();
  const { t } = useTranslation('plan');
  const questionnaire = useQuestionnaire();
  const data = useAudit(auditId);
  const audit = data?.audit;
  // Questions answered on this page stay in view (with their new answer) until the user leaves it.
  const [answeredHere, setAnsweredHere] = useState<ReadonlySet<string>>(new Set());
  const [printing, setPrinting] = useState<Knower | null>(null);

  const result = useMemo(() => (audit ? computeResults(questionnaire, audit.answers, audit.profile) : undefined), [audit, questionnaire]);
  const questions = useMemo(() => questionnaire.themes.flatMap((theme) => theme.questions), [questionnaire]);

  if (data === undefined) return <NotFound missing="audit" />;
  if (data === null || !result || !audit) return <Loading />;

  const toVerify = new Set(result.toVerify.map((outcome) => outcome.questionId));
  const shown = questions.filter((question) => toVerify.has(question.id) || answeredHere.has(question.id));
  const groups = knowerSchema.options
    .map((knower) => ({ knower, questions: shown.filter((question) => question.knower === knower) }))
    .filter((group) => group.questions.length > 0);
  const commune = data.commune?.name ?? '';
  const title = t('questions.title', { commune });
  const markAnswered = (question: Question) => setAnsweredHere((ids) => new Set([...ids, question.id]));

  return (
    <section className={`page questions-page${printing ? ' questions-page--printing' : ''}`}>
      <p className="eyebrow">
        <Link to={`/audits/${auditId}/plan`}>{t('questions.backToPlan')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {groups.length === 0 ? (
        <p>{t('questions.empty')}</p>
      ) : (
        <>
          <p className="lead">{t('questions.lead', { count: toVerify.size })}</p>
          {groups.map((group) => (
            <QuestionGroup
              key={group.knower}
              knower={group.knower}
              questions={group.questions}
              pending={toVerify}
              audit={audit}
              commune={commune}
              printing={printing === group.knower}
              onPrint={setPrinting}
              onAnswered={markAnswered}
            />
          ))}
        </>
      )}
    </section>
  );
}
