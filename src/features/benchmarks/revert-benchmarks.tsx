/**
 * « Revenir au jeu fourni avec l'application »: always on the page, whatever is installed (an imported file, a
 * damaged record, nothing), so that no file can leave a device stuck with figures it cannot replace.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revertToBundledDataset } from '../../db/benchmarks-repository';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; version: number } | { kind: 'failed' };

export function RevertBenchmarks() {
  const { t } = useTranslation('benchmarks');
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function revert() {
    setState({ kind: 'working' });
    try {
      const dataset = await revertToBundledDataset();
      setState({ kind: 'done', version: dataset.version });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  return (
    <section aria-labelledby="benchmarks-revert-title">
      <h2 id="benchmarks-revert-title">{t('page.reset.title')}</h2>
      <p>{t('page.reset.intro')}</p>
      <button type="button" className="button" disabled={state.kind === 'working'} onClick={() => void revert()}>
        {t('page.reset.button')}
      </button>
      <div aria-live="polite">
        {state.kind === 'done' && (
          <p className="alert alert--success" role="status">
            {t('page.reset.done', { version: state.version })}
          </p>
        )}
      </div>
      {state.kind === 'failed' && (
        <p className="alert alert--error" role="alert">
          {t('page.reset.failed')}
        </p>
      )}
    </section>
  );
}
