// @vitest-environment node
/**
 * The EPCI spreadsheet read back by LibreOffice Calc (Debian's libreoffice-calc-nogui, headless), as an EPCI
 * would open it: INSEE codes and SIREN come back as written (06001, 2A004), scores, populations and counts as
 * numbers, dates as dates, in the table's order and filters; the header row is frozen.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { epciSheet, type EpciSheetLabels } from '../../../src/domain/epci/epci-sheet';
import { latestRows } from '../../../src/domain/epci/epci-row';
import { DEFAULT_ROW_QUERY, selectRows } from '../../../src/domain/epci/select-rows';
import { writeEpciXlsx } from '../../../src/features/epci/write-epci-xlsx';
import { commune, entry, summary } from './epci-fixtures';

const labels: EpciSheetLabels = {
  commune: 'Commune',
  insee: 'Code INSEE',
  epciSiren: "SIREN de l'EPCI",
  population: 'Population',
  stratum: 'Strate',
  date: "Date de l'audit",
  status: 'Statut',
  version: 'Version du questionnaire',
  answered: 'Réponses',
  overall: 'Score global',
  themes: [
    { id: 'backup', title: 'Sauvegardes' },
    { id: 'accounts', title: 'Comptes' },
  ],
  strata: { 'under-500': 'moins de 500', '500-1999': '500 à 1 999', '2000-3499': '2 000 à 3 499', '3500-9999': '3 500 à 9 999', '10000-plus': '10 000 et plus' },
  statuses: { completed: 'terminé', 'in-progress': 'en cours' },
};

const work = mkdtempSync(path.join(tmpdir(), 'cyberdiag-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Converts the file to CSV with LibreOffice: ',' separated, UTF-8, text cells quoted, values as shown. */
function libreOfficeCsv(xlsxPath: string): string[][] {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,true',
      '--outdir',
      work,
      xlsxPath,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const csv = readFileSync(xlsxPath.replace(/\.xlsx$/, '.csv'), 'utf8');
  // Keeps the quotes: a quoted cell is text, a bare one a number or a date.
  return csv
    .trim()
    .split(/\r?\n/)
    .map((line) => line.match(/"(?:[^"]|"")*"|[^,]+|(?<=,)(?=,|$)|^(?=,)/g) ?? []);
}

describe('the EPCI spreadsheet (.xlsx)', { timeout: 200_000 }, () => {
  it('comes back from LibreOffice Calc with its codes as written and its figures as numbers and dates', async () => {
    const communes = [
      commune('c1', 'Aiglun', '06001', '200039915'),
      commune('c2', 'Ajaccio', '2A004', '242010056'),
      commune('c3', '=Saint-Formule', '01001', '200069193'),
      commune('c4', 'Petite-Commune', '38001', '200040715'),
    ];
    const entries = [
      entry('a1', 'c1', 'completed', '2026-11-20T15:30:00.000Z', summary({ backup: 50, accounts: 72.46 }, 61.25, []), 1_412),
      entry('a2', 'c2', 'in-progress', '2026-10-02T08:00:00.000Z', summary({ backup: 100, accounts: null }, 100, []), 71_361),
      entry('a3', 'c3', 'completed', '2026-09-15T10:00:00.000Z', summary({ backup: 0, accounts: 33.333 }, 16.7, []), 780),
      entry('a4', 'c4', 'completed', '2026-08-01T10:00:00.000Z', summary({ backup: 90, accounts: 90 }, 90, []), 120),
    ];
    // The table as shown: best overall score first, the communes under 500 inhabitants filtered out.
    const rows = selectRows(latestRows(communes, entries), {
      ...DEFAULT_ROW_QUERY,
      sort: { kind: 'score', column: 'overall' },
      direction: 'descending',
      strata: ['500-1999', '10000-plus'],
    });
    const blob = await writeEpciXlsx(epciSheet(rows, labels), { sheetName: 'Communes', dateFormat: 'yyyy-mm-dd' });
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const file = path.join(work, 'epci.xlsx');
    writeFileSync(file, bytes);

    // The header row is frozen (a pane split below row 1).
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheetXml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"|<pane[^>]*state="frozen"[^>]*ySplit="1"/);

    expect(libreOfficeCsv(file)).toEqual([
      [
        '"Commune"',
        '"Code INSEE"',
        '"SIREN de l\'EPCI"',
        '"Population"',
        '"Strate"',
        '"Date de l\'audit"',
        '"Statut"',
        '"Version du questionnaire"',
        '"Réponses"',
        '"Score global"',
        '"Sauvegardes"',
        '"Comptes"',
      ],
      ['"Ajaccio"', '"2A004"', '"242010056"', '71361', '"10 000 et plus"', '2026-10-02', '"en cours"', '2', '6', '100.0', '100.0', ''],
      ['"Aiglun"', '"06001"', '"200039915"', '1412', '"500 à 1 999"', '2026-11-20', '"terminé"', '2', '6', '61.3', '50.0', '72.5'],
      // A name that looks like a formula stays text in a typed cell: nothing is run.
      ['"=Saint-Formule"', '"01001"', '"200069193"', '780', '"500 à 1 999"', '2026-09-15', '"terminé"', '2', '6', '16.7', '0.0', '33.3'],
    ]);
  });
});
