/**
 * Makes the small TrueType fonts embedded in the PDF report (src/pdf/fonts/), from Noto Sans (SIL Open Font
 * Licence 1.1) in the @expo-google-fonts/noto-sans devDependency. Run `npm run fonts:pdf` after changing the
 * character list; the output is committed so that building the app needs neither the package nor WebAssembly.
 *
 * Why: jsPDF's built-in Helvetica is WinAnsi-encoded and garbles œ, ’, « », €, narrow no-break spaces. A font
 * restricted to Latin (Basic, Latin-1, Extended-A) and the punctuation French typography uses keeps each file
 * near 40 KB instead of 630 KB, so the PDF chunk stays light and cheap to precache.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const source = fileURLToPath(new URL('../../../node_modules/@expo-google-fonts/noto-sans/', import.meta.url));
const target = fileURLToPath(new URL('./', import.meta.url));

const ranges = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1: é è à ç ô « » non-breaking space, ×, °
  [0x100, 0x17f], // Latin Extended-A: œ Œ and the letters of regional and European names
  [0x2010, 0x2027], // dashes, quotes ‘ ’ “ ”, bullet •, ellipsis …
  [0x202f, 0x202f], // narrow no-break space: French number and percent formatting (Intl)
  [0x2030, 0x203a], // ‰ ‹ ›
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus sign
  [0x2248, 0x2248], // ≈
  [0x2264, 0x2265], // ≤ ≥
];
const text = ranges
  .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
  .join('');

const fonts = [
  ['400Regular/NotoSans_400Regular.ttf', 'noto-sans-regular.ttf'],
  ['700Bold/NotoSans_700Bold.ttf', 'noto-sans-bold.ttf'],
];

for (const [from, to] of fonts) {
  const subset = await subsetFont(await readFile(source + from), text, {
    targetFormat: 'sfnt',
    // Ligatures would turn "fi" into one glyph whose text jsPDF cannot map back: keep glyphs one per character.
    keepFeatures: ['kern'],
    noHinting: true,
    // The licence and copyright name records must travel with the font.
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
  });
  await writeFile(target + to, subset);
  console.log(`${to}: ${subset.length} bytes`);
}
await copyFile(source + 'LICENSE_FONT', target + 'OFL.txt');
