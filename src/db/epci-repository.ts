/**
 * What the EPCI view reads: the communes and a cached summary of each audit, in packs (table summaryPacks, schema
 * version 5: one record for the audits written together). The cache is derived data: an entry is valid while
 * its audit's updatedAt and the app's questionnaire are those it was made with. `refreshAuditSummaries` brings it
 * in line with the audits — made again where stale, reading the answers only of the audits that changed — and
 * compacts the packs once too many of their entries are stale or orphaned.
 */
import { loadActionCatalogue } from '../content/load-actions';
import { loadQuestionnaire } from '../content/load-questionnaire';
import { createAuditSummarizer, type AuditSummarizer, type AuditSummary } from '../domain/epci/create-audit-summarizer';
import type { CommuneInfo, SummaryEntry } from '../domain/epci/epci-row';
import { createSummaryCodec, type SummaryCodec } from '../domain/epci/summary-codec';
import { summaryDerivationKey } from '../domain/epci/summary-derivation-key';
import { db } from './database';
import { packRecord, SUMMARY_PACK_SIZE } from './summary-pack';
import type { AuditRecord, SummaryPackRecord } from './records';

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

/** Compaction: when unused entries outnumber a quarter of the used ones (and a few thousand), or packs pile up. */
const COMPACT_UNUSED_SHARE = 0.25;
const COMPACT_UNUSED_MIN = 2_000;
const COMPACT_PACKS = 64;

/** Lets the page paint and take input between two chunks of work. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One pack holding the summaries of these audits (an imported file's, a refresh's); some may be made already. */
export function summaryPack(audits: readonly AuditRecord[], context: SummaryContext, made?: ReadonlyMap<string, AuditSummary>): SummaryPackRecord {
  const rows = audits.map((a) => ({
    auditId: a.id,
    communeId: a.communeId,
    auditUpdatedAt: a.updatedAt,
    status: a.status,
    completedAt: a.completedAt,
    population: a.profile.population,
  }));
  const summaries = context.codec.pack(audits.map((a) => made?.get(a.id) ?? context.summarize(a.answers, a.profile)));
  return packRecord(crypto.randomUUID(), context.derivationKey, rows, summaries);
}

/** A pack this app can read: made with its questionnaire, every column as long as the others. */
function isUsable(pack: SummaryPackRecord, context: SummaryContext): boolean {
  const count = pack.auditIds.length;
  return (
    pack.derivationKey === context.derivationKey &&
    pack.summaries.count === count &&
    [pack.communeIds, pack.auditUpdatedAt, pack.statuses, pack.completedAt, pack.populations].every((column) => column.length === count) &&
    context.codec.fits(pack.summaries)
  );
}

function entryAt(pack: SummaryPackRecord, row: number, communeId: string | null, codec: SummaryCodec): SummaryEntry {
  return {
    auditId: pack.auditIds[row] ?? '',
    communeId: communeId ?? pack.communeIds[row] ?? '',
    status: pack.statuses[row] ?? 'in-progress',
    updatedAt: pack.auditUpdatedAt[row] ?? '',
    completedAt: pack.completedAt[row] ?? null,
    population: pack.populations[row] ?? 0,
    summary: codec.unpack(pack.summaries, row),
  };
}

/** Every entry of a pack, as the EPCI view reads them. */
export const entriesOfPack = (pack: SummaryPackRecord, codec: SummaryCodec) => pack.auditIds.map((_, row) => entryAt(pack, row, null, codec));

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
 * Every audit's updatedAt, from the index alone (no answers are loaded). The commune is not read: an audit never
 * moves to another commune without a new updatedAt, and a summary is written with its audit's.
 */
async function auditKeys(): Promise<AuditKeys> {
  const keys: AuditKeys = new Map();
  for (const [id, updatedAt] of await auditUpdatedAt()) keys.set(id, { updatedAt, communeId: null });
  return keys;
}

