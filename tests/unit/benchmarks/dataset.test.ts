/** The shipped benchmark dataset: valid, every figure sourced, the indicators the questionnaire links to present, one comparison per topic. */
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
  // More of what was measured (issue 14, item 5)
  ['cmv-2024-cyber-spend-under-2000', 0.77, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-consequence-interruption', 0.37, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-consequence-data', 0.24, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-consequence-financial', 0.1, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-cause-unpatched', 0.1, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-cause-virus', 0.12, 'Cybermalveillance.gouv.fr'],
  ['cmv-2024-feel-low-exposure-under-300', 0.5, 'Cybermalveillance.gouv.fr'],
  ['amrae-2021-insured', 0.01, 'AMRAE'],
  ['anssi-2023-collectivites-incidents', 187, 'ANSSI'],
  ['anssi-2023-communes-share-of-incidents', 0.67, 'ANSSI'],
  ['cost-2021-chalon-sur-saone', 550000, 'La Gazette des communes'],
  ['cost-2021-houilles', 350000, 'La Gazette des communes'],
  ['cost-2024-gravelines', 50000, 'Localtis'],
];

describe('the shipped benchmark dataset', async () => {
  const dataset = await loadBundledBenchmarks();
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));

  it('carries its format marker, an id and a version', () => {
    expect(dataset).toMatchObject({ format: 'cyberdiag-benchmarks', formatVersion: 2, id: 'barometres-collectivites' });
    expect(dataset.version).toBeGreaterThanOrEqual(1);
  });

  it.each(LINKED_INDICATOR_IDS)('has %s as a comparable share', (id) => {
    expect(byId.get(id)?.kind).toBe('share');
    expect(byId.get(id)?.comparison).toBeDefined();
  });

  it('sets beside an answer only recent, checked figures, each the latest wave of its topic', () => {
    const comparable = dataset.indicators.filter((i) => i.comparison);
    expect(comparable.map((i) => i.id).sort()).toEqual(
      [
        'bnc-2025-c-no-pca',
        'bnc-2025-c-no-rssi',
        'bnc-2025-c-trained-agents',
        'bnc-2025-c-trained-elected',
        'bnc-2025-c-no-awareness',
        'bnc-2025-c-saas',
        'cmv-2023-firewall',
        'cmv-2023-password-policy',
        'cmv-2024-response-procedure',
      ].sort(),
    );
    for (const indicator of comparable) {
      expect(indicator.year, indicator.id).toBeGreaterThanOrEqual(2023);
      expect(['P', 'S'], indicator.id).toContain(indicator.verification);
      expect(indicator.earlierWaveOf, indicator.id).toBeUndefined();
    }
    // Shares of people are said beside the answer, never as a share of communes.
    expect(byId.get('bnc-2025-c-trained-agents')?.counts).toBe('people');
    expect(byId.get('bnc-2025-c-trained-elected')?.counts).toBe('people');
  });

  it('puts each earlier wave under its latest one', () => {
    expect(byId.get('bnc-2025-v1-no-pca-nor-pra')?.earlierWaveOf).toBe('bnc-2025-c-no-pca');
    expect(byId.get('bnc-2025-v1-no-rssi')?.earlierWaveOf).toBe('bnc-2025-c-no-rssi');
    expect(byId.get('bnc-2025-v1-trained-agents')?.earlierWaveOf).toBe('bnc-2025-c-trained-agents');
    expect(byId.get('bnc-2025-v1-trained-elected')?.earlierWaveOf).toBe('bnc-2025-c-trained-elected');
    expect(byId.get('cmv-2023-response-procedure')?.earlierWaveOf).toBe('cmv-2024-response-procedure');
  });

  it('says plainly which topics no national survey measured', () => {
    expect(dataset.unsurveyed.map((u) => [u.id, u.themes])).toEqual([
      ['accounts-two-factor', ['accounts', 'network']],
      ['backup-offline-copies', ['backup']],
      ['backup-restore-tests', ['backup']],
      ['updates-applied', ['updates']],
    ]);
  });

  it('corrects the article’s counts of communes with the official directory', () => {
    expect(byId.get('decideur-2021-communes-total')?.correction).toBe('communes');
    expect(byId.get('decideur-2021-communes-under-10000')?.correction).toBe('communes-under-10000');
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
