/**
 * "Rapport PDF pour le conseil communautaire": loads the PDF code on demand (import(), never with the page),
 * makes the consolidated report on the device and hands it over as a download.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../components/save-file';
import type { EpciData } from './use-epci-data';

type State = 'idle' | 'busy' | 'done' | 'error';

export function PdfExportButton({ data, label }: { data: EpciData; label: string }) {
  const { t, i18n } = useTranslation('epci');
  const [state, setState] = useState<State>('idle');
  const download = async () => {
    if (state === 'busy') return;
    setState('busy');
    try {
      const { generateEpciReport } = await import('../../pdf/epci-generate-report');
      const language = i18n.language.startsWith('en') ? 'en' : 'fr';
      const { blob, fileName } = await generateEpciReport({
        language,
        generatedAt: new Date(),
        label,
        scope: data.scope,
        aggregate: data.aggregate,
        comparisons: data.comparisons,
        questionnaire: data.questionnaire,
        catalogue: data.catalogue,
        benchmark: data.dataset ? { id: data.dataset.id, version: data.dataset.version } : null,
        t: i18n.getFixedT(language, 'epci'),
      });
      saveFile(blob, fileName);
      setState('done');
    } catch {
      setState('error');
    }
  };
  return (
    <div className="epci-export">
      <button type="button" className="button button--primary" onClick={() => void download()} aria-disabled={state === 'busy' || undefined}>
        {t('export.pdf')}
      </button>
      <p className="field__hint">{t('export.pdfHint')}</p>
      <p role="status" className="epci-export__status">
        {state === 'busy' ? t('export.pdfBusy') : state === 'done' ? t('export.pdfDone') : ''}
      </p>
      {state === 'error' && (
        <p className="alert alert--error" role="alert">
          {t('export.pdfError')}
        </p>
      )}
    </div>
  );
}
