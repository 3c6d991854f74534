/** Splitting an audits export that the import door would refuse as too large into several complete files, commune by commune. */
import { buildExportDocument, copyAudit, copyCommune, copyPlanItem, exportFileName, type ExportContent } from './build-export';
import { stringifyAscii } from './ascii-json';
import { EXPORT_FILE_EXTENSION } from './export-format';

/**
 * Share of the door's cap a part may fill. The plain size is measured exactly and the encrypted one bounded from
 * above, so this is room for what we do not foresee (a tool that re-saves the file with line ends, say).
 */
export const EXPORT_PART_SHARE = 0.9;

/**
 * Room for an encrypted envelope's text around its base64 data. Today's envelope takes 215 characters
 * ({"format":…,"kdf":{…"iterations":600000,"salt":"<24>"},"cipher":{…"iv":"<16>"},"data":""}); the allowance leaves
 * room for a longer iteration count or a new field without the parts ever passing the cap.
 */
export const ENVELOPE_ALLOWANCE_BYTES = 1024;
/** AES-GCM appends a 16-byte authentication tag to the ciphertext. */
const GCM_TAG_BYTES = 16;

/** Bytes of a string once written as UTF-8 (what File.size reports); JSON.stringify leaves no lone surrogate. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // Each half of a surrogate pair counts 2: the pair is one 4-byte character.
    else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** Upper bound of an encrypted file's size for a plain document of `plainBytes`: base64 of ciphertext + tag, plus the envelope. */
export function encryptedFileBytes(plainBytes: number): number {
  return 4 * Math.ceil((plainBytes + GCM_TAG_BYTES) / 3) + ENVELOPE_ALLOWANCE_BYTES;
}

export interface SplitOptions {
  /** The import door's cap (EXPORT_LIMITS.auditsFileBytes). */
  maxBytes: number;
  /** Each part is encrypted on its own: its envelope, about 4/3 of the plain size, must pass the cap. */
  encrypted: boolean;
  exportedAt: string;
  appVersion: string;
}

export interface ExportPart {
  content: ExportContent;
  /** Exact UTF-8 size of the part's plain document (stringifyAscii of buildExportDocument). */
  plainBytes: number;
}

/** The most a part's plain document may weigh so that its file (encrypted or not) stays within the share of the cap. */
export function plainBudget({ maxBytes, encrypted }: Pick<SplitOptions, 'maxBytes' | 'encrypted'>): number {
  const limit = Math.floor(maxBytes * EXPORT_PART_SHARE);
  if (!encrypted) return limit;
  // encryptedFileBytes grows by 4 every 3 bytes: the largest plain size whose envelope fits, found directly.
  const room = limit - ENVELOPE_ALLOWANCE_BYTES;
  return Math.max(0, Math.floor(room / 4) * 3 - GCM_TAG_BYTES);
}

/** Running size of one array of a document: the records' texts and the commas between them. */
interface Tally {
  count: number;
  bytes: number;
}
const arrayBytes = ({ count, bytes }: Tally) => bytes + Math.max(0, count - 1);
const withAdded = (tally: Tally, count: number, bytes: number): Tally => ({ count: tally.count + count, bytes: tally.bytes + bytes });

/** What is added to a part at once: a commune (unless the part has it already), audits and their plan items. */
interface Unit {
  communeId: string;
  audits: number[];
  planItems: number[];
  auditBytes: number;
  planItemBytes: number;
}

class PartBuilder {
  communes: number[] = [];
  audits: number[] = [];
  planItems: number[] = [];
  communeIds = new Set<string>();
  tallies = { communes: { count: 0, bytes: 0 }, audits: { count: 0, bytes: 0 }, planItems: { count: 0, bytes: 0 } };

  constructor(
    private readonly emptyBytes: number,
    private readonly communeIndex: ReadonlyMap<string, { index: number; bytes: number }>,
  ) {}

  get empty(): boolean {
    return this.audits.length === 0;
  }

  /** The plain size the part would have with `unit` added. */
  bytesWith(unit: Unit): number {
    const commune = this.communeIds.has(unit.communeId) ? undefined : this.communeIndex.get(unit.communeId);
    const t = this.tallies;
    return (
      this.emptyBytes +
      arrayBytes(commune ? withAdded(t.communes, 1, commune.bytes) : t.communes) +
      arrayBytes(withAdded(t.audits, unit.audits.length, unit.auditBytes)) +
      arrayBytes(withAdded(t.planItems, unit.planItems.length, unit.planItemBytes))
    );
  }

