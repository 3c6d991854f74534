/**
 * Records every Content-Security-Policy violation of a browser context: `securitypolicyviolation` events from
 * every document (kept in the test, so that navigations lose none) and Chromium's console reports.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface CspRecorder {
  violations: string[];
  /** Watches a page's console for Chromium's "Refused to …" CSP reports. */
  watch: (page: Page) => void;
}

const CSP_CONSOLE = /Content Security Policy|Refused to (execute|load|evaluate|apply|connect|create|frame)/i;

/** Call before the pages to watch are loaded (or reload them afterwards): the listener is added to each new document. */
export async function recordCspViolations(context: BrowserContext): Promise<CspRecorder> {
  const violations: string[] = [];
  await context.exposeBinding('__cyberdiagCspViolation', (_source, line: string) => {
    violations.push(line);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cyberdiagCspViolation?: (line: string) => void }).__cyberdiagCspViolation;
      report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile || location.pathname}:${event.lineNumber} — ${event.sample}`,
      );
    });
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (CSP_CONSOLE.test(message.text())) violations.push(`console: ${message.text()}`);
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return { violations, watch };
}
