/**
 * The honest time estimate (src/domain/questionnaire/estimate-time.ts, unit-tested) is on screen where the user
 * decides: before starting, on the commune's page, sized to the commune; and at the top of each theme, with the
 * words about calling the prestataire.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { estimateTime } from '../../../src/domain/questionnaire/estimate-time';
import type { CommuneProfile } from '../../../src/domain/audit/types';
import { renderApp } from '../../render';

const slow = { timeout: 8000 };

const SMALL: CommuneProfile = { population: 300, agents: 1, computers: 2, itProvider: true, hasServer: false };
const LARGE: CommuneProfile = { population: 9000, agents: 60, computers: 70, itProvider: true, hasServer: true };

const seedCommune = (name: string, profile: CommuneProfile) => createCommune({ name, insee: '', postcode: '', epciSiren: '', epciName: '', profile });

/** The sentence as the page should say it, from the calculation (minutes and questions: a range, or one figure). */
function totalSentence(min: number, max: number, minQuestions: number, maxQuestions: number) {
  return min === max
    ? `Comptez environ ${max} minutes pour ${maxQuestions} questions`
    : `Comptez ${min} à ${max} minutes pour ${minQuestions} à ${maxQuestions} questions, selon vos réponses`;
}

describe('the time estimate on screen', { timeout: 30_000 }, () => {
  it('says before starting how long the audit takes for this commune, and that some answers need a call to the prestataire', async () => {
    const questionnaire = await loadQuestionnaire();
    const small = await seedCommune('Villiers-le-Sec', SMALL);
    const large = await seedCommune('Port-Vieux', LARGE);
    const smallEstimate = estimateTime(questionnaire, SMALL, 'fr');
    const largeEstimate = estimateTime(questionnaire, LARGE, 'fr');
    // Sized to the commune: the small mairie is asked fewer questions, and is told so.
    expect(smallEstimate.maxQuestions).toBeLessThan(largeEstimate.maxQuestions);

    const { router } = await renderApp(`/communes/${small.id}`);
    const start = (await screen.findByRole('heading', { name: 'Commencer un nouvel audit' }, slow)).closest('div');
    if (!start) throw new Error('the start callout');
    const { minMinutes, maxMinutes, minQuestions, maxQuestions, askProvider } = smallEstimate;
    expect(within(start).getByText(new RegExp(`^${totalSentence(minMinutes, maxMinutes, minQuestions, maxQuestions)}`))).toBeInTheDocument();
    expect(askProvider).toBeGreaterThan(1);
    expect(
      within(start).getByText(new RegExp(`${askProvider} questions portent sur ce que gère votre prestataire ou l'éditeur de vos logiciels : y répondre peut demander un appel`)),
    ).toBeInTheDocument();

    await router.navigate(`/communes/${large.id}`);
    expect(
      await screen.findByText(
        new RegExp(`^${totalSentence(largeEstimate.minMinutes, largeEstimate.maxMinutes, largeEstimate.minQuestions, largeEstimate.maxQuestions)}`),
        {},
        slow,
      ),
    ).toBeInTheDocument();
  });

  it('says at the top of a theme how long it takes and how many of its questions may need a call', async () => {
    const questionnaire = await loadQuestionnaire();
    const commune = await seedCommune('Villiers-le-Sec', SMALL);
    const audit = await startAudit(commune, questionnaire, 'Secrétaire');
    const { minMinutes, maxMinutes, minQuestions, maxQuestions, askProvider } = estimateTime(questionnaire, SMALL, 'fr', 'updates');
    expect(askProvider).toBeGreaterThan(1);

    await renderApp(`/audits/${audit.id}/themes/updates`);
    await screen.findByRole('heading', { level: 1, name: /Mises à jour/ }, slow);
    const sentence =
      minMinutes === maxMinutes
        ? `Ce thème : environ ${maxMinutes} minutes (${maxQuestions} questions).`
        : `Ce thème : ${minMinutes} à ${maxMinutes} minutes (${minQuestions} à ${maxQuestions} questions selon vos réponses).`;
    const estimate = screen.getByText((_, element) => element?.classList.contains('time-estimate') === true);
    expect(estimate).toHaveTextContent(`${sentence} ${askProvider} questions peuvent demander un appel à votre prestataire ou à l'éditeur de vos logiciels.`);
  });
});
