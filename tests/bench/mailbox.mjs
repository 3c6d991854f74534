// The mailbox at national scale (tests/bench/mailbox/*.run.ts: sends, and the EPCI's pull against the file import)
// as part of `npm run bench`: runs them with their own Vitest configuration (a throwaway PostgreSQL cluster, the
// compiled server) and prints each figure line as one JSON line. Alone: `npm run bench:mailbox`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const child = spawn(process.execPath, [vitest, 'run', '-c', 'server/vitest.bench.config.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
let pending = '';
child.stdout.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const figures = /MAILBOX-BENCH (\{.*\})/.exec(line)?.[1];
    process.stdout.write(figures ? `${figures}\n` : '');
    if (!figures) process.stderr.write(`${line}\n`);
  }
});
child.on('close', (code) => {
  process.exitCode = code ?? 1;
});
