/**
 * What the EPCI view reads: the communes and a cached summary of each audit (table auditSummaries, schema
 * version 4). The cache is derived data: a summary is valid while its audit's updatedAt and the app's
 * questionnaire are those it was made with. `refreshAuditSummaries` brings it in line with the audits — made
 * again where stale, removed where the audit is gone — reading the answers only of the audits that changed.
 */
import { loadActionCatalogue } from '../content/load-actions';
import { loadQuestionnaire } from '../content/load-questionnaire';
import { createAuditSummarizer, type AuditSummarizer } from '../domain/epci/create-audit-summarizer';
import type { CommuneInfo, SummaryEntry } from '../domain/epci/epci-row';
import { createSummaryCodec, type SummaryCodec } from '../domain/epci/summary-codec';
import { summaryDerivationKey } from '../domain/epci/summary-derivation-key';
import { db } from './database';
import type { AuditRecord, AuditSummaryRecord } from './records';

/** What summaries are made with: the questionnaire and catalogue of this app, prepared once. */
export interface SummaryContext {
  derivationKey: string;
  summarize: AuditSummarizer;
  codec: SummaryCodec;
}

let cachedContext: Promise<SummaryContext> | undefined;

/** The app's questionnaire and catalogue, ready to summarise audits (loaded once per session). */
export function loadSummaryContext(): Promise<SummaryContext> {
  cachedContext ??= Promise.all([loadQuestionnaire(), loadActionCatalogue()]).then(([questionnaire, catalogue]) => ({
    derivationKey: summaryDerivationKey(questionnaire, catalogue),
    summarize: createAuditSummarizer(questionnaire, catalogue),
    codec: createSummaryCodec(questionnaire, catalogue),
  }));
  cachedContext.catch(() => {
    cachedContext = undefined;
  });
  return cachedContext;
}

/** Audits summarised per read-write round: small enough to keep the page responsive between rounds. */
const CHUNK = 500;

/** Lets the page paint and take input between two chunks of work. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function summaryRecord(audit: AuditRecord, context: SummaryContext): AuditSummaryRecord {
  return {
    auditId: audit.id,
    communeId: audit.communeId,
    auditUpdatedAt: audit.updatedAt,
    derivationKey: context.derivationKey,
    status: audit.status,
    completedAt: audit.completedAt,
    population: audit.profile.population,
    summary: context.codec.pack(context.summarize(audit.answers, audit.profile)),
  };
}

/** id → updatedAt of every audit on the device, from the index alone. */
export async function auditUpdatedAt(): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  await db.audits.orderBy('updatedAt').eachKey((updatedAt, cursor) => {
    dates.set(String(cursor.primaryKey), String(updatedAt));
  });
  return dates;
}

type AuditKeys = Map<string, { updatedAt: string; communeId: string | null }>;

/**
 * id → updatedAt of every audit, read from the index alone (no answers are loaded). The commune is not read: an
 * audit never moves to another commune without a new updatedAt, and a summary is written with its audit's.
 */
async function auditKeys(): Promise<AuditKeys> {
  const keys: AuditKeys = new Map();
  await db.audits.orderBy('updatedAt').eachKey((updatedAt, cursor) => {
    keys.set(String(cursor.primaryKey), { updatedAt: String(updatedAt), communeId: null });
  });
  return keys;
}

