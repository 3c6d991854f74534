/**
 * The production server configuration (deploy/nginx), run by nginx itself as the whole browser test set is: every
 * response carries the security headers, hashed files are kept a year and the page and service worker never,
 * text goes out precompressed, the app's routes fall back to the page, HSTS is sent over HTTPS only, and a page of
 * another site that frames the app gets nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { DIST } from './preview-server';
import { startNginx } from '../nginx-server.mjs';

const baseUrl = inject('baseUrl');

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

async function get(pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${pathname}`, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body };
}

function expectSecurityHeaders(headers: Headers, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers.get(name), `${name} on ${what}`).toBe(value);
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, `CSP on ${what}`).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  expect(headers.get('permissions-policy'), `Permissions-Policy on ${what}`).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  // Plain HTTP here: HSTS only where TLS is on.
  expect(headers.get('strict-transport-security'), `no HSTS over plain HTTP on ${what}`).toBeNull();
}

describe('deploy/nginx, as the browser tests are served', () => {
  const script = readdirSync(path.join(DIST, 'assets')).find((f) => f.endsWith('.js'));

  it('sends the security headers with the page, the app routes, the service worker, the assets and a 404', async () => {
    for (const pathname of ['/', '/communes/nouvelle', '/audits/une-id/resultats', '/sw.js', `/assets/${script}`, '/manifest.webmanifest', '/assets/absent.js']) {
      const response = await get(pathname);
      expectSecurityHeaders(response.headers, pathname);
    }
  });

  it('answers "/" with the prerendered first page, every other app route with the empty page, a missing asset with a 404', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body.toString()).toContain('Où en est la cybersécurité de votre commune ?');
    const shell = await get('/app-shell.html');
    expect(shell.body.toString()).toContain('<div id="root"></div>');
    for (const route of ['/communes/nouvelle', '/audits/une-id/plan', '/epci']) {
      const response = await get(route);
      expect(response.status, route).toBe(200);
      expect(response.body.equals(shell.body), `${route} gets app-shell.html`).toBe(true);
    }
    const missing = await get('/assets/absent-0000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control'), 'a 404 is not kept').toBeNull();
  });

  it('keeps hashed assets a year, and never the page nor the service worker', async () => {
    expect(script).toBeDefined();
    expect((await get(`/assets/${script}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const pathname of ['/', '/index.html', '/app-shell.html', '/audits/une-id', '/sw.js']) {
      expect((await get(pathname)).headers.get('cache-control'), pathname).toBe('no-store');
    }
    expect((await get('/manifest.webmanifest')).headers.get('content-type')).toBe('application/manifest+json');
  });

  it('sends the gzip files written at build time to a browser that accepts gzip', async () => {
    for (const pathname of ['/', `/assets/${script}`, '/sw.js']) {
      const zipped = await fetch(`${baseUrl}${pathname}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(zipped.headers.get('content-encoding'), pathname).toBe('gzip');
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
      const plain = await fetch(`${baseUrl}${pathname}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding'), pathname).toBeNull();
      // fetch unzips: the same text either way, and the gzip body is smaller on the wire.
      expect(await zipped.text()).toBe(await plain.text());
      expect(Number(zipped.headers.get('content-length'))).toBeLessThan(Number(plain.headers.get('content-length')));
    }
  });

  it('sends HSTS over HTTPS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-tls-'));
    const certificate = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', certificate], {
      stdio: 'ignore',
    });
    const server = await startNginx([DIST], { tls: { certificate, key } });
    try {
      const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
        https.get(`${server.tlsUrl}/`, { rejectUnauthorized: false }, (response) => {
          response.resume();
          resolve(response.headers);
        }).on('error', reject);
      });
      expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['cache-control']).toBe('no-store');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a page of another site that frames the app', () => {
  let browser: Browser;
  let other: Server;
  let otherUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    // "localhost" is another origin than the app's 127.0.0.1. /framed is a page with no policy, the control.
    other = createServer((request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      if (request.url === '/framed') {
        response.end('<!doctype html><title>framed</title><h1>Framed page</h1>');
        return;
      }
      const src = request.url === '/control' ? '/framed' : `${baseUrl}/`;
      response.end(`<!doctype html><title>other site</title><iframe name="target" src="${src}" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const address = other.address();
    otherUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await browser.close();
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  /** What the frame named "target" shows once the page has loaded: its address and first heading. */
  async function framedContent(pathname: string): Promise<{ url: string; heading: string | null; refusals: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    const framed = page.waitForEvent('framenavigated', { predicate: (frame) => frame.name() === 'target' });
    await page.goto(`${otherUrl}${pathname}`);
    await framed;
    await page.waitForLoadState('load');
    const frame = page.frame({ name: 'target' });
    const heading = frame ? await frame.locator('h1').first().textContent({ timeout: 2000 }).catch(() => null) : null;
    const url = frame?.url() ?? '';
    await context.close();
    return { url, heading: heading?.trim() ?? null, refusals };
  }

  it('shows a page without the policy (the control)', async () => {
    const control = await framedContent('/control');
    expect(control.heading).toBe('Framed page');
    expect(control.refusals).toEqual([]);
  });

  it('gets nothing of the app: the browser refuses it, naming frame-ancestors', async () => {
    const { url, heading, refusals } = await framedContent('/');
    // Chromium shows its own error page in the frame ("127.0.0.1 is blocked"), never the app's.
    expect(url).toMatch(/^chrome-error:/);
    expect(heading).not.toMatch(/cybersécurité|Cyberdiag/i);
    expect(refusals.join('\n')).toContain("frame-ancestors 'none'");
  });
});
