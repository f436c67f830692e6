/**
 * The 新旧対照表 (old/new comparison table) as data: one row per changed section in the standard
 * layout (改正後 on the left, 改正前 on the right), changed spans marked for underlining, runs of
 * unchanged text shown as 「（略）」, and 「（新設）」/「（削除）」 for added and deleted sections.
 * Renderers (Markdown, HTML, DOCX) only draw this model.
 */
import type { Alignment, AlignmentRow, VersionNode } from './align';
import { charDiff } from './char-diff';

/** A run of text on one side; `changed` runs are underlined (傍線). */
interface TableSpan {
  readonly text: string;
  readonly changed: boolean;
}

/** One line of a cell: spans, or an omission 「（略）」 standing for unchanged lines. */
export type TableLine = { readonly kind: 'text'; readonly spans: readonly TableSpan[] } | { readonly kind: 'omitted' };

export interface TableCell {
  /** 「（新設）」 or 「（削除）」 in place of text: the other side has the section. */
  readonly placeholder?: 'added' | 'deleted';
  readonly lines: readonly TableLine[];
}

export interface TableRow {
  readonly kind: 'modified' | 'added' | 'deleted' | 'renumbered' | 'omitted';
  /** The section on each side (`3.9.3`), when it has a number. */
  readonly newSection: string | null;
  readonly oldSection: string | null;
  readonly renumbered: boolean;
  readonly new: TableCell;
  readonly old: TableCell;
}

export interface ComparisonTable {
  readonly title: string;
  readonly newLabel: string;
  readonly oldLabel: string;
  readonly rows: readonly TableRow[];
  /** Sections changed, added, deleted, renumbered only. */
  readonly counts: {
    readonly modified: number;
    readonly added: number;
    readonly deleted: number;
    readonly renumbered: number;
  };
}

export const TABLE_TEXT = {
  heading: { ja: '新旧対照表', en: 'Comparison of old and new text' },
  underlineNote: { ja: '（傍線部分は改正部分）', en: '(underlined: amended)' },
  newColumn: { ja: '改正後', en: 'Amended' },
  oldColumn: { ja: '改正前', en: 'Before' },
  omitted: { ja: '（略）', en: '(omitted)' },
  added: { ja: '（新設）', en: '(new)' },
  deleted: { ja: '（削除）', en: '(deleted)' },
} as const;

/** A section's own text as a reader sees it: Markdown heading marks and bold markers removed. */
export function displayText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^#{1,6}[ \t]+/, '')
        .replace(/\*\*|__/g, '')
        .replace(/[ \t]+$/, ''),
    )
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Splits spans at line breaks, for one side of the diff. */
function linesOf(spans: readonly TableSpan[]): TableSpan[][] {
  const lines: TableSpan[][] = [[]];
  for (const span of spans) {
    const parts = span.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ text: part, changed: span.changed });
    });
  }
  return lines;
}

/**
 * Lines of one side: the heading (first line), lines with a change and lines facing a change on the
 * other side in full; other unchanged lines folded into one 「（略）」 per run.
 */
function foldLines(lines: readonly TableSpan[][], keep: ReadonlySet<number>, keepAll: boolean): TableLine[] {
  const out: TableLine[] = [];
  lines.forEach((spans, i) => {
    if (keepAll || i === 0 || keep.has(i) || spans.some((s) => s.changed)) out.push({ kind: 'text', spans });
    else if (out[out.length - 1]?.kind !== 'omitted') out.push({ kind: 'omitted' });
  });
  return out;
}

const newlines = (text: string): number => text.split('\n').length - 1;

