/**
 * What the EPCI view reads: the communes and a cached summary of each audit, in packs (table summaryPacks, schema
 * version 5: one record for the audits written together). The cache is derived data: an entry is valid while
 * its audit's summaryDigest (the digest of its answers, profile, questionnaire version, status and dates, written
 * by the database with the audit) and the app's questionnaire are those it was made with; an audit's id and
 * updatedAt alone come from files and prove nothing. `refreshAuditSummaries` brings it in line with the audits —
 * made again where stale, reading the answers only of the audits that changed — and compacts the packs once too
 * many of their entries are stale or orphaned.
 */
import { loadActionCatalogueVersion } from '../content/load-actions';
import { loadQuestionnaire, loadQuestionnaireVersion } from '../content/load-questionnaire';
import { createAuditSummarizer, type AuditSummarizer, type AuditSummary } from '../domain/epci/create-audit-summarizer';
import type { CommuneInfo, SummaryEntry } from '../domain/epci/epci-row';
import { createSummaryCodec, type SummaryCodec } from '../domain/epci/summary-codec';
import { summaryDerivationKey } from '../domain/epci/summary-derivation-key';
import { summaryDigest } from '../domain/epci/summary-digest';
import { db } from './database';
import { packRecord, SUMMARY_PACK_SIZE } from './summary-pack';
import type { AuditRecord, SummaryPackRecord } from './records';

/**
 * What summaries are made with: one questionnaire version and its catalogue, prepared once. An audit is
 * summarised with the version it was answered with; a pack holds the audits of one version.
 */
export interface SummaryContext {
  questionnaireVersion: number;
  derivationKey: string;
  summarize: AuditSummarizer;
  codec: SummaryCodec;
}

const cachedContexts = new Map<number | 'current', Promise<SummaryContext | undefined>>();

async function makeContext(version: number | undefined): Promise<SummaryContext | undefined> {
  const questionnaire = version === undefined ? await loadQuestionnaire() : await loadQuestionnaireVersion(version);
  if (!questionnaire) return undefined;
  const catalogue = await loadActionCatalogueVersion(questionnaire.version);
  if (!catalogue) return undefined;
  return {
    questionnaireVersion: questionnaire.version,
    derivationKey: summaryDerivationKey(questionnaire, catalogue),
    summarize: createAuditSummarizer(questionnaire, catalogue),
    codec: createSummaryCodec(questionnaire, catalogue),
  };
}

function cachedContext(key: number | 'current'): Promise<SummaryContext | undefined> {
  let promise = cachedContexts.get(key);
  if (!promise) {
    promise = makeContext(key === 'current' ? undefined : key);
    promise.catch(() => cachedContexts.delete(key));
    cachedContexts.set(key, promise);
  }
  return promise;
}

/** The app's current questionnaire and catalogue, ready to summarise audits (loaded once per session). */
export async function loadSummaryContext(): Promise<SummaryContext> {
  const context = await cachedContext('current');
  if (!context) throw new Error('the current questionnaire did not load');
  return context;
}

/**
 * The context of another questionnaire version (an archived one), loaded only when an audit of that version is
 * met; undefined for a version this app does not have.
 */
export async function loadSummaryContextFor(version: number): Promise<SummaryContext | undefined> {
  const current = await loadSummaryContext();
  return version === current.questionnaireVersion ? current : cachedContext(version);
}

/** questionnaire@version in a derivation key (see summaryDerivationKey), or undefined. */
const versionOfKey = (key: string) => {
  const match = /^s\d+\|[^|@]+@(\d+)\|/.exec(key);
  return match ? Number(match[1]) : undefined;
};

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
  // Only the audits of the context's version: the others are summarised with theirs at the next refresh.
  audits = audits.filter((a) => a.questionnaireVersion === context.questionnaireVersion);
  const rows = audits.map((a) => ({
    auditId: a.id,
    communeId: a.communeId,
    auditUpdatedAt: a.updatedAt,
    // Made here from the record the summary is made from: the same digest the database writes with the audit.
    digest: summaryDigest(a),
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
    [pack.communeIds, pack.auditUpdatedAt, pack.digests, pack.statuses, pack.completedAt, pack.populations].every((column) => column.length === count) &&
    context.codec.fits(pack.summaries)
  );
}

function entryAt(pack: SummaryPackRecord, row: number, communeId: string | null, context: Pick<SummaryContext, 'codec' | 'questionnaireVersion'>): SummaryEntry {
  const { codec } = context;
  return {
    auditId: pack.auditIds[row] ?? '',
    communeId: communeId ?? pack.communeIds[row] ?? '',
    status: pack.statuses[row] ?? 'in-progress',
    updatedAt: pack.auditUpdatedAt[row] ?? '',
    completedAt: pack.completedAt[row] ?? null,
    population: pack.populations[row] ?? 0,
    summary: codec.unpack(pack.summaries, row),
    questionnaireVersion: context.questionnaireVersion,
  };
}

/** Every entry of a pack, as the EPCI view reads them. */
export const entriesOfPack = (pack: SummaryPackRecord, context: Pick<SummaryContext, 'codec' | 'questionnaireVersion'>) =>
  pack.auditIds.map((_, row) => entryAt(pack, row, null, context));

/** id → updatedAt of every audit on the device, from the index alone. */
export async function auditUpdatedAt(): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  await db.audits.orderBy('updatedAt').eachKey((updatedAt, cursor) => {
    dates.set(String(cursor.primaryKey), String(updatedAt));
  });
  return dates;
}

