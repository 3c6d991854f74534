/**
 * Issue 15: a copy of an audit with the same id and updatedAt but other answers, imported with "replace" or
 * brought back by a restore, must show in the EPCI view with the score of its own answers, not the summary made
 * from the answers it replaced.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database';
import { buildExportDocument } from '../../../src/domain/exchange/build-export';
import { resetEpciView } from '../../../src/features/epci/epci-store';
import { importFiles, openExportFile, restoreBackup } from '../../../src/services/exchange/import-files';
import { renderApp } from '../../render';
import { auditRecords, exportFile, seedAudit } from './seed-audits';

const slow = { timeout: 15_000 };

afterEach(() => {
  resetEpciView();
});

/** The overall score the national view shows for a commune, the view then closed. */
async function overallScoreShown(commune: string): Promise<string | null | undefined> {
  const view = await renderApp('/epci/toutes');
  const table = await screen.findByRole('table', { name: 'Score de chaque commune par thème, sur 100' }, slow);
  const row = within(table).getByRole('row', { name: new RegExp(commune) });
  // Population, date, questionnaire version, then the overall score.
  const score = within(row).getAllByRole('cell')[3]?.textContent;
  view.unmount();
  resetEpciView();
  return score;
}

const bollène = { insee: '84019', name: 'Bollène', population: 13_500 } as const;

describe('the EPCI view after an audit was replaced by a copy of the same date', { timeout: 60_000 }, () => {
  it('shows the score of the answers imported with "replace", not of those they replaced', async () => {
    await seedAudit({ ...bollène, pick: 'best' });
    expect(await overallScoreShown('Bollène')).toBe('100');

    // Same audit id, same updatedAt, every answer the worst.
    const copy = await auditRecords({ ...bollène, pick: 'worst' });
    const imported = await importFiles([exportFile('bollene-copie.cyberdiag.json', copy)], {
      onConflict: async (conflicts) => new Map(conflicts.map((c) => [c.auditId, 'replace' as const])),
    });
    expect(imported.written?.ok).toBe(true);
    expect((await db.audits.get(copy.audit.id))?.updatedAt).toBe(copy.audit.updatedAt);
    expect(await overallScoreShown('Bollène')).toBe('0');
  });

  it('shows the score of the answers a restore brought back', async () => {
    await seedAudit({ ...bollène, pick: 'best' });
    expect(await overallScoreShown('Bollène')).toBe('100');

    const { commune, audit } = await auditRecords({ ...bollène, pick: 'worst' });
    const backup = buildExportDocument({ kind: 'backup', communes: [commune], audits: [audit], planItems: [] }, { exportedAt: '2026-11-20T10:00:00.000Z', appVersion: '0.1.0' });
    const opened = await openExportFile(new File([JSON.stringify(backup)], 'sauvegarde.cyberdiag.json'));
    if (!opened.ok) throw new Error(`the backup did not open: ${opened.error.code}`);
    expect(await restoreBackup(opened.value)).toEqual({ ok: true, value: undefined });
    expect(await overallScoreShown('Bollène')).toBe('0');
  });
});