export interface RefreshOptions {
  /** Only the audits of these communes (the members of one EPCI); every audit when absent. */
  communeIds?: readonly string[] | undefined;
  /** Called after each chunk with the number of audits summarised so far and the number to do. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Makes the cache match the audits; returns how many summaries were (re)made or moved to another commune. */
export async function refreshAuditSummaries(context: SummaryContext, options: RefreshOptions = {}): Promise<number> {
  return (await syncSummaries(context, options)).changed;
}

/** The up-to-date summaries of the audits in scope, as the EPCI view aggregates them (the cache refreshed first). */
export async function loadSummaryEntries(context: SummaryContext, options: RefreshOptions = {}): Promise<SummaryEntry[]> {
  return (await syncSummaries(context, options)).records.map((record) => toEntry(record, context.codec));
}

async function syncSummaries(context: SummaryContext, options: RefreshOptions): Promise<{ changed: number; records: AuditSummaryRecord[] }> {
  const { communeIds, onProgress } = options;
  const scoped = communeIds !== undefined;
  // Two reads side by side: the database works on one while the page handles the other's results.
  const [audits, cached] = await Promise.all([
    scoped ? scopedAuditKeys(communeIds) : auditKeys(),
    scoped ? db.auditSummaries.where('communeId').anyOf([...communeIds]).toArray() : db.auditSummaries.toArray(),
  ]);
  const byAudit = new Map(cached.map((s) => [s.auditId, s]));
  if (scoped) {
    // A summary can sit under a commune it no longer belongs to (an import reused another commune record).
    const missing = [...audits.keys()].filter((id) => !byAudit.has(id));
    for (const summary of await db.auditSummaries.bulkGet(missing)) if (summary) byAudit.set(summary.auditId, summary);
  }

  const orphans = cached.filter((s) => !audits.has(s.auditId)).map((s) => s.auditId);
  const valid: AuditSummaryRecord[] = [];
  const ready: AuditSummaryRecord[] = [];
  const stale: string[] = [];
  for (const [auditId, { updatedAt, communeId }] of audits) {
    const summary = byAudit.get(auditId);
    if (summary && summary.auditUpdatedAt === updatedAt && summary.derivationKey === context.derivationKey) {
      if (communeId === null || summary.communeId === communeId) valid.push(summary);
      else ready.push({ ...summary, communeId });
    } else stale.push(auditId);
  }

  if (orphans.length > 0) await db.auditSummaries.bulkDelete(orphans);
  const total = ready.length + stale.length;
  let done = 0;
  for (let start = 0; start < ready.length; start += CHUNK * 10) {
    const chunk = ready.slice(start, start + CHUNK * 10);
    await db.auditSummaries.bulkPut(chunk);
    done += chunk.length;
    onProgress?.(done, total);
  }
  for (let start = 0; start < stale.length; start += CHUNK) {
    const records = await db.audits.bulkGet(stale.slice(start, start + CHUNK));
    const made = records.filter((a): a is AuditRecord => a !== undefined).map((a) => summaryRecord(a, context));
    await db.auditSummaries.bulkPut(made);
    ready.push(...made);
    done += made.length;
    onProgress?.(done, total);
    await breathe();
  }
  return { changed: total, records: valid.concat(ready) };
}

async function scopedAuditKeys(communeIds: readonly string[]): Promise<AuditKeys> {
  const keys: AuditKeys = new Map();
  // Few audits (one EPCI's members): reading the records is cheaper than two index walks over the whole table.
  await db.audits
    .where('communeId')
    .anyOf([...communeIds])
    .each((audit) => {
      keys.set(audit.id, { updatedAt: audit.updatedAt, communeId: audit.communeId });
    });
  return keys;
}

/** Every commune on the device, as the EPCI view needs it. */
export async function loadCommuneInfos(): Promise<CommuneInfo[]> {
  const communes = await db.communes.toArray();
  return communes.map(({ id, name, insee, epciSiren }) => ({ id, name, insee, epciSiren }));
}

const toEntry = (s: AuditSummaryRecord, codec: SummaryCodec): SummaryEntry => ({
  auditId: s.auditId,
  communeId: s.communeId,
  status: s.status,
  updatedAt: s.auditUpdatedAt,
  completedAt: s.completedAt,
  population: s.population,
  summary: codec.unpack(s.summary),
});

/** The communes that name this EPCI (the results page compares a commune with them, no directory needed). */
export async function communesOfEpci(siren: string): Promise<CommuneInfo[]> {
  const communes = await db.communes.where('epciSiren').equals(siren).toArray();
  return communes.map(({ id, name, insee, epciSiren }) => ({ id, name, insee, epciSiren }));
}
