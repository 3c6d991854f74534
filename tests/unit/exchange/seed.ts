/** Test helpers: a small, fixed set of records written straight to the database, and a full dump of it. */
import type { Table } from 'dexie';
import { db, type CyberdiagDatabase } from '../../../src/db/database';
import type { AuditRecord, CommuneRecord, OutboxRecord, PlanItemRecord } from '../../../src/db/records';
import { withSummaryDigest } from '../../../src/db/summary-digest-middleware';

const profile = { population: 1200, agents: 6, computers: 7, itProvider: true, hasServer: true };

export function commune(id: string, name: string, insee = ''): CommuneRecord {
  return {
    id,
    name,
    insee,
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
  };
}

export function audit(id: string, communeId: string, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id,
    communeId,
    questionnaireId: 'cyberdiag-commune',
    questionnaireVersion: 1,
    auditor: 'Secrétaire de mairie',
    status: 'in-progress',
    profile,
    answers: {
      'backup-exists': { kind: 'option', optionId: 'automatic-all', answeredAt: '2026-01-05T10:05:00.000Z' },
      'backup-frequency': { kind: 'dontKnow', answeredAt: '2026-01-05T10:06:00.000Z' },
    },
    previousAuditId: null,
    unconfirmed: [],
    lastThemeId: 'backup',
    origin: 'local',
    startedAt: '2026-01-05T10:01:00.000Z',
    updatedAt: '2026-01-05T10:06:00.000Z',
    completedAt: null,
    ...overrides,
  };
}

export function planItem(auditId: string, communeId: string, actionId: string): PlanItemRecord {
  return { auditId, actionId, communeId, owner: 'Maire', dueDate: '2026-06-30', status: 'todo', note: 'À voir avec le prestataire', updatedAt: '2026-01-06T09:00:00.000Z' };
}

/** Two communes, three audits (one a re-audit), two plan items, the first audit sent to the intercommunality. */
export async function seedDevice() {
  const communes = [commune('commune-a', 'Aubeterre', '16020'), commune('commune-b', 'Bellecombe', '73034')];
  const audits = [
    audit('audit-a1', 'commune-a', { status: 'completed', updatedAt: '2026-01-06T09:00:00.000Z', completedAt: '2026-01-06T09:00:00.000Z' }),
    audit('audit-a2', 'commune-a', { previousAuditId: 'audit-a1', unconfirmed: ['backup-frequency'], startedAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:30:00.000Z' }),
    audit('audit-b1', 'commune-b', { auditor: '', lastThemeId: null }),
  ];
  const planItems = [planItem('audit-a1', 'commune-a', 'backup-automate'), planItem('audit-a1', 'commune-a', 'backup-offline-copy')];
  await db.communes.bulkAdd(communes);
  await db.audits.bulkAdd(audits);
  await db.planItems.bulkAdd(planItems);
  const outbox: OutboxRecord[] = [
    { auditId: 'audit-a1', communeId: 'commune-a', versionDate: '2026-01-06T09:00:00.000Z', state: 'sent', queuedAt: '2026-01-06T09:01:00.000Z', sentAt: '2026-01-06T09:02:00.000Z', attempts: 1, retryAt: null, lastError: null },
  ];
  await db.outbox.bulkAdd(outbox);
  // The audits as stored: the database adds to each the digest its EPCI summary is checked against.
  return { communes, audits: audits.map(withSummaryDigest), planItems, outbox };
}

/**
 * `count` communes ("Commune 00", "Commune 01"…), two audits each (the second a re-audit of the first) and a plan
 * item on the first: enough records to pass an export cap lowered for a test. Returns the audit ids.
 */
export async function seedCommunesWithReaudits(count: number): Promise<string[]> {
  const communes: CommuneRecord[] = [];
  const audits: AuditRecord[] = [];
  const planItems: PlanItemRecord[] = [];
  for (let i = 0; i < count; i++) {
    const id = `commune-${String(i).padStart(2, '0')}`;
    communes.push(commune(id, `Commune ${String(i).padStart(2, '0')}`));
    audits.push(audit(`${id}-1`, id, { status: 'completed', updatedAt: '2026-02-01T10:00:00.000Z', completedAt: '2026-02-01T10:00:00.000Z' }));
    audits.push(audit(`${id}-2`, id, { previousAuditId: `${id}-1`, startedAt: '2026-10-01T10:00:00.000Z', updatedAt: '2026-10-01T10:30:00.000Z' }));
    planItems.push(planItem(`${id}-1`, id, 'backup-automate'));
  }
  await db.communes.bulkAdd(communes);
  await db.audits.bulkAdd(audits);
  await db.planItems.bulkAdd(planItems);
  return audits.map((a) => a.id);
}

/** The records of each table of the database, by the table's name. */
type DatabaseDump = {
  [K in keyof CyberdiagDatabase as CyberdiagDatabase[K] extends Table ? K : never]: CyberdiagDatabase[K] extends Table<infer R> ? R[] : never;
};

/**
 * Every table, for "exactly as it was" comparisons: the list comes from the database itself, so a table added
 * later is compared without anyone remembering to add it here. Records come in their primary key's order.
 */
export async function dumpDatabase(): Promise<DatabaseDump> {
  const entries = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
  return Object.fromEntries(entries) as DatabaseDump;
}
