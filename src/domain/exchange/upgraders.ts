/**
 * The ordered list of upgraders of older export formats: upgraders[n] turns a valid version-n document into a
 * version n+1 one. Each starts from its own version's strict schema; the result is checked again by the next
 * version's schema, so an upgrader cannot smuggle anything past validation.
 */
import type { z } from 'zod';
import { fail, ok, type Result } from './exchange-error';
import { CURRENT_EXPORT_VERSION } from './export-format';
import { describeIssue } from './describe-issue';
import { exportDocumentV0Schema, V0_DONT_KNOW, type ExportDocumentV0 } from './schema-v0';

interface Upgrader {
  from: number;
  upgrade: (document: unknown) => Result<unknown>;
}

function defineUpgrader<T>(from: number, schema: z.ZodType<T>, upgrade: (document: T) => Result<unknown>): Upgrader {
  return {
    from,
    upgrade: (document) => {
      const parsed = schema.safeParse(document);
      return parsed.success ? upgrade(parsed.data) : fail('invalid', describeIssue(parsed.error));
    },
  };
}

/** v0 → v1: nested profiles, answers as {kind}, plan items, `kind` and `app` in the envelope. */
function upgradeV0ToV1(document: ExportDocumentV0): Result<unknown> {
  const communes = document.communes.map((c) => ({
    id: c.id,
    name: c.name,
    insee: c.insee,
    postcode: '',
    epciSiren: '',
    epciName: '',
    profile: { population: c.population, agents: c.agents, computers: c.computers, itProvider: c.itProvider, hasServer: c.hasServer },
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
  }));
  const profiles = new Map(communes.map((c) => [c.id, c.profile]));
  const audits = [];
  for (const [index, a] of document.audits.entries()) {
    // v0 kept the profile on the commune only: the audit takes the commune's, as it was when exported.
    const profile = profiles.get(a.communeId);
    if (!profile) return fail('invalid', `audits.${index}.communeId: unknown-commune`);
    audits.push({
      id: a.id,
      communeId: a.communeId,
      questionnaireId: a.questionnaireId,
      questionnaireVersion: a.questionnaireVersion,
      auditor: a.auditor,
      status: a.completed ? 'completed' : 'in-progress',
      profile,
      answers: Object.fromEntries(
        Object.entries(a.answers).map(([questionId, optionId]) => [
          questionId,
          optionId === V0_DONT_KNOW
            ? { kind: 'dontKnow', answeredAt: a.updatedAt }
            : { kind: 'option', optionId, answeredAt: a.updatedAt },
        ]),
      ),
      previousAuditId: null,
      unconfirmed: [],
      lastThemeId: null,
      origin: 'local',
      startedAt: a.startedAt,
      updatedAt: a.updatedAt,
      completedAt: a.completed ? a.updatedAt : null,
    });
  }
  return ok({
    format: document.format,
    version: 1,
    exportedAt: document.exportedAt,
    app: { version: 'prototype' },
    kind: 'audits',
    payload: { communes, audits, planItems: [] },
  });
}

/**
 * v1 → v2: the same document under version 2 (which adds only the optional mailbox key). Not checked by the v1
 * schema first: the v2 schema checks the result field for field, and checking every audits file twice would double
 * an EPCI's import time. A v1 file that already names a mailbox key is refused: version 1 has no such field.
 */
const upgradeV1ToV2: Upgrader = {
  from: 1,
  upgrade: (document) => {
    if (typeof document !== 'object' || document === null || Array.isArray(document)) return fail('invalid', 'document');
    if ('mailboxKey' in document) return fail('invalid', 'mailboxKey: unknown-key');
    return ok({ ...document, version: 2 });
  },
};

export const UPGRADERS: readonly Upgrader[] = [defineUpgrader(0, exportDocumentV0Schema, upgradeV0ToV1), upgradeV1ToV2];

// Checked when the module loads: exactly one upgrader per older version, in order, ending at the current one.
UPGRADERS.forEach((upgrader, index) => {
  if (upgrader.from !== index) throw new Error(`export upgrader ${index} upgrades from version ${upgrader.from}`);
});
if (UPGRADERS.length !== CURRENT_EXPORT_VERSION) {
  throw new Error(`export upgraders cover versions 0–${UPGRADERS.length - 1}, current is ${CURRENT_EXPORT_VERSION}`);
}

/** Runs every upgrader from `version` to the current version (a current document is returned as is). */
export function upgradeToCurrent(document: unknown, version: number): Result<unknown> {
  let current: unknown = document;
  for (const upgrader of UPGRADERS.slice(version)) {
    const upgraded = upgrader.upgrade(current);
    if (!upgraded.ok) return upgraded;
    current = upgraded.value;
  }
  return ok(current);
}
