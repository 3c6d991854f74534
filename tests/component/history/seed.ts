/** Audits of one commune, written straight to the fake IndexedDB, for the history component tests. */
import { saveAnswer, setAuditStatus, startAudit } from '../../../src/db/audits-repository';
import { createCommune } from '../../../src/db/communes-repository';
import { db } from '../../../src/db/database';
import type { PlanItemStatus } from '../../../src/db/records';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import type { Questionnaire } from '../../../src/domain/questionnaire/schema';

export async function seedCommune() {
  return createCommune({
    name: 'Saint-Test',
    insee: '01001',
    postcode: '01400',
    epciSiren: '',
    epciName: '',
    profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false },
  });
}

export async function seedAudit(
  commune: Awaited<ReturnType<typeof seedCommune>>,
  startedAt: string,
  answers: Record<string, string>,
  {
    completed = true,
    plan = {} as Record<string, PlanItemStatus>,
    questionnaire = undefined as Questionnaire | undefined,
  } = {},
) {
  // The current version unless the test answers with an older one.
  const version = questionnaire ?? (await loadQuestionnaire());
  const audit = await startAudit(commune, version, 'Conseillère', new Date(startedAt));
  for (const [questionId, optionId] of Object.entries(answers)) {
    await saveAnswer(audit.id, questionId, optionId === 'dont-know' ? { kind: 'dontKnow' } : { kind: 'option', optionId });
  }
  if (completed) await setAuditStatus(audit.id, 'completed', new Date(startedAt));
  for (const [actionId, status] of Object.entries(plan)) {
    await db.planItems.put({ auditId: audit.id, actionId, communeId: commune.id, owner: '', dueDate: '', status, note: '', updatedAt: startedAt });
  }
  const stored = await db.audits.get(audit.id);
  if (!stored) throw new Error('audit not stored');
  return stored;
}
