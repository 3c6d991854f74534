/** The start page: a short introduction, the audit in progress to resume, and every commune on the device. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { db } from '../../db/database';
import { compareInstants } from '../../domain/instant';
import type { AuditRecord, CommuneRecord } from '../../db/records';
import { PageTitle } from '../../components/page-title';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/loading';
import { BackupReminder } from '../../components/backup-reminder';
import { TextField } from '../../components/field';
import { normalizeSearchText } from '../../domain/directory/normalize-search-text';
import { COMMUNES_SLOT_ID, isEmptyAtStart } from './empty-device';
import './home.css';

/** Past this many communes (a conseiller numérique's dozen), the list gets a filter box. */
const FILTER_FROM = 6;

/** Name, INSEE code, postcode or EPCI, accents and case ignored. */
function matchesFilter(commune: CommuneRecord, filter: string): boolean {
  const query = normalizeSearchText(filter);
  if (query === '') return true;
  return [commune.name, commune.insee, commune.postcode, commune.epciName].some((field) =>
    normalizeSearchText(field).includes(query),
  );
}

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
      .sort((a, b) => compareInstants(b.updatedAt, a.updatedAt))[0],
  }));
}

/** The list on a device with no commune; also rendered at build time for a first visit (src/app/prerender-entry.tsx). */
export function EmptyCommunes() {
  const { t } = useTranslation('home');
  return <p>{t('communes.empty')}</p>;
}

export function HomePage() {
  const { t, i18n } = useTranslation('home');
  // On a first visit's page the list is already drawn empty (src/app/first-visit.ts): the same, not « Chargement… ».
  const summaries = useLiveQuery(loadSummaries, [], isEmptyAtStart() ? [] : undefined);
  const [filter, setFilter] = useState('');
  // Set by the commune page after a deletion.
  const { state } = useLocation();
  const deletedCommune = typeof state === 'object' && state !== null && 'deletedCommune' in state && typeof state.deletedCommune === 'string' ? state.deletedCommune : null;
  const shown = summaries?.filter(({ commune }) => matchesFilter(commune, filter));
  const inProgress = summaries
    ?.filter((s) => s.latest?.status === 'in-progress')
    .sort((a, b) => compareInstants(b.latest?.updatedAt ?? '', a.latest?.updatedAt ?? ''))[0];

  return (
    <section className="page">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      {deletedCommune && (
        <p className="alert alert--success" role="status">
          {t('communeDeleted', { commune: deletedCommune })}
        </p>
      )}
      <p className="lead">{t('intro')}</p>
      <ul className="facts">
        <li>{t('facts.time')}</li>
        <li>{t('facts.resume')}</li>
        <li>{t('facts.private')}</li>
      </ul>

      <BackupReminder />

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
      {/* A first visit's entry script fills this in without the app (src/app/first-visit.ts). */}
      <div id={COMMUNES_SLOT_ID}>
        {summaries === undefined ? (
          <Loading />
        ) : summaries.length === 0 ? (
          <EmptyCommunes />
        ) : (
          <>
            {summaries.length >= FILTER_FROM && (
              <>
                <TextField type="search" label={t('communes.filter')} hint={t('communes.filterHint')} name="commune-filter" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
                <p role="status" aria-live="polite" className="muted">
                  {filter.trim() === '' ? '' : t('communes.filtered', { count: shown?.length ?? 0, total: summaries.length })}
                </p>
              </>
            )}
            <ul className="card-list">
              {(shown ?? []).map(({ commune, latest }) => (
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
          </>
        )}
      </div>
      <p>
        <Link className="button" to="/communes/new">
          {t('communes.add')}
        </Link>
      </p>
    </section>
  );
}
