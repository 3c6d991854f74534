/**
 * "Télécharger le rapport PDF": gathers the audit on the device, loads the PDF code on demand (import()),
 * makes the report in the browser and hands it to the browser as a download. Nothing leaves the device.
 */
import { useTranslation } from 'react-i18next';
import { collectReportInput } from '../services/report/collect-report-input';
import { DownloadButton } from './download-button';

export function DownloadReportButton({ auditId, primary = false }: { auditId: string; primary?: boolean }) {
  const { t, i18n } = useTranslation('report');
  const make = async () => {
    const [input, { generateReport }] = await Promise.all([collectReportInput(auditId, i18n), import('../pdf/generate-report')]);
    return generateReport(input);
  };
  return (
    <DownloadButton
      make={make}
      label={t('download.button')}
      texts={{ busy: t('download.busy'), done: t('download.done'), error: t('download.error') }}
      primary={primary}
      className="download-report"
      statusClassName="download-report__status"
    />
  );
}
