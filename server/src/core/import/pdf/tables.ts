/**
 * Tables in a region's lines. The PDF keeps no table, only text: a table shows as lines whose items
 * are separated by wide gaps (cell padding), with the gaps' starts at the same x line after line.
 * Rows are told apart by the empty band between them (the cell padding twice); the lines of one
 * cell nearly touch. A run whose pieces do not fall on common columns is reported and read as
 * paragraphs instead.
 */
import type { TextLine } from '../../layout/lines';
import type { TextItem } from '../../layout/page-text';
import { softJoin } from '../../comments/unwrap';

interface Segment {
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
function segments(line: TextLine, gapRatio = 0.9): Segment[] {
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
  /** The columns' left edges. */
  readonly columns: readonly number[];
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

/**
 * Runs of table lines in `lines` (top-down), in order. `continued`: the columns of a table the
 * previous page ended with; lines at the top on those columns continue it, even a single row.
 */
export function findTables(lines: readonly TextLine[], continued?: readonly number[]): TableRun[] {
  const segs = lines.map((l) => segments(l));
  const runs: TableRun[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (segs[i].length < 2) continue;
    const continuing =
      i === 0 &&
      continued !== undefined &&
      segs[i].every((s) => continued.some((c) => Math.abs(c - s.x) <= X_TOLERANCE));
    // Grow the run: same type size, close pitch, and either gapped or starting at a known column.
    const starts = new Set<number>([...segs[i].map((s) => s.x), ...(continuing ? continued : [])]);
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
    if (gapped < (continuing ? 1 : 2)) continue;
    const built = buildRows(lines.slice(i, end), segs.slice(i, end), continuing ? continued : undefined);
    runs.push({ start: i, end, rows: built.rows, columns: built.columns });
    i = end - 1;
  }
  return runs;
}

function buildRows(
  lines: readonly TextLine[],
  segs: readonly Segment[][],
  known?: readonly number[],
): { rows: string[][] | null; columns: readonly number[] } {
  // A column starts where pieces start on two lines or more, one of them a gapped line (a cell
  // centred vertically may sit alone on its line).
  const gappedStarts = segs.flatMap((s) => (s.length >= 2 ? s.map((p) => p.x) : []));
  const clusters = clusterStarts(segs.flatMap((s) => s.map((p) => p.x)));
  const columns =
    known ??
    clusters.filter((c) => c.count >= 2 && gappedStarts.some((x) => Math.abs(x - c.x) <= X_TOLERANCE)).map((c) => c.x);
  if (columns.length < 2) return { rows: null, columns };
  let stray = 0;
  let total = 0;
  const columnOf = (x: number): number => {
    total++;
    let index = -1;
    for (let c = 0; c < columns.length; c++) if (columns[c] <= x + X_TOLERANCE) index = c;
    if (index < 0 || Math.abs(columns[index] - x) > X_TOLERANCE) stray++;
    return Math.max(0, index);
  };
  // Rows are separated by an empty band taller than a line's leading (the cells' padding); the
  // lines of one cell, or a vertically centred cell beside them, overlap or nearly touch.
  const rowStarts = new Set<number>([0]);
  let bottom = lines[0].y + lines[0].height;
  for (let k = 1; k < lines.length; k++) {
    if (lines[k].y - bottom > 0.9 * lines[k].height) rowStarts.add(k);
    bottom = rowStarts.has(k) ? lines[k].y + lines[k].height : Math.max(bottom, lines[k].y + lines[k].height);
  }
  // No padding at all (Word's default cells): a row starts where the first column does.
  if (rowStarts.size <= 2 && lines.length > 3)
    segs.forEach((s, k) => {
      if (s[0] && Math.abs(s[0].x - columns[0]) <= X_TOLERANCE) rowStarts.add(k);
    });
  const rows: string[][] = [];
  for (let k = 0; k < lines.length; k++) {
    if (rowStarts.has(k)) rows.push(columns.map(() => ''));
    const row = rows[rows.length - 1];
    for (const seg of segs[k]) {
      const c = columnOf(seg.x);
      row[c] = row[c] === '' ? seg.text : softJoin(row[c], seg.text);
    }
  }
  return { rows: stray > total * 0.2 ? null : rows, columns };
}
