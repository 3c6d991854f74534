/** Vite plugin: a gzip file beside each text file of the build, for hosts that serve them as they are. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files worth compressing: nginx's gzip_static sends the .gz written beside each one. */
const COMPRESSIBLE = /\.(?:js|css|html|json|svg|webmanifest|txt|ttf|ico)$/;

/**
 * Writes a gzipped copy (level 9) beside every text file of the build, once the service worker is written too, so
 * that a host serves compressed files without compressing them at each request (deploy/nginx: gzip_static). The
 * service worker's precache lists only the originals.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'cyberdiag-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.ssr ? '' : path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (!outDir) return;
        const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name));
        for (const entry of files) {
          const file = path.join(entry.parentPath, entry.name);
          const content = readFileSync(file);
          const gzipped = gzipSync(content, { level: 9 });
          if (gzipped.length < content.length) writeFileSync(`${file}.gz`, gzipped);
        }
      },
    },
  };
}
