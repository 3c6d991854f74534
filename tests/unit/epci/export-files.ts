/** Export files as a commune would send them, made in the test with the app's own export builder. */
import { buildExportDocument } from '../../../src/domain/exchange/build-export';
import type { ExportedAudit, ExportedCommune } from '../../../src/domain/exchange/schema-v1';
import { profile } from './epci-fixtures';

export function exportedCommune(id: string, name: string, insee: string, epciSiren = '200000001'): ExportedCommune {
  return {
    id,
    name,
    insee,
    postcode: '',
    epciSiren,
    epciName: epciSiren ? 'CC du Test' : '',
    profile,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
  };
}

export function exportedAudit(id: string, communeId: string, answers: Record<string, string>, updatedAt = '2026-03-01T10:00:00.000Z'): ExportedAudit {
  return {
    id,
    communeId,
    questionnaireId: 'test',
    questionnaireVersion: 1,
    auditor: 'Secrétaire de mairie',
    status: 'completed',
    profile,
    answers: Object.fromEntries(
      Object.entries(answers).map(([questionId, optionId]) => [
        questionId,
        optionId === 'dont-know' ? { kind: 'dontKnow' as const, answeredAt: updatedAt } : { kind: 'option' as const, optionId, answeredAt: updatedAt },
      ]),
    ),
    previousAuditId: null,
    unconfirmed: [],
    lastThemeId: null,
    origin: 'local',
    startedAt: '2026-01-01T10:00:00.000Z',
    updatedAt,
    completedAt: updatedAt,
  };
}

export function exportFile(name: string, communes: ExportedCommune[], audits: ExportedAudit[]): File {
  const document = buildExportDocument(
    { kind: 'audits', communes, audits, planItems: [] },
    { exportedAt: '2026-11-20T10:00:00.000Z', appVersion: '0.1.0' },
  );
  return new File([JSON.stringify(document)], name, { type: 'application/json' });
}
