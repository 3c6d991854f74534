/**
 * Cyberdiag's look in one place: the palette and the shared measures. The app's stylesheets read them as CSS
 * custom properties (src/styles/tokens.css, written from this file by `npm run tokens`) and the PDF report draws
 * with the same colours (src/pdf/render-report.ts), so that the screen and the paper cannot drift apart:
 * tests/unit/styles/tokens.test.ts fails while tokens.css is behind this file, and checks every pair of colours
 * the app puts together against the WCAG AA contrast ratios.
 */

const brand = '#1f4e5f';
const accent = '#8a4b0f';
const poor = '#a3262a';
const white = '#ffffff';
const ink = '#1d2428';

/** Opaque colours, `#rrggbb`. The names become the CSS properties in kebab-case (`inkMuted` → `--ink-muted`). */
export const colors = {
  ink,
  inkMuted: '#4a5559',
  paper: '#f7f5f0',
  surface: white,
  line: '#d6d2c8',
  /** Borders of text fields and selects: a control's edge needs 3:1 against the page. */
  lineStrong: '#6b7478',
  /** The empty part of a bar. */
  track: '#ebe8e1',
  brand,
  brandStrong: '#163a47',
  brandSoft: '#e3eef1',
  /** The barometer's share in a comparison bar, beside the commune's own (brand). */
  brandTint: '#b9c9cf',
  /** Text and controls drawn on brand or brandStrong. */
  onBrand: white,
  /** The mark, the active link and the focus ring in the brand-coloured header. */
  highlight: '#f4c27a',
  accent,
  // Score bands (bars and their colour scale).
  good: '#1e6b3a',
  fair: '#5b6b12',
  weak: accent,
  poor,
  // Criticality of a question or an action.
  critical: poor,
  major: accent,
  minor: '#3d5566',
  focus: '#c2410c',
  // Messages: a light background with darker text of the same hue.
  errorSoft: '#fbeaea',
  errorInk: '#7a1c1f',
  successSoft: '#e7f3ea',
  successInk: '#154d29',
  warningSoft: '#faf0e2',
  // Heat map of the EPCI view, one tint per maturity level (the score stays written in ink on each).
  heatSolid: '#cfe8d6',
  heatProgressing: '#e7edc6',
  heatFragile: '#f7dfc1',
  heatExposed: '#f3c6c6',
} as const satisfies Record<string, `#${string}`>;

export type ColorName = keyof typeof colors;

/** `#rrggbb` as red, green, blue from 0 to 255 (what jsPDF takes). */
export function rgbOf(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [Number.parseInt(match[1] ?? '', 16), Number.parseInt(match[2] ?? '', 16), Number.parseInt(match[3] ?? '', 16)];
}

const withAlpha = (hex: string, alpha: number) => `rgb(${rgbOf(hex).join(' ')} / ${alpha})`;

/** See-through colours, made from the palette: the screen only (a PDF has no overlays). */
export const translucentColors = {
  /** Behind a modal dialog. */
  backdrop: withAlpha(ink, 0.55),
  /** Under what floats above the page (a list opened under a field, the new-version notice). */
  shadow: withAlpha('#000000', 0.15),
  /** The outline of a quiet button in the header. */
  onBrandLine: withAlpha(white, 0.6),
} as const;

/** Spacing, sizes, radii and the focus ring. */
export const measures = {
  space: '1rem',
  max: '72rem',
  radius: '8px',
  radiusSmall: '6px',
  radiusPill: '999px',
  focusWidth: '3px',
  focusOffset: '2px',
} as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The custom properties, as the text of src/styles/tokens.css. */
export function tokensCss(): string {
  const lines = (values: Record<string, string>) => Object.entries(values).map(([name, value]) => `  --${kebab(name)}: ${value};`);
  return [
    '/* Made from src/styles/tokens.ts by `npm run tokens`: edit that file, not this one. */',
    ':root {',
    ...lines(colors),
    ...lines(translucentColors),
    ...lines(measures),
    '}',
    '',
  ].join('\n');
}
