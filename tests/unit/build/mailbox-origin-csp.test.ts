// @vitest-environment node
// The app may reach a mailbox on another origin only when the build names it (MAILBOX_ORIGIN): without it, the
// built page connects to its own origin only (tests/e2e/mailbox.e2e.ts shows the server's own origin refused).
import { describe, expect, it } from 'vitest';
import { metaContentSecurityPolicy } from '../../../vite.config';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('the mailbox origin in the Content-Security-Policy', () => {
  it('is absent by default: connect-src is the app itself', () => {
    expect(directive(metaContentSecurityPolicy(undefined), 'connect-src')).toBe("connect-src 'self'");
    expect(directive(metaContentSecurityPolicy(''), 'connect-src')).toBe("connect-src 'self'");
  });

  it('is added to connect-src, and to nothing else, when the build names it', () => {
    const plain = metaContentSecurityPolicy(undefined);
    const configured = metaContentSecurityPolicy('https://boite.cc-exemple.fr http://127.0.0.1:8787');
    expect(directive(configured, 'connect-src')).toBe("connect-src 'self' https://boite.cc-exemple.fr http://127.0.0.1:8787");
    expect(configured.split('; ').filter((d) => !d.startsWith('connect-src '))).toEqual(plain.split('; ').filter((d) => !d.startsWith('connect-src ')));
  });

  it('takes only origins: a keyword, a wildcard or a path given by mistake is left out', () => {
    const policy = metaContentSecurityPolicy("https://boite.cc-exemple.fr 'unsafe-inline' * https://x.fr/boite data:");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' https://boite.cc-exemple.fr");
  });
});
