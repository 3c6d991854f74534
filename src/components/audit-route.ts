/** A lazy audit route whose page works with the audit's own questionnaire version (audit-questionnaire-scope.tsx). */
import type { ComponentType } from 'react';

export async function scoped(page: Promise<ComponentType>): Promise<{ Component: ComponentType }> {
  // The scope is loaded with the page, not with the router: it reads the database.
  const [Page, { withAuditQuestionnaire }] = await Promise.all([page, import('./audit-questionnaire-scope')]);
  return { Component: withAuditQuestionnaire(Page) };
}
