/** The compiled server as a process of its own (built by global-setup.ts), to be killed and restarted. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/server/src/main.js', import.meta.url));

export interface ServerProcess {
  url: string;
  /** The setup secret, when this start printed one. */
  secret: string | null;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `nodeArgs`: Node's own options for the server (the benchmark's --cpu-prof). */
export async function startServerProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', MAILBOX_QUIET: '1', RATE_LIMIT_REDEEM: '100000', RATE_LIMIT_DEVICE: '100000', RATE_LIMIT_EPCI: '100000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const { url, secret } = await new Promise<{ url: string; secret: string | null }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /LISTENING (\S+)/.exec(output);
      if (listening?.[1]) resolve({ url: listening[1], secret: /SETUP-SECRET (\S+)/.exec(output)?.[1] ?? null });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${output}`)));
  });
  return {
    url,
    secret,
    child,
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
