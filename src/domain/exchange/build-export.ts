/** Builds an export document from the device's records (pure), and names its file. */
import { fileNameSlug } from '../file-name-slug';
import { compareInstants, isoOfInstant } from '../instant';
import { EXPORT_FILE_EXTENSION, EXPORT_FORMAT_ID, EXPORT_VERSION_WITH_MAILBOX_KEY, EXPORT_VERSION_WITHOUT_KEY, type ExportKind } from './export-format';
import type { ExportDocumentV1, ExportedAudit, ExportedCommune, ExportedPlanItem } from './schema-v1';
import type { ExportDocumentV2, MailboxKeyBackup } from './schema-v2';

export interface ExportContent {
  kind: ExportKind;
  communes: readonly ExportedCommune[];
  audits: readonly ExportedAudit[];
  planItems: readonly ExportedPlanItem[];
  /** The EPCI's mailbox key: only in a backup, and only when it is encrypted (the caller's rule, the door's too). */
  mailboxKey?: MailboxKeyBackup | undefined;
}

/**
 * Records are copied field by field: whatever else a record may carry does not leave the device. Written in the
 * oldest version that holds the content (export-format.ts): version 2 only for a backup carrying the mailbox key.
 */
export function buildExportDocument(
  content: ExportContent,
  { exportedAt, appVersion }: { exportedAt: string; appVersion: string },
): ExportDocumentV1 | ExportDocumentV2 {
  const { mailboxKey } = content;
  if (mailboxKey !== undefined && content.kind === 'backup') {
    return { ...buildDocument(content, exportedAt, appVersion, EXPORT_VERSION_WITH_MAILBOX_KEY), mailboxKey: copyMailboxKey(mailboxKey) };
  }
  return buildDocument(content, exportedAt, appVersion, EXPORT_VERSION_WITHOUT_KEY);
}

function buildDocument<V extends 1 | 2>(content: ExportContent, exportedAt: string, appVersion: string, version: V): Omit<ExportDocumentV1, 'version'> & { version: V } {
  return {
    format: EXPORT_FORMAT_ID,
    version,
    exportedAt,
    app: { version: appVersion },
    kind: content.kind,
    payload: {
      communes: content.communes.map(copyCommune),
      audits: content.audits.map(copyAudit),
      planItems: content.planItems.map(copyPlanItem),
    },
  };
}

/**
 * The file's exportedAt: now, or the latest change it holds when that is later. A clock set back leaves stamps
 * after it (laterStamp keeps every change newer than the one before), and the import door refuses a record
 * dated after its file's export: the file must still read back.
 */
export function exportStamp(content: ExportContent, now: Date): string {
  let latest = isoOfInstant(now.getTime());
  const consider = (date: string) => {
    if (compareInstants(date, latest) > 0) latest = date;
  };
  content.communes.forEach((c) => consider(c.updatedAt));
  content.audits.forEach((a) => consider(a.updatedAt));
  content.planItems.forEach((p) => consider(p.updatedAt));
  return latest;
}

function copyMailboxKey(key: MailboxKeyBackup): MailboxKeyBackup {
  const { format, version, encrypted, kdf, cipher, data } = key.sealed;
  return {
    serverUrl: key.serverUrl,
    email: key.email,
    keyId: key.keyId,
    publicKey: key.publicKey,
    sealed: { format, version, encrypted, kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: kdf.salt }, cipher: { name: cipher.name, iv: cipher.iv }, data },
  };
}

/** "Saint-Étienne-du-Bois", 2026-11-25 → "saint-etienne-du-bois-2026-11-25.cyberdiag.json". */
export function exportFileName(label: string, exportedAt: string): string {
  return `${fileNameSlug(label, 'cyberdiag')}-${exportedAt.slice(0, 10)}${EXPORT_FILE_EXTENSION}`;
}

/** Field-by-field copies: whatever else a device record carries (a field added later, say) stays on the device. */
export function copyCommune(c: ExportedCommune): ExportedCommune {
  const { population, agents, computers, itProvider, hasServer } = c.profile;
  return {
    id: c.id,
    name: c.name,
    insee: c.insee,
    postcode: c.postcode,
    epciSiren: c.epciSiren,
    epciName: c.epciName,
    profile: { population, agents, computers, itProvider, hasServer },
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function copyAudit(a: ExportedAudit): ExportedAudit {
  const { population, agents, computers, itProvider, hasServer } = a.profile;
  const answers: ExportedAudit['answers'] = {};
  for (const [questionId, answer] of Object.entries(a.answers)) {
    answers[questionId] =
      answer.kind === 'option'
        ? { kind: 'option', optionId: answer.optionId, answeredAt: answer.answeredAt }
        : { kind: 'dontKnow', answeredAt: answer.answeredAt };
  }
  return {
    id: a.id,
    communeId: a.communeId,
    questionnaireId: a.questionnaireId,
    questionnaireVersion: a.questionnaireVersion,
    auditor: a.auditor,
    status: a.status,
    profile: { population, agents, computers, itProvider, hasServer },
    answers,
    previousAuditId: a.previousAuditId,
    unconfirmed: [...a.unconfirmed],
    lastThemeId: a.lastThemeId,
    origin: a.origin,
    startedAt: a.startedAt,
    updatedAt: a.updatedAt,
    completedAt: a.completedAt,
  };
}

export function copyPlanItem(p: ExportedPlanItem): ExportedPlanItem {
  return {
    auditId: p.auditId,
    actionId: p.actionId,
    communeId: p.communeId,
    owner: p.owner,
    dueDate: p.dueDate,
    status: p.status,
    note: p.note,
    updatedAt: p.updatedAt,
  };
}
