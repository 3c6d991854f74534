/**
 * A throwaway PostgreSQL cluster from Debian's binaries (/usr/lib/postgresql/<version>/bin, or PG_BIN), in a
 * temporary folder, listening on a Unix socket only. initdb refuses to run as root: as root, the cluster is run
 * by the 'postgres' user that Debian's package creates.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export interface PostgresCluster {
  url(database?: string): string;
  /** Stops PostgreSQL (fast shutdown: open connections are cut) and starts it again. */
  restart(): Promise<void>;
  stop(): void;
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions[0] === undefined) throw new Error('PostgreSQL not found: install Debian\'s postgresql package (or set PG_BIN)');
  return path.join(root, versions[0], 'bin');
}

export function startPostgresCluster(): PostgresCluster {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'cyberdiag-pg-'));
  const asRoot = userInfo().uid === 0;
  const command = (name: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, name), ...args]] : [path.join(bin, name), args];
  const run = (name: string, args: string[]) => {
    const [file, fullArgs] = command(name, args);
    execFileSync(file, fullArgs, { stdio: 'pipe' });
  };
  if (asRoot) {
    const postgres = execFileSync('id', ['-u', 'postgres']).toString().trim();
    chownSync(dir, Number(postgres), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  }
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-k ${dir} -c listen_addresses='' -c max_connections=100`;
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start']);
  start();
  return {
    url: (database = 'postgres') => `postgresql://postgres@localhost/${database}?host=${encodeURIComponent(dir)}`,
    async restart() {
      const [file, args] = command('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-m', 'fast', '-w', 'restart']);
      await promisify(execFile)(file, args);
    },
    stop() {
      spawnSync(asRoot ? 'runuser' : path.join(bin, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'] : ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