export interface RefreshOptions {
  /** Only the audits of these communes (the members of one EPCI); every audit when absent. */
  communeIds?: readonly string[] | undefined;
  /** Called after each chunk with the number of audits summarised so far and the number to do. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Makes the cache match the audits; returns how many summaries were made again. */
export async function refreshAuditSummaries(context: SummaryContext, options: RefreshOptions = {}): Promise<number> {
  return (await syncSummaries(context, options)).changed;
}

/** The up-to-date summaries of the audits in scope, as the EPCI view aggregates them (the cache refreshed first). */
export async function loadSummaryEntries(context: SummaryContext, options: RefreshOptions = {}): Promise<SummaryEntry[]> {
  return (await syncSummaries(context, options)).entries;
}

async function syncSummaries(context: SummaryContext, options: RefreshOptions): Promise<{ changed: number; entries: SummaryEntry[] }> {
  const { communeIds, onProgress } = options;
  const scoped = communeIds !== undefined;
  // Two reads side by side: the database works on one while the page handles the other's results. Every pack is
  // read, scoped or not: the entries of 35,000 audits are a few megabytes of columns.
  const [audits, packs] = await Promise.all([scoped ? scopedAuditKeys(communeIds) : auditKeys(), db.summaryPacks.toArray()]);

  // Where each audit's valid summary is (any pack holding it with the audit's current date will do).
  const found = new Map<string, { pack: SummaryPackRecord; row: number }>();
  let stored = 0;
  for (const pack of packs) {
    stored += pack.auditIds.length;
    if (!isUsable(pack, context)) continue;
    pack.auditIds.forEach((auditId, row) => {
      if (audits.get(auditId)?.updatedAt === pack.auditUpdatedAt[row]) found.set(auditId, { pack, row });
    });
  }
  const entries: SummaryEntry[] = [];
  const stale: string[] = [];
  for (const [auditId, { communeId }] of audits) {
    const at = found.get(auditId);
    // Scoped, the commune comes from the audit itself: a summary can name a commune record an import merged away.
    if (at) entries.push(entryAt(at.pack, at.row, communeId, context.codec));
    else stale.push(auditId);
  }

  const written: SummaryPackRecord[] = [];
  for (let start = 0; start < stale.length; start += CHUNK) {
    const records = await db.audits.bulkGet(stale.slice(start, start + CHUNK));
    const pack = summaryPack(
      records.filter((a): a is AuditRecord => a !== undefined),
      context,
    );
    await db.summaryPacks.add(pack);
    written.push(pack);
    entries.push(...entriesOfPack(pack, context.codec));
    onProgress?.(Math.min(start + CHUNK, stale.length), stale.length);
    await breathe();
  }

  // Only a read of every audit tells which entries nobody uses (stale copies, deleted audits).
  const unused = stored - found.size;
  const packCount = packs.length + written.length;
  if (!scoped && (unused > Math.max(COMPACT_UNUSED_MIN, entries.length * COMPACT_UNUSED_SHARE) || packCount > COMPACT_PACKS)) {
    await compact([...packs, ...written], entries, context);
  } else if (scoped && packCount > COMPACT_PACKS) {
    // Small packs pile up where only one EPCI's members are read (a results page after each change of its audit):
    // now and then, a read of every audit gathers them.
    await syncSummaries(context, {});
  }
  return { changed: stale.length, entries };
}

/** Rewrites the packs read as few packs of the entries in use; packs written meanwhile by others are kept. */
async function compact(packs: readonly SummaryPackRecord[], entries: readonly SummaryEntry[], context: SummaryContext): Promise<void> {
  const fresh: SummaryPackRecord[] = [];
  for (let start = 0; start < entries.length; start += SUMMARY_PACK_SIZE) {
    const chunk = entries.slice(start, start + SUMMARY_PACK_SIZE);
    const rows = chunk.map((e) => ({ ...e, auditUpdatedAt: e.updatedAt }));
    fresh.push(packRecord(crypto.randomUUID(), context.derivationKey, rows, context.codec.pack(chunk.map((e) => e.summary))));
  }
  await db.transaction('rw', db.summaryPacks, async () => {
    await db.summaryPacks.bulkDelete(packs.map((p) => p.id));
    await db.summaryPacks.bulkAdd(fresh);
  });
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

/** The communes that name this EPCI (the results page compares a commune with them, no directory needed). */
export async function communesOfEpci(siren: string): Promise<CommuneInfo[]> {
  const communes = await db.communes.where('epciSiren').equals(siren).toArray();
  return communes.map(({ id, name, insee, epciSiren }) => ({ id, name, insee, epciSiren }));
}
