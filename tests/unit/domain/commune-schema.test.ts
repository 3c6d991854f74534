import { describe, expect, it } from 'vitest';
import { createCommune } from '../../../src/db/communes-repository';
import { communeInputSchema } from '../../../src/domain/audit/commune-schema';

const input = (name: string, epciName = '') => ({
  name,
  insee: '',
  postcode: '',
  epciSiren: '',
  epciName,
  profile: { population: 800, agents: 3, computers: 4, itProvider: true, hasServer: false },
});

describe('a commune as typed', () => {
  it('is cleaned of invisible characters as the import door cleans it: no look-alike of a real commune', () => {
    const result = communeInputSchema.safeParse(input('Amb\u200bérieu\u200e-en-Bugey', 'CA\u2066 du Bassin'));
    expect(result.success && result.data).toMatchObject({ name: 'Ambérieu-en-Bugey', epciName: 'CA du Bassin' });
  });

  it('needs a name that is not only bidi marks and zero-width characters (its backup would not restore)', async () => {
    const result = communeInputSchema.safeParse(input('\u202e\u200f\u200b\ufeff'));
    expect(result.success ? null : result.error.issues[0]?.message).toBe('required');
    await expect(createCommune(input('\u202e\u200f'))).rejects.toThrow('commune refused');
  });

  it('is refused over 120 characters, the limit the import door applies', () => {
    expect(communeInputSchema.safeParse(input('A'.repeat(121))).success).toBe(false);
    expect(communeInputSchema.safeParse(input('A'.repeat(120))).success).toBe(true);
  });
});
