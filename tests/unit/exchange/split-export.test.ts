// Splitting an audits export into files the import door takes back: sizes, budgets, which audits go where, names.
import { describe, expect, it } from 'vitest';
import { buildExportDocument, type ExportContent } from '../../../src/domain/exchange/build-export';
import { stringifyAscii } from '../../../src/domain/exchange/ascii-json';
import { EXPORT_LIMITS } from '../../../src/domain/exchange/export-format';
import { openExportText } from '../../../src/domain/exchange/read-export-file';
import { KNOWN_ANSWER_IDS as answerIds } from '../../../src/content/questionnaire-ids';
import {
  encryptedFileBytes,
  EXPORT_PART_SHARE,
  exportPartFileName,
  plainBudget,
  splitExportContent,
  utf8Length,
} from '../../../src/domain/exchange/split-export';
import { audit, commune, planItem } from './seed';

const frame = { exportedAt: '2026-11-25T10:00:00.000Z', appVersion: '0.1.0' };

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['œuvre', 6],
    ['€', 3],
    ['𝄞', 4],
    ['Saint-Étienne', 14],
  ])('%s → %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(new Blob([text]).size).toBe(bytes);
  });
});

describe('encryptedFileBytes and plainBudget', () => {
  it.each([
    // 16-byte tag: 0 + 16 → 6 base64 groups of 4, plus the 1,024-byte envelope allowance.
    [0, 1048],
    [2, 1048],
    [3, 1052],
  ])('a plain document of %i bytes → an encrypted file of at most %i', (plain, file) => {
    expect(encryptedFileBytes(plain)).toBe(file);
  });

  it.each([
    [1000, false, 900],
    [10, false, 9],
    [EXPORT_LIMITS.auditsFileBytes, false, 18_874_368],
    // 9,000 − 1,024 = 7,976 → 1,994 groups → 5,982 bytes of ciphertext and tag → 5,966 plain.
    [10_000, true, 5966],
    [1000, true, 0],
  ])('a cap of %i bytes (encrypted: %s) → %i plain bytes per part', (maxBytes, encrypted, budget) => {
    expect(plainBudget({ maxBytes, encrypted })).toBe(budget);
    if (encrypted && budget > 0) {
      expect(encryptedFileBytes(budget)).toBeLessThanOrEqual(maxBytes * EXPORT_PART_SHARE);
      expect(encryptedFileBytes(budget + 1)).toBeGreaterThan(maxBytes * EXPORT_PART_SHARE);
    }
  });
});

/**
 * Aubeterre (A: a1 ← a2 ← a3, a re-audit chain), Bellecombe (B: b1 with two plan items), Cognac (C: c1, c2). Ids
 * and names of equal length, so that audits differ only by their previousAuditId.
 */
const content: ExportContent = {
  kind: 'audits',
  communes: [commune('commune-a', 'Aubeterre'), commune('commune-b', 'Bellecomb'), commune('commune-c', 'Cognacaaa')],
  audits: [
    audit('audit-a1', 'commune-a'),
    audit('audit-a2', 'commune-a', { previousAuditId: 'audit-a1' }),
    audit('audit-a3', 'commune-a', { previousAuditId: 'audit-a2' }),
    audit('audit-b1', 'commune-b'),
    audit('audit-c1', 'commune-c'),
    audit('audit-c2', 'commune-c', { previousAuditId: 'audit-c1' }),
  ],
  planItems: [planItem('audit-b1', 'commune-b', 'backup-one'), planItem('audit-b1', 'commune-b', 'backup-two')],
};

/** The exact size of a file holding these audits (with their communes and plan items). */
function fileBytes(auditIds: readonly string[]): number {
  const audits = content.audits.filter((a) => auditIds.includes(a.id));
  const communeIds = new Set(audits.map((a) => a.communeId));
  const part = {
    kind: 'audits' as const,
    communes: content.communes.filter((c) => communeIds.has(c.id)),
    audits,
    planItems: content.planItems.filter((p) => auditIds.includes(p.auditId)),
  };
  return utf8Length(stringifyAscii(buildExportDocument(part, frame)));
}

