/**
 * prh's pattern semantics (prh/prh lib/rule.ts and lib/utils/regexp.ts):
 * - no `pattern`: the `expected` text, with every ASCII letter and digit also matching its other
 *   case and its full-width form (Cookie matches ｃｏｏｋｉｅ); `wordBoundary` adds \b…\b;
 * - a string `/source/flags` (flags from g, i, m, y): a regular expression;
 * - any other string: a literal, matched exactly as written (no width or case variants);
 * - a list (`pattern:` or `patterns:`): the alternatives combined into (?:a|b|…), which keeps
 *   prh's group numbering and requires all regex alternatives to share their flags;
 * - every pattern is compiled with flags `gmu`, plus `i` when the source asked for it.
 * One deliberate difference: with `wordBoundary`, prh inserts a string pattern unescaped into
 * \b…\b; here it stays a literal (prh's form breaks on `C++`).
 */

const REGEXP_STRING = /^\/(.*)\/([gimy]*)$/s;
const HALF = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const FULL =
  'ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ０１２３４５６７８９';

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** prh's spreadAlphaNum: each letter or digit becomes a class of its case and width variants. */
function spreadAlphaNum(text: string): string {
  let out = '';
  for (const ch of text) {
    const upper = HALF.indexOf(ch.toUpperCase());
    const lower = HALF.indexOf(ch.toLowerCase());
    if (upper < 0 && lower < 0) out += escapeRegExp(ch);
    else if (upper === lower) out += `[${ch}${FULL[upper]}]`;
    else out += `[${ch.toUpperCase()}${ch.toLowerCase()}${FULL[upper]}${FULL[lower]}]`;
  }
  return out;
}

export interface PatternSource {
  readonly source: string;
  readonly ignoreCase: boolean;
  /** Whether it came from a /regex/ string (then its group numbers are the user's). */
  readonly isRegExp: boolean;
}

/** A regex-looking string with flags prh does not accept (`/x/s`) is a literal in prh. */
export function looksLikeRegExpWithUnknownFlags(pattern: string): boolean {
  return /^\/.*\/[a-z]+$/s.test(pattern) && !REGEXP_STRING.test(pattern);
}

export function patternSource(pattern: string, wordBoundary: boolean): PatternSource {
  const m = REGEXP_STRING.exec(pattern);
  if (m) return { source: m[1], ignoreCase: m[2].includes('i'), isRegExp: true };
  const literal = escapeRegExp(pattern);
  return { source: wordBoundary ? `\\b${literal}\\b` : literal, ignoreCase: false, isRegExp: false };
}

export function expectedSource(expected: string, wordBoundary: boolean): PatternSource {
  const spread = spreadAlphaNum(expected);
  return { source: wordBoundary ? `\\b${spread}\\b` : spread, ignoreCase: false, isRegExp: false };
}

export type CombineResult =
  { readonly ok: true; readonly source: PatternSource } | { readonly ok: false; readonly flags: string[] };

/** prh's combine: (?:a|b) with one flag set; alternatives with different flags (/x/i and y) are an error. */
export function combineSources(parts: readonly PatternSource[]): CombineResult {
  if (parts.length === 1) return { ok: true, source: parts[0] };
  const regexFlags = [...new Set(parts.map((p) => (p.ignoreCase ? 'i' : '')))];
  if (regexFlags.length > 1) return { ok: false, flags: regexFlags };
  return {
    ok: true,
    source: {
      source: `(?:${parts.map((p) => p.source).join('|')})`,
      ignoreCase: regexFlags[0] === 'i',
      isRegExp: parts.some((p) => p.isRegExp),
    },
  };
}

export function compileFlags(ignoreCase: boolean): string {
  return ignoreCase ? 'gmui' : 'gmu';
}
