/**
 * Keyboard-only gate: a secrétaire de mairie who cannot use a mouse creates her commune, answers a whole audit
 * and downloads the PDF report with Tab, Shift+Tab, Space, the arrow keys, Enter and typing only (no click).
 * Every element that takes the focus on the way must show it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSessionsPerTest } from './browser';
import { questionnaireFacts, settle } from './app-pages';

const baseUrl = inject('baseUrl');
const sessions = appSessionsPerTest();

/** What has the focus, as a user would name it. */
interface Focused {
  tag: string;
  type: string;
  name: string;
  /** Visible text or label of the element. */
  text: string;
  /** For a radio: the question it answers is already answered. */
  groupAnswered: boolean;
  inQuestion: boolean;
  /** The browser shows a focus indicator (outline or box-shadow) on it. */
  indicated: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return { tag: 'body', type: '', name: '', text: '', groupAnswered: false, inQuestion: false, indicated: true };
    }
    const input = el instanceof HTMLInputElement ? el : null;
    const label = input?.labels?.[0]?.textContent ?? '';
    const style = getComputedStyle(el);
    const question = el.closest('fieldset.question');
    return {
      tag: el.tagName.toLowerCase(),
      type: input?.type ?? '',
      name: input?.name ?? '',
      text: (label || el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80),
      groupAnswered: !!input && input.type === 'radio' && !!question?.querySelector('input:checked'),
      inQuestion: !!question,
      // Elements focused by the app itself (a page title, main) take tabIndex -1 and need no indicator.
      indicated:
        el.tabIndex < 0 ||
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        (style.boxShadow !== 'none' && style.boxShadow !== ''),
    };
  });
}

const unindicated: string[] = [];

/** Presses Tab (or Shift+Tab) until the focused element matches; fails naming what it went through. */
async function tabTo(page: Page, what: string, match: (f: Focused) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < 150; i += 1) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (!f.indicated) unindicated.push(`${f.tag} "${f.text}"`);
    if (match(f)) return f;
    seen.push(`${f.tag}${f.type ? `[${f.type}]` : ''} "${f.text}"`);
  }
  throw new Error(`Could not reach ${what} with ${key}. Went through:\n${seen.join('\n')}`);
}

const named = (text: string) => (f: Focused) => f.text === text;

/**
 * Answers every question of the current theme page from the keyboard, follow-ups included: Tab into each
 * unanswered question, then Space for its first option, ArrowDown for the next one or ArrowUp for the last
 * ("je ne sais pas"), in turn. Ends on the link to the next theme (or to the results) and follows it with Enter.
 */
async function answerThemeByKeyboard(page: Page, counter: { answered: number; base: number }): Promise<'next' | 'results'> {
  for (let i = 0; i < 400; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f.indicated) unindicated.push(`${f.tag} "${f.text}"`);
    if (f.type === 'radio' && f.inQuestion && !f.groupAnswered) {
      const choice = counter.answered % 3;
      await page.keyboard.press(choice === 0 ? 'Space' : choice === 1 ? 'ArrowDown' : 'ArrowUp');
      counter.answered += 1;
      await page.waitForFunction((n) => Number(document.querySelector('.save-status')?.getAttribute('data-saved-count')) >= n, counter.answered - counter.base);
      continue;
    }
    const toNext = f.tag === 'a' && f.text.startsWith('Thème suivant');
    const toResults = f.tag === 'a' && f.text === 'Voir mes résultats';
    if ((toNext || toResults) && (await page.locator('fieldset.question:not(:has(input:checked))').count()) === 0) {
      const from = page.url();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.href !== from);
      return toNext ? 'next' : 'results';
    }
  }
  throw new Error(`Could not finish the theme page ${page.url()} with the keyboard.`);
}

describe('keyboard only', () => {
  it('creates a commune, completes an audit and downloads its PDF without a mouse', async () => {
    const session = await sessions.open(baseUrl);
    const { page } = session;
    await settle(page);

    // The first Tab reaches the skip link, which takes the focus to the content.
    await tabTo(page, 'the skip link', named('Aller au contenu'));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await tabTo(page, 'the link to add a commune', named('Ajouter une commune'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/communes\/new$/);
    await settle(page);

    // The profile form, field by field; Shift+Tab goes back to a field passed by mistake.
    await tabTo(page, 'the name field', named('Nom de la commune'));
    await page.keyboard.type('Clavier-les-Bains');
    await tabTo(page, "the population field", named("Nombre d'habitants"));
    await tabTo(page, 'the name field, backwards', named('Nom de la commune'), 'Shift+Tab');
    // Tab selects the field's text: an arrow key puts the caret at its end before typing more.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' (Haute-Saône)');
    await tabTo(page, "the population field", named("Nombre d'habitants"));
    await page.keyboard.type('860');
    await tabTo(page, "the agents field", named("Nombre d'agents"));
    await page.keyboard.type('3');
    await tabTo(page, "the computers field", named("Nombre d'ordinateurs"));
    await page.keyboard.type('4');
    // Radio groups: Tab enters on the first choice; an arrow key moves and chooses.
    await tabTo(page, 'the provider question', (f) => f.type === 'radio' && f.name === 'itProvider');
    await page.keyboard.press('Space');
    await tabTo(page, 'the server question', (f) => f.type === 'radio' && f.name === 'hasServer');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name="hasServer"][value="no"]').isChecked()).toBe(true);
    await tabTo(page, 'the save button', named('Enregistrer la commune'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Clavier-les-Bains (Haute-Saône)' }).waitFor();

    await tabTo(page, 'the auditor field', named("Qui réalise l'audit ?"));
    await page.keyboard.type('Secrétaire de mairie');
    await tabTo(page, 'the start button', named("Commencer l'audit"));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/themes\//);
    await settle(page);

    // The help of the first question opens with Enter on its summary.
    await tabTo(page, 'the first help disclosure', (f) => f.tag === 'summary');
    await page.keyboard.press('Enter');
    expect(await page.locator('details.help[open]').count()).toBe(1);

    const counter = { answered: 0, base: 0 };
    let themes = 0;
    const themeCount = questionnaireFacts().themeIds.length;
    for (let where: 'next' | 'results' = 'next'; where === 'next'; ) {
      // One theme page after another, never more than the questionnaire has.
      if (themes > themeCount) throw new Error(`Still a next theme after ${themes} themes, on ${page.url()}.`);
      await page.locator('fieldset.question').first().waitFor();
      counter.base = counter.answered;
      where = await answerThemeByKeyboard(page, counter);
      themes += 1;
      if (where === 'next') await settle(page);
    }
    await page.waitForURL(/\/results$/);
    await settle(page);
    expect(themes).toBe(questionnaireFacts().themeIds.length);
    expect(counter.answered).toBeGreaterThan(50);
    await page.getByText('Toutes les questions ont une réponse.').waitFor();

    // The PDF report, from the results page.
    await tabTo(page, 'the PDF button', named('Télécharger le rapport PDF'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(readFileSync(await download.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(unindicated).toEqual([]);
  });
});