  add(unit: Unit): void {
    const commune = this.communeIds.has(unit.communeId) ? undefined : this.communeIndex.get(unit.communeId);
    if (commune) {
      this.communes.push(commune.index);
      this.tallies.communes = withAdded(this.tallies.communes, 1, commune.bytes);
    }
    this.communeIds.add(unit.communeId);
    this.audits.push(...unit.audits);
    this.planItems.push(...unit.planItems);
    this.tallies.audits = withAdded(this.tallies.audits, unit.audits.length, unit.auditBytes);
    this.tallies.planItems = withAdded(this.tallies.planItems, unit.planItems.length, unit.planItemBytes);
  }

  bytes(): number {
    const t = this.tallies;
    return this.emptyBytes + arrayBytes(t.communes) + arrayBytes(t.audits) + arrayBytes(t.planItems);
  }
}

/**
 * Cuts an audits export into parts that each make a complete, valid file (its communes, their audits, their plan
 * items) within `plainBudget`. Communes are taken in order and kept whole, so a commune's audits (and the
 * previousAuditId chains, which stay within a commune) travel together; a part is closed when the next commune
 * does not fit. Only a commune too large for a part on its own is cut, audit by audit (each with its plan items),
 * its record repeated in every part that holds some of its audits (the import reuses a commune it already has).
 * One part when everything fits. An audit too large for a part alone is put in a part of its own, over the
 * budget: the caller checks every file against the cap.
 */
export function splitExportContent(content: ExportContent, options: SplitOptions): ExportPart[] {
  const frame = { exportedAt: options.exportedAt, appVersion: options.appVersion };
  const emptyBytes = utf8Length(stringifyAscii(buildExportDocument({ kind: content.kind, communes: [], audits: [], planItems: [] }, frame)));
  const measure = (record: object) => utf8Length(stringifyAscii(record));
  const budget = plainBudget(options);

  const communeIndex = new Map(content.communes.map((c, index) => [c.id, { index, bytes: measure(copyCommune(c)) }]));
  const planItemsOf = new Map<string, number[]>();
  const planItemBytes = content.planItems.map((p, index) => {
    const list = planItemsOf.get(p.auditId);
    if (list) list.push(index);
    else planItemsOf.set(p.auditId, [index]);
    return measure(copyPlanItem(p));
  });
  // One unit per audit (with its plan items), gathered by commune in the order the communes come.
  const unitsOf = new Map<string, Unit[]>();
  content.audits.forEach((a, index) => {
    const planItems = planItemsOf.get(a.id) ?? [];
    const unit: Unit = {
      communeId: a.communeId,
      audits: [index],
      planItems,
      auditBytes: measure(copyAudit(a)),
      planItemBytes: planItems.reduce((sum, i) => sum + (planItemBytes[i] ?? 0), 0),
    };
    const list = unitsOf.get(a.communeId);
    if (list) list.push(unit);
    else unitsOf.set(a.communeId, [unit]);
  });
  const order = [...new Set([...content.communes.map((c) => c.id), ...unitsOf.keys()])];

  const parts: PartBuilder[] = [];
  let part = new PartBuilder(emptyBytes, communeIndex);
  const close = () => {
    parts.push(part);
    part = new PartBuilder(emptyBytes, communeIndex);
  };
  for (const communeId of order) {
    const units = unitsOf.get(communeId);
    if (!units) continue;
    const whole: Unit = {
      communeId,
      audits: units.flatMap((u) => u.audits),
      planItems: units.flatMap((u) => u.planItems),
      auditBytes: units.reduce((sum, u) => sum + u.auditBytes, 0),
      planItemBytes: units.reduce((sum, u) => sum + u.planItemBytes, 0),
    };
    if (part.bytesWith(whole) <= budget) {
      part.add(whole);
      continue;
    }
    const fresh = new PartBuilder(emptyBytes, communeIndex);
    if (fresh.bytesWith(whole) <= budget) {
      close();
      part.add(whole);
      continue;
    }
    // Too large for any part: the commune's audits fill the current part, then as many more as they need.
    for (const unit of units) {
      if (!part.empty && part.bytesWith(unit) > budget) close();
      part.add(unit);
    }
  }
  if (!part.empty || parts.length === 0) parts.push(part);

  return parts.map((p) => ({
    content: {
      kind: content.kind,
      communes: p.communes.map((i) => content.communes[i]).filter((c) => c !== undefined),
      audits: p.audits.map((i) => content.audits[i]).filter((a) => a !== undefined),
      planItems: p.planItems.map((i) => content.planItems[i]).filter((x) => x !== undefined),
    },
    plainBytes: p.bytes(),
  }));
}

/** "saint-etienne-2026-11-25.cyberdiag.json", part 1 of 3 → "saint-etienne-2026-11-25-1-sur-3.cyberdiag.json". */
export function exportPartFileName(label: string, exportedAt: string, part: number, parts: number): string {
  const name = exportFileName(label, exportedAt);
  if (parts <= 1) return name;
  return `${name.slice(0, -EXPORT_FILE_EXTENSION.length)}-${part}-sur-${parts}${EXPORT_FILE_EXTENSION}`;
}
