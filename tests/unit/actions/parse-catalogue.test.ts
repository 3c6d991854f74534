import { describe, expect, it } from 'vitest';
import { loadActionCatalogue } from '../../../src/content/load-actions';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { ActionCatalogueError, parseActionCatalogue } from '../../../src/domain/actions/parse-catalogue';

const action = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: { fr: 'Faire', en: 'Do' },
  why: { fr: 'Parce que', en: 'Because' },
  steps: [{ fr: 'Étape', en: 'Step' }],
  who: ['secretary'],
  cost: 'free',
  timeframe: 'immediate',
  effort: 1,
  ...extra,
});

describe('parseActionCatalogue', () => {
  it('keys every action by id, with its theme, and fills the defaults', () => {
    const catalogue = parseActionCatalogue({ backup: { themeId: 'backup', actions: [action('backup-one')] } });
    expect(catalogue.get('backup-one')).toMatchObject({ themeId: 'backup', resources: [], funding: [] });
  });

  it.each([
    {
      name: 'a schema problem, naming the action',
      files: { backup: { themeId: 'backup', actions: [action('backup-one', { cost: 'cheap' })] } },
      message: /actions\/backup\.json \[action backup-one\]: actions\.0\.cost/,
    },
    {
      name: 'a theme id that differs from the file name',
      files: { backup: { themeId: 'email', actions: [action('email-one')] } },
      message: /actions\/backup\.json: theme id "email" differs from its file name/,
    },
    {
      name: 'an action id used twice',
      files: {
        backup: { themeId: 'backup', actions: [action('backup-one')] },
        email: { themeId: 'email', actions: [action('backup-one')] },
      },
      message: /\[action backup-one\]: action id is used twice/,
    },
    {
      name: 'an action id without its theme prefix',
      files: { backup: { themeId: 'backup', actions: [action('automate')] } },
      message: /\[action automate\]: action id must start with the theme id "backup-"/,
    },
    {
      name: 'an unknown field',
      files: { backup: { themeId: 'backup', actions: [action('backup-one', { price: 3 })] } },
      message: /\[action backup-one\]/,
    },
  ])('refuses $name', ({ files, message }) => {
    expect(() => parseActionCatalogue(files)).toThrow(ActionCatalogueError);
    expect(() => parseActionCatalogue(files)).toThrow(message);
  });
});

describe('the shipped catalogue', () => {
  it('loads, and every action a question names exists in it', async () => {
    const [catalogue, questionnaire] = await Promise.all([loadActionCatalogue(), loadQuestionnaire()]);
    expect(catalogue.size).toBeGreaterThan(0);
    const missing = questionnaire.themes
      .flatMap((theme) => theme.questions)
      .flatMap((question) => question.actions.filter((id) => !catalogue.has(id)).map((id) => `${question.id} → ${id}`));
    expect(missing).toEqual([]);
  });
});
