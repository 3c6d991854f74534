import { describe, expect, it } from 'vitest';
import { fileNameSlug } from '../../src/domain/file-name-slug';

describe('fileNameSlug', () => {
  it.each([
    ['Saint-Étienne-du-Bois', 'saint-etienne-du-bois'],
    ["L'Haÿ-les-Roses", 'l-hay-les-roses'],
    ['Saint-Cœur-d’Arconnière', 'saint-coeur-d-arconniere'],
    ['ŒUVRES DE L’ÆTHER', 'oeuvres-de-l-aether'],
    ['Lætitia', 'laetitia'],
    ['  --CC du Pays de Gex--  ', 'cc-du-pays-de-gex'],
    ['Pont-l’Évêque (Calvados)', 'pont-l-eveque-calvados'],
    ['<script>/../', 'script'],
    ['Audits 2026 — lot n°3', 'audits-2026-lot-n-3'],
    // Compatibility forms are opened; a letter with no ASCII form separates like punctuation.
    ['ﬁchier²', 'fichier2'],
    ['Ærøskøbing', 'aer-sk-bing'],
    // Nothing left: the fallback word.
    ['!!!', 'commune'],
    ['', 'commune'],
    ['東京', 'commune'],
    // 60 characters at most, never ending with "-".
    ['a'.repeat(61), 'a'.repeat(60)],
    [`${'a'.repeat(59)} b`, 'a'.repeat(59)],
    ['Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson et encore bien plus long', 'saint-remy-en-bouzemont-saint-genest-et-isson-et-encore-bien'],
  ])('%s → %s', (text, expected) => {
    expect(fileNameSlug(text, 'commune')).toBe(expected);
  });

  it('gives the fallback it is handed', () => {
    expect(fileNameSlug('', 'epci')).toBe('epci');
  });
});
