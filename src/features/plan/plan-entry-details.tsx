/** What a plan row opens on: why and how, what it answers, resources, funding, and the follow-up fields. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalize } from '../../components/use-questionnaire';
import type { PlanEntry } from '../../domain/actions/derive-plan';
import type { AuditRecord, PlanItemRecord } from '../../db/records';
import type { QuestionIndex } from './plan-entry-title';
import { PlanItemFields } from './plan-item-fields';

export function PlanEntryDetails({
  entry,
  title,
  audit,
  item,
  questions,
}: {
  entry: PlanEntry;
  title: string;
  audit: Pick<AuditRecord, 'id' | 'communeId'>;
  item: PlanItemRecord | undefined;
  questions: QuestionIndex;
}) {
  const { t } = useTranslation('plan');
  const l = useLocalize();
  return (
    <>
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
      </dl>
      {entry.kind === 'verify' ? (
        <>
          <p>{t('entry.verifyWhy')}</p>
          <p>{t('entry.verifyStep', { knower: t(`knower.${entry.knower}`) })}</p>
          <ul className="plan-row__links">
            <li>
              <Link to={`/audits/${audit.id}/questions#knower-${entry.knower}`}>{t('questionsLink.action')}</Link>
            </li>
            <li>
              <Link to={`/audits/${audit.id}/themes/${entry.themeId}#question-${entry.questionId}`}>{t('entry.changeAnswer')}</Link>
            </li>
          </ul>
        </>
      ) : (
        <>
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
      <PlanItemFields audit={audit} entryId={entry.id} entryTitle={title} item={item} />
    </>
  );
}
