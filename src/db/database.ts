/**
 * The IndexedDB database. Every version ever shipped stays listed here: Dexie needs the whole history to
 * upgrade a device that skipped versions, and a database newer than the app is refused, never downgraded.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import {
  markPackStale,
  packV4Summaries,
  upgradeAuditToV2,
  upgradeAuditToV7,
  upgradeAuditToV8,
  upgradeCommuneToV8,
  upgradeOutboxToV8,
  upgradePlanItemToV8,
} from './migrations';
import type {
  AuditRecord,
  AuditSummaryRecord,
  BenchmarkDatasetRecord,
  CommuneRecord,
  OutboxRecord,
  PlanItemRecord,
  SettingRecord,
  SummaryPackRecord,
} from './records';
import { summaryDigestMiddleware } from './summary-digest-middleware';
import { DATABASE_NAME } from './database-name';

export class CyberdiagDatabase extends Dexie {
  communes!: EntityTable<CommuneRecord, 'id'>;
  audits!: EntityTable<AuditRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  benchmarkDatasets!: EntityTable<BenchmarkDatasetRecord, 'id'>;
  planItems!: Table<PlanItemRecord, [string, string]>;
  summaryPacks!: EntityTable<SummaryPackRecord, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'auditId'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Version 1: communes, their audits (answers inside each audit) and settings.
    this.version(1).stores({
      communes: 'id, insee, name, updatedAt',
      audits: 'id, communeId, updatedAt, status',
      settings: 'key',
    });
    // Version 2: barometer datasets and action plans; audits record where they came from.
    this.version(2)
      .stores({
        communes: 'id, insee, name, epciSiren, updatedAt',
        audits: 'id, communeId, updatedAt, status, origin',
        settings: 'key',
        benchmarkDatasets: 'id',
        planItems: '[auditId+actionId], auditId, communeId',
      })
      .upgrade((tx) =>
        tx
          .table('audits')
          .toCollection()
          .modify((audit: AuditRecord, ref: { value: AuditRecord }) => {
            ref.value = upgradeAuditToV2(audit);
          }),
      );
    // Version 3 is left to the adviser kit (exchange). Version 4: a cache of per-audit summaries for the EPCI
    // view. A new, empty table: nothing to convert, the summaries are made the first time they are needed.
    this.version(4).stores({ auditSummaries: 'auditId, communeId' });
    // Version 5: the summaries move into packs, one record for the audits written together (a bulk import wrote
    // two records per audit before). The version 4 summaries are carried over as they are, then their table goes.
    this.version(5)
      .stores({ summaryPacks: 'id', auditSummaries: null })
      .upgrade(async (tx) => {
        const summaries: AuditSummaryRecord[] = await tx.table('auditSummaries').toArray();
        await tx.table('summaryPacks').bulkAdd(packV4Summaries(summaries, () => crypto.randomUUID()));
      });
    // Version 6: the mailbox's outbox, one record per audit the commune chose to send to its intercommunalité.
    // A new, empty table: no record of an earlier version changes, so there is no upgrade function.
    this.version(6).stores({ outbox: 'auditId, state' });
    // Version 7: the EPCI summaries are keyed on a digest of what they are made of, not on the audit's id and
    // updatedAt (both taken from files): every audit gets its digest, indexed so that the view checks thousands
    // of summaries from the index alone, and every summary made before is marked stale.
    this.version(7)
      .stores({ audits: 'id, communeId, updatedAt, status, origin, summaryDigest' })
      .upgrade(async (tx) => {
        await tx
          .table('audits')
          .toCollection()
          .modify((audit: AuditRecord, ref: { value: AuditRecord }) => {
            ref.value = upgradeAuditToV7(audit);
          });
        // Read and put back rather than modify(), which clones each record and would copy its typed arrays by hand.
        const packs: SummaryPackRecord[] = await tx.table('summaryPacks').toArray();
        await tx.table('summaryPacks').bulkPut(packs.map(markPackStale));
      });
    // Version 8: every stamp in UTC, as the app writes its own. The import door stored a file's stamps as written
    // until then, offsets included, and text order (the updatedAt indexes, sortBy) was not instant order. Same
    // stores; only the records a file brought with offsets are written back.
    this.version(8).upgrade(async (tx) => {
      const upgrade =
        <T>(step: (record: T) => T) =>
        (record: T, ref: { value: T }): boolean | undefined => {
          const upgraded = step(record);
          // false: Dexie leaves the record unwritten.
          if (upgraded === record) return false;
          ref.value = upgraded;
          return undefined;
        };
      await tx.table('communes').toCollection().modify(upgrade(upgradeCommuneToV8));
      await tx.table('audits').toCollection().modify(upgrade(upgradeAuditToV8));
      await tx.table('planItems').toCollection().modify(upgrade(upgradePlanItemToV8));
      await tx.table('outbox').toCollection().modify(upgrade(upgradeOutboxToV8));
    });
    // The digest is written with every audit, whatever writes it (src/db/summary-digest-middleware.ts).
    this.use(summaryDigestMiddleware);
  }
}

export const db = new CyberdiagDatabase();
