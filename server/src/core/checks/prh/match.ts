/**
 * Running a prh rule over text. The work is bounded: the text is searched in chunks of at most
 * `chunkLength` characters cut at line breaks (the static safety check keeps backtracking
 * polynomial; the chunk cap keeps that polynomial small), and at most `maxMatches` matches are kept.
 */

export interface PrhMatchable {
  readonly pattern: RegExp;
  readonly expected: string;
  readonly regexpMustEmpty?: number;
}

export interface PrhMatch {
  readonly start: number;
  readonly end: number;
  readonly matched: string;
  readonly replacement: string;
}

export interface PrhLimits {
  readonly chunkLength: number;
  readonly maxMatches: number;
}

export const DEFAULT_PRH_LIMITS: PrhLimits = { chunkLength: 1000, maxMatches: 200 };

/** prh's expansion of `$1`…`$99` in `expected`: `$0` and unknown groups stay, unmatched groups are empty. */
function expandExpected(expected: string, groups: ReadonlyArray<string | undefined>): string {
  return expected.replace(/\$([0-9]{1,2})/g, (whole, digits: string) => {
    const index = parseInt(digits, 10);
    if (index === 0 || index > groups.length - 1) return whole;
    return groups[index] ?? '';
  });
}

/** [start, end) chunks of at most `size` characters, cut after line breaks where possible. */
function chunkRanges(text: string, size: number): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const lastBreak = text.lastIndexOf('\n', end - 1);
      if (lastBreak >= start) end = lastBreak + 1;
      else if (/[\udc00-\udfff]/.test(text[end])) end--;
    }
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

export function matchPrhRule(rule: PrhMatchable, text: string, limits: PrhLimits = DEFAULT_PRH_LIMITS): PrhMatch[] {
  const matches: PrhMatch[] = [];
  const re = new RegExp(
    rule.pattern.source,
    rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g',
  );
  for (const [from, to] of chunkRanges(text, limits.chunkLength)) {
    const chunk = text.slice(from, to);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(chunk))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (rule.regexpMustEmpty !== undefined && m[rule.regexpMustEmpty]) continue;
      matches.push({
        start: from + m.index,
        end: from + m.index + m[0].length,
        matched: m[0],
        replacement: expandExpected(rule.expected, [...m]),
      });
      if (matches.length >= limits.maxMatches) return matches;
    }
  }
  return matches;
}

/** The text with every match replaced, as prh's `--replace` (and its `specs`) would produce. */
export function applyPrhRule(rule: PrhMatchable, text: string): string {
  let out = '';
  let cursor = 0;
  for (const m of matchPrhRule(rule, text, { chunkLength: Math.max(text.length, 1), maxMatches: Infinity })) {
    out += text.slice(cursor, m.start) + m.replacement;
    cursor = m.end;
  }
  return out + text.slice(cursor);
}
