/**
 * Serves the built app (dist/) with nginx and the project's deploy/nginx configuration, as a host would: the
 * browser tests run against the real server, its headers and its caching. Tests that cut the network start their
 * own and close it.
 */
import path from 'node:path';
import { startNginx } from '../nginx-server.mjs';

export interface PreviewServer {
  url: string;
  close: () => Promise<void>;
}

export const DIST = path.resolve(import.meta.dirname, '../../dist');

export async function startPreview(): Promise<PreviewServer> {
  const server = await startNginx([DIST]);
  return { url: server.url, close: server.close };
}
