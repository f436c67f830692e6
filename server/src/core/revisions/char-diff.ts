/**
 * Character-level differences between two texts (jsdiff), grouped so that a changed word is one
 * span rather than scattered characters: the 新旧対照表 underlines them, coverage shows them.
 */
import { diffChars } from 'diff';

export type DiffSpan =
  | { readonly kind: 'same'; readonly text: string }
  | { readonly kind: 'removed'; readonly text: string }
  | { readonly kind: 'added'; readonly text: string };

/**
 * Spans that rebuild `before` (same + removed) and `after` (same + added). An unchanged run
 * shorter than `minSame` characters between two changes is folded into them, so 「ソーシャルメディア」
 * replacing 「SNS」 reads as one change, not as shared letters.
 */
export function charDiff(before: string, after: string, minSame = 2): DiffSpan[] {
  const raw = diffChars(before, after).map((c): DiffSpan => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
  const merged: DiffSpan[] = [];
  for (let i = 0; i < raw.length; i++) {
    const span = raw[i];
    const betweenChanges = i > 0 && i < raw.length - 1;
    if (span.kind === 'same' && betweenChanges && Array.from(span.text).length < minSame) {
      push(merged, { kind: 'removed', text: span.text });
      push(merged, { kind: 'added', text: span.text });
    } else {
      push(merged, span);
    }
  }
  return regroup(merged);
}

function push(spans: DiffSpan[], span: DiffSpan): void {
  const last = spans[spans.length - 1];
  if (last && last.kind === span.kind) spans[spans.length - 1] = { kind: span.kind, text: last.text + span.text };
  else spans.push(span);
}

/** Within each run of changes, all removals first, then all additions. */
function regroup(spans: DiffSpan[]): DiffSpan[] {
  const out: DiffSpan[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const span of spans) {
    if (span.kind === 'same') {
      flush();
      out.push(span);
    } else if (span.kind === 'removed') removed += span.text;
    else added += span.text;
  }
  flush();
  return out;
}