/** Old and new text of an aligned pair of sections, underlined where they differ. */
export function diffCells(oldText: string, newText: string, foldUnchanged = true): { old: TableCell; new: TableCell } {
  const oldSpans: TableSpan[] = [];
  const newSpans: TableSpan[] = [];
  // Lines of each side that share unchanged text with the other side's lines, and changed lines.
  const links: [number, number][] = [];
  const oldChanged = new Set<number>();
  const newChanged = new Set<number>();
  let oldLine = 0;
  let newLine = 0;
  for (const span of charDiff(oldText, newText)) {
    if (span.kind === 'same') {
      const breaks = newlines(span.text);
      for (let k = 0; k <= breaks; k++) links.push([oldLine + k, newLine + k]);
      oldSpans.push({ text: span.text, changed: false });
      newSpans.push({ text: span.text, changed: false });
      oldLine += breaks;
      newLine += breaks;
    } else if (span.kind === 'removed') {
      for (let k = 0; k <= newlines(span.text); k++) oldChanged.add(oldLine + k);
      oldSpans.push({ text: span.text, changed: true });
      oldLine += newlines(span.text);
    } else {
      for (let k = 0; k <= newlines(span.text); k++) newChanged.add(newLine + k);
      newSpans.push({ text: span.text, changed: true });
      newLine += newlines(span.text);
    }
  }
  const keepOld = new Set<number>();
  const keepNew = new Set<number>();
  for (const [o, n] of links) {
    if (newChanged.has(n)) keepOld.add(o);
    if (oldChanged.has(o)) keepNew.add(n);
  }
  return {
    old: { lines: foldLines(linesOf(oldSpans), keepOld, !foldUnchanged) },
    new: { lines: foldLines(linesOf(newSpans), keepNew, !foldUnchanged) },
  };
}

function wholeCell(text: string): TableCell {
  return { lines: linesOf([{ text, changed: true }]).map((spans) => ({ kind: 'text', spans })) };
}

const placeholderCell = (kind: 'added' | 'deleted'): TableCell => ({ placeholder: kind, lines: [] });
const OMITTED: TableCell = { lines: [{ kind: 'omitted' }] };

export interface TableOptions {
  readonly title?: string;
  readonly newLabel?: string;
  readonly oldLabel?: string;
  /** Show unchanged lines of changed sections instead of 「（略）」. */
  readonly full?: boolean;
}

/** The comparison table of an alignment, section by section in the new version's order. */
export function comparisonTable(alignment: Alignment, options: TableOptions = {}): ComparisonTable {
  const rows: TableRow[] = [];
  const counts = { modified: 0, added: 0, deleted: 0, renumbered: 0 };
  const pushOmitted = (): void => {
    if (rows[rows.length - 1]?.kind !== 'omitted')
      rows.push({ kind: 'omitted', newSection: null, oldSection: null, renumbered: false, new: OMITTED, old: OMITTED });
  };
  const sectionOf = (v: VersionNode | null) => v?.node.number ?? null;
  for (const row of alignment.rows as readonly AlignmentRow[]) {
    const v = row.new ?? row.old;
    if (!v?.isContainer) continue;
    const base = { newSection: sectionOf(row.new), oldSection: sectionOf(row.old), renumbered: row.renumbered };
    if (row.change === 'added') {
      counts.added++;
      rows.push({ ...base, kind: 'added', new: wholeCell(displayText(row.new!.text)), old: placeholderCell('added') });
    } else if (row.change === 'deleted') {
      counts.deleted++;
      rows.push({
        ...base,
        kind: 'deleted',
        new: placeholderCell('deleted'),
        old: wholeCell(displayText(row.old!.text)),
      });
    } else if (row.change === 'modified' || row.renumbered || row.retitled) {
      if (row.change === 'modified') counts.modified++;
      if (row.renumbered) counts.renumbered++;
      const cells = diffCells(displayText(row.old!.text), displayText(row.new!.text), !options.full);
      rows.push({ ...base, kind: row.change === 'modified' ? 'modified' : 'renumbered', ...cells });
    } else pushOmitted();
  }
  return {
    title: options.title ?? alignment.newDocument.title,
    newLabel: options.newLabel ?? '',
    oldLabel: options.oldLabel ?? '',
    rows,
    counts,
  };
}
