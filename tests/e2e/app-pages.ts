/**
 * Every page of the app, for the quality gates: the routes come from src/features/<name>/routes.tsx, so a page
 * added by a feature is visited (and checked) without anyone editing the gates. A route whose parameters the
 * seed cannot fill fails loudly, naming the route.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { answerAllThemes, createCommune, startAudit } from './journey';
import { whenAppReady } from './browser';

const root = path.resolve(import.meta.dirname, '../..');

/** Route patterns of every feature, as written in its routes.tsx ('' for an index route). */
export function featureRoutePatterns(): string[] {
  const featuresDir = path.join(root, 'src/features');
  const patterns: string[] = [];
  for (const feature of readdirSync(featuresDir).sort()) {
    let source: string;
    try {
      source = readFileSync(path.join(featuresDir, feature, 'routes.tsx'), 'utf8');
    } catch {
      continue;
    }
    if (/index:\s*true/.test(source)) patterns.push('');
    for (const match of source.matchAll(/path:\s*['"`]([^'"`]+)['"`]/g)) patterns.push(match[1] ?? '');
  }
  return patterns;
}

/** Theme ids in questionnaire order, and the ids of questions shown only after a given answer. */
export function questionnaireFacts(): { themeIds: string[]; followUpIds: Set<string> } {
  const dir = path.join(root, 'questionnaires');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { themes: string[] };
  const followUpIds = new Set<string>();
  for (const themeId of manifest.themes) {
    const theme = JSON.parse(readFileSync(path.join(dir, 'themes', `${themeId}.json`), 'utf8')) as {
      questions: Array<{ id: string; showIf?: unknown }>;
    };
    for (const question of theme.questions) if (question.showIf) followUpIds.add(question.id);
  }
  return { themeIds: manifest.themes, followUpIds };
}

/** Values for the route parameters; an array stands for "visit the route once per value". */
export type RouteParams = Record<string, string | string[]>;

/** A real intercommunalité of the official directory. */
export const SEED_EPCI = { siren: '200071751', name: 'CA du Bassin de Bourg-en-Bresse' };

export interface Seed {
  communeId: string;
  /** The finished audit. */
  auditId: string;
  /** A second audit of the same commune, started from the first: its answers are carried over, to confirm. */
  reauditId: string;
  params: RouteParams;
}

const idAfter = (url: string, segment: string): string => {
  const match = new RegExp(`/${segment}/([^/?#]+)`).exec(new URL(url).pathname);
  if (!match?.[1]) throw new Error(`no ${segment} id in ${url}`);
  return decodeURIComponent(match[1]);
};

/**
 * A commune with a finished audit, answered the way a real one is (mostly the best option, some "je ne sais
 * pas", some middle answers), so that results, gaps, follow-up questions and a plan all have something to show.
 */
export async function seedFinishedAudit(page: Page, baseUrl: string): Promise<Seed> {
  await visit(page, baseUrl, '/');
  await createCommune(page);
  const communeId = idAfter(page.url(), 'communes');
  // Its intercommunalité, so that the EPCI view has members to show.
  await visit(page, baseUrl, `/communes/${communeId}/edit`);
  await page.getByLabel("Nom de l'intercommunalité").fill(SEED_EPCI.name);
  await page.getByLabel("SIREN de l'intercommunalité").fill(SEED_EPCI.siren);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.waitForURL(`${baseUrl}/communes/${communeId}`);
  await startAudit(page);
  const auditId = idAfter(page.url(), 'audits');
  await answerAllThemes(page, (i, count) => (i % 5 === 4 ? count - 1 : i % 5 === 2 ? Math.min(1, count - 2) : 0));

  // A year later: a re-audit from the first one, with one answer changed, so that history has two audits to compare.
  await page.goto(`${baseUrl}/communes/${communeId}`);
  await page.getByRole('button', { name: 'Nouvel audit à partir du précédent' }).click();
  await page.waitForURL(/\/audits\/[^/]+\/(themes|results)/);
  const reauditId = idAfter(page.url(), 'audits');
  const { themeIds } = questionnaireFacts();
  await visit(page, baseUrl, `/audits/${reauditId}/themes/${themeIds[0] ?? ''}`);
  await page.locator('fieldset.question').first().getByRole('radio').last().check();
  await page.getByRole('status').filter({ hasText: 'Réponse enregistrée.' }).waitFor();

  return {
    communeId,
    auditId,
    reauditId,
    // epci/:scope is an EPCI's SIREN, or 'toutes' for every commune of the device.
    params: { communeId, auditId, themeId: themeIds, scope: ['toutes', SEED_EPCI.siren] },
  };
}

/** The file of the version 1 app that tests/component/results/version-1-file.test.tsx imports too. */
const VERSION_1_FILE = path.join(root, 'tests/fixtures/exchange/questionnaire-v1-audit.cyberdiag.json');

/**
 * A version 1 audit on the device (Mondragon, every version 1 question answered), imported the way a user brings
 * one in: its results page carries the « version 1 » banner and the link to re-audit. Returns the audit's id.
 */
export async function importVersion1Audit(page: Page, baseUrl: string): Promise<string> {
  const document = JSON.parse(readFileSync(VERSION_1_FILE, 'utf8')) as { payload: { audits: Array<{ id: string }> } };
  const auditId = document.payload.audits[0]?.id;
  if (!auditId) throw new Error(`${VERSION_1_FILE} holds no audit`);
  await visit(page, baseUrl, '/donnees/importer');
  await page.getByLabel('Fichiers à importer').setInputFiles(VERSION_1_FILE);
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByText(/^Import terminé/).waitFor();
  return auditId;
}

/**
 * On an audit in progress: no backup at all (its follow-ups become implied gaps, « manque, puisque vous avez
 * répondu… ») and « sans objet » for the online software's backups, so that the results page shows both.
 */
export async function answerImpliedGapAndNotApplicable(page: Page, baseUrl: string, auditId: string): Promise<void> {
  await visit(page, baseUrl, `/audits/${auditId}/themes/backup`);
  const saved = page.getByRole('status').filter({ hasText: 'Réponse enregistrée.' });
  await page.locator('#question-backup-automatic').getByRole('radio', { name: /^Non, aucune sauvegarde/ }).check();
  await saved.waitFor();
  await page.locator('#question-backup-saas').getByRole('radio', { name: /^Sans objet/ }).check();
  await page.locator('#question-backup-saas').getByRole('radio', { name: /^Sans objet/, checked: true }).waitFor();
  await saved.waitFor();
}

/** Every concrete path of every feature route, parameters filled from the seed. */
export function concretePaths(params: RouteParams): string[] {
  const paths: string[] = [];
  for (const pattern of featureRoutePatterns()) {
    let expanded = [`/${pattern}`];
    for (const name of pattern.match(/:[A-Za-z]+/g) ?? []) {
      const value = params[name.slice(1)];
      if (value === undefined) {
        throw new Error(
          `The route "${pattern}" has a parameter ${name} that the quality gates cannot fill: add it to the seed in tests/e2e/app-pages.ts.`,
        );
      }
      const values = Array.isArray(value) ? value : [value];
      expanded = expanded.flatMap((p) => values.map((v) => p.replace(name, encodeURIComponent(v))));
    }
    paths.push(...expanded);
  }
  return paths;
}

/** Goes to a path by a full load (the app reads everything back from IndexedDB) and waits for it to render. */
export async function visit(page: Page, baseUrl: string, pathname: string): Promise<void> {
  await page.goto(`${baseUrl}${pathname}`);
  if (pathname === '/') {
    // Opened at its start page, the app goes back to where the user was; the brand link always leads home.
    await settle(page);
    await page.locator('a.brand').click();
    await page.waitForURL(`${baseUrl}/`);
  }
  await settle(page);
  if ((await page.locator('#error-title').count()) > 0) {
    const heading = await page.locator('#error-title').textContent();
    throw new Error(
      `${pathname} shows the error page ("${heading ?? ''}"): is dist/ older than src/features/*/routes.tsx, or does the seed in tests/e2e/app-pages.ts not give the page what it needs?`,
    );
  }
}

/** Waits until the route has rendered: no request in flight, an h1 on screen, no loading message left. */
export async function settle(page: Page): Promise<void> {
  await whenAppReady(page);
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await page.locator('main .loading').first().waitFor({ state: 'detached' });
}
