/**
 * The consolidated EPCI report's entry point, reached only through import() when asked for: builds the model
 * and draws it with the commune report's renderer and embedded fonts.
 */
import type { EpciReportInput } from './epci-report-input';
import { buildEpciReportModel } from './epci-report-model';
import { loadFonts } from './generate-report';
import { renderReport } from './render-report';

export async function generateEpciReport(input: EpciReportInput): Promise<{ blob: Blob; fileName: string }> {
  const model = buildEpciReportModel(input);
  const bytes = renderReport(model, await loadFonts());
  return { blob: new Blob([bytes], { type: 'application/pdf' }), fileName: `${model.fileName}.pdf` };
}
