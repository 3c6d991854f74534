import { describe, expect, it } from 'vitest';
import type { ExportableCommune } from '../../../src/db/exchange-repository';
import { prepareExportList, searchExportList } from '../../../src/features/backup/export-list';

const commune = (name: string, insee: string, postcode: string, epciName: string, epciSiren: string): ExportableCommune => ({
  id: name.toLowerCase(),
  name,
  insee,
  postcode,
  epciName,
  epciSiren,
  auditIds: [`audit-${name.toLowerCase()}`],
});

const list = prepareExportList(
  [
    commune('Aubeterre-sur-Dronne', '16020', '16390', 'CA du Grand Cognac', '200070514'),
    commune('Saint-Étienne-du-Bois', '01350', '01370', 'CC Bresse et Revermont', '200071751'),
    commune('Ajaccio', '2A004', '20000', 'CA du Pays Ajaccien', '242010056'),
    commune('Œuilly', '02567', '02160', '', ''),
    commune('Y', '80829', '80190', 'CC de l’Est de la Somme', '248000747'),
  ],
  'fr',
);

describe('searchExportList', () => {
  it.each([
    ['st etienne', ['Saint-Étienne-du-Bois']],
    ['ÉTIENNE-DU', ['Saint-Étienne-du-Bois']],
    ['oeuilly', ['Œuilly']],
    ['dronne', ['Aubeterre-sur-Dronne']],
    // The EPCI's name, anywhere in it.
    ['cognac', ['Aubeterre-sur-Dronne']],
    ['est de la somme', ['Y']],
    // Codes from their start: INSEE (a département), postcode, EPCI SIREN.
    ['16', ['Aubeterre-sur-Dronne']],
    ['02', ['Œuilly']],
    ['2a', ['Ajaccio']],
    ['0137', ['Saint-Étienne-du-Bois']],
    ['200070', ['Aubeterre-sur-Dronne']],
    ['004', []],
    // The commune's name and its EPCI's name are searched apart.
    ['dronne ca du', []],
    ['zzz', []],
  ])('%s → %j', (query, expected) => {
    expect(searchExportList(list, query).map((c) => c.name)).toEqual(expected);
  });

  it('gives back the list itself for an empty query', () => {
    expect(searchExportList(list, '  ')).toBe(list);
  });
});

describe('prepareExportList', () => {
  it('sorts as a French reader expects: accents and case ignored, numbers in order', () => {
    const names = ['Zoza', 'Éguilles', 'abzac', 'Village 10', 'Village 9', 'Eaux-Puiseaux'];
    const sorted = prepareExportList(names.map((name) => commune(name, '', '', '', '')), 'fr');
    expect(sorted.map((c) => c.name)).toEqual(['abzac', 'Eaux-Puiseaux', 'Éguilles', 'Village 9', 'Village 10', 'Zoza']);
  });
});
