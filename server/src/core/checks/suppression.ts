/**
 * Suppression comments, so that an author can keep a deliberate spelling without switching a rule
 * off everywhere:
 *
 *   <!-- guideline-disable code1 code2 -->   from here on (no codes: every rule)
 *   <!-- guideline-enable code1 -->          back on (no codes: every rule)
 *   <!-- guideline-disable-next-line code --> only the line after the comment
 *
 * Codes may be separated by spaces or commas; text after ` -- ` is a free-form reason. Comments
 * inside code blocks are not directives (they are code, not comments).
 */
import { findNonProseRegions } from './prose-mask';
import { LineIndex } from '../text/position';

type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

export interface SuppressionDirective {
  readonly kind: DirectiveKind;
  /** Empty: all rules. */
  readonly codes: readonly string[];
  readonly start: number;
  readonly end: number;
}

const DIRECTIVE = /^<!--\s*guideline-(disable-next-line|disable|enable)(?=\s|-->)([\s\S]*?)-->$/;

export function parseSuppressionDirectives(text: string): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  if (!text.includes('guideline-')) return directives;
  for (const region of findNonProseRegions(text)) {
    if (region.kind !== 'html-comment') continue;
    const m = DIRECTIVE.exec(text.slice(region.start, region.end));
    if (!m) continue;
    const list = m[2].split(/\s--\s/)[0];
    const codes = list.split(/[\s,]+/).filter((c) => c.length > 0);
    directives.push({ kind: m[1] as DirectiveKind, codes, start: region.start, end: region.end });
  }
  return directives;
}

interface State {
  all: boolean;
  /** Disabled codes while `all` is false; re-enabled exceptions while `all` is true. */
  codes: Set<string>;
}

function isDisabled(state: State, code: string): boolean {
  return state.all ? !state.codes.has(code) : state.codes.has(code);
}

function applyDirective(state: State, directive: SuppressionDirective): void {
  const { kind, codes } = directive;
  if (codes.length === 0) {
    state.all = kind === 'disable';
    state.codes.clear();
    return;
  }
  for (const code of codes) {
    const disable = kind === 'disable';
    // In "all disabled" mode the set lists exceptions, so the meaning of add/delete flips.
    if (disable !== state.all) state.codes.add(code);
    else state.codes.delete(code);
  }
}

/** Anything with a code and a start offset in the document. */
export interface SuppressibleFinding {
  readonly code: string;
  readonly start: number;
}

/**
 * Keeps the findings not suppressed by directives in `text`. Offsets are document offsets; the
 * order of the input is preserved.
 */
export function filterSuppressed<T extends SuppressibleFinding>(text: string, findings: readonly T[]): T[] {
  const directives = parseSuppressionDirectives(text);
  return directives.length === 0 ? [...findings] : filterSuppressedBy(directives, new LineIndex(text), findings);
}

/** The same with directives already found (in document offsets, in order) and the line index. */
export function filterSuppressedBy<T extends SuppressibleFinding>(
  directives: readonly SuppressionDirective[],
  index: LineIndex,
  findings: readonly T[],
): T[] {
  if (directives.length === 0) return [...findings];
  const nextLine = new Map<number, SuppressionDirective[]>();
  const ranged = directives.filter((d) => d.kind !== 'disable-next-line');
  for (const d of directives) {
    if (d.kind !== 'disable-next-line') continue;
    const line = index.positionAt(d.end).line + 1;
    nextLine.set(line, [...(nextLine.get(line) ?? []), d]);
  }
  const order = findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || a.i - b.i);
  const keep = new Set<number>();
  const state: State = { all: false, codes: new Set() };
  let next = 0;
  for (const { f, i } of order) {
    while (next < ranged.length && ranged[next].end <= f.start) applyDirective(state, ranged[next++]);
    if (isDisabled(state, f.code)) continue;
    const lineDirectives = nextLine.get(index.positionAt(f.start).line);
    if (lineDirectives?.some((d) => d.codes.length === 0 || d.codes.includes(f.code))) continue;
    keep.add(i);
  }
  return findings.filter((_, i) => keep.has(i));
}
