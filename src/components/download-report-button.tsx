/**
 * "Télécharger le rapport PDF": gathers the audit on the device, loads the PDF code on demand (import()),
 * makes the report in the browser and hands it to the browser as a download. Nothing leaves the device.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectReportInput } from '../services/report/collect-report-input';
import { saveFile } from './save-file';

type State = 'idle' | 'busy' | 'done' | 'error';

export function DownloadReportButton({ auditId, primary = false }: { auditId: string; primary?: boolean }) {
  const { t, i18n } = useTranslation('report');
  const [state, setState] = useState<State>('idle');

  const download = async () => {
    if (state === 'busy') return;
    setState('busy');
    try {
      const [input, { generateReport }] = await Promise.all([collectReportInput(auditId, i18n), import('../pdf/generate-report')]);
      const { blob, fileName } = await generateReport(input);
      saveFile(blob, fileName);
      setState('done');
    } catch {
      setState('error');
    }
  };

  return (
    <div className="download-report">
      <button
        type="button"
        className={`button${primary ? ' button--primary' : ''}`}
        onClick={() => void download()}
        aria-disabled={state === 'busy' || undefined}
      >
        {t('download.button')}
      </button>
      <p className="download-report__status" role="status">
        {state === 'busy' ? t('download.busy') : state === 'done' ? t('download.done') : ''}
      </p>
      {state === 'error' && (
        <p className="alert alert--error" role="alert">
          {t('download.error')}
        </p>
      )}
    </div>
  );
}
