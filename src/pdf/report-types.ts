/** The report as plain data: what the PDF says, in which order, before anything is drawn. */

export type Tone = 'critical' | 'warning' | 'good' | 'neutral';

/**
 * When a section that must fit on one page does not, its `optional` blocks are left out one at a time,
 * lowest number first, until it fits.
 */
export type Block = BlockContent & { optional?: number };

type BlockContent =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; style?: 'lead' | 'muted' | 'strong' }
  | { kind: 'list'; items: ListItem[]; numbered?: boolean }
  | { kind: 'facts'; rows: Array<{ label: string; value: string }> }
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: TableRow[];
      /** mm, for rows filled in by hand. */
      minRowHeight?: number;
      /** More rows of the table just above: drawn right under it, without the header row. */
      continues?: boolean;
    }
  | { kind: 'bar-chart'; title: string; bars: Bar[]; source: string }
  | { kind: 'callout'; tone: Tone; lines: string[] }
  | { kind: 'score'; value: string; label: string; tone: Tone }
  | { kind: 'action-sheet'; rank: string; title: string; critical: string | null; parts: Array<{ label: string; lines: string[] }> };

export interface ListItem {
  text: string;
  /** A short label printed before the text, e.g. "Faille critique". */
  tag?: { text: string; tone: Tone };
  /** Smaller lines under the item: a source, the wording of a survey question. */
  notes?: string[];
}

export interface TableColumn {
  header: string;
  /** Share of the text width (all columns of a table add up to 1). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableCell {
  text: string;
  /** Second line in a smaller type (a note, a remark). */
  detail?: string;
  tone?: Tone;
  bold?: boolean;
}

export type TableRow = TableCell[];

export interface Bar {
  label: string;
  /** 0–100, or null when the theme has no answer. */
  value: number | null;
  valueText: string;
  tone: Tone;
}

export interface ReportSection {
  id: string;
  title: string;
  blocks: Block[];
  /** Printed on a single page: optional blocks are dropped when everything does not fit. */
  onePage?: boolean;
}

export interface ReportCover {
  eyebrow: string;
  title: string;
  subtitle: string;
  facts: Array<{ label: string; value: string }>;
  notes: string[];
  /** Title of the table of contents printed on the cover (section titles and their first page); none without it. */
  contents?: string;
}

export interface ReportModel {
  language: 'fr' | 'en';
  /** Document properties (title, subject) shown by PDF readers. */
  meta: { title: string; subject: string; author: string };
  cover: ReportCover;
  /** Each section starts on a new page. */
  sections: ReportSection[];
  footer: string;
  /** The page label with "{page}" and "{total}" left in, filled in once the page count is known. */
  pageLabel: string;
  /** The file name, without ".pdf". */
  fileName: string;
}
