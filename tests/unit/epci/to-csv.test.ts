import { describe, expect, it } from 'vitest';
import { epciCsvRows, type EpciCsvLabels } from '../../../src/domain/epci/epci-csv';
import { latestRows } from '../../../src/domain/epci/epci-row';
import { toCsv } from '../../../src/domain/epci/to-csv';
import { commune, entry, summary } from './epci-fixtures';

const bytes = (text: string) => [...new TextEncoder().encode(text)];
const hex = (text: string) => Buffer.from(new TextEncoder().encode(text)).toString('hex');

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark and ends every line with CRLF', () => {
    const csv = toCsv([['a', 'b'], ['c', 'd']]);
    expect(bytes(csv).slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(hex(csv)).toBe('efbbbf' + '613b620d0a' + '633b640d0a');
  });

  it('keeps accents as UTF-8 and quotes cells holding ";" or a quote, doubling the quote', () => {
    const csv = toCsv([['Saint-Étienne', 'Bâgé; "le Châtel"', 'Rive-de-Gier']]);
    expect(csv).toBe('\uFEFFSaint-Étienne;"Bâgé; ""le Châtel""";Rive-de-Gier\r\n');
    // É is C3 89, â is C3 A2, é is C3 A9.
    expect(hex(csv)).toContain('5361696e742dc3897469656e6e65');
    expect(hex(csv)).toContain('42c3a267c3a9');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+33 1 23', "'+33 1 23"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['Plain text', 'Plain text'],
  ])('defuses a cell a spreadsheet would run as a formula: %s', (cell, expected) => {
    expect(toCsv([[cell]])).toBe(`\uFEFF${expected}\r\n`);
  });

  it.each<[number | null, ',' | '.', string]>([
    [72.5, ',', '72,5'],
    [72.5, '.', '72.5'],
    [100, ',', '100'],
    [0, ',', '0'],
    [-3.2, ',', '-3,2'],
    [null, ',', ''],
    [Number.NaN, ',', ''],
  ])('writes the number %s with %s as decimal separator', (value, decimalSeparator, expected) => {
    expect(toCsv([[value]], { decimalSeparator })).toBe(`\uFEFF${expected}\r\n`);
  });

  it('quotes a cell with a line break', () => {
    expect(toCsv([['a\nb']])).toBe('\uFEFF"a\nb"\r\n');
  });
});

describe('epciCsvRows', () => {
  const labels: EpciCsvLabels = {
    commune: 'Commune',
    insee: 'Code INSEE',
    population: 'Population',
    stratum: 'Strate',
    date: "Date de l'audit",
    status: 'Statut',
    version: 'Questionnaire',
    answered: 'Réponses',
    overall: 'Score global',
    themes: [
      { id: 'backup', title: 'Sauvegardes' },
      { id: 'accounts', title: 'Comptes' },
    ],
    strata: { 'under-500': '< 500', '500-1999': '500–1 999', '2000-3499': '2 000–3 499', '3500-9999': '3 500–9 999', '10000-plus': '≥ 10 000' },
    statuses: { completed: 'terminé', 'in-progress': 'en cours' },
  };

  it('writes one line per commune, scores to one decimal with a comma, in exact bytes', () => {
    const rows = latestRows(
      [commune('1', 'Saint-Étienne-du-Bois; "Ain"', '01350'), commune('2', '=Piège', '01002')],
      [
        entry('a', '1', 'completed', '2026-03-01T10:00:00.000Z', summary({ backup: 200 / 3, accounts: null }, 62.25, []), 2_650),
        // Answered with questionnaire version 1: the line says so.
        entry('b', '2', 'in-progress', '2026-04-01T10:00:00.000Z', summary({ backup: 100, accounts: 0 }, 50, []), 120, 1),
      ],
    );
    const csv = toCsv(epciCsvRows(rows, labels));
    expect(csv).toBe(
      '\uFEFF' +
        "Commune;Code INSEE;Population;Strate;Date de l'audit;Statut;Questionnaire;Réponses;Score global;Sauvegardes;Comptes\r\n" +
        '"Saint-Étienne-du-Bois; ""Ain""";01350;2650;2 000–3 499;2026-03-01;terminé;2;6;62,3;66,7;\r\n' +
        "'=Piège;01002;120;< 500;2026-04-01;en cours;1;6;50;100;0\r\n",
    );
    expect(bytes(csv).slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
  });
});
