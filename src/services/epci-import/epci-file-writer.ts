/**
 * Writing one checked export file for the EPCI's bulk import, wherever it runs (the page, or a worker that has
 * just read the file): plan it with the exchange domain (planImport) against what the page says the device
 * holds, then write its communes, audits, plan items and the pack of the audits' summaries in one transaction
 * (writePlannedImport, the import's one write).
 */
import type { ConflictDecision, ImportContext, ImportSummary } from '../../domain/exchange/plan-import';
import { planImport } from '../../domain/exchange/plan-import';
import type { ExchangeErrorCode } from '../../domain/exchange/exchange-error';
import type { ExportPayload } from '../../domain/exchange/schema-v1';
import type { AuditSummary } from '../../domain/epci/create-audit-summarizer';
import { db } from '../../db/database';
import { importTables, writeErrorCode, writePlannedImport } from '../../db/exchange-repository';
import { loadSummaryContextFor, summaryPack, type SummaryContext } from '../../db/epci-repository';
import type { CommuneInfo } from '../../domain/epci/epci-row';
import type { AuditRecord, SummaryPackRecord } from '../../db/records';

export type EpciFileResult =
  | { name: string; status: 'imported'; added: number; updated: number; skipped: number }
  /** Every audit of the file was already on the device, unchanged. */
  | { name: string; status: 'duplicate'; skipped: number }
  /** A valid file holding no audit (a commune alone). */
  | { name: string; status: 'empty' }
  | { name: string; status: 'error'; code: ExchangeErrorCode };

export interface CommuneKey {
  id: string;
  insee: string;
  name: string;
}

/** What the page needs of a checked file to decide how to write it: small, cheap to pass between threads. */
export interface FileKeys {
  audits: Array<[id: string, updatedAt: string]>;
  communes: CommuneKey[];
}

export interface WriteInstructions {
  context: ImportContext;
  decisions: Array<[auditId: string, decision: ConflictDecision]>;
}

export interface WriteOutcome {
  result: EpciFileResult;
  /** What the write added to the device, for the page to plan the next files against and show at once. */
  communes: CommuneInfo[];
  audits: Array<[id: string, updatedAt: string]>;
  pack: SummaryPackRecord | null;
  /** The summaries of its audits of other questionnaire versions (a version 1 file), one pack per version. */
  otherPacks: Array<{ version: number; pack: SummaryPackRecord }>;
}

/** A file that could not be written: nothing was. */
export const failedWrite = (name: string, code: ExchangeErrorCode): WriteOutcome => ({
  result: { name, status: 'error', code },
  communes: [],
  audits: [],
  pack: null,
  otherPacks: [],
});

/** A checked file held until the page says how to write it, its audits already summarised. */
export interface HeldFile {
  payload: ExportPayload;
  /** By the file's audit id. Summarised as soon as the file is read, while the other slot is writing. */
  summaries: ReadonlyMap<string, AuditSummary>;
}

/** Audits of another questionnaire version than the context's are summarised with theirs when written. */
export function holdFile(payload: ExportPayload, context: SummaryContext): HeldFile {
  const audits = payload.audits.filter((audit) => audit.questionnaireVersion === context.questionnaireVersion);
  return { payload, summaries: new Map(audits.map((audit) => [audit.id, context.summarize(audit.answers, audit.profile)])) };
}

export function fileKeys(payload: ExportPayload): FileKeys {
  return {
    audits: payload.audits.map((a) => [a.id, a.updatedAt]),
    communes: payload.communes.map(({ id, insee, name }) => ({ id, insee, name })),
  };
}

function outcome(name: string, audits: number, summary: ImportSummary | undefined): EpciFileResult {
  if (audits === 0) return { name, status: 'empty' };
  const added = (summary?.auditsAdded ?? 0) + (summary?.auditsKeptBoth ?? 0);
  const updated = summary?.auditsReplaced ?? 0;
  const skipped = summary?.auditsSkipped ?? 0;
  if (added + updated === 0) return { name, status: 'duplicate', skipped };
  return { name, status: 'imported', added, updated, skipped };
}

export async function writeCheckedFile(
  name: string,
  { payload, summaries }: HeldFile,
  { context, decisions }: WriteInstructions,
  summaryContext: SummaryContext,
): Promise<WriteOutcome> {
  const decided = new Map(decisions);
  const plan = planImport([payload], context, {
    // Every conflict was decided by the page; one it could not foresee keeps the device's copy.
    decide: (conflict) => decided.get(conflict.auditId) ?? 'keep-existing',
    newId: () => crypto.randomUUID(),
  });
  // One pack for the file's audits: a record for all of them, not one each.
  // An audit kept as a copy has a new id, and is summarised now.
  const pack = plan.audits.length > 0 ? summaryPack(plan.audits, summaryContext, summaries) : null;
  let otherPacks: WriteOutcome['otherPacks'];
  try {
    otherPacks = await otherVersionPacks(plan.audits, summaryContext.questionnaireVersion);
    await db.transaction('rw', importTables(), async () => {
      await writePlannedImport(plan, { pack });
      // After writePlannedImport, which marks the replaced audits' earlier summaries stale in every pack but its own.
      if (otherPacks.length > 0) await db.summaryPacks.bulkAdd(otherPacks.map((other) => other.pack));
    });
  } catch (error) {
    return failedWrite(name, writeErrorCode(error));
  }
  return {
    result: outcome(name, payload.audits.length, plan.perFile[0]),
    communes: plan.communes.map(({ id, insee, name: communeName, epciSiren }) => ({ id, insee, name: communeName, epciSiren })),
    audits: plan.audits.map((a) => [a.id, a.updatedAt]),
    pack,
    otherPacks,
  };
}

/**
 * A pack for each other questionnaire version among the audits written (its context loaded only then), so that
 * the view shows them at once, as it shows the current version's: a version 1 file is no second-class import. An
 * audit of a version this app does not have is left without a summary, as the view's refresh leaves it.
 */
async function otherVersionPacks(audits: readonly AuditRecord[], currentVersion: number): Promise<WriteOutcome['otherPacks']> {
  const versions = [...new Set(audits.map((a) => a.questionnaireVersion))].filter((version) => version !== currentVersion);
  const packs: WriteOutcome['otherPacks'] = [];
  for (const version of versions) {
    const context = await loadSummaryContextFor(version);
    if (context) packs.push({ version, pack: summaryPack(audits, context) });
  }
  return packs;
}
