/** One entry of the plan: what to do and why, what it answers, and the commune's follow-up fields. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalize } from '../../components/use-questionnaire';
import type { PlanEntry } from '../../domain/actions/derive-plan';
import type { Question } from '../../domain/questionnaire/schema';

/** Every question of the questionnaire with the theme it belongs to, keyed by id. */
export type QuestionIndex = ReadonlyMap<string, { question: Question; themeId: string }>;
import type { AuditRecord, PlanItemRecord } from '../../db/records';
import { PlanItemFields } from './plan-item-fields';

export function planEntryTitle(
  entry: PlanEntry,
  questions: QuestionIndex,
  l: ReturnType<typeof useLocalize>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (entry.kind === 'action') return l(entry.action.title);
  const found = questions.get(entry.questionId);
  return t('entry.verifyTitle', { knower: t(`knower.${entry.knower}`), question: found ? l(found.question.text) : entry.questionId });
}

export function PlanEntryCard({
  entry,
  rank,
  audit,
  item,
  questions,
}: {
  entry: PlanEntry;
  rank: number;
  audit: Pick<AuditRecord, 'id' | 'communeId'>;
  item: PlanItemRecord | undefined;
  questions: QuestionIndex;
}) {
  const { t } = useTranslation('plan');
  const l = useLocalize();
  const title = planEntryTitle(entry, questions, l, t);
  const headingId = `plan-entry-${entry.id}`;
  return (
    <li className={`card plan-entry${entry.critical ? ' plan-entry--critical' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="plan-entry__title">
        <span className="plan-entry__rank">{t('entry.rank', { rank })}</span> {title}
      </h3>
      <p className="plan-entry__badges">
        {entry.critical && <span className="badge badge--critical">{t('entry.critical')}</span>}
        {entry.kind === 'verify' && <span className="badge badge--major">{t('entry.verify')}</span>}
        {item?.carriedFrom && <span className="badge badge--carried">{t('carriedBadge')}</span>}
      </p>
      <dl className="plan-entry__facts">
        <div>
          <dt>{t('entry.cost')}</dt>
          <dd>{t(`cost.${entry.cost}`)}</dd>
        </div>
        <div>
          <dt>{t('entry.timeframe')}</dt>
          <dd>{t(`timeframe.${entry.timeframe}`)}</dd>
        </div>
        <div>
          <dt>{t('entry.effort')}</dt>
          <dd>{t(`effort.${entry.effort}`)}</dd>
        </div>
        {entry.kind === 'action' && (
          <div>
            <dt>{t('entry.who')}</dt>
            <dd>{entry.action.who.map((actor) => t(`actor.${actor}`)).join(', ')}</dd>
          </div>
        )}
      </dl>
      {entry.kind === 'action' && (
        <div className="plan-entry__answers">
          <p>{t('entry.answers')}</p>
          <ul>
            {entry.questionIds.map((questionId) => {
              const found = questions.get(questionId);
              if (!found) return null;
              return (
                <li key={questionId}>
                  <Link to={`/audits/${audit.id}/themes/${found.themeId}#question-${questionId}`}>{l(found.question.text)}</Link>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <details className="plan-entry__details">
        <summary>{t('entry.details')}</summary>
        {entry.kind === 'verify' ? (
          <>
            <p>{t('entry.verifyWhy')}</p>
            <p>{t('entry.verifyStep', { knower: t(`knower.${entry.knower}`) })}</p>
            <p>
              <Link to={`/audits/${audit.id}/themes/${entry.themeId}#question-${entry.questionId}`}>{t('entry.changeAnswer')}</Link>
            </p>
          </>
        ) : (
          <>
            <h4>{t('entry.why')}</h4>
            <p>{l(entry.action.why)}</p>
            <h4>{t('entry.how')}</h4>
            <ol>
              {entry.action.steps.map((step, index) => (
                <li key={index}>{l(step)}</li>
              ))}
            </ol>
            {entry.action.resources.length > 0 && (
              <>
                <h4>{t('entry.resources')}</h4>
                <ul>
                  {entry.action.resources.map((resource) => (
                    <li key={resource.url}>
                      <a href={resource.url} target="_blank" rel="noopener noreferrer">
                        {l(resource.title)} <span className="visually-hidden">{t('entry.newTab')}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {entry.action.funding.length > 0 && (
              <>
                <h4>{t('entry.funding')}</h4>
                <ul>
                  {entry.action.funding.map((funding, index) => (
                    <li key={index}>
                      <strong>{l(funding.title)}</strong> — {l(funding.description)}
                      {funding.url && (
                        <>
                          {' '}
                          <a href={funding.url} target="_blank" rel="noopener noreferrer">
                            {funding.url} <span className="visually-hidden">{t('entry.newTab')}</span>
                          </a>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </details>
      <PlanItemFields audit={audit} entryId={entry.id} entryTitle={title} item={item} />
    </li>
  );
}

