/**
 * Exporting chosen audits (with their communes and plans) to one file, or to several when one would pass the import
 * door's cap (each complete on its own, a commune's audits together); ?audit=<id> ticks an audit in advance.
 * A device may hold an EPCI's or a département's audits (35,000): past a handful of communes the list gets a
 * search box, ticks what it finds in one click, counts what is ticked, and draws one page of communes at a time.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TextField } from '../../components/field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { listExportableAudits, listExportableCommunes, type ExportableAudit, type ExportableCommune } from '../../db/exchange-repository';
import { exportAudits } from '../../services/exchange/export-files';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import { ExportRefusedMessage } from './export-refused-message';
import { EXPORT_LIMITS } from '../../domain/exchange/export-format';
import { exportedFile, exportRefusal } from './exported-file';
import { formatBytes } from './format-bytes';
import { prepareExportList, searchExportList } from './export-list';
import { PassphraseFields } from './passphrase-fields';
import { usePassphraseDownload } from './use-passphrase-download';
import './backup.css';

/** Communes drawn at once: a page of checkboxes stays light whatever the device holds. */
export const EXPORT_PAGE_SIZE = 50;
/** From this many communes (a conseiller numérique's round), the list gets its search box and counts. */
export const EXPORT_SEARCH_FROM = 6;

export function ExportPage() {
  const communes = useLiveQuery(listExportableCommunes);
  return communes === undefined ? <Loading /> : <ExportChoices communes={communes} />;
}

/**
 * The page once the list is read. It stays mounted when the list changes (the last audits deleted, say): its
 * links must not be swapped for new ones under the user's pointer.
 */
