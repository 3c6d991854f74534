/**
 * Importing export files: read and check every file (nothing written), ask for a passphrase and for conflicts,
 * then write all the valid files in one transaction.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { conflictsOf, openExportFile, writeImport } from '../../services/exchange/import-files';
import { EXPORT_LIMITS } from '../../domain/exchange/export-format';
import type { ExchangeError, Result } from '../../domain/exchange/exchange-error';
import type { AuditConflict, ConflictDecision, ImportSummary } from '../../domain/exchange/plan-import';
import type { ParsedExport } from '../../domain/exchange/read-export-file';
import { ConflictForm } from './conflict-form';
import { ExchangeErrorMessage } from './exchange-error-message';
import { formatBytes } from './format-bytes';
import { PassphrasePrompt } from './passphrase-fields';
import { useFreshFileInput } from './use-fresh-file-input';
import './backup.css';

interface FileRead {
  file: File;
  result: Result<ParsedExport>;
  /** A passphrase was tried on it (so a decryption failure is worth showing). */
  triedPassphrase: boolean;
}

type State =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'review'; reads: FileRead[]; conflicts: AuditConflict[] }
  | { step: 'writing'; reads: FileRead[] }
  | { step: 'done'; reads: FileRead[]; summary: ImportSummary }
  | { step: 'failed'; reads: FileRead[]; error: ExchangeError };

const needsPassphrase = (read: FileRead) =>
  !read.result.ok && (read.result.error.code === 'passphrase-required' || read.result.error.code === 'wrong-passphrase-or-tampered');

const validOf = (reads: readonly FileRead[]) => reads.flatMap((r) => (r.result.ok ? [r.result.value] : []));

