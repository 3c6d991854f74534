/**
 * The PDF report's entry point, reached only through import() when the user asks for the report, so that
 * jsPDF and the fonts stay out of the first page. Fetches the embedded fonts from the app's own origin (they
 * are precached for offline use), builds the model and draws it.
 */
import boldUrl from './fonts/noto-sans-bold.ttf?url';
import regularUrl from './fonts/noto-sans-regular.ttf?url';
import type { ReportInput } from './report-input';
import { buildReportModel, buildShortReportModel } from './report-model';
import { renderReport, type ReportFonts } from './render-report';

let fonts: Promise<ReportFonts> | undefined;

async function fetchBase64(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode(...bytes) on a whole font would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function loadFonts(): Promise<ReportFonts> {
  fonts ??= Promise.all([fetchBase64(regularUrl), fetchBase64(boldUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      fonts = undefined;
      throw error;
    },
  );
  return fonts;
}

/** `short`: the summary, the vital controls and the plan, at most four pages; `full`: everything. */
export type ReportKind = 'full' | 'short';

export async function generateReport(input: ReportInput, kind: ReportKind = 'full'): Promise<{ blob: Blob; fileName: string }> {
  const model = kind === 'short' ? buildShortReportModel(input) : buildReportModel(input);
  const bytes = renderReport(model, await loadFonts());
  return { blob: new Blob([bytes], { type: 'application/pdf' }), fileName: `${model.fileName}.pdf` };
}
