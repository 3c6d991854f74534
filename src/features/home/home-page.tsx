/** The start page: a short introduction, the audit in progress to resume, and every commune on the device. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { db } from '../../db/database';
import type { AuditRecord, CommuneRecord } from '../../db/records';
import { PageTitle } from '../../components/page-title';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/loading';

interface CommuneSummary {
  commune: CommuneRecord;
  latest: AuditRecord | undefined;
}

async function loadSummaries(): Promise<CommuneSummary[]> {
  const [communes, audits] = await Promise.all([db.communes.orderBy('name').toArray(), db.audits.toArray()]);
  return communes.map((commune) => ({
    commune,
    latest: audits
      .filter((a) => a.communeId === commune.id)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0],
  }));
}

export function HomePage() {
  const { t, i18n } = useTranslation('home');
  const summaries = useLiveQuery(loadSummaries);
  const inProgress = summaries
    ?.filter((s) => s.latest?.status === 'in-progress')
    .sort((a, b) => (b.latest?.updatedAt ?? '').localeCompare(a.latest?.updatedAt ?? ''))[0];

  return (
    <section className="page">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('intro')}</p>
      <ul className="facts">
        <li>{t('facts.time')}</li>
        <li>{t('facts.resume')}</li>
        <li>{t('facts.private')}</li>
      </ul>

      {inProgress?.latest && (
        <div className="callout" role="region" aria-labelledby="resume-title">
          <h2 id="resume-title">{t('resume.title')}</h2>
          <p>
            {t('resume.body', {
              commune: inProgress.commune.name,
              date: formatDate(inProgress.latest.updatedAt, i18n.language),
            })}
          </p>
          <Link className="button button--primary" to={`/audits/${inProgress.latest.id}`}>
            {t('resume.action', { commune: inProgress.commune.name })}
          </Link>
        </div>
      )}

      <h2>{t('communes.title')}</h2>
      {summaries === undefined ? (
        <Loading />
      ) : summaries.length === 0 ? (
        <p>{t('communes.empty')}</p>
      ) : (
        <ul className="card-list">
          {summaries.map(({ commune, latest }) => (
            <li key={commune.id} className="card">
              <h3 className="card__title">
                <Link to={`/communes/${commune.id}`}>{commune.name}</Link>
              </h3>
              <p className="card__meta">
                {commune.insee ? t('communes.insee', { insee: commune.insee }) : null}{' '}
                {latest
                  ? t(latest.status === 'completed' ? 'communes.completedOn' : 'communes.inProgressSince', {
                      date: formatDate(latest.updatedAt, i18n.language),
                    })
                  : t('communes.noAudit')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="button" to="/communes/new">
          {t('communes.add')}
        </Link>
      </p>
    </section>
  );
}
