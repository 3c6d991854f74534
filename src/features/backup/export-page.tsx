/** Exporting chosen audits (with their communes and plans) to one file; ?audit=<id> ticks an audit in advance. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { listExportableAudits } from '../../db/exchange-repository';
import { exportData } from '../../db/export-files';
import { downloadFile } from './download-file';
import { chosenPassphrase, NO_PASSPHRASE, PassphraseFields, passphraseProblem } from './passphrase-fields';

export function ExportPage() {
  const { t, i18n } = useTranslation('exchange');
  const [params] = useSearchParams();
  const communes = useLiveQuery(listExportableAudits);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(params.getAll('audit')));
  const [passphrase, setPassphrase] = useState(NO_PASSPHRASE);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; fileName: string } | { ok: false } | null>(null);

  if (communes === undefined) return <Loading />;

  const allIds = communes.flatMap((c) => c.audits.map((a) => a.id));
  // Only audits still on the device count (an id in the address may be stale).
  const chosen = allIds.filter((auditId) => selected.has(auditId));
  const toggle = (auditId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(auditId);
    else next.delete(auditId);
    setSelected(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setOutcome(null);
    if (chosen.length === 0 || passphraseProblem(passphrase)) return;
    const ofCommunes = communes.filter((c) => c.audits.some((a) => selected.has(a.id)));
    const label = ofCommunes.length === 1 && ofCommunes[0] ? ofCommunes[0].name : t('fileName.selection');
    setBusy(true);
    try {
      const file = await exportData({ kind: 'audits', auditIds: chosen }, { label, passphrase: chosenPassphrase(passphrase) });
      downloadFile(file.fileName, file.text);
      setOutcome({ ok: true, fileName: file.fileName });
      // The passphrase lives only as long as the form needs it.
      setPassphrase(NO_PASSPHRASE);
      setSubmitted(false);
    } catch {
      setOutcome({ ok: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page">
      <PageTitle title={t('export.title')}>{t('export.title')}</PageTitle>
      {communes.length === 0 ? (
        <p>{t('export.none')}</p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <p className="lead">{t('export.intro')}</p>
          <p className="card__actions">
            <button type="button" className="button button--quiet" onClick={() => setSelected(new Set(allIds))}>
              {t('export.selectAll')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setSelected(new Set())}>
              {t('export.selectNone')}
            </button>
          </p>
          {communes.map((commune) => (
            <fieldset key={commune.id} className="field field--choice">
              <legend>
                <bdi>{commune.name}</bdi>
              </legend>
              <div className="choices">
                {commune.audits.map((audit) => (
                  <label key={audit.id} className="choice">
                    <input type="checkbox" checked={selected.has(audit.id)} onChange={(e) => toggle(audit.id, e.target.checked)} />
                    <span>
                      {t('export.audit', { date: formatDate(audit.startedAt, i18n.language) })}{' '}
                      <span className="muted">
                        (
                        {t('export.auditMeta', {
                          status: t(audit.status === 'completed' ? 'export.completed' : 'export.inProgress'),
                          answered: t('export.answered', { count: audit.answered }),
                        })}
                        )
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          {submitted && chosen.length === 0 && (
            <p className="field__error" role="alert">
              {t('export.nothingSelected')}
            </p>
          )}
          <PassphraseFields value={passphrase} onChange={setPassphrase} showErrors={submitted} />
          <p>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('export.submit', { count: chosen.length })}
            </button>
          </p>
        </form>
      )}
      {outcome?.ok === true && (
        <p className="alert alert--success" role="status">
          {t('export.done', { fileName: outcome.fileName })}
        </p>
      )}
      {outcome?.ok === false && (
        <p className="alert alert--error" role="alert">
          {t('errors.export-failed')}
        </p>
      )}
      <p>
        <Link to="/donnees">{t('links.back')}</Link>
      </p>
    </section>
  );
}
