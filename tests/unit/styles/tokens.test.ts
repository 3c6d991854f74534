/**
 * One palette for the screen and the paper: src/styles/tokens.ts is the source, src/styles/tokens.css is written
 * from it (`npm run tokens` rewrites it; this test fails while it is behind), the stylesheets use only its custom
 * properties, the PDF renderer only its colours, and every pair of colours the app puts together keeps the WCAG AA
 * contrast ratio.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colors, rgbOf, tokensCss, type ColorName } from '../../../src/styles/tokens';

const root = path.resolve(import.meta.dirname, '../../..');
const TOKENS_CSS = 'src/styles/tokens.css';

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .map((file) => path.join(dir, file))
    .sort();
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
/** The value of every declaration (`property: value;`), with its property. */
const declarations = (css: string) =>
  [...withoutComments(css).matchAll(/([-a-z]+)\s*:\s*([^;{}]+);/gi)].map((m) => ({ property: m[1] ?? '', value: (m[2] ?? '').trim() }));

const stylesheets = filesUnder('src', '.css').filter((file) => file !== TOKENS_CSS);

/** A colour written out instead of taken from the tokens. */
const RAW_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|\b(?:white|black|red|green|blue|gray|grey|orange|yellow|purple|pink|brown|silver)\b/i;

describe('the design tokens', () => {
  it('are written in tokens.css exactly as tokens.ts makes them (run `npm run tokens` after changing tokens.ts)', async () => {
    await expect(tokensCss()).toMatchFileSnapshot(path.join(root, TOKENS_CSS));
  });

  it('finds the stylesheets it checks', () => {
    expect(stylesheets).toContain('src/styles/base.css');
    expect(stylesheets.length).toBeGreaterThan(10);
  });

  it.each(stylesheets)('%s writes no colour of its own: every colour is a token', (file) => {
    const raw = declarations(read(file)).filter(({ value }) => RAW_COLOUR.test(value));
    expect(raw.map(({ property, value }) => `${property}: ${value}`)).toEqual([]);
  });

  it.each(stylesheets)('%s uses only custom properties that tokens.css defines', (file) => {
    const defined = new Set([...read(TOKENS_CSS).matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    const used = [...read(file).matchAll(/var\(\s*(--[a-z0-9-]+)/g)].map((m) => m[1]);
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });

  it('give the PDF renderer its only colours: no colour is written in src/pdf', () => {
    const rgbTriple = /\[\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\]/;
    const hex = /['"`]#[0-9a-f]{3,8}['"`]/i;
    const offenders = filesUnder('src/pdf', '.ts').filter((file) => rgbTriple.test(read(file)) || hex.test(read(file)));
    expect(offenders).toEqual([]);
    expect(read('src/pdf/render-report.ts')).toContain("from '../styles/tokens'");
  });

  it("give the browser's theme colour in index.html", () => {
    expect(read('index.html')).toContain(`<meta name="theme-color" content="${colors.brand}" />`);
  });

  it('turn #rrggbb into the red, green and blue jsPDF takes', () => {
    expect(rgbOf('#1f4e5f')).toEqual([31, 78, 95]);
    expect(() => rgbOf('#fff')).toThrow();
  });
});

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const TEXT = 4.5;
const GRAPHIC = 3;
/** [foreground, background, minimum]: text at 4.5:1, controls' edges, bars and the focus ring at 3:1. */
const PAIRS: Array<[ColorName, ColorName, number]> = [
  ...(['paper', 'surface', 'brandSoft'] as const).flatMap((bg): Array<[ColorName, ColorName, number]> => [
    ['ink', bg, TEXT],
    ['inkMuted', bg, TEXT],
    ['brand', bg, TEXT],
    ['brandStrong', bg, TEXT],
  ]),
  ['poor', 'surface', TEXT],
  ['critical', 'surface', TEXT],
  ['major', 'surface', TEXT],
  ['minor', 'surface', TEXT],
  ['accent', 'surface', TEXT],
  ['errorInk', 'errorSoft', TEXT],
  ['successInk', 'successSoft', TEXT],
  ['onBrand', 'brand', TEXT],
  ['onBrand', 'brandStrong', TEXT],
  ['brandStrong', 'onBrand', TEXT],
  // The PDF's tags: a tone's text on its soft background.
  ['critical', 'errorSoft', TEXT],
  ['weak', 'warningSoft', TEXT],
  ['good', 'successSoft', TEXT],
  ['brand', 'brandSoft', TEXT],
  ['highlight', 'brand', GRAPHIC],
  ['focus', 'paper', GRAPHIC],
  ['focus', 'surface', GRAPHIC],
  ['lineStrong', 'surface', GRAPHIC],
  ['poor', 'surface', GRAPHIC],
  ...(['good', 'fair', 'weak', 'poor'] as const).map((band): [ColorName, ColorName, number] => [band, 'track', GRAPHIC]),
  // The EPCI heat map: the score stays very legible on every tint (the stylesheet promises 10:1).
  ...(['heatSolid', 'heatProgressing', 'heatFragile', 'heatExposed'] as const).map((tint): [ColorName, ColorName, number] => ['ink', tint, 10]),
  ['inkMuted', 'surface', TEXT],
];

describe('the palette', () => {
  it.each(PAIRS)('%s on %s reaches %s:1', (foreground, background, minimum) => {
    expect(contrast(colors[foreground], colors[background])).toBeGreaterThanOrEqual(minimum);
  });
});
