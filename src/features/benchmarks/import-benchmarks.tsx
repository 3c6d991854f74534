/** Import of a newer benchmark file: checked in full, installed all or nothing, every refusal explained. */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importBenchmarkFile } from '../../db/benchmarks-repository';
import { MAX_BENCHMARK_FILE_BYTES, type BenchmarkFileError } from '../../domain/benchmarks/read-benchmark-file';
import { localize } from '../../domain/questionnaire/localize';

type ImportError = BenchmarkFileError | { code: 'unreadable' };
type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'done'; version: number; title: string; count: number }
  | { kind: 'failed'; error: ImportError };

/** Blob.text() where the browser has it; FileReader otherwise (older Safari, jsdom). */
function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

const megabytes = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(bytes / (1024 * 1024));

export function ImportBenchmarks() {
  const { t, i18n } = useTranslation('benchmarks');
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // The same file may be chosen again after a fix: let the input fire again.
    input.value = '';
    if (file.size > MAX_BENCHMARK_FILE_BYTES) {
      setState({ kind: 'failed', error: { code: 'too-large' } });
      return;
    }
    setState({ kind: 'reading' });
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setState({ kind: 'failed', error: { code: 'unreadable' } });
      return;
    }
    const result = await importBenchmarkFile(text).catch((): { ok: false; error: ImportError } => ({
      ok: false,
      error: { code: 'unreadable' },
    }));
    setState(
      result.ok
        ? {
            kind: 'done',
            version: result.dataset.version,
            title: localize(result.dataset.title, i18n.language),
            count: result.dataset.indicators.length,
          }
        : { kind: 'failed', error: result.error },
    );
  }

  const message = (error: ImportError) =>
    t(`errors.${error.code}`, {
      path: 'path' in error ? error.path : '',
      id: 'id' in error ? error.id : '',
      version: 'version' in error ? error.version : '',
      current: 'currentVersion' in error ? error.currentVersion : '',
      bundled: 'bundledVersion' in error ? error.bundledVersion : '',
      max: 'maxVersion' in error ? error.maxVersion : megabytes(MAX_BENCHMARK_FILE_BYTES, i18n.language),
    });

  return (
    <section aria-labelledby="benchmarks-import-title">
      <h2 id="benchmarks-import-title">{t('page.import.title')}</h2>
      <p>{t('page.import.intro')}</p>
      <div className="field">
        <label htmlFor="benchmarks-file">{t('page.import.label')}</label>
        <input id="benchmarks-file" type="file" accept="application/json,.json" onChange={(event) => void onChange(event)} />
      </div>
      <div aria-live="polite">
        {state.kind === 'reading' && <p className="muted">{t('page.import.reading')}</p>}
        {state.kind === 'done' && (
          <p className="alert alert--success" role="status">
            {t('page.import.success', { version: state.version, title: state.title, count: state.count })}
          </p>
        )}
      </div>
      {state.kind === 'failed' && (
        <div className="alert alert--error" role="alert">
          <p>{message(state.error)}</p>
          <p>{t('page.import.unchanged')}</p>
        </div>
      )}
    </section>
  );
}
