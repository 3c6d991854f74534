// The one-command start (`npm run server` without DATABASE_URL): the compiled entry point on PGlite in DATA_DIR, as a
// host runs it on a fresh machine, then started again on the same folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServerProcess, type ServerProcess } from './server-process';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cyberdiag-entry-point-'));
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('the entry point without DATABASE_URL', () => {
  // PGlite's initdb (WebAssembly) on a fresh folder: minutes on a loaded 2-core machine.
  it('starts on PGlite, answers, prints the setup secret once, and keeps its data across a restart', { timeout: 400_000 }, async () => {
    const env = { DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(await freePort()) };
    server = await startServerProcess(env);
    expect(await (await fetch(`${server.url}/v1/health`)).json()).toEqual({ ok: true });
    expect(server.secret).toMatch(/\S{20,}/);
    const setup = await post(`${server.url}/v1/setup`, { secret: server.secret, email: 'cm@cc.fr', password: 'correct horse battery staple', epci: { siren: '200000001', name: 'CC' } });
    expect(setup.status).toBe(201);
    await server.kill('SIGTERM');

    server = await startServerProcess(env);
    // The folder is the same database: no new secret, and the account opened before signs in.
    expect(server.secret).toBeNull();
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
    const login = await post(`${server.url}/v1/login`, { email: 'cm@cc.fr', password: 'correct horse battery staple' });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const epci = await fetch(`${server.url}/v1/epci`, { headers: { authorization: `Bearer ${token}` } });
    expect(await epci.json()).toMatchObject({ siren: '200000001', name: 'CC' });
  });
});