export function ImportPage() {
  const { t, i18n } = useTranslation('exchange');
  const id = useId();
  const [state, setState] = useState<State>({ step: 'choose' });
  const [decisions, setDecisions] = useState<ReadonlyMap<string, ConflictDecision>>(new Map());
  const [showMissing, setShowMissing] = useState(false);
  // Starting again gives a fresh, empty file input with the focus: the keyboard is where the next step is.
  const { key: inputKey, mount: mountInput, renew: renewInput } = useFreshFileInput();
  const maxBytes = EXPORT_LIMITS.auditsFileBytes;

  const review = async (reads: FileRead[]) => {
    const conflicts = await conflictsOf(validOf(reads));
    setDecisions(new Map());
    setShowMissing(false);
    setState({ step: 'review', reads, conflicts });
  };

  const readFiles = async (files: File[]) => {
    setState({ step: 'reading' });
    const reads: FileRead[] = [];
    for (const file of files) reads.push({ file, result: await openExportFile(file, { maxBytes }), triedPassphrase: false });
    await review(reads);
  };

  const decrypt = async (reads: FileRead[], passphrase: string) => {
    setState({ step: 'reading' });
    const next: FileRead[] = [];
    for (const read of reads) {
      next.push(needsPassphrase(read) ? { file: read.file, result: await openExportFile(read.file, { maxBytes, passphrase }), triedPassphrase: true } : read);
    }
    await review(next);
  };

  const write = async (reads: FileRead[], conflicts: readonly AuditConflict[]) => {
    if (conflicts.some((c) => !decisions.has(c.auditId))) {
      setShowMissing(true);
      return;
    }
    setState({ step: 'writing', reads });
    const result = await writeImport(validOf(reads), decisions);
    setState(result.ok ? { step: 'done', reads, summary: result.value.summary } : { step: 'failed', reads, error: result.error });
  };

  /** Back to the empty form, whatever the step: every file forgotten, nothing written. */
  const restart = () => {
    renewInput(true);
    setDecisions(new Map());
    setShowMissing(false);
    setState({ step: 'choose' });
  };

  const count = (key: 'communes' | 'audits', n: number) => t(`backup.${key}`, { count: n });

  return (
    <section className="page">
      <PageTitle title={t('import.title')}>{t('import.title')}</PageTitle>
      <p className="lead">{t('import.intro')}</p>

      {(state.step === 'choose' || state.step === 'reading') && (
        <div className="field">
          <label htmlFor={`${id}-files`}>{t('import.files')}</label>
          <p id={`${id}-hint`} className="field__hint">
            {t('import.filesHint', { size: formatBytes(maxBytes, i18n.language) })}
          </p>
          <input
            key={inputKey}
            ref={mountInput}
            id={`${id}-files`}
            type="file"
            multiple
            accept=".json,application/json"
            aria-describedby={`${id}-hint`}
            disabled={state.step === 'reading'}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              if (files.length > 0) void readFiles(files);
            }}
          />
        </div>
      )}
      {(state.step === 'reading' || state.step === 'writing') && (
        <p className="loading" role="status">
          {t(state.step === 'reading' ? 'import.reading' : 'import.writing')}
        </p>
      )}

      {state.step !== 'choose' && state.step !== 'reading' && (
        <>
          <h2>{t('import.results')}</h2>
          <ul className="file-results">
            {state.reads.map((read, index) => (
              <li key={index} className={read.result.ok ? 'file-results__ok' : 'file-results__error'}>
                <bdi className="file-results__name">{read.file.name}</bdi>
                {' · '}
                {read.result.ok ? (
                  <>
                    {t('import.fileOk', {
                      audits: count('audits', read.result.value.payload.audits.length),
                      communes: count('communes', read.result.value.payload.communes.length),
                    })}
                    {read.result.value.kind === 'backup' && <p className="muted">{t('import.backupNote')}</p>}
                  </>
                ) : (
                  <>
                    {t('import.fileError')}
                    {/* While the passphrase is being asked for, the prompt below says it all. */}
                    {(state.step !== 'review' || !needsPassphrase(read) || read.triedPassphrase) && (
                      <ExchangeErrorMessage error={read.result.error} maxBytes={maxBytes} />
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {state.step === 'review' && (
        <ReviewStep
          state={state}
          decisions={decisions}
          showMissing={showMissing}
          onDecisions={setDecisions}
          onPassphrase={(passphrase) => void decrypt(state.reads, passphrase)}
          onWrite={() => void write(state.reads, state.conflicts)}
          onCancel={restart}
        />
      )}

      {state.step === 'failed' && <ExchangeErrorMessage error={state.error} />}
      {state.step === 'done' && <DoneMessage summary={state.summary} />}
      {(state.step === 'done' || state.step === 'failed') && (
        <p>
          <button type="button" className="button" onClick={restart}>
            {t('import.again')}
          </button>
        </p>
      )}
      <p>
        <Link to="/donnees">{t('links.back')}</Link>
      </p>
    </section>
  );
}

function ReviewStep({
  state,
  decisions,
  showMissing,
  onDecisions,
  onPassphrase,
  onWrite,
  onCancel,
}: {
  state: { reads: FileRead[]; conflicts: AuditConflict[] };
  decisions: ReadonlyMap<string, ConflictDecision>;
  showMissing: boolean;
  onDecisions: (decisions: ReadonlyMap<string, ConflictDecision>) => void;
  onPassphrase: (passphrase: string) => void;
  onWrite: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('exchange');
  const valid = validOf(state.reads);
  const audits = valid.reduce((n, f) => n + f.payload.audits.length, 0);
  const communes = valid.reduce((n, f) => n + f.payload.communes.length, 0);
  const locked = state.reads.filter(needsPassphrase);
  return (
    <>
      {locked.length > 0 && (
        <PassphrasePrompt
          busy={false}
          onSubmit={onPassphrase}
          retry={locked.some((read) => read.triedPassphrase)}
          // With files ready to import, the form below has its own "Annuler".
          cancel={valid.length === 0 ? { label: t('import.chooseOther'), onCancel } : undefined}
        />
      )}
      {valid.length > 0 && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            onWrite();
          }}
        >
          {state.conflicts.length > 0 && (
            <ConflictForm conflicts={state.conflicts} decisions={decisions} onChange={onDecisions} showMissing={showMissing} />
          )}
          <p>{t('import.ready', { audits: t('backup.audits', { count: audits }), communes: t('backup.communes', { count: communes }) })}</p>
          <p className="card__actions">
            <button type="submit" className="button button--primary">
              {t('import.submit')}
            </button>
            <button type="button" className="button button--quiet" onClick={onCancel}>
              {t('import.cancel')}
            </button>
          </p>
        </form>
      )}
      {valid.length === 0 && !state.reads.some(needsPassphrase) && (
        <p>
          <button type="button" className="button" onClick={onCancel}>
            {t('import.again')}
          </button>
        </p>
      )}
    </>
  );
}

function DoneMessage({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation('exchange');
  const parts = [
    ['added', summary.auditsAdded],
    ['replaced', summary.auditsReplaced],
    ['keptBoth', summary.auditsKeptBoth],
    ['skipped', summary.auditsSkipped],
    ['communesAdded', summary.communesAdded],
  ] as const;
  const details = parts.filter(([, n]) => n > 0).map(([key, n]) => t(`import.${key}`, { count: n }));
  return (
    <p className="alert alert--success" role="status">
      {t('import.done', { details: details.length > 0 ? details.join(', ') : t('import.nothing') })}
    </p>
  );
}