/** The smallest cap whose part budget is exactly `budget` (floor(cap × 0.9) goes up by 0 or 1 at a time). */
function capFor(budget: number): number {
  let cap = Math.floor(budget / EXPORT_PART_SHARE) - 2;
  while (plainBudget({ maxBytes: cap, encrypted: false }) < budget) cap++;
  expect(plainBudget({ maxBytes: cap, encrypted: false })).toBe(budget);
  return cap;
}

const A = ['audit-a1', 'audit-a2', 'audit-a3'];
const B = ['audit-b1'];
const C = ['audit-c1', 'audit-c2'];

describe('splitExportContent', () => {
  it.each([
    ['everything fits', () => fileBytes([...A, ...B, ...C]), [[...A, ...B, ...C]]],
    // A and B fit together; C would pass the budget, so it opens a second file.
    ['room for A and B', () => fileBytes([...A, ...B]), [[...A, ...B], C]],
    // B + C weigh a commune and two plan items more than A, minus the chain's ids: B and C each go alone.
    ['room for A alone', () => fileBytes(A), [A, B, C]],
    // A cannot be whole anywhere: a1 and a2 fill the first file, a3 starts the second with its commune repeated;
    // B + a3 (two communes, two audits, two plan items) weigh more than a1 + a2 + a3, so B and C go on.
    ['one byte short of A', () => fileBytes(A) - 1, [['audit-a1', 'audit-a2'], ['audit-a3'], B, C]],
  ])('%s', (_, budget, expected) => {
    const maxBytes = capFor(budget());
    const parts = splitExportContent(content, { maxBytes, encrypted: false, ...frame });
    expect(parts.map((p) => p.content.audits.map((a) => a.id))).toEqual(expected);
    for (const part of parts) {
      const text = stringifyAscii(buildExportDocument(part.content, frame));
      // The size predicted is the size written, within the budget, and each part is a valid file of its own.
      expect(utf8Length(text)).toBe(part.plainBytes);
      expect(part.plainBytes).toBeLessThanOrEqual(budget());
      const opened = openExportText(text, { now: new Date(), answerIds });
      expect(opened.ok).toBe(true);
      const communes = new Set(part.content.audits.map((a) => a.communeId));
      expect(part.content.communes.map((c) => c.id)).toEqual([...communes]);
      expect(part.content.planItems.every((p) => part.content.audits.some((a) => a.id === p.auditId))).toBe(true);
    }
    // Nothing lost, nothing doubled (a cut commune's record is repeated, its audits are not).
    expect(parts.flatMap((p) => p.content.audits.map((a) => a.id)).sort()).toEqual([...A, ...B, ...C]);
    expect(parts.flatMap((p) => p.content.planItems)).toHaveLength(2);
  });

  it('gives one empty part for an empty selection', () => {
    const parts = splitExportContent({ kind: 'audits', communes: [], audits: [], planItems: [] }, { maxBytes: 1000, encrypted: false, ...frame });
    expect(parts).toHaveLength(1);
    expect(parts[0]?.content.audits).toEqual([]);
  });

  it('leaves room for the encrypted envelope: the same cap gives more parts with a passphrase', () => {
    const maxBytes = capFor(fileBytes([...A, ...B, ...C]));
    expect(splitExportContent(content, { maxBytes, encrypted: false, ...frame })).toHaveLength(1);
    const encrypted = splitExportContent(content, { maxBytes, encrypted: true, ...frame });
    expect(encrypted.length).toBeGreaterThan(1);
    for (const part of encrypted) expect(encryptedFileBytes(part.plainBytes)).toBeLessThanOrEqual(maxBytes * EXPORT_PART_SHARE);
  });
});

describe('exportPartFileName', () => {
  it.each([
    [1, 1, 'saint-etienne-du-bois-2026-11-25.cyberdiag.json'],
    [1, 3, 'saint-etienne-du-bois-2026-11-25-1-sur-3.cyberdiag.json'],
    [3, 3, 'saint-etienne-du-bois-2026-11-25-3-sur-3.cyberdiag.json'],
  ])('part %i of %i → %s', (part, parts, expected) => {
    expect(exportPartFileName('Saint-Étienne-du-Bois', '2026-11-25T22:59:00.000Z', part, parts)).toBe(expected);
  });
});
