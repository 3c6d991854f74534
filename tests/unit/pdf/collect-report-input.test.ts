import { describe, expect, it } from 'vitest';
import { collectReportInput } from '../../../src/services/report/collect-report-input';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { saveAnswer, startAudit } from '../../../src/db/audits-repository';
import { ensureBundledDataset } from '../../../src/db/benchmarks-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { savePlanItem } from '../../../src/db/plan-repository';
import { createI18n } from '../../../src/i18n/i18n';
import { buildReportModel } from '../../../src/pdf/report-model';
import { answerEverything } from './report-fixture';

async function seed() {
  const commune = await createCommune({
    name: 'Saint-Test',
    insee: '01999',
    postcode: '01000',
    epciSiren: '',
    epciName: 'CC du Test',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: true },
  });
  const questionnaire = await loadQuestionnaire();
  const audit = await startAudit(commune, questionnaire, 'Mme Secrétaire', new Date('2026-11-02T09:00:00Z'));
  for (const [questionId, answer] of Object.entries(answerEverything(questionnaire))) await saveAnswer(audit.id, questionId, answer);
  return audit;
}

describe('collectReportInput', () => {
  it('gathers the audit, its plan follow-up and the barometer comparisons stored on the device', async () => {
    await ensureBundledDataset();
    const audit = await seed();
    await savePlanItem(audit, 'verify-backup-copies', { owner: 'Mme Lefèvre', status: 'done' });
    const input = await collectReportInput(audit.id, await createI18n('fr'), new Date('2026-11-25T10:00:00'));

    expect(input.commune).toEqual({ name: 'Saint-Test', insee: '01999', population: 800, epciName: 'CC du Test' });
    expect(input.audit.auditor).toBe('Mme Secrétaire');
    expect(input.benchmark).not.toBeNull();
    expect(input.plan.length).toBeGreaterThan(5);
    expect(input.result.answered).toBe(input.result.asked);
    expect(input.planItems.get('verify-backup-copies')).toEqual({ owner: 'Mme Lefèvre', dueDate: '', status: 'done', note: '' });
    // Each comparison sentence quotes the figure with its source in brackets, then the commune's own answer, as on
    // the results page; an earlier wave comes as « À savoir », never as a second comparison.
    expect(input.comparisons.length).toBeGreaterThan(0);
    for (const comparison of input.comparisons) expect(comparison.sentence).toMatch(/^\S.* \(.+\)\. .+\.$/);
    expect(input.comparisons.flatMap((c) => c.earlier ?? []).every((e) => e.startsWith('À savoir'))).toBe(true);
    // The topics no national survey measured are said, theme by theme.
    expect(input.unsurveyed.map((u) => u.themeId)).toEqual(expect.arrayContaining(['backup', 'accounts', 'updates']));
    expect(input.t('plan.title')).toBe('Plan d’action');

    const model = buildReportModel(input);
    expect(model.cover.facts).toContainEqual({ label: 'Repères nationaux', value: `${input.benchmark?.id}, version ${input.benchmark?.version}` });
  });

  it('says the report in English when the app is in English', async () => {
    await ensureBundledDataset();
    const audit = await seed();
    const input = await collectReportInput(audit.id, await createI18n('en'));
    expect(input.language).toBe('en');
    expect(input.t('plan.title')).toBe('Action plan');
    expect(input.comparisons.every((c) => !/collectivités qui/.test(c.sentence))).toBe(true);
  });
});
