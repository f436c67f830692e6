/**
 * Tables in a region's lines. The PDF keeps no table, only text: a table shows as lines whose items
 * are separated by wide gaps (cell padding), with the gaps' starts at the same x line after line.
 * Rows are told apart by the line pitch: lines of one cell are closer than the rows (which carry
 * the cell padding twice). A run whose pieces do not fall on common columns is reported and read
 * as paragraphs instead.
 */
import type { TextLine } from '../../layout/lines';
import type { TextItem } from '../../layout/page-text';
import { softJoin } from '../../comments/unwrap';

export interface Segment {
  readonly x: number;
  readonly text: string;
}

/** A label that a full-width space may follow: 「ア　」「（１）　」「第３条　」「２―６　」. */
const LABEL =
  /^(?:第[0-9０-９一二三四五六七八九十百]{1,4}[章条節編款項]|[(（]?(?:[0-9０-９]{1,3}|[ア-ン]|[一二三四五六七八九十]{1,3}|注[0-9０-９]{1,3})[)）]?[.．]?|[\u2460-\u2473]|[0-9０-９]{1,3}(?:[.．―‐－-][0-9０-９]{1,3})+)$/;

/**
 * A line's pieces separated by gaps of at least `gapRatio` × its height. A label followed by a
 * full-width space stays with its text unless the gap is as wide as a cell's padding.
 */
export function segments(line: TextLine, gapRatio = 0.9): Segment[] {
  const out: { x: number; right: number; parts: TextItem[] }[] = [];
  for (const item of line.items) {
    const last = out[out.length - 1];
    if (last && item.x - last.right < gapRatio * line.height) {
      last.parts.push(item);
      last.right = Math.max(last.right, item.x + item.width);
    } else out.push({ x: item.x, right: item.x + item.width, parts: [item] });
  }
  const pieces = out.map((s) => ({
    x: s.x,
    right: s.right,
    text: s.parts
      .map((p) => p.text)
      .join('')
      .trim(),
  }));
  if (pieces.length >= 2 && LABEL.test(pieces[0].text) && pieces[1].x - pieces[0].right < 1.5 * line.height)
    pieces.splice(0, 2, { x: pieces[0].x, right: pieces[1].right, text: `${pieces[0].text} ${pieces[1].text}` });
  return pieces.filter((s) => s.text !== '').map((s) => ({ x: s.x, text: s.text }));
}

export interface TableRun {
  /** Index of the first and one past the last line of the run in the region. */
  readonly start: number;
  readonly end: number;
  /** Rows of cells; null when the run could not be aligned into columns (flattened). */
  readonly rows: string[][] | null;
}

const X_TOLERANCE = 3;

function clusterStarts(xs: number[]): { x: number; count: number }[] {
  const sorted = xs.slice().sort((a, b) => a - b);
  const clusters: { x: number; count: number }[] = [];
  for (const x of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && x - last.x <= X_TOLERANCE) last.count++;
    else clusters.push({ x, count: 1 });
  }
  return clusters;
}

function sameSize(a: TextLine, b: TextLine): boolean {
  return Math.abs(a.height - b.height) <= 0.12 * Math.max(a.height, b.height);
}

/** Runs of table lines in `lines` (top-down), in order. */
export function findTables(lines: readonly TextLine[]): TableRun[] {
  const segs = lines.map((l) => segments(l));
  const runs: TableRun[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (segs[i].length < 2) continue;
    // Grow the run: same type size, close pitch, and either gapped or starting at a known column.
    const starts = new Set<number>(segs[i].map((s) => s.x));
    const onColumn = (x: number) => [...starts].some((s) => Math.abs(s - x) <= X_TOLERANCE);
    let end = i + 1;
    while (end < lines.length) {
      const line = lines[end];
      const previous = lines[end - 1];
      if (!sameSize(line, lines[i]) || line.y - previous.y > 3 * line.height || line.y <= previous.y) break;
      if (segs[end].length < 2 && !onColumn(segs[end][0]?.x ?? -1)) break;
      for (const s of segs[end]) if (segs[end].length >= 2) starts.add(s.x);
      end++;
    }
    const gapped = segs.slice(i, end).filter((s) => s.length >= 2).length;
    if (gapped < 2) continue;
    runs.push({ start: i, end, rows: buildRows(lines.slice(i, end), segs.slice(i, end)) });
    i = end - 1;
  }
  return runs;
}

function buildRows(lines: readonly TextLine[], segs: readonly Segment[][]): string[][] | null {
  const clusters = clusterStarts(segs.flatMap((s) => (s.length >= 2 ? s.map((p) => p.x) : [])));
  const columns = clusters.filter((c) => c.count >= 2).map((c) => c.x);
  if (columns.length < 2) return null;
  let stray = 0;
  let total = 0;
  const columnOf = (x: number): number => {
    total++;
    let index = -1;
    for (let c = 0; c < columns.length; c++) if (columns[c] <= x + X_TOLERANCE) index = c;
    if (index < 0 || Math.abs(columns[index] - x) > X_TOLERANCE) stray++;
    return Math.max(0, index);
  };
  const pitches = lines.slice(1).map((l, k) => l.y - lines[k].y);
  const cellPitch = pitches.length > 0 ? Math.min(...pitches) : 0;
  const rows: string[][] = [];
  for (let k = 0; k < lines.length; k++) {
    if (k === 0 || pitches[k - 1] > cellPitch * 1.3) rows.push(columns.map(() => ''));
    const row = rows[rows.length - 1];
    for (const seg of segs[k]) {
      const c = columnOf(seg.x);
      row[c] = row[c] === '' ? seg.text : softJoin(row[c], seg.text);
    }
  }
  return stray > total * 0.2 ? null : rows;
}
