/** Builds an export document from the device's records (pure), and names its file. */
import { CURRENT_EXPORT_VERSION, EXPORT_FILE_EXTENSION, EXPORT_FORMAT_ID, type ExportKind } from './export-format';
import { copyAudit, copyCommune, copyPlanItem } from './plan-import';
import type { ExportDocumentV1, ExportedAudit, ExportedCommune, ExportedPlanItem } from './schema-v1';

export interface ExportContent {
  kind: ExportKind;
  communes: readonly ExportedCommune[];
  audits: readonly ExportedAudit[];
  planItems: readonly ExportedPlanItem[];
}

/** Records are copied field by field: whatever else a record may carry does not leave the device. */
export function buildExportDocument(content: ExportContent, { exportedAt, appVersion }: { exportedAt: string; appVersion: string }): ExportDocumentV1 {
  return {
    format: EXPORT_FORMAT_ID,
    version: CURRENT_EXPORT_VERSION,
    exportedAt,
    app: { version: appVersion },
    kind: content.kind,
    payload: {
      communes: content.communes.map(copyCommune),
      audits: content.audits.map(copyAudit),
      planItems: content.planItems.map(copyPlanItem),
    },
  };
}

/** "Saint-Étienne-du-Bois", 2026-11-25 → "saint-etienne-du-bois-2026-11-25.cyberdiag.json". */
export function exportFileName(label: string, exportedAt: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'cyberdiag'}-${exportedAt.slice(0, 10)}${EXPORT_FILE_EXTENSION}`;
}
