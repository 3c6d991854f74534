import { describe, expect, it } from 'vitest';
import { buildExportDocument, exportFileName } from '../../../src/domain/exchange/build-export';
import { openExportText } from '../../../src/domain/exchange/read-export-file';
import { KNOWN_ANSWER_IDS as answerIds } from '../../../src/content/questionnaire-ids';
import { audit, commune, planItem } from './seed';

describe('exportFileName', () => {
  it.each([
    ['Saint-Étienne-du-Bois', 'saint-etienne-du-bois-2026-11-25.cyberdiag.json'],
    ["L'Haÿ-les-Roses", 'l-hay-les-roses-2026-11-25.cyberdiag.json'],
    ['Saint-Cœur-d’Arconnière', 'saint-coeur-d-arconniere-2026-11-25.cyberdiag.json'],
    ['cyberdiag sauvegarde', 'cyberdiag-sauvegarde-2026-11-25.cyberdiag.json'],
    ['<script>/../', 'script-2026-11-25.cyberdiag.json'],
    ['!!!', 'cyberdiag-2026-11-25.cyberdiag.json'],
    ['Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson et encore bien plus long', 'saint-remy-en-bouzemont-saint-genest-et-isson-et-encore-bien-2026-11-25.cyberdiag.json'],
  ])('%s → %s', (label, expected) => {
    expect(exportFileName(label, '2026-11-25T22:59:00.000Z')).toBe(expected);
  });
});

describe('buildExportDocument', () => {
  it('writes only the known fields of each record, and the result passes the import door', () => {
    const withExtra = { ...audit('a', 'c'), secretDeviceField: 'ne sort pas' };
    const document = buildExportDocument(
      { kind: 'audits', communes: [commune('c', 'Aubeterre')], audits: [withExtra], planItems: [planItem('a', 'c', 'backup-automate')] },
      { exportedAt: '2026-11-25T10:00:00.000Z', appVersion: '0.1.0' },
    );
    const text = JSON.stringify(document);
    expect(text).not.toContain('secretDeviceField');
    expect(document).toMatchObject({ format: 'cyberdiag-export', version: 1, kind: 'audits', app: { version: '0.1.0' } });
    const reopened = openExportText(text, { now: new Date(), answerIds });
    expect(reopened.ok && !reopened.value.encrypted && reopened.value.parsed.payload).toEqual(document.payload);
  });
});
