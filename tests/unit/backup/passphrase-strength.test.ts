import { describe, expect, it } from 'vitest';
import { judgePassphrase, NO_PASSPHRASE, passphraseProblem } from '../../../src/features/backup/passphrase-fields';

const typed = (passphrase: string, confirmation = passphrase) => ({ ...NO_PASSPHRASE, enabled: true, passphrase, confirmation });

describe('a passphrase judged by the estimator', () => {
  it.each(['aaaaaaaaaa', '1234567890', 'azertyuiop', 'motdepasse123'])('"%s" is too easy to guess', async (weak) => {
    expect(passphraseProblem(await judgePassphrase(typed(weak)))).toBe('tooWeak');
  });

  it.each(['trois petits chats', 'Été 2026 à Bellecombe', 'correct horse battery staple'])('"%s" is accepted', async (strong) => {
    expect(passphraseProblem(await judgePassphrase(typed(strong)))).toBeNull();
  });

  it('is not judged before the estimator has had its say, and the other rules still hold', async () => {
    expect(passphraseProblem(typed('trois petits chats'))).toBe('judging');
    expect(passphraseProblem(await judgePassphrase(typed('court')))).toBe('tooShort');
    expect(passphraseProblem(await judgePassphrase(typed('trois petits chats', 'trois petits chat')))).toBe('mismatch');
    expect(passphraseProblem(await judgePassphrase(NO_PASSPHRASE))).toBeNull();
  });
});