type AuditKeys = Map<string, { digest: string; communeId: string | null }>;

/**
 * Every audit's summaryDigest, from the index alone (no answers are loaded). The commune is not read: it is part
 * of the digest, and a summary is written with its audit's.
 */
async function auditKeys(): Promise<AuditKeys> {
  const keys: AuditKeys = new Map();
  await db.audits.orderBy('summaryDigest').eachKey((digest, cursor) => {
    keys.set(String(cursor.primaryKey), { digest: String(digest), communeId: null });
  });
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

  // The contexts met so far, by derivation key: the current version's, and an archived version's once a pack
  // or an audit of that version is met (loaded only then).
  const contexts = new Map<string, SummaryContext>([[context.derivationKey, context]]);
  const byVersion = new Map<number, SummaryContext>([[context.questionnaireVersion, context]]);
  const contextOfVersion = async (version: number) => {
    if (!byVersion.has(version)) {
      const other = await loadSummaryContextFor(version);
      if (other) {
        byVersion.set(version, other);
        contexts.set(other.derivationKey, other);
      }
    }
    return byVersion.get(version);
  };
  for (const pack of packs) {
    const version = versionOfKey(pack.derivationKey);
    if (!contexts.has(pack.derivationKey) && version !== undefined && version !== context.questionnaireVersion) await contextOfVersion(version);
  }

  // Where each audit's valid summary is (any pack holding it with the audit's current digest will do).
  const found = new Map<string, { pack: SummaryPackRecord; row: number; context: SummaryContext }>();
  let stored = 0;
  for (const pack of packs) {
    stored += pack.auditIds.length;
    const packContext = contexts.get(pack.derivationKey);
    if (!packContext || !isUsable(pack, packContext)) continue;
    pack.auditIds.forEach((auditId, row) => {
      const digest = audits.get(auditId)?.digest;
      // '' is a stale entry's digest, never an audit's.
      if (digest && digest === pack.digests[row]) found.set(auditId, { pack, row, context: packContext });
    });
  }
  const entries: SummaryEntry[] = [];
  const stale: string[] = [];
  for (const [auditId, { communeId }] of audits) {
    const at = found.get(auditId);
    // Scoped, the commune comes from the audit itself: a summary can name a commune record an import merged away.
    if (at) entries.push(entryAt(at.pack, at.row, communeId, at.context));
    else stale.push(auditId);
  }

  const written: SummaryPackRecord[] = [];
  for (let start = 0; start < stale.length; start += CHUNK) {
    const records = (await db.audits.bulkGet(stale.slice(start, start + CHUNK))).filter((a): a is AuditRecord => a !== undefined);
    // One pack per questionnaire version; an audit of a version this app does not know is left out of the view.
    for (const version of new Set(records.map((a) => a.questionnaireVersion))) {
      const versionContext = await contextOfVersion(version);
      if (!versionContext) continue;
      const pack = summaryPack(records, versionContext);
      await db.summaryPacks.add(pack);
      written.push(pack);
      entries.push(...entriesOfPack(pack, versionContext));
    }
    onProgress?.(Math.min(start + CHUNK, stale.length), stale.length);
    await breathe();
  }

  // Only a read of every audit tells which entries nobody uses (stale copies, deleted audits).
  const unused = stored - found.size;
  const packCount = packs.length + written.length;
  if (!scoped && (unused > Math.max(COMPACT_UNUSED_MIN, entries.length * COMPACT_UNUSED_SHARE) || packCount > COMPACT_PACKS)) {
    await compact([...packs, ...written], entries, audits, byVersion);
  } else if (scoped && packCount > COMPACT_PACKS) {
    // Small packs pile up where only one EPCI's members are read (a results page after each change of its audit):
    // now and then, a read of every audit gathers them.
    await syncSummaries(context, {});
  }
  return { changed: stale.length, entries };
}

/** Rewrites the packs read as few packs of the entries in use; packs written meanwhile by others are kept. */
async function compact(
  packs: readonly SummaryPackRecord[],
  entries: readonly SummaryEntry[],
  audits: AuditKeys,
  contexts: ReadonlyMap<number, SummaryContext>,
): Promise<void> {
  const fresh: SummaryPackRecord[] = [];
  // A pack holds one questionnaire version's summaries.
  for (const [version, context] of contexts) {
    const ofVersion = entries.filter((e) => e.questionnaireVersion === version);
    for (let start = 0; start < ofVersion.length; start += SUMMARY_PACK_SIZE) {
      const chunk = ofVersion.slice(start, start + SUMMARY_PACK_SIZE);
      // Every entry in use was found or made with its audit's current digest.
      const rows = chunk.map((e) => ({ ...e, auditUpdatedAt: e.updatedAt, digest: audits.get(e.auditId)?.digest ?? '' }));
      fresh.push(packRecord(crypto.randomUUID(), context.derivationKey, rows, context.codec.pack(chunk.map((e) => e.summary))));
    }
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
      keys.set(audit.id, { digest: audit.summaryDigest ?? summaryDigest(audit), communeId: audit.communeId });
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
