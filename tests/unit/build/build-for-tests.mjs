// Builds the app with the project's own vite.config.ts into the folder given as argument (<dir>/dist), and records
// what each JS chunk holds (<dir>/chunks.json) so that the build tests can tell which modules the first page loads.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const dir = path.resolve(process.argv[2] ?? '');
const chunks = [];
await build({
  configFile: 'vite.config.ts',
  logLevel: 'error',
  build: { outDir: path.join(dir, 'dist'), emptyOutDir: true },
  plugins: [
    {
      name: 'cyberdiag-record-chunks',
      enforce: 'post',
      generateBundle(_options, bundle) {
        for (const item of Object.values(bundle)) {
          if (item.type !== 'chunk') continue;
          chunks.push({
            fileName: item.fileName,
            isEntry: item.isEntry,
            facadeModuleId: item.facadeModuleId,
            imports: item.imports,
            dynamicImports: item.dynamicImports,
            css: [...(item.viteMetadata?.importedCss ?? [])],
            modules: Object.entries(item.modules).map(([id, info]) => ({ id, size: info.renderedLength })),
          });
        }
      },
    },
  ],
});
fs.writeFileSync(path.join(dir, 'chunks.json'), JSON.stringify(chunks));
