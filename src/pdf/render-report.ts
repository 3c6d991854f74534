/**
 * Draws the report model with jsPDF (the only module that touches jsPDF; it reaches the browser only through
 * a dynamic import()). A4 portrait, Noto Sans embedded so that the text layer is exact French (é, œ, « », €, ’).
 */
import { jsPDF } from 'jspdf';
import { autoTable, type CellDef } from 'jspdf-autotable';
import { colors, rgbOf } from '../styles/tokens';
import type { Bar, Block, ListItem, ReportCover, ReportModel, ReportSection, TableColumn, TableRow, Tone } from './report-types';

/** Base64 TrueType files: Noto Sans regular and bold (see src/pdf/fonts/build-pdf-fonts.mjs). */
export interface ReportFonts {
  regular: string;
  bold: string;
}

type Rgb = readonly [number, number, number];

const FONT = 'NotoSans';
const PAGE = { width: 210, height: 297 };
const MARGIN = { left: 20, right: 20, top: 20, bottom: 22 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const PT = 0.3528; // mm per point

/** The app's palette (src/styles/tokens.ts), as jsPDF takes it: the report prints in the colours of the screen. */
const COLOR = {
  ink: rgbOf(colors.ink),
  muted: rgbOf(colors.inkMuted),
  brand: rgbOf(colors.brand),
  brandStrong: rgbOf(colors.brandStrong),
  brandSoft: rgbOf(colors.brandSoft),
  paper: rgbOf(colors.paper),
  line: rgbOf(colors.line),
  track: rgbOf(colors.track),
  white: rgbOf(colors.onBrand),
} as const satisfies Record<string, Rgb>;

const TONE: Readonly<Record<Tone, Rgb>> = {
  critical: rgbOf(colors.critical),
  warning: rgbOf(colors.weak),
  good: rgbOf(colors.good),
  neutral: rgbOf(colors.brand),
};
const TONE_SOFT: Readonly<Record<Tone, Rgb>> = {
  critical: rgbOf(colors.errorSoft),
  warning: rgbOf(colors.warningSoft),
  good: rgbOf(colors.successSoft),
  neutral: rgbOf(colors.brandSoft),
};

interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Rgb;
}

const lineHeight = (size: number, leading = 1.38) => size * PT * leading;

class Flow {
  y = MARGIN.top;

  constructor(readonly doc: jsPDF) {}

  setStyle({ size, bold = false, color = COLOR.ink }: TextStyle): void {
    this.doc.setFont(FONT, bold ? 'bold' : 'normal');
    this.doc.setFontSize(size);
    this.doc.setTextColor(...color);
  }

  fill(color: Rgb): void {
    this.doc.setFillColor(...color);
  }

