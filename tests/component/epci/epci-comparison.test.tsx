import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../render';
import { seedAudit } from './seed-audits';

const slow = { timeout: 15_000 };
const epci = { epciSiren: '200000628', epciName: 'CC Rhône Lez Provence' };

describe('results page: comparison with the EPCI', { timeout: 60_000 }, () => {
  it('sets each theme against the average of the other members whose audits are on the device', async () => {
    await seedAudit({ insee: '84019', name: 'Bollène', population: 13_500, pick: 'best', ...epci });
    await seedAudit({ insee: '84064', name: 'Lapalud', population: 3_900, pick: 'worst', ...epci });
    await seedAudit({ insee: '84083', name: 'Mornas', population: 2_300, pick: 'dont-know', ...epci });
    await renderApp('/audits/audit-84019/results');
    const heading = await screen.findByRole('heading', { name: 'Votre commune et les autres communes de CC Rhône Lez Provence' }, slow);
    const section = heading.closest('section') as HTMLElement;
    expect(within(section).getByText(/moyenne des derniers audits de 2 autres communes/)).toBeInTheDocument();
    const overall = within(section).getByRole('row', { name: /^Score global/ });
    // Bollène: 100 everywhere; Lapalud and Mornas: 0 everywhere.
    expect(within(overall).getAllByRole('cell').map((c) => c.textContent)).toEqual(['100', '0', '+100']);
  });

  it('shows nothing while no other member has an audit on the device', async () => {
    await seedAudit({ insee: '84019', name: 'Bollène', population: 13_500, pick: 'best', ...epci });
    await seedAudit({ insee: '01001', name: "L'Abergement-Clémenciat", population: 860, pick: 'worst', epciSiren: '200069193', epciName: 'CC de la Dombes' });
    await renderApp('/audits/audit-84019/results');
    expect(await screen.findByRole('heading', { level: 1, name: /Bollène/ }, slow)).toBeInTheDocument();
    await screen.findByRole('table', { name: /Score de chaque thème/ }, slow);
    expect(screen.queryByRole('heading', { name: /autres communes de/ })).toBeNull();
  });
});
