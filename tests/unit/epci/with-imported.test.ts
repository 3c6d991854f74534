import { describe, expect, it } from 'vitest';
import { withImported } from '../../../src/domain/epci/with-imported';
import { commune, entry, summary } from './epci-fixtures';

const ambérieu = commune('c-a', 'Ambérieu', '01001');
const bâgé = commune('c-b', 'Bâgé', '01002');
const cormoz = commune('c-c', 'Cormoz', '01123');
const before = entry('audit-a', 'c-a', 'completed', '2026-01-10T10:00:00.000Z', summary({ backup: 50, accounts: 50 }, 50, []));
const updated = entry('audit-a', 'c-a', 'completed', '2026-05-10T10:00:00.000Z', summary({ backup: 100, accounts: 50 }, 75, []));
const other = entry('audit-b', 'c-b', 'in-progress', '2026-02-01T10:00:00.000Z', summary({ backup: 0, accounts: null }, 0, ['backup-automate']));
const fresh = entry('audit-c', 'c-c', 'completed', '2026-06-01T10:00:00.000Z', summary({ backup: 80, accounts: 80 }, 80, []));

describe('withImported', () => {
  it('adds the new communes and summaries, an updated audit replacing the one read before', () => {
    const result = withImported({ communes: [ambérieu, bâgé], entries: [before, other] }, { communes: [cormoz], entries: [updated, fresh] });
    expect(result.communes).toEqual([ambérieu, bâgé, cormoz]);
    expect(result.entries).toEqual([updated, other, fresh]);
  });

  it('changes nothing when the records were already read (an import that ended while they were read)', () => {
    const read = { communes: [ambérieu, cormoz], entries: [updated, fresh] };
    expect(withImported(read, { communes: [cormoz], entries: [fresh] })).toEqual(read);
  });

  it('takes a commune once when two files of the import bring it', () => {
    expect(withImported({ communes: [], entries: [] }, { communes: [cormoz, cormoz], entries: [] }).communes).toEqual([cormoz]);
  });
});
