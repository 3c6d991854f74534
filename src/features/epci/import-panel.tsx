/**
 * Importing the members' audit files, many at once: a selection of files, a folder (chosen, or dropped on the
 * zone), with a progress bar, a spoken status and what became of each file.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importAuditFiles, prepareImportWorkers, type EpciFileResult, type EpciImportProgress } from '../../services/epci-import/epci-import';
import type { ImportedRecords } from '../../domain/epci/with-imported';
import { loadSummaryContext } from '../../db/epci-repository';
import { TextField } from '../../components/field';
import { collectDroppedFiles } from './collect-dropped-files';

/** A folder's other files (PDFs, notes) are not export files: only .json files are taken from a folder. */
const isJson = (file: File) => file.name.toLowerCase().endsWith('.json');

/** Above this, the per-file list is folded (files with an error stay shown). */
const LIST_LIMIT = 30;

type PanelState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: EpciImportProgress }
  | { kind: 'done'; files: EpciFileResult[]; ignored: number; failed: boolean };

function FileResultLine({ file }: { file: EpciFileResult }) {
  const { t } = useTranslation('epci');
  const text =
    file.status === 'imported'
      ? t('import.result.imported', { count: file.added + file.updated }) +
        (file.updated > 0 ? ` ${t('import.result.updated', { count: file.updated })}` : '') +
        (file.skipped > 0 ? ` ${t('import.result.skippedToo', { count: file.skipped })}` : '')
      : file.status === 'duplicate'
        ? t('import.result.duplicate', { count: file.skipped })
        : file.status === 'empty'
          ? t('import.result.empty')
          : t(`import.errors.${file.code}`);
  return (
    <li className={`epci-import__file epci-import__file--${file.status}`}>
      <span className="epci-import__name">{file.name}</span> — <span>{text}</span>
    </li>
  );
}

function ResultList({ files }: { files: EpciFileResult[] }) {
  const { t } = useTranslation('epci');
  const errors = files.filter((f) => f.status === 'error');
  const others = files.filter((f) => f.status !== 'error');
  const count = (status: EpciFileResult['status']) => files.filter((f) => f.status === status).length;
  return (
    <>
      <p>
        {t('import.done', {
          imported: t('import.count.imported', { count: count('imported') }),
          duplicate: t('import.count.duplicate', { count: count('duplicate') }),
          error: t('import.count.error', { count: errors.length }),
        })}
      </p>
      {errors.length > 0 && (
        <>
          <h3>{t('import.errorsTitle')}</h3>
          <ul className="epci-import__files">
            {errors.map((file, index) => (
              <FileResultLine key={`${file.name}-${index}`} file={file} />
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && others.length <= LIST_LIMIT && (
        <ul className="epci-import__files">
          {others.map((file, index) => (
            <FileResultLine key={`${file.name}-${index}`} file={file} />
          ))}
        </ul>
      )}
      {others.length > LIST_LIMIT && (
        <details>
          <summary>{t('import.showAll', { count: others.length })}</summary>
          <ul className="epci-import__files">
            {others.map((file, index) => (
              <FileResultLine key={`${file.name}-${index}`} file={file} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function ProgressLine({ progress }: { progress: EpciImportProgress }) {
  const { t } = useTranslation('epci');
  const label =
    progress.stage === 'reading'
      ? t('import.progress.reading', { done: progress.done, total: progress.total })
      : t(`import.progress.${progress.stage}`);
  // While the last files are written, the database gives no progress: the bar says "busy" rather than lie.
  const determinate = progress.stage === 'reading';
  return (
    <div className="progress">
      <span className="progress__label" aria-hidden="true">
        {label}
      </span>
      {determinate ? (
        <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={label} />
      ) : (
        <progress aria-label={label} />
      )}
    </div>
  );
}

export function ImportPanel({ onImported }: { onImported: (imported: ImportedRecords) => void }) {
  const { t } = useTranslation('epci');
  const id = useId();
  const folderInput = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [state, setState] = useState<PanelState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const running = state.kind === 'running';

  useEffect(() => {
    // Not a React prop: lets the second field choose a whole folder, the keyboard's way to "drop a folder".
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  // The import's workers wait ready while the panel is shown, again after each import (which takes them).
  const [imports, setImports] = useState(0);
  useEffect(() => prepareImportWorkers(), [imports]);

  const run = async (files: File[], ignored: number) => {
    if (files.length === 0 || running) return;
    setState({ kind: 'running', progress: { stage: 'reading', done: 0, total: files.length } });
    try {
      const context = await loadSummaryContext();
      const result = await importAuditFiles(files, context, {
        passphrase: passphrase || undefined,
        onProgress: (progress) => setState({ kind: 'running', progress }),
      });
      setState({ kind: 'done', files: result.files, ignored, failed: false });
      onImported(result.written);
    } catch {
      setState({ kind: 'done', files: [], ignored, failed: true });
    }
    setImports((count) => count + 1);
  };

  const fromInput = (input: HTMLInputElement, onlyJson: boolean) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    const taken = onlyJson ? files.filter(isJson) : files;
    void run(taken, files.length - taken.length);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (running) return;
    const dropped = collectDroppedFiles(event.dataTransfer);
    void dropped.then(
      (files) => {
        const taken = files.filter(isJson);
        void run(taken, files.length - taken.length);
      },
      () => setState({ kind: 'done', files: [], ignored: 0, failed: true }),
    );
  };

  const status =
    state.kind === 'running'
      ? t(`import.status.${state.progress.stage}`)
      : state.kind === 'done'
        ? state.failed
          ? t('import.failed')
          : t('import.finished', { count: state.files.length })
        : '';

  return (
    <section className="epci-import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('import.title')}</h2>
      <p>{t('import.intro')}</p>
      <TextField
        label={t('import.passphrase')}
        hint={t('import.passphraseHint')}
        type="password"
        autoComplete="off"
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
        disabled={running}
      />
      <div
        className={`epci-drop${dragging ? ' epci-drop--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="epci-drop__text">{t('import.drop')}</p>
        <div className="epci-drop__inputs">
          <div className="field">
            <label htmlFor={`${id}-files`}>{t('import.files')}</label>
            <input
              id={`${id}-files`}
              type="file"
              multiple
              accept=".json,application/json"
              disabled={running}
              onChange={(event) => fromInput(event.currentTarget, false)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-folder`}>{t('import.folder')}</label>
            <input
              id={`${id}-folder`}
              ref={folderInput}
              type="file"
              disabled={running}
              onChange={(event) => fromInput(event.currentTarget, true)}
            />
          </div>
        </div>
      </div>

      <p role="status" aria-live="polite" className="epci-import__status">
        {status}
      </p>
      {state.kind === 'running' && <ProgressLine progress={state.progress} />}
      {state.kind === 'done' && !state.failed && (
        <>
          {state.ignored > 0 && <p>{t('import.ignored', { count: state.ignored })}</p>}
          <ResultList files={state.files} />
        </>
      )}
    </section>
  );
}
