/**
 * "Rapport PDF pour le conseil communautaire": loads the PDF code on demand (import(), never with the page),
 * makes the consolidated report on the device and hands it over as a download.
 */
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/download-button';
import type { EpciData } from './use-epci-data';

export function PdfExportButton({ data, label }: { data: EpciData; label: string }) {
  const { t, i18n } = useTranslation('epci');
  const make = async () => {
    const { generateEpciReport } = await import('../../pdf/epci-generate-report');
    const language = i18n.language.startsWith('en') ? 'en' : 'fr';
    return generateEpciReport({
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
  };
  return (
    <DownloadButton
      make={make}
      label={t('export.pdf')}
      hint={t('export.pdfHint')}
      texts={{ busy: t('export.pdfBusy'), done: t('export.pdfDone'), error: t('export.pdfError') }}
      primary
      className="epci-export"
      statusClassName="epci-export__status"
    />
  );
}
