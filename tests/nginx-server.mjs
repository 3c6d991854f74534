// Serves built apps with Debian's nginx and the project's own deploy/nginx snippets, as a host would: one server
// block per folder, each on a free port of 127.0.0.1, in a temporary prefix (no root needed, nothing written
// outside it). Used by the browser tests (tests/e2e) and the benchmarks (tests/bench).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const SNIPPETS = fileURLToPath(new URL('../deploy/nginx/snippets', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function answers(url) {
  try {
    await (await fetch(url, { method: 'HEAD' })).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts nginx serving each folder of `roots` (absolute paths; a symbolic link is followed at each request, so a
 * test can switch versions under a running server). `tls` adds, for the first folder, an HTTPS server with the
 * given certificate. `proxy` ({ path: '/boite/', target: 'http://127.0.0.1:8787/' }) passes a path of the first
 * folder's server to another server, as a host puts the mailbox behind the app's origin. Resolves once every
 * server answers; `close()` stops nginx and removes the prefix.
 */
export async function startNginx(roots, { tls, proxy } = {}) {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-nginx-'));
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, 'tmp', dir), { recursive: true });
  // Relative includes are read from the folder of nginx.conf, as /etc/nginx/snippets/ on a real host.
  symlinkSync(SNIPPETS, path.join(prefix, 'snippets'));
  const ports = [];
  for (let i = 0; i < roots.length; i += 1) ports.push(await freePort());
  const tlsPort = tls ? await freePort() : undefined;
  // ^~: the proxied path wins over the app's regular-expression locations (its files by extension).
  const proxied = proxy ? `\n    location ^~ ${proxy.path} {\n      proxy_pass ${proxy.target};\n      proxy_set_header X-Forwarded-For $remote_addr;\n      proxy_buffering off;\n      client_max_body_size 25m;\n    }` : '';
  const servers = roots.map(
    (root, i) => `  server {\n    listen 127.0.0.1:${ports[i]};\n    root ${root};${i === 0 ? proxied : ''}\n    include snippets/cyberdiag-app.conf;\n  }`,
  );
  if (tls && tlsPort)
    servers.push(
      `  server {\n    listen 127.0.0.1:${tlsPort} ssl;\n    ssl_certificate ${tls.certificate};\n    ssl_certificate_key ${tls.key};\n    root ${roots[0]};\n    include snippets/cyberdiag-app.conf;\n  }`,
    );
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const conf = [
    // As root (CI), the workers would otherwise run as nobody, who may not read a checkout under /root.
    isRoot ? 'user root;' : '',
    'daemon off;',
    'worker_processes 1;',
    `pid ${path.join(prefix, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 256; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    '  sendfile on;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${path.join(prefix, 'tmp', kind === 'client_body' ? 'body' : kind)};`,
    ),
    ...servers,
    '}',
    '',
  ].join('\n');
  const confFile = path.join(prefix, 'nginx.conf');
  writeFileSync(confFile, conf);

  const child = spawn(NGINX, ['-p', prefix, '-c', confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const close = async () => {
    if (running) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };

  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const deadline = Date.now() + 15_000;
  while (!(await answers(urls[0]))) {
    if (!running || Date.now() > deadline) {
      await close();
      throw new Error(`nginx did not start (${NGINX} -p ${prefix}):\n${stderr}\n${conf}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: urls[0], urls, tlsUrl: tlsPort ? `https://127.0.0.1:${tlsPort}` : undefined, conf, close };
}
