/**
 * The mailbox at national scale, on loopback, real PostgreSQL: COMMUNES communes (34,969 by default: every commune
 * of the official directory) each send one sealed audit with bounded concurrency; then the EPCI pulls them all in
 * one streamed answer and opens each on its device. Prints sends a second, latency percentiles, the server's
 * memory, and the pull's times. Figures go to docs/ by hand, with the machine and the date.
 * Run alone: `npm run bench:mailbox` (COMMUNES=2000 for a short run).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createMailboxKey, openEnvelope, sealEnvelope } from '../../../src/crypto/mailbox-envelope';
import { startPostgresCluster } from '../../../server/test/postgres-cluster';
import { freePort, startServerProcess, type ServerProcess } from '../../../server/test/server-process';

const COMMUNES = Number(process.env.COMMUNES ?? 34_969);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const cluster = startPostgresCluster();
let server: ServerProcess | undefined;

afterAll(async () => {
  // Stopped, not killed: a profile asked for with SERVER_CPU_PROF is written as the server exits.
  await server?.kill('SIGTERM');
  cluster.stop();
});

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU seconds a process has used (user + system), to tell the server's share of the machine from the client's. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

it('sends and pulls at national scale', async () => {
  // SERVER_CPU_PROF=<folder>: the server's CPU profile (node --cpu-prof), to open in Chrome's DevTools.
  const profile = process.env.SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROF}`] : [];
  server = await startServerProcess({ DATABASE_URL: cluster.url(), PORT: String(await freePort()) }, profile);
  const base = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const request = (method: string, path: string, headers: Record<string, string>, body?: Uint8Array | string) =>
    new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });

  const setup = await request('POST', '/v1/setup', { 'content-type': 'application/json' }, JSON.stringify({ secret: server.secret, email: 'cm@cc.fr', password: 'correct horse battery staple', epci: { siren: '200000001', name: 'National' } }));
  const session = (JSON.parse(setup.body.toString()) as { token: string }).token;
  const { key } = await createMailboxKey('bench passphrase');
  await request('PUT', '/v1/epci/key', { 'content-type': 'application/json', authorization: `Bearer ${session}` }, JSON.stringify({ publicKey: key.publicKey }));

  // Device tokens written straight to the database: the bench measures sends, not 35,000 invitations.
  const tokens: string[] = [];
  const client = new pg.Client({ connectionString: cluster.url() });
  await client.connect();
  for (let start = 0; start < COMMUNES; start += 5000) {
    const batch = Array.from({ length: Math.min(5000, COMMUNES - start) }, (_, i) => {
      const token = `cdd_${randomBytes(32).toString('base64url')}`;
      tokens.push(token);
      return { hash: createHash('sha256').update(token).digest(), insee: String(10_000 + start + i) };
    });
    await client.query(`INSERT INTO token (token_hash, kind, epci_id, insee) SELECT h, 'device', 1, i FROM unnest($1::bytea[], $2::text[]) AS t(h, i)`, [
      batch.map((b) => b.hash),
      batch.map((b) => b.insee),
    ]);
  }
  await client.end();

  const file = readFileSync('tests/fixtures/exchange/v1-audits.cyberdiag.json', 'utf8');
  const sealStart = performance.now();
  const envelopes = await Promise.all(
    tokens.map((_, i) => sealEnvelope(file, key, { insee: String(10_000 + i), auditId: `audit-${i}`, versionDate: '2026-11-01T10:00:00.000Z' })),
  );
  const sealSeconds = (performance.now() - sealStart) / 1000;

  const pid = server.child.pid ?? 0;
  let peakRss = rssMegabytes(pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMegabytes(pid));
  }, 250);
  const serverCpuBefore = cpuSeconds(pid);
  const clientCpuBefore = process.cpuUsage();
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const sendStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < envelopes.length) {
        const i = next++;
        const body = envelopes[i] ?? new Uint8Array();
        const t0 = performance.now();
        const response = await request('PUT', '/v1/device/envelopes', { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/octet-stream', 'content-length': String(body.length) }, body);
        latencies.push(performance.now() - t0);
        if (response.status !== 201) failures += 1;
      }
    }),
  );
  const sendSeconds = (performance.now() - sendStart) / 1000;
  const serverCpu = cpuSeconds(pid) - serverCpuBefore;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);

  const pullStart = performance.now();
  const pulled = await request('GET', '/v1/epci/envelopes', { authorization: `Bearer ${session}` });
  const pullSeconds = (performance.now() - pullStart) / 1000;
  const lines = pulled.body.toString().trim().split('\n');
  const openStart = performance.now();
  let opened = 0;
  for (const line of lines) {
    const parsed = JSON.parse(line) as { envelope?: string };
    if (parsed.envelope === undefined) continue;
    const result = await openEnvelope(Buffer.from(parsed.envelope, 'base64'), key);
    if (result.ok) opened += 1;
  }
  const openSeconds = (performance.now() - openStart) / 1000;

  const figures = {
    bench: 'mailbox-sends',
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    communes: COMMUNES,
    concurrency: CONCURRENCY,
    sealSeconds: Number(sealSeconds.toFixed(1)),
    sendsPerSecond: Math.round(COMMUNES / sendSeconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    failures,
    serverPeakRssMb: Math.round(peakRss),
    // During the sends: the server process, and this process (the communes' side: HTTP client and Vitest).
    serverCpuSeconds: Number(serverCpu.toFixed(1)),
    clientCpuSeconds: Number(((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)),
    pullSeconds: Number(pullSeconds.toFixed(1)),
    pullMegabytes: Math.round(pulled.body.length / 2 ** 20),
    openSeconds: Number(openSeconds.toFixed(1)),
  };
  console.log(`MAILBOX-BENCH ${JSON.stringify(figures)}`);
  expect(failures).toBe(0);
  expect(opened).toBe(COMMUNES);
});
