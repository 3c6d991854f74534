// `npm run bench`: serves the built app, runs every bench/*.mjs script (not run.mjs nor _*.mjs) one after the other,
// prints their JSON lines and writes them, with the machine and the date, to bench/artifacts/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appServer } from './_lib.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

const server = await appServer();
const results = [];
for (const script of scripts) {
  process.stderr.write(`bench: ${script}…\n`);
  const output = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, script)], {
      env: { ...process.env, BASE_URL: server.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ text, code }));
  });
  for (const line of output.text.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    try {
      results.push({ script, ...JSON.parse(line) });
    } catch {
      // A line that only looks like JSON is printed above and not recorded.
    }
  }
  if (output.code !== 0) results.push({ script, failed: true, exitCode: output.code });
}
await server.close();

const machine = {
  date: new Date().toISOString(),
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
fs.mkdirSync(path.join(dir, 'artifacts'), { recursive: true });
const file = path.join(dir, 'artifacts', `bench-${machine.date.slice(0, 10)}.json`);
fs.writeFileSync(file, JSON.stringify({ machine, results }, null, 2));
process.stderr.write(`bench: written to ${path.relative(process.cwd(), file)}\n`);
if (results.some((r) => r.failed)) process.exitCode = 1;
