import { describe, expect, it } from 'vitest';
import { latestRows } from '../../../src/domain/epci/epci-row';
import { DEFAULT_ROW_QUERY, selectRows, type RowQuery } from '../../../src/domain/epci/select-rows';
import { commune, entry, summary } from './epci-fixtures';

const communes = [
  commune('1', 'Écully', '69081'),
  commune('2', 'Abeilhan', '34001'),
  commune('3', 'Oyonnax', '01283'),
  commune('4', 'Bourg-en-Bresse', '01053'),
  commune('5', 'Éze', '06059'),
];
const rows = latestRows(communes, [
  entry('a1', '1', 'completed', '2026-01-15T09:00:00.000Z', summary({ backup: 72.4, accounts: 10 }, 49.5, []), 18_000),
  entry('a2', '2', 'completed', '2025-12-31T23:00:00.000Z', summary({ backup: 30, accounts: null }, 30, []), 499),
  entry('a3', '3', 'completed', '2026-03-02T09:00:00.000Z', summary({ backup: 90, accounts: 50 }, 70, []), 3_499),
  entry('a4', '4', 'completed', '2026-02-20T09:00:00.000Z', summary({ backup: 50.5, accounts: 80 }, 65, []), 500),
  entry('a5', '5', 'in-progress', '2026-02-01T09:00:00.000Z', summary({ backup: null, accounts: null }, null, []), 2_000),
]);

const names = (query: Partial<RowQuery>) => selectRows(rows, { ...DEFAULT_ROW_QUERY, ...query }).map((r) => r.name);

describe('latestRows', () => {
  it('compares dates as instants: an audit completed at 10:00+02:00 is older than one at 09:30Z', () => {
    const [row] = latestRows(
      [commune('1', 'Écully', '69081')],
      [
        entry('utc', '1', 'completed', '2026-03-04T09:30:00.000Z', summary({ backup: 10, accounts: 10 }, 10, [])),
        entry('offset', '1', 'completed', '2026-03-04T10:00:00.000+02:00', summary({ backup: 90, accounts: 90 }, 90, [])),
      ],
    );
    expect(row?.auditId).toBe('utc');
    expect(row?.date).toBe('2026-03-04T09:30:00.000Z');
  });
});

describe('selectRows', () => {
  it.each<{ name: string; query: Partial<RowQuery>; expected: string[] }>([
    // Accents do not move a name: Écully sorts with the E's.
    { name: 'by name', query: {}, expected: ['Abeilhan', 'Bourg-en-Bresse', 'Écully', 'Éze', 'Oyonnax'] },
    { name: 'by name, descending', query: { direction: 'descending' }, expected: ['Oyonnax', 'Éze', 'Écully', 'Bourg-en-Bresse', 'Abeilhan'] },
    { name: 'by population', query: { sort: { kind: 'population' } }, expected: ['Abeilhan', 'Bourg-en-Bresse', 'Éze', 'Oyonnax', 'Écully'] },
    { name: 'by date, latest first', query: { sort: { kind: 'date' }, direction: 'descending' }, expected: ['Oyonnax', 'Bourg-en-Bresse', 'Éze', 'Écully', 'Abeilhan'] },
    // Communes without the score go last both ways.
    { name: 'by theme score', query: { sort: { kind: 'score', column: 'accounts' } }, expected: ['Écully', 'Oyonnax', 'Bourg-en-Bresse', 'Abeilhan', 'Éze'] },
    { name: 'by theme score, descending', query: { sort: { kind: 'score', column: 'accounts' }, direction: 'descending' }, expected: ['Bourg-en-Bresse', 'Oyonnax', 'Écully', 'Abeilhan', 'Éze'] },
    { name: 'by overall score', query: { sort: { kind: 'score', column: 'overall' } }, expected: ['Abeilhan', 'Écully', 'Bourg-en-Bresse', 'Oyonnax', 'Éze'] },
    // 499 < 500 ≤ 500–1,999; 3,499 is the top of 2,000–3,499; 18,000 ≥ 10,000.
    { name: 'stratum under 500', query: { strata: ['under-500'] }, expected: ['Abeilhan'] },
    { name: 'strata 500–1,999 and 2,000–3,499', query: { strata: ['500-1999', '2000-3499'] }, expected: ['Bourg-en-Bresse', 'Éze', 'Oyonnax'] },
    { name: 'stratum 10,000 and over', query: { strata: ['10000-plus'] }, expected: ['Écully'] },
    // Scores compared as shown: 72.4 shows 72, 50.5 shows 51 (kept by "at least 51").
    { name: 'backup score 51 to 72', query: { scoreColumn: 'backup', scoreMin: 51, scoreMax: 72 }, expected: ['Bourg-en-Bresse', 'Écully'] },
    { name: 'overall score at most 50', query: { scoreMax: 50 }, expected: ['Abeilhan', 'Écully'] },
    // Audit dates by calendar day, both bounds included.
    { name: 'audited in 2026', query: { dateFrom: '2026-01-01', dateTo: '2026-12-31' }, expected: ['Bourg-en-Bresse', 'Écully', 'Éze', 'Oyonnax'] },
    { name: 'audited up to 15 January 2026', query: { dateTo: '2026-01-15' }, expected: ['Abeilhan', 'Écully'] },
  ])('$name', ({ query, expected }) => {
    expect(names(query)).toEqual(expected);
  });

  it('does not reorder the rows it is given', () => {
    const before = rows.map((r) => r.key);
    names({ sort: { kind: 'population' } });
    expect(rows.map((r) => r.key)).toEqual(before);
  });
});
