/**
 * "Télécharger le rapport PDF": gathers the audit on the device, loads the PDF code on demand (import()),
 * makes the report in the browser and hands it to the browser as a download. Nothing leaves the device.
 */
import { useTranslation } from 'react-i18next';
import { collectReportInput } from '../services/report/collect-report-input';
import { DownloadButton } from './download-button';
import './download-report-button.css';

/** `short`: the four-page report for the conseil municipal; by default the full report. */
export function DownloadReportButton({ auditId, primary = false, kind = 'full' }: { auditId: string; primary?: boolean; kind?: 'full' | 'short' }) {
  const { t, i18n } = useTranslation('report');
  const make = async () => {
    const [input, { generateReport }] = await Promise.all([collectReportInput(auditId, i18n), import('../pdf/generate-report')]);
    return generateReport(input, kind);
  };
  return (
    <DownloadButton
      make={make}
      label={t(kind === 'short' ? 'download.shortButton' : 'download.button')}
      texts={{ busy: t('download.busy'), done: t('download.done'), error: t('download.error') }}
      primary={primary}
      className="download-report"
      statusClassName="download-report__status"
    />
  );
}
