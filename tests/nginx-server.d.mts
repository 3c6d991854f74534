/** Types of tests/nginx-server.mjs, shared by the browser tests (TypeScript) and the benchmarks (plain ES modules). */
export interface NginxServer {
  /** The first folder's address, http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  /** One address per folder, in the order given. */
  urls: string[];
  /** The HTTPS address of the first folder, when `tls` was given. */
  tlsUrl: string | undefined;
  /** The nginx.conf written for this server. */
  conf: string;
  close: () => Promise<void>;
}

export function startNginx(
  roots: string[],
  options?: {
    tls?: { certificate: string; key: string };
    /** A path of the first folder's server passed to another server (the mailbox behind the app's origin). */
    proxy?: { path: string; target: string };
  },
): Promise<NginxServer>;
