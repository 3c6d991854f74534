/** Reading and writing audits and their answers. Each answer is written on its own, the moment it is given. */
import { laterStamp } from '../domain/audit/later-stamp';
import type { Answer } from '../domain/audit/types';
import { cleanText } from '../domain/exchange/clean-text';
import { carryOverAnswers } from '../domain/history/carry-over-answers';
import { TEXT_LIMITS } from '../domain/limits';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { db } from './database';
import { forgetSummaries } from './forget-summaries';
import type { AuditRecord, CommuneRecord, StoredAnswer } from './records';

/** Who answered, as the import door would read it back: cleaned, and refused over its limit (the field stops there). */
function checkedAuditor(auditor: string): string {
  if (auditor.length > TEXT_LIMITS.auditor) throw new Error('auditor refused: too-long');
  return cleanText(auditor);
}

/** A new audit record, in progress and made on this device. */
function newAudit(
  fields: Pick<AuditRecord, 'communeId' | 'profile' | 'auditor' | 'answers' | 'previousAuditId' | 'unconfirmed'>,
  questionnaire: { id: string; version: number },
  now: Date,
): AuditRecord {
  const stamp = now.toISOString();
  return {
    id: crypto.randomUUID(),
    ...fields,
    auditor: checkedAuditor(fields.auditor),
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    status: 'in-progress',
    lastThemeId: null,
    origin: 'local',
    startedAt: stamp,
    updatedAt: stamp,
    completedAt: null,
  };
}

export async function startAudit(
  commune: CommuneRecord,
  questionnaire: { id: string; version: number },
  auditor: string,
  now = new Date(),
): Promise<AuditRecord> {
  const audit = newAudit(
    { communeId: commune.id, profile: commune.profile, auditor, answers: {}, previousAuditId: null, unconfirmed: [] },
    questionnaire,
    now,
  );
  await db.audits.add(audit);
  return audit;
}

/**
 * A re-audit: a new audit of the same commune starting from the previous audit's answers, each to confirm
 * (answers to questions or options the current questionnaire no longer has are left out). It takes the
 * commune's current profile, which may have changed since.
 */
export async function startReaudit(
  previousAudit: AuditRecord,
  questionnaire: Questionnaire,
  auditor: string,
  now = new Date(),
): Promise<AuditRecord> {
  const { answers, carried } = carryOverAnswers(previousAudit.answers, questionnaire);
  return db.transaction('rw', db.communes, db.audits, async () => {
    const commune = await db.communes.get(previousAudit.communeId);
    const audit = newAudit(
      {
        communeId: previousAudit.communeId,
        profile: commune?.profile ?? previousAudit.profile,
        auditor,
        answers,
        previousAuditId: previousAudit.id,
        unconfirmed: carried,
      },
      questionnaire,
      now,
    );
    await db.audits.add(audit);
    return audit;
  });
}

export function getAudit(id: string): Promise<AuditRecord | undefined> {
  return db.audits.get(id);
}

export function listAuditsOfCommune(communeId: string): Promise<AuditRecord[]> {
  return db.audits.where('communeId').equals(communeId).sortBy('startedAt');
}

/** Stores one answer at once, leaving the audit's other answers and concurrent writes alone. */
export async function saveAnswer(auditId: string, questionId: string, answer: Answer, now = new Date()): Promise<void> {
  const stamp = now.toISOString();
  const stored: StoredAnswer = { ...answer, answeredAt: stamp };
  // modify() reads and writes the record in one transaction: two answers given quickly never overwrite each other.
  const changed = await db.audits
    .where('id')
    .equals(auditId)
    .modify((audit) => {
      audit.answers[questionId] = stored;
      audit.unconfirmed = audit.unconfirmed.filter((id) => id !== questionId);
      audit.updatedAt = laterStamp(audit.updatedAt, now);
    });
  if (changed === 0) throw new Error(`audit ${auditId} not found`);
}

export async function rememberTheme(auditId: string, themeId: string): Promise<void> {
  await db.audits.update(auditId, { lastThemeId: themeId });
}

export async function setAuditStatus(auditId: string, status: AuditRecord['status'], now = new Date()): Promise<void> {
  await db.audits
    .where('id')
    .equals(auditId)
    .modify((audit) => {
      const stamp = laterStamp(audit.updatedAt, now);
      audit.status = status;
      audit.updatedAt = stamp;
      audit.completedAt = status === 'completed' ? stamp : null;
    });
}

/**
 * Deletes an audit with its plan, its summary in the EPCI view and its place in the mailbox's outbox (a pending
 * send would otherwise be tried again every hour for an audit that is gone), in one transaction.
 */
export async function deleteAudit(id: string): Promise<void> {
  await db.transaction('rw', [db.audits, db.planItems, db.summaryPacks, db.outbox], async () => {
    await db.planItems.where('auditId').equals(id).delete();
    await db.audits.delete(id);
    await db.outbox.delete(id);
    await forgetSummaries([id]);
  });
}
