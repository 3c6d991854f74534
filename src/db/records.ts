/** The records stored in IndexedDB. Fields are only ever added; a removed or renamed field needs a migration. */
import type { Answer, CommuneProfile } from '../domain/audit/types';
import type { PackedSummary, SummaryColumns } from '../domain/epci/summary-codec';

export interface CommuneRecord {
  id: string;
  name: string;
  /** INSEE code (code officiel géographique), 5 characters, e.g. "01001" or "2A004". Empty when unknown. */
  insee: string;
  postcode: string;
  /** SIREN of the commune's EPCI, when known. */
  epciSiren: string;
  epciName: string;
  profile: CommuneProfile;
  createdAt: string;
  updatedAt: string;
}

export type StoredAnswer = Answer & { answeredAt: string };

export type AuditStatus = 'in-progress' | 'completed';

export interface AuditRecord {
  id: string;
  communeId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  /** Who answered (free text: "Secrétaire de mairie", a conseiller numérique's name…). */
  auditor: string;
  status: AuditStatus;
  /** The commune's profile when the audit was started: later changes to the commune do not rewrite history. */
  profile: CommuneProfile;
  /** Answers keyed by question id, each written the moment it is given. */
  answers: Record<string, StoredAnswer>;
  /** For a re-audit: the audit its answers were copied from; those answers wait to be confirmed. */
  previousAuditId: string | null;
  /** Question ids whose answer was carried over from the previous audit and not yet confirmed. */
  unconfirmed: string[];
  /** Where the user was, so the app reopens there. */
  lastThemeId: string | null;
  /** 'local' when made on this device, 'imported' when it came in a file. Added in schema version 2. */
  origin: 'local' | 'imported';
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  /**
   * The digest of what the audit's EPCI summary is made of (summaryDigest), written by the database itself on
   * every write of the record (src/db/summary-digest-middleware.ts), never taken from a file. Indexed, so that the
   * EPCI view checks its summaries without reading the answers. Added in schema version 7.
   */
  summaryDigest?: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A barometer dataset as shipped or imported (validated by the benchmarks domain before it is stored). */
export interface BenchmarkDatasetRecord {
  id: string;
  version: number;
  /** The dataset itself, as validated. */
  data: unknown;
  source: 'bundled' | 'imported';
  installedAt: string;
}

export type PlanItemStatus = 'todo' | 'in-progress' | 'done';

/** One action of an audit's plan, as edited by the commune. */
export interface PlanItemRecord {
  auditId: string;
  actionId: string;
  communeId: string;
  owner: string;
  /** ISO date (YYYY-MM-DD) or empty. */
  dueDate: string;
  status: PlanItemStatus;
  note: string;
  updatedAt: string;
  /** Set when the item was carried over from an earlier audit of the same commune: that audit's id. */
  carriedFrom?: string;
}

/**
 * Schema version 4's cache of what the EPCI view needs of one audit, one record per audit. Version 5 moved these
 * records into summary packs (below) and version 6 removed the table; the type stays for that upgrade.
 */
export interface AuditSummaryRecord {
  auditId: string;
  communeId: string;
  /** The audit's updatedAt when the summary was made. */
  auditUpdatedAt: string;
  /** The questionnaire and catalogue the summary was made with (summaryDerivationKey). */
  derivationKey: string;
  status: AuditStatus;
  completedAt: string | null;
  /** The population declared in the audit's profile. */
  population: number;
  /** The summary, packed in the orders of the derivation key (see summary-codec.ts). */
  summary: PackedSummary;
}

/**
 * The EPCI view's cache since schema version 5: what it needs of the audits written together (one imported
 * file, one refresh), in columns, so that 35,000 audits are aggregated without reading their answers, and a
 * bulk import writes one such record per file rather than one per audit. Entry i is the same audit in every
 * column. Derived data only: an entry is valid while its digest (`digests`, since schema version 7) is the
 * audit's `summaryDigest` and the pack's `derivationKey` is the app's; otherwise it is made again, and entries
 * left unused are compacted away (src/db/epci-repository.ts).
 */
export interface SummaryPackRecord {
  id: string;
  /** The questionnaire and catalogue the summaries were made with (summaryDerivationKey). */
  derivationKey: string;
  auditIds: string[];
  communeIds: string[];
  /** Each audit's updatedAt when its summary was made. */
  auditUpdatedAt: string[];
  /** The digest of what each summary was made of (summaryDigest); '' for a summary that is stale. */
  digests: string[];
  statuses: AuditStatus[];
  completedAt: (string | null)[];
  /** The population declared in each audit's profile. */
  populations: number[];
  /** The summaries, in the orders of the derivation key (see summary-codec.ts). */
  summaries: SummaryColumns;
}

/**
 * An audit waiting for (or done with) its trip to the intercommunalité's mailbox, since schema version 6. The
 * version sent is the audit's updatedAt when it was put in the outbox; a newer version puts it back to pending.
 */
export interface OutboxRecord {
  auditId: string;
  communeId: string;
  versionDate: string;
  state: 'pending' | 'sent';
  queuedAt: string;
  sentAt: string | null;
  attempts: number;
  /** When a failed send may be tried again (back-off), ISO 8601. */
  retryAt: string | null;
  /** The last refusal's code, to tell the user (null while all goes well). */
  lastError: string | null;
}
