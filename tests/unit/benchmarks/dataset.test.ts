/** The shipped benchmark dataset: valid, every figure sourced, the indicators the questionnaire links to present and comparable. */
import { describe, expect, it } from 'vitest';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';
import { LINKED_INDICATOR_IDS } from '../linked-indicator-ids';

/** Newer figures of benchmarks.md that map onto questions or themes (value worked out from the table). */
const NEWER: [id: string, value: number, publisher: string][] = [
  ['bnc-2025-c-no-pca', 0.66, 'DINUM et réseau Déclic'],
  ['bnc-2025-c-no-rssi', 0.73, 'DINUM et réseau Déclic'],
  ['bnc-2025-c-trained-agents', 0.5, 'DINUM et réseau Déclic'],
  ['bnc-2025-c-trained-elected', 0.25, 'DINUM et réseau Déclic'],
  ['bnc-2025-c-no-awareness', 0.43, 'DINUM et réseau Déclic'],
  ['bnc-2025-c-saas', 0.39, 'DINUM et réseau Déclic'],
  ['bnc-2025-c-roadmap', 0.22, 'DINUM et réseau Déclic'],
  ['cmv-2023-firewall', 0.62, 'Cybermalveillance.gouv.fr'],
  ['cmv-2023-password-policy', 0.4, 'Cybermalveillance.gouv.fr'],
  ['cmv-2023-backup-antivirus', 0.85, 'Cybermalveillance.gouv.fr'],
  ['cmv-2023-response-procedure', 0.19, 'Cybermalveillance.gouv.fr'],
  ['cmv-2023-prepared', 0.14, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-response-procedure', 0.22, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-prepared', 0.14, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-prepared-over-5000', 0.24, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-few-computers-under-1000', 0.98, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-unknown-cause', 0.45, 'Cybermalveillance.gouv.fr'],
  ['cmv-2021-personal-devices', 0.5, 'Cybermalveillance.gouv.fr'],
  ['anssi-2023-ransomware-collectivites', 0.24, 'ANSSI'],
  ['anssi-2024-extortion-collectivites', 0.17, 'ANSSI'],
  ['cnil-2019-no-dpo', 0.6, 'CNIL'],
  ['cnil-2019-dpo-communes', 13600, 'CNIL'],
];

describe('the shipped benchmark dataset', async () => {
  const dataset = await loadBundledBenchmarks();
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));

  it('carries its format marker, an id and a version', () => {
    expect(dataset).toMatchObject({ format: 'cyberdiag-benchmarks', formatVersion: 2, id: 'barometres-collectivites' });
    expect(dataset.version).toBeGreaterThanOrEqual(1);
  });

  it.each(LINKED_INDICATOR_IDS)('has %s as a comparable share', (id) => {
    const indicator = byId.get(id);
    expect(indicator?.kind).toBe('share');
    expect(indicator?.comparison).toBeDefined();
  });

  it.each(NEWER)('has %s = %d from %s', (id, value, publisher) => {
    expect(byId.get(id)?.value).toBe(value);
    expect(byId.get(id)?.publisher.fr).toContain(publisher);
  });

  it('keeps both waves of the 2025 barometer where they disagree, each named', () => {
    expect(byId.get('bnc-2025-v1-no-pca-nor-pra')?.wave?.label.fr).toBe('premiers résultats');
    expect(byId.get('bnc-2025-c-no-pca')?.wave?.label.fr).toBe('résultats consolidés');
    expect(byId.get('bnc-2025-v1-no-rssi')?.value).toBe(0.64);
    expect(byId.get('bnc-2025-c-no-rssi')?.value).toBe(0.73);
  });

  it('gives every figure a publisher, a document, a date and somewhere to read it', () => {
    for (const indicator of dataset.indicators) {
      expect(indicator.publisher.fr.length, indicator.id).toBeGreaterThan(0);
      expect(indicator.documentTitle.fr.length, indicator.id).toBeGreaterThan(0);
      const readable = indicator.url !== null || (indicator.reportedIn ?? []).length > 0;
      expect(readable, `${indicator.id} has neither an address nor a relay`).toBe(true);
    }
  });

  it('tags context figures only with theme ids of the questionnaire', () => {
    const themes = ['backup', 'antivirus', 'continuity', 'governance', 'updates', 'accounts', 'awareness', 'email', 'providers', 'network', 'incident', 'gdpr'];
    for (const indicator of dataset.indicators) {
      for (const theme of indicator.contextThemes ?? []) expect(themes, indicator.id).toContain(theme);
    }
  });
});
