/**
 * zod speeds up object parsing with code compiled by new Function(), and probes for it even when the page
 * forbids eval, which the browser reports as a Content-Security-Policy violation. Our CSP has no
 * 'unsafe-eval' (tests/e2e/csp.e2e.ts), so zod parses without it, and never probes.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
