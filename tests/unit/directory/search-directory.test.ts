import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeSearchText } from '../../../src/domain/directory/normalize-search-text';
import { searchCommunes, searchEpcis, type DirectoryIndex } from '../../../src/domain/directory/search-directory';
import { loadDirectory } from '../../../src/content/load-directory';

let index: DirectoryIndex;
beforeAll(async () => {
  index = await loadDirectory();
});

const names = (query: string) => searchCommunes(index, query).matches.map((m) => m.commune.name);

describe('normalizeSearchText', () => {
  it.each([
    ['Saint-Étienne', 'saint etienne'],
    ['ST ETIENNE', 'saint etienne'],
    ['Ste-Marie', 'sainte marie'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['Œuilly', 'oeuilly'],
    ['  Bourg  en   Bresse ', 'bourg en bresse'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeSearchText(text)).toBe(expected);
  });
});

describe('searchCommunes by name', () => {
  it.each(['Saint-Étienne', 'saint etienne', 'SAINT-ETIENNE', 'st etienne', 'St-Étienne'])(
    'finds Saint-Étienne (Loire) first with %j',
    (query) => {
      const [first] = searchCommunes(index, query).matches;
      expect(first?.commune).toMatchObject({ insee: '42218', name: 'Saint-Étienne' });
    },
  );

  it('puts the exact name before longer names, and bigger communes first among names starting alike', () => {
    const found = names('saint etienne');
    expect(found[0]).toBe('Saint-Étienne');
    // Every other result starts with "Saint-Étienne-…" and they come by population, largest first.
    const rest = searchCommunes(index, 'saint etienne').matches.slice(1, 6);
    const populations = rest.map((m) => m.commune.population ?? 0);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('finds a commune by a word inside its name', () => {
    expect(names('abergement clemenciat')).toEqual(["L'Abergement-Clémenciat"]);
    expect(names('clemenciat')).toEqual(["L'Abergement-Clémenciat"]);
  });

  it('finds a one-letter commune', () => {
    expect(names('y')[0]).toBe('Y');
  });

  it('caps the list at 20 and says how many matched', () => {
    const result = searchCommunes(index, 'saint');
    expect(result.matches).toHaveLength(20);
    expect(result.total).toBeGreaterThan(1000);
  });

  it('returns nothing for an empty query or a name that does not exist', () => {
    expect(searchCommunes(index, '  ').matches).toEqual([]);
    expect(searchCommunes(index, 'zzqx').matches).toEqual([]);
  });
});

describe('searchCommunes by postcode or INSEE code', () => {
  it('finds the communes of a postcode, with that postcode chosen, and the commune whose INSEE code it is', () => {
    const result = searchCommunes(index, '42100');
    expect(result.matches.map((m) => m.commune.insee)).toContain('42218');
    // 42100 is Saint-Étienne's second postcode and also the INSEE code of another commune of the Loire.
    expect(result.matches.every((m) => m.postcode === '42100' || m.commune.insee === '42100')).toBe(true);
    expect(result.matches.find((m) => m.commune.insee === '42218')?.postcode).toBe('42100');
  });

  it('finds a commune by its INSEE code', () => {
    expect(searchCommunes(index, '01001').matches[0]?.commune.name).toBe("L'Abergement-Clémenciat");
  });

  it.each([
    ['2A004', 'Ajaccio', '20000'],
    ['2a004', 'Ajaccio', '20000'],
    ['2B033', 'Bastia', '20200'],
  ])('finds the Corsican commune %s (%s)', (query, name, postcode) => {
    const [first] = searchCommunes(index, query).matches;
    expect(first?.commune.name).toBe(name);
    expect(first?.commune.insee).toBe(query.toUpperCase());
    expect(first?.postcode).toBe(postcode);
  });

  it('lists the biggest communes first for a postcode begun', () => {
    const result = searchCommunes(index, '2A');
    expect(result.matches[0]?.commune.name).toBe('Ajaccio');
    expect(result.matches.every((m) => m.commune.insee.startsWith('2A'))).toBe(true);
  });

  it('accepts a postcode typed with a space', () => {
    expect(searchCommunes(index, '42 000').matches[0]?.commune.insee).toBe('42218');
  });
});

describe("a commune's EPCI", () => {
  it('gives the SIREN and name of the EPCI a commune belongs to', () => {
    const [first] = searchCommunes(index, 'Saint-Étienne').matches;
    expect(first?.commune.epci).toMatchObject({ siren: '244200770', type: 'METRO' });
    expect(first?.commune.epci?.name).toMatch(/Saint-Étienne Métropole/);
    expect(first?.commune.epci?.members).toContain('42218');
  });

  it('gives no EPCI to an island commune that belongs to none', () => {
    expect(searchCommunes(index, 'Ouessant').matches[0]?.commune).toMatchObject({ insee: '29155', epci: null });
  });
});

describe('searchEpcis', () => {
  it('finds an EPCI by name, accents ignored, and by SIREN', () => {
    expect(searchEpcis(index, 'saint etienne metropole').matches[0]?.siren).toBe('244200770');
    expect(searchEpcis(index, '244200770').matches[0]?.name).toMatch(/Saint-Étienne Métropole/);
  });

  it('finds EPCIs by a word of their name', () => {
    const found = searchEpcis(index, 'faucigny').matches.map((e) => e.siren);
    expect(found).toContain('200000172');
  });
});
