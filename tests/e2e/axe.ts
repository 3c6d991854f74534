/**
 * axe-core in the browser tests: WCAG 2.1 A and AA rules on the page as it is now, violations turned into
 * readable lines (rule, impact, what to fix, which elements) so that a failing test says what to change.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/**
 * axe's own source from node_modules, never from a CDN. It is evaluated through the DevTools protocol
 * (page.evaluate), which the page's Content-Security-Policy does not block, unlike an inline <script> tag.
 */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Runs axe on the whole document and returns one line per violating element; empty when the page passes. */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return JSON.stringify(result.violations);
  }, WCAG_TAGS);
  return (JSON.parse(violations) as AxeViolation[]).flatMap((v) =>
    v.nodes.map(
      (node) =>
        `[${where}] ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${node.target.map(String).join(' ')} — ${
          (node.failureSummary ?? '').replace(/\s+/g, ' ').trim()
        } — ${node.html.slice(0, 160)}`,
    ),
  );
}
