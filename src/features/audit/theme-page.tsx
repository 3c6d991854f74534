/** One theme of an audit: its questions (those that apply), progress, and the way to the next theme. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { rememberTheme, saveAnswer } from '../../db/audits-repository';
import type { StoredAnswer } from '../../db/records';
import type { Answer } from '../../domain/audit/types';
import { computeResults } from '../../domain/scoring/compute-results';
import { compareInstants } from '../../domain/instant';
import { formatScore } from '../../components/format';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { ProgressBar } from '../../components/progress-bar';
import { TimeEstimate } from '../../components/time-estimate';
import { useAudit } from '../../components/use-audit';
import { useLocalize, useQuestionnaire } from '../../components/use-questionnaire';
import { QuestionCard } from './question-card';
import { ThemeNav } from './theme-nav';
import './audit.css';

export function ThemePage() {
  const { auditId = '', themeId = '' } = useParams();
  const { t } = useTranslation('audit');
  const { t: tHistory } = useTranslation('history');
  const l = useLocalize();
  const questionnaire = useQuestionnaire();
  const data = useAudit(auditId);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  // Counts stored answers; exposed as data-saved-count so the benchmark can time click → stored → scores shown.
  const [savedCount, setSavedCount] = useState(0);
  // Answers given but not yet read back from IndexedDB, so the choice shows at once and follow-ups appear.
  const [pending, setPending] = useState<Record<string, StoredAnswer>>({});

  useEffect(() => {
    void rememberTheme(auditId, themeId).catch(() => undefined);
  }, [auditId, themeId]);

  const audit = data?.audit;
  const answers = useMemo(() => {
    if (!audit) return {};
    const merged: Record<string, StoredAnswer> = { ...audit.answers };
    for (const [id, answer] of Object.entries(pending)) {
      const stored = merged[id];
      if (!stored || compareInstants(stored.answeredAt, answer.answeredAt) < 0) merged[id] = answer;
    }
    return merged;
  }, [audit, pending]);
  const result = useMemo(
    () => (audit ? computeResults(questionnaire, answers, audit.profile) : undefined),
    [audit, answers, questionnaire],
  );

  // One callback for every question, the same at each render, so that a question not answered is not drawn again.
  const answer = useCallback(
    async (questionId: string, value: Answer) => {
      const now = new Date();
      setPending((p) => ({ ...p, [questionId]: { ...value, answeredAt: now.toISOString() } }));
      try {
        await saveAnswer(auditId, questionId, value, now);
        setStatus('saved');
        setSavedCount((n) => n + 1);
      } catch {
        setPending(({ [questionId]: _failed, ...rest }) => rest);
        setStatus('failed');
      }
    },
    [auditId],
  );
  const onAnswer = useCallback((questionId: string, value: Answer) => void answer(questionId, value), [answer]);

  if (data === undefined) return <NotFound missing="audit" />;
  if (data === null || !result || !audit) return <Loading />;
  const themeIndex = questionnaire.themes.findIndex((th) => th.id === themeId);
  const theme = questionnaire.themes[themeIndex];
  if (!theme) return <NotFound missing="theme" back={{ to: `/audits/${auditId}`, label: t('common:errors.notFound.backToAudit') }} />;

  // The questions asked are those the scoring kept: one pass over the conditions per answer, not two.
  const active = new Set(result.themes.flatMap((r) => r.outcomes.filter((o) => o.status !== 'implied-gap').map((o) => o.questionId)));
  const questions = theme.questions.filter((q) => active.has(q.id));
  const themeResult = result.themes[themeIndex];
  // A re-audit's answers carried over and not yet confirmed (hidden questions cannot be confirmed, so not counted).
  const unconfirmed = new Set(audit.unconfirmed.filter((id) => active.has(id)));
  const unconfirmedInTheme = questions.filter((q) => unconfirmed.has(q.id)).length;
  const previous = questionnaire.themes[themeIndex - 1];
  const next = questionnaire.themes[themeIndex + 1];
  const themeTitle = l(theme.title);

  return (
    <div className="audit-layout">
      <aside className="audit-layout__side">
        <p className="audit-layout__commune">{data.commune?.name}</p>
        <ProgressBar value={result.answered} max={result.asked} label={t('progress.overall', { answered: result.answered, asked: result.asked })} />
        <p className="audit-layout__score" data-score={result.overall.score ?? ''}>
          {result.overall.score === null
            ? t('progress.noScore')
            : t('progress.score', { score: formatScore(result.overall.score) })}
        </p>
        <ThemeNav auditId={auditId} questionnaire={questionnaire} result={result} />
      </aside>
      <section className="audit-layout__main page" aria-labelledby="theme-title">
        <p className="eyebrow">{t('theme.step', { index: themeIndex + 1, count: questionnaire.themes.length })}</p>
        <PageTitle title={themeTitle}>
          <span id="theme-title">{themeTitle}</span>
        </PageTitle>
        <p className="lead">{l(theme.summary)}</p>
        <TimeEstimate questionnaire={questionnaire} profile={audit.profile} themeId={theme.id} />
        {themeResult && (
          <ProgressBar value={themeResult.answered} max={themeResult.asked} label={t('progress.theme', { answered: themeResult.answered, asked: themeResult.asked })} />
        )}
        {unconfirmed.size > 0 && (
          <p className="callout callout--info">
            {tHistory('reaudit.themeToConfirm', { theme: unconfirmedInTheme, total: unconfirmed.size })}
          </p>
        )}
        <p className="save-status" role="status" aria-live="polite" data-saved-count={savedCount}>
          {status === 'saved' ? t('save.saved') : status === 'failed' ? t('save.failed') : t('save.auto')}
        </p>
        {questions.map((question, index) => (
          <QuestionCard
            key={question.id}
            question={question}
            number={index + 1}
            answer={answers[question.id]}
            unconfirmed={audit.unconfirmed.includes(question.id)}
            onAnswer={onAnswer}
          />
        ))}
        <nav className="pager" aria-label={t('pager.label')}>
          {previous ? (
            <Link className="button" to={`/audits/${auditId}/themes/${previous.id}`}>
              {t('pager.previous', { theme: l(previous.title) })}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link className="button button--primary" to={`/audits/${auditId}/themes/${next.id}`}>
              {t('pager.next', { theme: l(next.title) })}
            </Link>
          ) : (
            <Link className="button button--primary" to={`/audits/${auditId}/results`}>
              {t('pager.results')}
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
