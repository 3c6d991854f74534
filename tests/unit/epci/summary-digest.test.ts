import { describe, expect, it } from 'vitest';
import { summaryDigest, type DigestedAudit } from '../../../src/domain/epci/summary-digest';
import { exportedAudit } from './export-files';

const audit: DigestedAudit = exportedAudit('audit-a', 'c-a', { 'backup-a': 'yes', 'backup-b': 'dont-know', 'accounts-a': 'no' });
const digest = summaryDigest(audit);
const answers = audit.answers;

describe('summaryDigest', () => {
  it.each<[string, DigestedAudit]>([
    ['the answers given in another order', { ...audit, answers: { 'accounts-a': answers['accounts-a'], 'backup-b': answers['backup-b'], 'backup-a': answers['backup-a'] } }],
    ['each answer given again at another time', { ...audit, answers: Object.fromEntries(Object.keys(answers).map((id) => [id, { ...answers[id], answeredAt: '2026-04-01T08:00:00.000Z' }])) as DigestedAudit['answers'] }],
  ])('is the same for %s (no figure changes)', (_, other) => {
    expect(summaryDigest(other)).toBe(digest);
  });

  it.each<[string, DigestedAudit]>([
    ['another option', { ...audit, answers: { ...answers, 'backup-a': { kind: 'option', optionId: 'no' } } }],
    ['"je ne sais pas" instead of an option', { ...audit, answers: { ...answers, 'backup-a': { kind: 'dontKnow' } } }],
    ['one more answer', { ...audit, answers: { ...answers, 'accounts-b': { kind: 'option', optionId: 'yes' } } }],
    ['one answer less', { ...audit, answers: { 'backup-a': answers['backup-a'], 'backup-b': answers['backup-b'] } }],
    ['another population', { ...audit, profile: { ...audit.profile, population: audit.profile.population + 1 } }],
    ['a server declared', { ...audit, profile: { ...audit.profile, hasServer: !audit.profile.hasServer } }],
    ['another questionnaire version', { ...audit, questionnaireVersion: 2 }],
    ['another commune', { ...audit, communeId: 'c-b' }],
    ['another status', { ...audit, status: 'in-progress', completedAt: null }],
    ['another date', { ...audit, updatedAt: '2026-03-01T10:00:00.001Z' }],
    // Ids that would run into each other without each field's length.
    ['a question id and an option id cut elsewhere', { ...audit, answers: { 'backup-ay': { kind: 'option', optionId: 'es' }, 'backup-b': answers['backup-b'], 'accounts-a': answers['accounts-a'] } }],
  ])('changes with %s', (_, other) => {
    expect(summaryDigest(other)).not.toBe(digest);
  });
});
