/** A commune: its profile, its audits (resume, results) and starting a new audit. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { listAuditsOfCommune, startAudit, startReaudit } from '../../db/audits-repository';
import { getCommune } from '../../db/communes-repository';
import { requestPersistenceOnce } from '../../services/storage/storage-persistence';
import { TextField } from '../../components/field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { TEXT_LIMITS } from '../../domain/limits';
import { DeleteAuditButton } from './delete-audit';
import { DeleteCommuneSection } from './delete-commune';
import { TimeEstimate } from '../../components/time-estimate';
import { useQuestionnaire } from '../../components/use-questionnaire';

export function CommunePage() {
  const { t, i18n } = useTranslation('communes');
  const { t: th } = useTranslation('history');
  const navigate = useNavigate();
  const { communeId = '' } = useParams();
  const commune = useLiveQuery(() => getCommune(communeId), [communeId], null);
  const audits = useLiveQuery(() => listAuditsOfCommune(communeId), [communeId]);
  const [auditor, setAuditor] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [deletedAudit, setDeletedAudit] = useState<string | null>(null);
  const auditsHeading = useRef<HTMLHeadingElement>(null);
  // The current version: the one a new audit or a re-audit is answered with.
  const questionnaire = useQuestionnaire();

  if (commune === undefined) return <NotFound missing="commune" />;
  if (commune === null || audits === undefined) return <Loading />;

  // A re-audit starts from the latest completed audit (or the latest one, when none is completed).
  const previous = [...audits].reverse().find((a) => a.status === 'completed') ?? audits[audits.length - 1];
  const auditDate = (iso: string) => formatDate(iso, i18n.language);

  const start = async (from: typeof previous) => {
    setBusy(true);
    setFailed(false);
    try {
      const audit = from
        ? await startReaudit(from, questionnaire, auditor.trim())
        : await startAudit(commune, questionnaire, auditor.trim());
      // Once the device holds an audit, ask the browser to keep the data (asked once; see the backup page).
      void requestPersistenceOnce().catch(() => undefined);
      await navigate(`/audits/${audit.id}`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const previousDate = (id: string) => {
    const audit = audits.find((a) => a.id === id);
    return audit ? auditDate(audit.startedAt) : null;
  };
  const { profile } = commune;
  return (
    <section className="page">
      <PageTitle title={commune.name}>{commune.name}</PageTitle>
      <dl className="profile">
        {commune.insee && (
          <div>
            <dt>{t('fields.insee')}</dt>
            <dd>{commune.insee}</dd>
          </div>
        )}
        {commune.epciName && (
          <div>
            <dt>{t('fields.epci')}</dt>
            <dd>{commune.epciName}</dd>
          </div>
        )}
        <div>
          <dt>{t('fields.population')}</dt>
          <dd>{profile.population.toLocaleString(i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('fields.agents')}</dt>
          <dd>{profile.agents}</dd>
        </div>
        <div>
          <dt>{t('fields.computers')}</dt>
          <dd>{profile.computers}</dd>
        </div>
        <div>
          <dt>{t('fields.itProvider')}</dt>
          <dd>{profile.itProvider ? t('yes') : t('no')}</dd>
        </div>
        <div>
          <dt>{t('fields.hasServer')}</dt>
          <dd>{profile.hasServer ? t('yes') : t('no')}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/communes/${commune.id}/edit`}>{t('page.editProfile')}</Link>
      </p>

      <h2 ref={auditsHeading} tabIndex={-1}>
        {t('page.audits')}
      </h2>
      {deletedAudit && (
        <p className="alert alert--success" role="status">
          {t('delete.audit.done', { date: deletedAudit })}
        </p>
      )}
      {audits.length >= 2 && (
        <p>
          <Link to={`/communes/${commune.id}/compare`}>{th('compareLink')}</Link>
        </p>
      )}
      {audits.length === 0 ? (
        <p>{t('page.noAudit')}</p>
      ) : (
        <ul className="card-list">
          {[...audits].reverse().map((audit) => (
            <li key={audit.id} className="card">
              <h3 className="card__title">{t('page.auditOf', { date: formatDate(audit.startedAt, i18n.language) })}</h3>
              <p className="card__meta">
                {t(audit.status === 'completed' ? 'page.completed' : 'page.inProgress')}
                {audit.auditor ? ` · ${t('page.by', { auditor: audit.auditor })}` : ''}
                {' · '}
                {t('page.answered', { count: Object.keys(audit.answers).length })}
                {audit.previousAuditId && previousDate(audit.previousAuditId)
                  ? ` · ${th('reaudit.from', { date: previousDate(audit.previousAuditId) })}`
                  : ''}
                {audit.unconfirmed.length > 0 ? ` · ${th('reaudit.toConfirm', { count: audit.unconfirmed.length })}` : ''}
              </p>
              <div className="card__actions">
                <Link className="button" to={`/audits/${audit.id}`}>
                  {audit.status === 'completed' ? t('page.review') : t('page.resume')}
                </Link>
                <Link className="button button--quiet" to={`/audits/${audit.id}/results`}>
                  {t('page.results')}
                </Link>
                <Link className="button button--quiet" to={`/donnees/exporter?audit=${encodeURIComponent(audit.id)}`}>
                  {t('exchange:exportAudit')}
                </Link>
                <DeleteAuditButton
                  audit={audit}
                  onDeleted={(date) => {
                    setDeletedAudit(date);
                    // The audit's card is gone, and its button with it: the focus goes to the list.
                    auditsHeading.current?.focus();
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}

      <div className="callout">
        <h2>{t('page.startTitle')}</h2>
        <p>{t('page.startIntro')}</p>
        <TimeEstimate questionnaire={questionnaire} profile={commune.profile} />
        {previous && <p>{th('reaudit.intro', { date: auditDate(previous.startedAt) })}</p>}
        <TextField label={t('page.auditor')} hint={t('page.auditorHint')} name="auditor" value={auditor} onChange={(e) => setAuditor(e.target.value)} maxLength={TEXT_LIMITS.auditor} />
        {failed && (
          <p role="alert" className="alert alert--error">
            {th('reaudit.failed')}
          </p>
        )}
        {previous ? (
          <div className="card__actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void start(previous)}>
              {th('reaudit.start')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void start(undefined)}>
              {th('reaudit.blank')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void start(undefined)}>
            {t('page.start')}
          </button>
        )}
      </div>

      <DeleteCommuneSection commune={commune} />
    </section>
  );
}
