/** Communes and completed audits written straight into the (fake) database, answered with the real questionnaire. */
import { optionScore } from '../../../src/domain/questionnaire/schema';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { db } from '../../../src/db/database';
import { buildExportDocument } from '../../../src/domain/exchange/build-export';
import type { AuditRecord, CommuneRecord, StoredAnswer } from '../../../src/db/records';

export type Pick = 'best' | 'worst' | 'dont-know';

/** The records of a commune and of its completed audit, every question answered the same way. */
export async function auditRecords({
  insee,
  name,
  population,
  pick,
  date = '2026-03-01T10:00:00.000Z',
  epciSiren = '',
  epciName = '',
}: {
  insee: string;
  name: string;
  population: number;
  pick: Pick;
  date?: string;
  epciSiren?: string;
  epciName?: string;
}): Promise<{ commune: CommuneRecord; audit: AuditRecord }> {
  const questionnaire = await loadQuestionnaire();
  const profile = { population, agents: 3, computers: 5, itProvider: true, hasServer: true };
  const commune: CommuneRecord = {
    id: `commune-${insee}`,
    name,
    insee,
    postcode: '',
    epciSiren,
    epciName,
    profile,
    createdAt: date,
    updatedAt: date,
  };
  const answers: Record<string, StoredAnswer> = {};
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) {
      if (question.showIf) continue;
      const sorted = [...question.options].sort((a, b) => (optionScore(b) ?? -1) - (optionScore(a) ?? -1));
      const option = pick === 'best' ? sorted[0] : sorted.at(-1);
      answers[question.id] =
        pick === 'dont-know' || !option ? { kind: 'dontKnow', answeredAt: date } : { kind: 'option', optionId: option.id, answeredAt: date };
    }
  }
  const audit: AuditRecord = {
    id: `audit-${insee}`,
    communeId: commune.id,
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    auditor: 'Secrétaire de mairie',
    status: 'completed',
    profile,
    answers,
    previousAuditId: null,
    unconfirmed: [],
    lastThemeId: null,
    origin: 'imported',
    startedAt: date,
    updatedAt: date,
    completedAt: date,
  };
  return { commune, audit };
}

export async function seedAudit(...args: Parameters<typeof auditRecords>): Promise<AuditRecord> {
  const { commune, audit } = await auditRecords(...args);
  await db.communes.add(commune);
  await db.audits.add(audit);
  return audit;
}

/** An export file holding these records, as a commune would send it. */
export function exportFile(name: string, records: { commune: CommuneRecord; audit: AuditRecord }): File {
  const document = buildExportDocument(
    { kind: 'audits', communes: [records.commune], audits: [records.audit], planItems: [] },
    { exportedAt: '2026-11-20T10:00:00.000Z', appVersion: '0.1.0' },
  );
  return new File([JSON.stringify(document)], name, { type: 'application/json' });
}