function ExportChoices({ communes }: { communes: readonly ExportableCommune[] }) {
  const { t, i18n } = useTranslation('exchange');
  const [params] = useSearchParams();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(params.getAll('audit')));
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);

  const list = useMemo(() => prepareExportList(communes, i18n.language), [communes, i18n.language]);
  // Typing stays responsive while 35,000 communes are searched behind it.
  const searched = useDeferredValue(query);
  const found = useMemo(() => searchExportList(list, searched), [list, searched]);
  const searching = found !== list;
  const allIds = useMemo(() => list.flatMap((c) => c.auditIds), [list]);
  const foundIds = useMemo(() => (searching ? found.flatMap((c) => c.auditIds) : allIds), [searching, found, allIds]);
  // Only audits still on the device count (an id in the address may be stale).
  const chosen = useMemo(() => allIds.filter((auditId) => selected.has(auditId)), [allIds, selected]);
  const chosenFound = useMemo(() => (searching ? foundIds.filter((auditId) => selected.has(auditId)).length : chosen.length), [searching, foundIds, selected, chosen]);
  const large = list.length >= EXPORT_SEARCH_FROM;

  const pageCount = Math.max(1, Math.ceil(found.length / EXPORT_PAGE_SIZE));
  const current = Math.min(page, pageCount - 1);
  const shown = found.slice(current * EXPORT_PAGE_SIZE, (current + 1) * EXPORT_PAGE_SIZE);
  const shownKey = JSON.stringify(shown.map((c) => c.id));
  // Only the audits of the communes on screen are opened (their dates, status and number of answers).
  const audits = useLiveQuery(() => listExportableAudits(JSON.parse(shownKey) as string[]), [shownKey]);
  const auditsOf = useMemo(() => {
    const byCommune = new Map<string, ExportableAudit[]>();
    for (const audit of audits ?? []) {
      const list = byCommune.get(audit.communeId);
      if (list) list.push(audit);
      else byCommune.set(audit.communeId, [audit]);
    }
    return byCommune;
  }, [audits]);

  // After a page is turned, the focus goes to the top of the new page (the button pressed is far below it).
  const rangeRef = useRef<HTMLParagraphElement>(null);
  const focusRange = useRef(false);
  useEffect(() => {
    if (focusRange.current) {
      focusRange.current = false;
      rangeRef.current?.focus();
    }
  }, [current]);
  const turn = (to: number) => {
    focusRange.current = true;
    setPage(to);
  };

  const tick = (auditIds: readonly string[], on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const auditId of auditIds) {
        if (on) next.add(auditId);
        else next.delete(auditId);
      }
      return next;
    });

  const form = usePassphraseDownload<ExchangeError>(async (passphrase) => {
    const ofCommunes = list.filter((c) => c.auditIds.some((auditId) => selected.has(auditId)));
    const label = ofCommunes.length === 1 && ofCommunes[0] ? ofCommunes[0].name : t('fileName.selection');
    try {
      const files = await exportAudits(chosen, { label, passphrase });
      return files.map(exportedFile);
    } catch (error) {
      return { refused: exportRefusal(error) };
    }
  }, chosen.length > 0);
  const outcome = form.state;

  // The page appears whole: the first communes with their audits.
  if (audits === undefined) return <Loading />;
  const hidden = chosen.length - chosenFound;
  return (
    <section className="page">
      <PageTitle title={t('export.title')}>{t('export.title')}</PageTitle>
      {list.length === 0 ? (
        <p>{t('export.none')}</p>
      ) : (
        <form className="form" onSubmit={(e) => void form.submit(e)} noValidate>
          <p className="lead">{t('export.intro')}</p>
          {large && (
            <>
              <TextField
                type="search"
                label={t('export.search')}
                hint={t('export.searchHint')}
                name="export-search"
                autoComplete="off"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setPage(0);
                }}
                // Enter in the search box searches; it must not export.
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.preventDefault();
                }}
              />
              <p className="muted" aria-live="polite">
                {searching &&
                  t('export.found', {
                    count: found.length,
                    total: list.length,
                    audits: t('export.audits', { count: foundIds.length }),
                  })}
              </p>
            </>
          )}
          {found.length === 0 ? (
            <p>{t('export.noMatch')}</p>
          ) : (
            <p className="card__actions">
              <button type="button" className="button button--quiet" onClick={() => tick(foundIds, true)}>
                {searching ? t('export.selectFound', { count: foundIds.length }) : t('export.selectAll')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => (searching ? tick(foundIds, false) : setSelected(new Set()))}>
                {searching ? t('export.unselectFound', { count: foundIds.length }) : t('export.selectNone')}
              </button>
            </p>
          )}
          {large && (
            <p aria-live="polite">
              {hidden > 0
                ? t('export.selectedHidden', { count: chosen.length, total: allIds.length, hidden })
                : t('export.selected', { count: chosen.length, total: allIds.length })}
            </p>
          )}
          {pageCount > 1 && (
            <p ref={rangeRef} tabIndex={-1} className="muted">
              {t('export.range', { from: current * EXPORT_PAGE_SIZE + 1, to: current * EXPORT_PAGE_SIZE + shown.length, total: found.length })}
            </p>
          )}
          {shown.map((commune) => {
            const choices = auditsOf.get(commune.id);
            return (
              <fieldset key={commune.id} className="field field--choice">
                <legend>
                  <bdi>{commune.name}</bdi>
                </legend>
                {choices === undefined ? (
                  <p className="muted">{t('export.loadingAudits')}</p>
                ) : (
                  <div className="choices">
                    {choices.map((audit) => (
                      <label key={audit.id} className="choice">
                        <input type="checkbox" checked={selected.has(audit.id)} onChange={(e) => tick([audit.id], e.target.checked)} />
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
                )}
              </fieldset>
            );
          })}
          {pageCount > 1 && (
            <nav className="card__actions" aria-label={t('export.pages')}>
              <button type="button" className="button button--quiet" disabled={current === 0} onClick={() => turn(current - 1)}>
                {t('export.previous')}
              </button>
              <button type="button" className="button button--quiet" disabled={current === pageCount - 1} onClick={() => turn(current + 1)}>
                {t('export.next')}
              </button>
            </nav>
          )}
          {form.submitted && chosen.length === 0 && (
            <p className="field__error" role="alert">
              {t('export.nothingSelected')}
            </p>
          )}
          <PassphraseFields value={form.passphrase} onChange={form.setPassphrase} showErrors={form.submitted} />
          <p>
            <button type="submit" className="button button--primary" disabled={outcome.status === 'busy'}>
              {t('export.submit', { count: chosen.length })}
            </button>
          </p>
        </form>
      )}
      {outcome.status === 'done' &&
        (outcome.fileNames.length === 1 ? (
          <p className="alert alert--success" role="status">
            {t('export.done', { fileName: outcome.fileNames[0] })}
          </p>
        ) : (
          <div className="alert alert--success" role="status">
            <p>{t('export.doneParts', { count: outcome.fileNames.length, size: formatBytes(EXPORT_LIMITS.auditsFileBytes, i18n.language) })}</p>
            <ul>
              {outcome.fileNames.map((fileName) => (
                <li key={fileName}>{fileName}</li>
              ))}
            </ul>
            <p>{t('export.doneTogether')}</p>
            <p>{t('export.doneManyDownloads')}</p>
          </div>
        ))}
      {outcome.status === 'error' &&
        (outcome.refusal ? (
          <ExportRefusedMessage refusal={outcome.refusal} />
        ) : (
          <p className="alert alert--error" role="alert">
            {t('errors.export-failed')}
          </p>
        ))}
      <p>
        <Link to="/donnees">{t('links.back')}</Link>
      </p>
    </section>
  );
}
