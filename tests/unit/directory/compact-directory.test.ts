import { describe, expect, it } from 'vitest';
import {
  DirectoryFormatError,
  readCompactDirectory,
  writeCompactDirectory,
  type DirectorySource,
} from '../../../src/domain/directory/compact-directory';
import { loadDirectory } from '../../../src/content/load-directory';

const source: DirectorySource = {
  source: 'test 1.0.0',
  epcis: [
    { siren: '200000172', name: 'CC Faucigny - Glières', type: 'CC' },
    { siren: '244200770', name: 'Saint-Étienne Métropole', type: 'METRO' },
  ],
  communes: [
    // Given out of order: the writer sorts by INSEE code, which the gap encoding needs.
    { insee: '42218', name: 'Saint-Étienne', postcodes: ['42000', '42100', '42230'], population: 173136, epciSiren: '244200770' },
    { insee: '01001', name: "L'Abergement-Clémenciat", postcodes: ['01400'], population: 860, epciSiren: null },
    { insee: '01002', name: "L'Abergement-de-Varey", postcodes: ['01640'], population: 270, epciSiren: null },
    { insee: '01009', name: 'Andert-et-Condon', postcodes: [], population: null, epciSiren: null },
    { insee: '2A004', name: 'Ajaccio', postcodes: ['20000', '20090'], population: 73000, epciSiren: null },
    { insee: '2B033', name: 'Bastia', postcodes: ['20200', '20600'], population: 48000, epciSiren: null },
    { insee: '74042', name: 'Bonneville', postcodes: ['74130'], population: 13320, epciSiren: '200000172' },
    { insee: '97101', name: 'Les Abymes', postcodes: ['97139'], population: 53000, epciSiren: null },
  ],
};

describe('compact directory', () => {
  it('reads back exactly what it wrote, in INSEE code order, with each EPCI listing its members', () => {
    const directory = readCompactDirectory(writeCompactDirectory(source));
    expect(directory.source).toBe('test 1.0.0');
    expect(directory.communes.map((c) => c.insee)).toEqual(['01001', '01002', '01009', '2A004', '2B033', '42218', '74042', '97101']);
    expect(directory.communes.map(({ epci, ...rest }) => ({ ...rest, epci: epci?.siren ?? null }))).toEqual(
      [...source.communes]
        .sort((a, b) => a.insee.localeCompare(b.insee))
        .map(({ epciSiren, ...rest }) => ({ ...rest, epci: epciSiren })),
    );
    expect(directory.epcis).toEqual([
      { siren: '200000172', name: 'CC Faucigny - Glières', type: 'CC', members: ['74042'] },
      { siren: '244200770', name: 'Saint-Étienne Métropole', type: 'METRO', members: ['42218'] },
    ]);
  });

  it('shortens codes: gaps between INSEE codes, postcodes sharing the department prefix', () => {
    const lines = writeCompactDirectory(source).split('\n');
    expect(lines[3]).toBe('01001,,6,2A004,2B033,42218,74042,97101');
    expect(lines[5]).toBe('400|640||20000,20090|20200,20600|000,100,230|130|139');
  });

  it('refuses text that is not a directory of this version', () => {
    expect(() => readCompactDirectory('hello')).toThrow(DirectoryFormatError);
    const text = writeCompactDirectory(source).replace('|1|', '|2|');
    expect(() => readCompactDirectory(text)).toThrow(DirectoryFormatError);
  });

  it('refuses to write a name holding a separator', () => {
    const bad = { ...source, communes: [{ ...source.communes[0], name: 'A|B', insee: '01001', postcodes: [], population: null, epciSiren: null }] };
    expect(() => writeCompactDirectory(bad)).toThrow(DirectoryFormatError);
  });
});

describe('the shipped directory (made from @etalab/decoupage-administratif at build time)', () => {
  it('holds every current commune and every EPCI', async () => {
    const { directory, byInsee } = await loadDirectory();
    expect(directory.source).toBe('@etalab/decoupage-administratif 6.0.0');
    expect(directory.communes).toHaveLength(34969);
    expect(directory.epcis).toHaveLength(1255);
    expect(directory.epcis.reduce((sum, e) => sum + e.members.length, 0)).toBe(34871);
    expect(byInsee.get('42218')).toMatchObject({ name: 'Saint-Étienne', postcodes: ['42000', '42100', '42230'] });
  });
});
