/**
 * Audits answered with questionnaire version 1 still open with version 1 (loaded only then), are marked so with
 * an invitation to re-audit, and a re-audit carries over the answers whose meaning did not change; audits of the
 * current version show why their level is what it is.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setAuditStatus, startAudit } from '../../../src/db/audits-repository';
import { loadQuestionnaire, loadQuestionnaireVersion } from '../../../src/content/load-questionnaire';
import { db } from '../../../src/db/database';
import { optionScore } from '../../../src/domain/questionnaire/schema';
import { renderApp } from '../../render';
import { seedCommune } from '../history/seed';

const slow = { timeout: 8000 };
const at = '2025-03-10T09:00:00.000Z';

describe('questionnaire versions on the results page', { timeout: 30_000 }, () => {
  it('opens a version 1 audit with version 1, marked as such, and re-audits it carrying the answers that kept their meaning', async () => {
    const [v1, current] = await Promise.all([loadQuestionnaireVersion(1), loadQuestionnaire()]);
    if (!v1) throw new Error('version 1 is archived');
    expect(current.version).toBe(2);
    const commune = await seedCommune();
    const audit = await startAudit(commune, v1, 'Conseillère', new Date(at));
    // continuity-critical-services exists only in version 1; "not-done" carries to continuity-priorities (replaces);
    // backup-automatic keeps its id and meaning.
    await db.audits.update(audit.id, {
      answers: {
        'continuity-critical-services': { kind: 'option', optionId: 'not-done', answeredAt: at },
        'backup-automatic': { kind: 'option', optionId: 'manual', answeredAt: at },
      },
    });
    await setAuditStatus(audit.id, 'completed', new Date(at));

    const { user, router } = await renderApp(`/audits/${audit.id}/results`);
    expect(await screen.findByText(/Cet audit a été répondu avec la version 1 du questionnaire/, {}, slow)).toBeInTheDocument();
    // Scored with version 1: its question is in the details, answered.
    expect(screen.getAllByText(/Avez-vous listé les services et les données dont la mairie ne peut pas se passer/).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('link', { name: 'Refaire l’audit avec la version 2'.replace('’', "'") }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/communes/${commune.id}`), slow);
    await user.click(await screen.findByRole('button', { name: 'Nouvel audit à partir du précédent' }, slow));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/\/themes\//), slow);
    const reaudit = (await db.audits.where('communeId').equals(commune.id).sortBy('startedAt'))[1];
    expect(reaudit?.questionnaireVersion).toBe(2);
    expect(reaudit?.answers['backup-automatic']).toMatchObject({ kind: 'option', optionId: 'manual' });
    expect(reaudit?.answers['continuity-priorities']).toMatchObject({ kind: 'option', optionId: 'not-done' });
    expect(reaudit?.answers['continuity-critical-services']).toBeUndefined();
    expect(reaudit?.unconfirmed).toEqual(expect.arrayContaining(['backup-automatic', 'continuity-priorities']));
  });

  it('scores a version 1 audit with today\'s stricter level rules, and says so: two open critical questions give « Exposé »', async () => {
    const v1 = await loadQuestionnaireVersion(1);
    if (!v1) throw new Error('version 1 is archived');
    const commune = await seedCommune();
    const audit = await startAudit(commune, v1, 'Conseillère', new Date(at));
    // Every version 1 question always asked answered with its best option, but no double authentication and an
    // unsupported system in use: a high score, and two open critical questions.
    const answers: Record<string, { kind: 'option'; optionId: string; answeredAt: string }> = {};
    for (const question of v1.themes.flatMap((t) => t.questions)) {
      const best = [...question.options].sort((x, y) => (optionScore(y) ?? -1) - (optionScore(x) ?? -1))[0];
      if (!question.showIf && best) answers[question.id] = { kind: 'option', optionId: best.id, answeredAt: at };
    }
    answers['accounts-mfa'] = { kind: 'option', optionId: 'none', answeredAt: at };
    answers['updates-unsupported'] = { kind: 'option', optionId: 'in-use', answeredAt: at };
    await db.audits.update(audit.id, { answers });

    await renderApp(`/audits/${audit.id}/results`);
    const banner = await screen.findByText(/Cet audit a été répondu avec la version 1 du questionnaire/, {}, slow);
    expect(banner).toHaveTextContent(/ses questions sont celles de cette version, mais son niveau suit les règles d'aujourd'hui, plus strictes/);
    expect(banner).not.toHaveTextContent(/ses résultats restent ceux de cette version/);
    const level = screen.getByText((_, element) => element?.classList.contains('maturity') ?? false);
    expect(level).toHaveTextContent('Exposé');
    const explanation = screen.getByRole('region', { name: 'Pourquoi ce niveau' });
    expect(within(explanation).getByText(/mais le niveau est « Exposé »/)).toBeInTheDocument();
  });

  it('says which vital controls hold the level of a current audit down, and what lifts it', async () => {
    const current = await loadQuestionnaire();
    const commune = await seedCommune();
    const audit = await startAudit(commune, current, 'Secrétaire', new Date(at));
    // Every question always asked answered with its best option, but no backup at all: the backup follow-ups are
    // implied gaps, two critical questions are open → « Exposé » whatever the score.
    const answers: Record<string, { kind: 'option'; optionId: string; answeredAt: string }> = {};
    for (const question of current.themes.flatMap((t) => t.questions)) {
      const best = [...question.options].sort((x, y) => (optionScore(y) ?? -1) - (optionScore(x) ?? -1))[0];
      if (!question.showIf && best) answers[question.id] = { kind: 'option', optionId: best.id, answeredAt: at };
    }
    answers['backup-automatic'] = { kind: 'option', optionId: 'none', answeredAt: at };
    await db.audits.update(audit.id, { answers });
    await renderApp(`/audits/${audit.id}/results`);
    const explanation = await screen.findByRole('region', { name: 'Pourquoi ce niveau' }, slow);
    expect(within(explanation).getByText(/mais le niveau est « Exposé »/)).toBeInTheDocument();
    expect(within(explanation).getByRole('heading', { name: 'Ce qui retient le niveau' })).toBeInTheDocument();
    expect(within(explanation).getAllByText(/manque, puisque vous avez répondu « Non, aucune sauvegarde »/).length).toBeGreaterThan(0);
    expect(within(explanation).getByRole('heading', { name: 'Pour passer à « Fragile »' })).toBeInTheDocument();
    // The backup follow-ups are not asked: their links go to the answer that implies them, here as in the list of
    // critical gaps, never to a question the theme page does not show.
    const criticalList = screen.getByRole('heading', { level: 2, name: 'Failles critiques' }).nextElementSibling?.nextElementSibling;
    if (!(criticalList instanceof HTMLElement)) throw new Error('no list of critical gaps');
    for (const list of [explanation, criticalList]) {
      const targets = within(list)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')?.split('#question-')[1]);
      expect(targets).toContain('backup-automatic');
      for (const target of targets) expect(Object.keys(answers)).toContain(target);
    }
    expect(screen.queryByText(/Cet audit a été répondu avec la version/)).not.toBeInTheDocument();
  });
});
