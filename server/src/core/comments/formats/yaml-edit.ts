/**
 * Minimal edits to the YAML store: set `status:`, `assignee:` and `notes:` of one comment without
 * reprinting the file, so the editor's layout, comments and block scalars stay as they were.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, stringify, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../../text/position';
import type { TextEdit } from '../../findings';

export type RecordFieldValues = Partial<Record<'status' | 'assignee' | 'notes', string | null>>;

/** A scalar as YAML text on one line: plain where YAML allows it, else double-quoted. */
function scalarText(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  if (!plain.includes('\n') && readsBack(plain, value)) return plain;
  // Double-quoted with YAML's escapes (a line separator U+2028 would break a JSON string).
  return stringify(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE' }).replace(/\n$/, '');
}

function readsBack(printed: string, value: string): boolean {
  try {
    return (parse(`k: ${printed}`) as { k?: unknown } | null)?.k === value;
  } catch {
    return false;
  }
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function findRecord(items: unknown, number: number): YAMLMap | null {
  if (!isSeq(items)) return null;
  for (const item of items.items) {
    if (!isMap(item)) continue;
    const numberPair = item.items.find((p) => keyOf(p) === 'number');
    if (numberPair && isScalar(numberPair.value) && Number(numberPair.value.value) === number) return item;
  }
  return null;
}

/**
 * Edits that give comment `number` the values given (null or '' removes the field's value by
 * leaving it out when absent, or emptying it when present). Null when the text is not a YAML store
 * with that comment.
 */
export function setRecordFields(text: string, number: number, values: RecordFieldValues): TextEdit[] | null {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) return null;
  const contents = doc.contents;
  const list = isSeq(contents) ? contents : isMap(contents) ? contents.get('comments', true) : null;
  const record = findRecord(list, number);
  if (!record || !record.range || record.flow) return null;
  const index = new LineIndex(text);
  const first = record.items[0]?.key as { range?: [number, number, number] } | undefined;
  if (!first?.range) return null;
  const indent = ' '.repeat(index.positionAt(first.range[0]).character);
  const edits: TextEdit[] = [];
  // After the record's last non-blank character: new fields go on lines of their own there.
  let end = record.range[1];
  while (end > record.range[0] && /\s/.test(text[end - 1])) end--;
  const inserted: string[] = [];
  for (const key of ['status', 'assignee', 'notes'] as const) {
    if (!(key in values)) continue;
    const value = values[key] ?? '';
    const pair = record.items.find((p) => keyOf(p) === key);
    const valueNode = pair?.value as { range?: [number, number, number] } | null | undefined;
    if (pair && valueNode?.range) {
      let valueEnd = valueNode.range[1];
      while (valueEnd > valueNode.range[0] && /\s/.test(text[valueEnd - 1])) valueEnd--;
      edits.push({ range: index.rangeOf(valueNode.range[0], valueEnd), newText: value ? scalarText(value) : '""' });
    } else if (pair) {
      // `status:` with nothing after it: write the value after the colon.
      const keyNode = pair.key as { range?: [number, number, number] };
      if (!keyNode.range) return null;
      const colon = text.indexOf(':', keyNode.range[1]);
      if (colon < 0) return null;
      edits.push({ range: index.rangeOf(colon + 1, colon + 1), newText: value ? ` ${scalarText(value)}` : '' });
    } else if (value) {
      inserted.push(`\n${indent}${key}: ${scalarText(value)}`);
    }
  }
  if (inserted.length > 0) edits.push({ range: index.rangeOf(end, end), newText: inserted.join('') });
  return edits;
}
