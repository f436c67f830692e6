/**
 * RFC 4180 tables as Excel writes them: quoted fields with `""` escapes and embedded line breaks,
 * CRLF or LF rows. Cells keep their offsets so problems can point at them.
 */
export interface CsvCell {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

interface CsvSyntaxIssue {
  readonly kind: 'unterminated-quote' | 'text-after-quote';
  readonly offset: number;
}

export interface CsvTable {
  readonly rows: CsvCell[][];
  readonly issues: CsvSyntaxIssue[];
}

export function parseCsvTable(text: string, delimiter = ','): CsvTable {
  const rows: CsvCell[][] = [];
  const issues: CsvSyntaxIssue[] = [];
  let row: CsvCell[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const atRowEnd = (j: number) => j >= text.length || text[j] === '\n' || text[j] === '\r';
  const endRow = (j: number): number => {
    rows.push(row);
    row = [];
    if (text[j] === '\r' && text[j + 1] === '\n') return j + 2;
    return j + 1;
  };
  if (i >= text.length) return { rows, issues };
  for (;;) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      let closed = false;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        value += text[i++];
      }
      if (!closed) issues.push({ kind: 'unterminated-quote', offset: start });
      // Lenient like Excel: text between the closing quote and the delimiter is kept.
      if (closed && i < text.length && text[i] !== delimiter && !atRowEnd(i)) {
        issues.push({ kind: 'text-after-quote', offset: i });
        while (i < text.length && text[i] !== delimiter && !atRowEnd(i)) value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== delimiter && !atRowEnd(i)) value += text[i++];
    }
    row.push({ value, start, end: i });
    if (i < text.length && text[i] === delimiter) {
      i++;
      continue;
    }
    if (i >= text.length) {
      rows.push(row);
      break;
    }
    i = endRow(i);
    if (i >= text.length) break;
  }
  return { rows, issues };
}

function quote(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** CRLF rows, quoting only where needed (as Excel does). */
export function formatCsvTable(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
