/** The server compiled once, for the tests that run it as a process of its own (killed, restarted). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '-p', fileURLToPath(new URL('..', import.meta.url))], {
    stdio: 'inherit',
  });
}