  stroke(color: Rgb, width = 0.2): void {
    this.doc.setDrawColor(...color);
    this.doc.setLineWidth(width);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` still fits under the cursor. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  /**
   * Wraps text at spaces (never at the no-break spaces of French typography), the first line possibly shorter
   * than the others (to leave room for a tag); words longer than a line (addresses) are cut by characters.
   */
  wrap(text: string, width: number, firstWidth = width): string[] {
    const lines: string[] = [];
    const limit = () => (lines.length === 0 ? firstWidth : width);
    for (const paragraph of text.split('\n')) {
      let current = '';
      for (const word of paragraph.split(' ')) {
        const candidate = current ? `${current} ${word}` : word;
        if (this.doc.getTextWidth(candidate) <= limit()) {
          current = candidate;
          continue;
        }
        if (current) lines.push(current);
        current = '';
        if (this.doc.getTextWidth(word) <= limit()) {
          current = word;
          continue;
        }
        for (const char of word) {
          if (current && this.doc.getTextWidth(current + char) > limit()) {
            lines.push(current);
            current = '';
          }
          current += char;
        }
      }
      lines.push(current);
    }
    return lines;
  }

  /** Writes wrapped text at the cursor, moving to a new page between lines when needed. */
  text(text: string, style: TextStyle, options: { x?: number; width?: number; leading?: number } = {}): void {
    const x = options.x ?? MARGIN.left;
    const width = options.width ?? MARGIN.left + CONTENT_WIDTH - x;
    this.setStyle(style);
    const height = lineHeight(style.size, options.leading);
    for (const line of this.wrap(text, width)) {
      this.ensure(height);
      this.doc.text(line, x, this.y + style.size * PT * 0.8);
      this.y += height;
    }
  }
}

function drawSectionTitle(flow: Flow, title: string): void {
  flow.text(title, { size: 19, bold: true, color: COLOR.brandStrong }, { leading: 1.2 });
  flow.y += 1.5;
  flow.stroke(COLOR.brand, 0.6);
  flow.doc.line(MARGIN.left, flow.y, MARGIN.left + 30, flow.y);
  flow.y += 6;
}

function drawHeading(flow: Flow, text: string): void {
  // Keep a heading with at least two lines of what follows.
  flow.ensure(lineHeight(12.5) + 2 * lineHeight(10) + 4);
  flow.y += 3;
  flow.text(text, { size: 12.5, bold: true, color: COLOR.brandStrong });
  flow.y += 1.5;
}

function drawParagraph(flow: Flow, block: Extract<Block, { kind: 'paragraph' }>): void {
  const style: TextStyle =
    block.style === 'lead'
      ? { size: 11, color: COLOR.ink }
      : block.style === 'muted'
        ? { size: 8.5, color: COLOR.muted }
        : { size: 10, bold: block.style === 'strong' };
  flow.text(block.text, style);
  flow.y += block.style === 'muted' ? 2 : 3;
}

function drawTag(flow: Flow, tag: { text: string; tone: Tone }, x: number, baseline: number): number {
  flow.setStyle({ size: 7.5, bold: true, color: TONE[tag.tone] });
  const width = flow.doc.getTextWidth(tag.text) + 3;
  flow.fill(TONE_SOFT[tag.tone]);
  flow.doc.roundedRect(x, baseline - 2.9, width, 3.9, 0.8, 0.8, 'F');
  flow.doc.text(tag.text, x + 1.5, baseline);
  return width + 1.8;
}

function drawListItem(flow: Flow, item: ListItem, marker: string): void {
  const size = 10;
  const height = lineHeight(size);
  const x = MARGIN.left + 6;
  const width = CONTENT_WIDTH - 6;
  flow.setStyle({ size: 7.5, bold: true });
  const tagWidth = item.tag ? flow.doc.getTextWidth(item.tag.text) + 4.8 : 0;
  flow.setStyle({ size });
  const lines = flow.wrap(item.text, width, width - tagWidth);
  flow.ensure(height * Math.min(lines.length, 2));
  const baseline = () => flow.y + size * PT * 0.8;
  flow.setStyle({ size, bold: true, color: COLOR.brand });
  flow.doc.text(marker, MARGIN.left + 1, baseline());
  lines.forEach((line, index) => {
    flow.ensure(height);
    let lineX = x;
    if (index === 0 && item.tag) lineX += drawTag(flow, item.tag, x, baseline());
    flow.setStyle({ size });
    flow.doc.text(line, lineX, baseline());
    flow.y += height;
  });
  for (const note of item.notes ?? []) flow.text(note, { size: 8.5, color: COLOR.muted }, { x });
  flow.y += 1.6;
}

function drawList(flow: Flow, block: Extract<Block, { kind: 'list' }>): void {
  block.items.forEach((item, index) => drawListItem(flow, item, block.numbered ? `${index + 1}.` : '•'));
  flow.y += 1.5;
}

function drawFacts(flow: Flow, rows: Array<{ label: string; value: string }>, labelWidth = 34): void {
  const size = 9.5;
  for (const row of rows) {
    flow.setStyle({ size });
    const lines = flow.wrap(row.value, CONTENT_WIDTH - labelWidth);
    flow.setStyle({ size, bold: true, color: COLOR.brandStrong });
    const labelLines = flow.wrap(row.label, labelWidth - 3);
    const height = lineHeight(size) * Math.max(lines.length, labelLines.length) + 2.2;
    flow.ensure(height);
    flow.doc.text(labelLines, MARGIN.left, flow.y + size * PT * 0.8, { lineHeightFactor: 1.38 });
    flow.setStyle({ size });
    flow.doc.text(lines, MARGIN.left + labelWidth, flow.y + size * PT * 0.8, { lineHeightFactor: 1.38 });
    flow.y += height;
    flow.stroke(COLOR.line, 0.15);
    flow.doc.line(MARGIN.left, flow.y - 1.1, MARGIN.left + CONTENT_WIDTH, flow.y - 1.1);
  }
  flow.y += 2;
}

function drawTable(flow: Flow, columns: TableColumn[], rows: TableRow[], minRowHeight = 0, continues = false): void {
  // A continuation starts where the table above ended (drawTable leaves 4 mm under a table).
  if (continues) flow.y -= 4;
  else flow.ensure(22);
  const cell = (value: TableRow[number]): CellDef => ({
    content: value.detail ? `${value.text}\n${value.detail}` : value.text,
    styles: {
      ...(value.tone ? { textColor: [...TONE[value.tone]] as [number, number, number] } : {}),
      ...(value.bold ? { fontStyle: 'bold' as const } : {}),
    },
  });
  let finalY = flow.y;
  autoTable(flow.doc, {
    startY: flow.y,
    margin: { left: MARGIN.left, right: MARGIN.right, top: MARGIN.top, bottom: MARGIN.bottom },
    head: continues ? [] : [columns.map((c) => c.header)],
    body: rows.map((row) => row.map(cell)),
    theme: 'grid',
    rowPageBreak: 'avoid',
    styles: {
      font: FONT,
      fontSize: 8.5,
      cellPadding: { top: 1.6, bottom: 1.6, left: 1.8, right: 1.8 },
      textColor: [...COLOR.ink],
      lineColor: [...COLOR.line],
      lineWidth: 0.15,
      valign: 'top',
      overflow: 'linebreak',
      minCellHeight: minRowHeight,
    },
    headStyles: { fillColor: [...COLOR.brand], textColor: [...COLOR.white], fontStyle: 'bold', valign: 'middle' },
    alternateRowStyles: { fillColor: [...COLOR.paper] },
    columnStyles: Object.fromEntries(
      columns.map((c, i) => [i, { cellWidth: c.width * CONTENT_WIDTH, halign: c.align ?? 'left' }]),
    ),
    didDrawPage: (data) => {
      finalY = data.cursor?.y ?? finalY;
    },
  });
  flow.y = finalY + 4;
}

/** Shortens a label to one line, with an ellipsis, in the current font. */
function fitOneLine(flow: Flow, text: string, width: number): string {
  if (flow.doc.getTextWidth(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && flow.doc.getTextWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function drawBarChart(flow: Flow, block: Extract<Block, { kind: 'bar-chart' }>): void {
  const rowHeight = 4.9;
  const labelWidth = 68;
  const valueWidth = 14;
  const trackX = MARGIN.left + labelWidth;
  const trackWidth = CONTENT_WIDTH - labelWidth - valueWidth;
  // The chart is kept on one page: its guides run from the first bar to the last.
  flow.ensure(18 + rowHeight * block.bars.length);
  flow.text(block.title, { size: 10.5, bold: true, color: COLOR.brandStrong });
  flow.y += 0.5;
  const top = flow.y;
  const bottom = top + rowHeight * block.bars.length;
  // Faint guides at each quarter, drawn first so that the bars cover them.
  flow.stroke(COLOR.line, 0.15);
  flow.setStyle({ size: 7, color: COLOR.muted });
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = trackX + (trackWidth * tick) / 100;
    flow.doc.line(x, top, x, bottom);
    flow.doc.text(String(tick), x, bottom + 3, { align: 'center' });
  }
  const drawBar = (bar: Bar) => {
    const middle = flow.y + rowHeight / 2;
    flow.setStyle({ size: 8.5 });
    flow.doc.text(fitOneLine(flow, bar.label, labelWidth - 3), MARGIN.left, middle + 1);
    flow.fill(COLOR.track);
    flow.doc.rect(trackX, middle - 1.5, trackWidth, 3, 'F');
    if (bar.value !== null && bar.value > 0) {
      flow.fill(TONE[bar.tone]);
      flow.doc.rect(trackX, middle - 1.5, (trackWidth * Math.min(bar.value, 100)) / 100, 3, 'F');
    }
    flow.setStyle({ size: 8.5, bold: true, color: bar.value === null ? COLOR.muted : TONE[bar.tone] });
    flow.doc.text(bar.valueText, MARGIN.left + CONTENT_WIDTH, middle + 1, { align: 'right' });
    flow.y += rowHeight;
  };
  block.bars.forEach(drawBar);
  flow.y += 5;
  flow.text(block.source, { size: 8, color: COLOR.muted });
  flow.y += 2.5;
}

function drawCallout(flow: Flow, block: Extract<Block, { kind: 'callout' }>): void {
  const size = 10;
  const padding = 3.5;
  const innerWidth = CONTENT_WIDTH - 2 * padding - 1.5;
  flow.setStyle({ size, bold: true });
  const lines = block.lines.flatMap((line) => flow.wrap(line, innerWidth));
  const height = lines.length * lineHeight(size) + 2 * padding;
  flow.ensure(height);
  flow.fill(TONE_SOFT[block.tone]);
  flow.doc.rect(MARGIN.left, flow.y, CONTENT_WIDTH, height, 'F');
  flow.fill(TONE[block.tone]);
  flow.doc.rect(MARGIN.left, flow.y, 1.5, height, 'F');
  flow.setStyle({ size, bold: true, color: block.tone === 'neutral' ? COLOR.brandStrong : TONE[block.tone] });
  flow.doc.text(lines, MARGIN.left + 1.5 + padding, flow.y + padding + size * PT * 0.8, { lineHeightFactor: 1.38 });
  flow.y += height + 4;
}

function drawScore(flow: Flow, block: Extract<Block, { kind: 'score' }>): void {
  const height = 15;
  flow.ensure(height + 4);
  flow.fill(TONE_SOFT[block.tone]);
  flow.doc.rect(MARGIN.left, flow.y, CONTENT_WIDTH, height, 'F');
  flow.fill(TONE[block.tone]);
  flow.doc.rect(MARGIN.left, flow.y, 1.5, height, 'F');
  flow.setStyle({ size: 18, bold: true, color: TONE[block.tone] });
  flow.doc.text(block.value, MARGIN.left + 6, flow.y + height / 2 + 2.2);
  const valueWidth = flow.doc.getTextWidth(block.value);
  flow.setStyle({ size: 10.5, bold: true, color: COLOR.ink });
  const x = MARGIN.left + 6 + valueWidth + 8;
  const lines = flow.wrap(block.label, MARGIN.left + CONTENT_WIDTH - x - 4);
  const textHeight = lines.length * lineHeight(10.5);
  flow.doc.text(lines, x, flow.y + (height - textHeight) / 2 + 10.5 * PT * 0.85, { lineHeightFactor: 1.38 });
  flow.y += height + 3.5;
}

function drawActionSheet(flow: Flow, block: Extract<Block, { kind: 'action-sheet' }>): void {
  flow.ensure(34);
  const titleSize = 11;
  const x = MARGIN.left + 9;
  flow.setStyle({ size: titleSize, bold: true, color: block.critical ? TONE.critical : COLOR.brand });
  flow.doc.text(`${block.rank}.`, MARGIN.left, flow.y + titleSize * PT * 0.8);
  flow.text(block.title, { size: titleSize, bold: true, color: COLOR.brandStrong }, { x });
  if (block.critical) {
    flow.y += 0.5;
    drawTag(flow, { text: block.critical, tone: 'critical' }, x, flow.y + 3);
    flow.y += 5;
  }
  flow.y += 1;
  for (const part of block.parts) {
    flow.ensure(lineHeight(8) + lineHeight(9.5));
    flow.text(part.label, { size: 8, bold: true, color: COLOR.muted }, { x });
    for (const line of part.lines) flow.text(line, { size: 9.5 }, { x });
    flow.y += 1.2;
  }
  flow.y += 2;
  flow.stroke(COLOR.line, 0.2);
  flow.doc.line(MARGIN.left, flow.y, MARGIN.left + CONTENT_WIDTH, flow.y);
  flow.y += 5;
}

function drawBlock(flow: Flow, block: Block): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(flow, block.text);
    case 'paragraph':
      return drawParagraph(flow, block);
    case 'list':
      return drawList(flow, block);
    case 'facts':
      return drawFacts(flow, block.rows);
    case 'table':
      return drawTable(flow, block.columns, block.rows, block.minRowHeight, block.continues);
    case 'bar-chart':
      return drawBarChart(flow, block);
    case 'callout':
      return drawCallout(flow, block);
    case 'score':
      return drawScore(flow, block);
    case 'action-sheet':
      return drawActionSheet(flow, block);
  }
}

/** Draws a section from a new page; returns the number of that page. */
function drawSection(flow: Flow, section: ReportSection): number {
  const draw = (blocks: Block[]) => {
    flow.newPage();
    drawSectionTitle(flow, section.title);
    for (const block of blocks) drawBlock(flow, block);
  };
  const first = flow.doc.getNumberOfPages() + 1;
  let blocks = section.blocks;
  draw(blocks);
  if (!section.onePage) return first;
  const dropOrder = blocks.flatMap((block) => (block.optional === undefined ? [] : [block.optional])).sort((a, b) => a - b);
  for (const rank of dropOrder) {
    if (flow.doc.getNumberOfPages() === first) return first;
    // Too long for one page: take the pages back and print it again without the next optional block.
    for (let page = flow.doc.getNumberOfPages(); page >= first; page -= 1) flow.doc.deletePage(page);
    blocks = blocks.filter((block) => block.optional !== rank);
    draw(blocks);
  }
  return first;
}

/** The table of contents, on the cover under the facts, in two columns: title and first page of each section. */
function drawContents(flow: Flow, title: string, entries: Array<{ title: string; page: number }>, top: number): void {
  const { doc } = flow;
  flow.doc.setPage(1);
  flow.y = top;
  flow.text(title, { size: 10.5, bold: true, color: COLOR.brandStrong });
  flow.y += 1;
  const columnGap = 8;
  const columnWidth = (CONTENT_WIDTH - columnGap) / 2;
  const perColumn = Math.ceil(entries.length / 2);
  const rowHeight = 4.6;
  flow.setStyle({ size: 8.5 });
  entries.forEach((entry, index) => {
    const column = Math.floor(index / perColumn);
    const x = MARGIN.left + column * (columnWidth + columnGap);
    const y = flow.y + (index % perColumn) * rowHeight + 3;
    const page = String(entry.page);
    const label = fitOneLine(flow, entry.title, columnWidth - doc.getTextWidth(page) - 6);
    doc.text(label, x, y);
    doc.text(page, x + columnWidth, y, { align: 'right' });
    // A dotted leader from the title to its page number.
    doc.setLineDashPattern([0.3, 0.9], 0);
    flow.stroke(COLOR.line, 0.2);
    doc.line(x + doc.getTextWidth(label) + 1.5, y, x + columnWidth - doc.getTextWidth(page) - 1.5, y);
    doc.setLineDashPattern([], 0);
  });
}

/** Draws the cover; returns where the table of contents goes (it is drawn once the page numbers are known). */
function drawCover(flow: Flow, cover: ReportCover): number {
  const { doc } = flow;
  const bandHeight = 92;
  flow.fill(COLOR.brand);
  doc.rect(0, 0, PAGE.width, bandHeight, 'F');
  flow.y = 30;
  flow.text(cover.eyebrow, { size: 12, bold: true, color: COLOR.brandSoft });
  flow.y += 3;
  flow.text(cover.title, { size: 30, bold: true, color: COLOR.white }, { leading: 1.15 });
  flow.y += 4;
  flow.text(cover.subtitle, { size: 12, color: COLOR.white }, { width: CONTENT_WIDTH - 20 });
  flow.y = bandHeight + 12;
  drawFacts(flow, cover.facts, 52);
  const contentsTop = flow.y + 3;
  flow.y = 238;
  drawCallout(flow, { kind: 'callout', tone: 'neutral', lines: cover.notes.slice(0, 1) });
  flow.text(cover.notes.slice(1).join(' '), { size: 8.5, color: COLOR.muted });
  return contentsTop;
}

function drawFooters(doc: jsPDF, model: ReportModel): void {
  const total = doc.getNumberOfPages();
  for (let page = 1; page <= total; page += 1) {
    doc.setPage(page);
    const label = model.pageLabel.replace('{page}', String(page)).replace('{total}', String(total));
    const y = PAGE.height - 12;
    doc.setFont(FONT, 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(...COLOR.muted);
    if (page > 1) {
      doc.setDrawColor(...COLOR.line);
      doc.setLineWidth(0.2);
      doc.line(MARGIN.left, y - 4, PAGE.width - MARGIN.right, y - 4);
      doc.text(model.footer, MARGIN.left, y, { maxWidth: CONTENT_WIDTH - 30 });
    }
    doc.text(label, PAGE.width - MARGIN.right, y, { align: 'right' });
  }
}

/** Renders the model to PDF bytes. */
export function renderReport(model: ReportModel, fonts: ReportFonts): ArrayBuffer {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  doc.addFileToVFS('noto-sans-regular.ttf', fonts.regular);
  doc.addFont('noto-sans-regular.ttf', FONT, 'normal');
  doc.addFileToVFS('noto-sans-bold.ttf', fonts.bold);
  doc.addFont('noto-sans-bold.ttf', FONT, 'bold');
  doc.setProperties({ ...model.meta, creator: 'Cyberdiag' });
  doc.setLanguage(model.language === 'fr' ? 'fr-FR' : 'en-GB');

  const flow = new Flow(doc);
  const contentsTop = drawCover(flow, model.cover);
  const contents = model.sections.map((section) => ({ title: section.title, page: drawSection(flow, section) }));
  if (model.cover.contents) drawContents(flow, model.cover.contents, contents, contentsTop);
  drawFooters(doc, model);
  return doc.output('arraybuffer');
}
