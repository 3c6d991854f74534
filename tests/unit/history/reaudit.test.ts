import { describe, expect, it } from 'vitest';
import { getAudit, saveAnswer, startAudit, startReaudit } from '../../../src/db/audits-repository';
import { createCommune, updateCommune } from '../../../src/db/communes-repository';
import type { StoredAnswer } from '../../../src/db/records';
import type { Answer } from '../../../src/domain/audit/types';
import { carryOverAnswers } from '../../../src/domain/history/carry-over-answers';
import { profile, questionnaire } from './questionnaire-fixture';

const stamp = '2025-03-01T10:00:00.000Z';
const stored = (answer: Answer): StoredAnswer => ({ ...answer, answeredAt: stamp });

describe('carryOverAnswers', () => {
  it('copies the answers whose question and option still exist, "je ne sais pas" included, in questionnaire order', () => {
    const previous = {
      a1: stored({ kind: 'option', optionId: 'partly' }),
      'removed-question': stored({ kind: 'option', optionId: 'yes' }),
      b2: stored({ kind: 'option', optionId: 'option-since-removed' }),
      b1: stored({ kind: 'dontKnow' }),
    };
    const { answers, carried } = carryOverAnswers(previous, questionnaire);
    expect(carried).toEqual(['b1', 'a1']);
    expect(answers).toEqual({ b1: previous.b1, a1: previous.a1 });
  });

  it('carries an answer to the question of a newer version that replaces it, through the option mapping only', () => {
    const [backup, accounts] = questionnaire.themes;
    if (!backup || !accounts) throw new Error('fixture');
    // The next version: b1 keeps its id (same meaning); "b-new" replaces the old question b2, mapping "yes" →
    // "yes" and "partly" (an option b2 had before) → "no"; the old "no" has no counterpart.
    const next = {
      ...questionnaire,
      version: 3,
      themes: [
        {
          ...backup,
          questions: backup.questions.map((q) => (q.id === 'b2' ? { ...q, id: 'b-new', replaces: { question: 'b2', options: { yes: 'yes', partly: 'no' } } } : q)),
        },
        accounts,
      ],
    };
    const carry = (b2: Answer) => carryOverAnswers({ b1: stored({ kind: 'option', optionId: 'yes' }), b2: stored(b2) }, next);
    expect(carry({ kind: 'option', optionId: 'partly' })).toEqual({
      answers: { b1: stored({ kind: 'option', optionId: 'yes' }), 'b-new': stored({ kind: 'option', optionId: 'no' }) },
      carried: ['b1', 'b-new'],
    });
    // No mapping for "no", and "je ne sais pas" is not carried to another question: only b1 comes over.
    expect(Object.keys(carry({ kind: 'option', optionId: 'no' }).answers)).toEqual(['b1']);
    expect(Object.keys(carry({ kind: 'dontKnow' }).answers)).toEqual(['b1']);
  });
});

describe('startReaudit', () => {
  async function previousAudit() {
    const commune = await createCommune({ name: 'Saint-Test', insee: '', postcode: '', epciSiren: '', epciName: '', profile });
    const audit = await startAudit(commune, questionnaire, 'Conseillère', new Date('2025-03-01T09:00:00Z'));
    await saveAnswer(audit.id, 'b1', { kind: 'option', optionId: 'no' });
    await saveAnswer(audit.id, 'b2', { kind: 'dontKnow' });
    await saveAnswer(audit.id, 'a1', { kind: 'option', optionId: 'yes' });
    return { commune, audit: await getAudit(audit.id) };
  }

  it("starts from the previous audit's answers, each waiting to be confirmed", async () => {
    const { audit } = await previousAudit();
    if (!audit) throw new Error('no audit');
    const reaudit = await startReaudit(audit, questionnaire, 'Conseiller', new Date('2026-03-01T09:00:00Z'));
    const saved = await getAudit(reaudit.id);
    expect(saved).toMatchObject({
      communeId: audit.communeId,
      previousAuditId: audit.id,
      auditor: 'Conseiller',
      status: 'in-progress',
      questionnaireId: 'test',
      questionnaireVersion: 2,
      startedAt: '2026-03-01T09:00:00.000Z',
      unconfirmed: ['b1', 'b2', 'a1'],
    });
    expect(saved?.answers).toEqual(audit.answers);
    // The previous audit is left as it was.
    expect(await getAudit(audit.id)).toEqual(audit);
  });

  it('confirming an answer, or changing it, takes it off the list to confirm', async () => {
    const { audit } = await previousAudit();
    if (!audit) throw new Error('no audit');
    const reaudit = await startReaudit(audit, questionnaire, '');
    const b1 = audit.answers.b1;
    if (!b1) throw new Error('no answer');
    await saveAnswer(reaudit.id, 'b1', b1);
    await saveAnswer(reaudit.id, 'a1', { kind: 'option', optionId: 'partly' });
    const saved = await getAudit(reaudit.id);
    expect(saved?.unconfirmed).toEqual(['b2']);
    expect(saved?.answers.a1).toMatchObject({ kind: 'option', optionId: 'partly' });
    expect(saved?.answers.b1).toMatchObject({ kind: 'option', optionId: 'no' });
  });

  it("takes the commune's current profile, not the one of the previous audit", async () => {
    const { commune, audit } = await previousAudit();
    if (!audit) throw new Error('no audit');
    const { id, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = commune;
    await updateCommune(id, { ...input, profile: { ...profile, computers: 9, hasServer: true } });
    const reaudit = await startReaudit(audit, questionnaire, '');
    expect(reaudit.profile).toMatchObject({ computers: 9, hasServer: true });
    expect(audit.profile).toMatchObject({ computers: 4, hasServer: false });
  });
});
