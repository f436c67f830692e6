/**
 * Static safety check for user regular expressions (prh dictionaries). JavaScript regexes
 * backtrack and cannot be interrupted, so a dictionary pattern like /(a+)+$/ would freeze the
 * language server on an unlucky line. Patterns are rejected, with a reason, when they contain:
 * - a variable-length quantifier inside a repeated group: (a+)+, (.*)*, (a?b?)*;
 * - alternatives that can start with the same character inside a repeated group: (a|a)*, (a|ab)+;
 * - a back-reference inside a repeated group or repeated itself: (a)\1*, ((a)\2)+;
 * - two unbounded repetitions of overlapping characters with only optional items between them:
 *   \s*\s*, \d+\.?\d* (polynomial backtracking on long runs).
 * The check is conservative (it may reject a harmless pattern; the message says how to rewrite).
 * The pattern is assumed to have compiled already with the `u` flag; regexpp parses it.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import type { Localized } from '../../i18n/locale';

type CharSet = 'any' | ReadonlyArray<readonly [number, number]>;

type Node =
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly alts: readonly Node[] }
  | { readonly t: 'group'; readonly body: Node; readonly lookaround: boolean }
  | { readonly t: 'quant'; readonly body: Node; readonly min: number; readonly max: number }
  | { readonly t: 'chars'; readonly set: CharSet }
  | { readonly t: 'backref' }
  | { readonly t: 'assert' };

const ANY: CharSet = 'any';
const DIGITS: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: CharSet = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

function union(a: CharSet, b: CharSet): CharSet {
  if (a === 'any' || b === 'any') return ANY;
  return [...a, ...b];
}

function complement(set: CharSet): CharSet {
  if (set === 'any') return [];
  const sorted = [...set].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

function overlap(a: CharSet, b: CharSet): boolean {
  if (a === 'any') return b === 'any' || b.length > 0;
  if (b === 'any') return a.length > 0;
  return a.some(([l1, h1]) => b.some(([l2, h2]) => l1 <= h2 && l2 <= h1));
}

function single(code: number, ignoreCase: boolean): CharSet {
  const set: Array<[number, number]> = [[code, code]];
  if (ignoreCase) {
    const ch = String.fromCodePoint(code);
    for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
      const c = v.codePointAt(0)!;
      if (v.length <= 2 && c !== code) set.push([c, c]);
    }
  }
  return set;
}

/**
 * The analysis works on a small tree built from regexpp's AST (the parser ESLint uses): character
 * sets as code-point ranges, groups, quantifiers, back-references and zero-width assertions.
 */
function fromPattern(source: string, ignoreCase: boolean): Node {
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  return alternativesNode(pattern.alternatives, ignoreCase);
}

function alternativesNode(alternatives: readonly AST.Alternative[], ignoreCase: boolean): Node {
  const alts = alternatives.map((alt): Node => ({
    t: 'seq',
    items: alt.elements.map((e) => elementNode(e, ignoreCase)),
  }));
  return alts.length === 1 ? alts[0] : { t: 'alt', alts };
}

function elementNode(element: AST.Element, ignoreCase: boolean): Node {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return { t: 'group', body: alternativesNode(element.alternatives, ignoreCase), lookaround: false };
    case 'Assertion':
      if (element.kind === 'lookahead' || element.kind === 'lookbehind')
        return { t: 'group', body: alternativesNode(element.alternatives, ignoreCase), lookaround: true };
      return { t: 'assert' };
    case 'Quantifier':
      return { t: 'quant', body: elementNode(element.element, ignoreCase), min: element.min, max: element.max };
    case 'Backreference':
      return { t: 'backref' };
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return { t: 'chars', set: charSetOf(element, ignoreCase) };
    default:
      // Modifiers groups and anything newer: assume the worst (any character).
      return { t: 'chars', set: ANY };
  }
}

type ClassPart =
  | AST.Character
  | AST.CharacterSet
  | AST.CharacterClass
  | AST.ExpressionCharacterClass
  | AST.CharacterClassRange
  | AST.ClassStringDisjunction;

function charSetOf(part: ClassPart, ignoreCase: boolean): CharSet {
  switch (part.type) {
    case 'Character':
      return single(part.value, ignoreCase);
    case 'CharacterClassRange':
      // A case-insensitive range covers other ranges too: take it as any character (conservative).
      return ignoreCase ? ANY : [[part.min.value, part.max.value]];
    case 'CharacterSet': {
      const base = part.kind === 'digit' ? DIGITS : part.kind === 'word' ? WORD : part.kind === 'space' ? SPACE : ANY;
      return 'negate' in part && part.negate && base !== ANY ? complement(base) : base;
    }
    case 'CharacterClass': {
      const set = (part.elements as readonly ClassPart[])
        .map((e) => charSetOf(e, ignoreCase))
        .reduce(union, [] as CharSet);
      return part.negate ? complement(set) : set;
    }
    default:
      return ANY;
  }
}

/** Whether the node can match the empty string. */
function nullable(node: Node): boolean {
  switch (node.t) {
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.alts.some(nullable);
    case 'group':
      return node.lookaround || nullable(node.body);
    case 'quant':
      return node.min === 0 || nullable(node.body);
    case 'chars':
      return false;
    case 'backref':
    case 'assert':
      return true;
  }
}

/** Characters the node can consume: all of them, or (`firstOnly`) those it can start with. */
function charsOf(node: Node, firstOnly: boolean): CharSet {
  switch (node.t) {
    case 'seq': {
      let set: CharSet = [];
      for (const item of node.items) {
        set = union(set, charsOf(item, firstOnly));
        if (firstOnly && !nullable(item)) break;
      }
      return set;
    }
    case 'alt':
      return node.alts.map((alt) => charsOf(alt, firstOnly)).reduce(union, [] as CharSet);
    case 'group':
      return node.lookaround ? [] : charsOf(node.body, firstOnly);
    case 'quant':
      return charsOf(node.body, firstOnly);
    case 'chars':
      return node.set;
    case 'backref':
      return ANY;
    case 'assert':
      return [];
  }
}

const firstSet = (node: Node): CharSet => charsOf(node, true);
const usedSet = (node: Node): CharSet => charsOf(node, false);

function children(node: Node): readonly Node[] {
  switch (node.t) {
    case 'seq':
      return node.items;
    case 'alt':
      return node.alts;
    case 'group':
    case 'quant':
      return [node.body];
    default:
      return [];
  }
}

function some(node: Node, predicate: (n: Node) => boolean): boolean {
  return predicate(node) || children(node).some((c) => some(c, predicate));
}

/** Repetitions large enough for backtracking to blow up. */
function repeats(node: Node): boolean {
  return node.t === 'quant' && (node.max === Infinity || node.max >= 10);
}

function unbounded(node: Node): boolean {
  return some(node, (n) => n.t === 'quant' && n.max === Infinity && !(n.body.t === 'group' && n.body.lookaround));
}

function overlappingAlternatives(node: Node): boolean {
  return some(node, (n) => {
    if (n.t !== 'alt') return false;
    const firsts = n.alts.map(firstSet);
    if (n.alts.some(nullable)) return true;
    return firsts.some((a, i) => firsts.some((b, j) => i < j && overlap(a, b)));
  });
}

const REASONS = {
  nested: {
    ja: '繰り返しの中に長さの変わる繰り返しがあります（例: (a+)+）。処理が止まらなくなるおそれがあるため使えません。',
    en: 'A variable-length repetition inside a repetition (like (a+)+) can make matching hang; rewrite it without nesting.',
  },
  alternatives: {
    ja: '繰り返しの中に同じ文字で始まりうる選択肢があります（例: (a|ab)*）。処理が止まらなくなるおそれがあるため使えません。',
    en: 'Alternatives that can start with the same character inside a repetition (like (a|ab)*) can make matching hang.',
  },
  backreference: {
    ja: '繰り返しと組み合わせた後方参照は使えません（処理が止まらなくなるおそれがあります）。',
    en: 'A back-reference combined with repetition can make matching hang.',
  },
  adjacent: {
    ja: '同じ文字に一致しうる無制限の繰り返しが並んでいます（例: \\d+\\.?\\d*）。(?:\\.\\d+)? のように書き換えてください。',
    en: 'Adjacent unbounded repetitions over overlapping characters (like \\d+\\.?\\d*) backtrack heavily; rewrite as \\d+(?:\\.\\d+)?.',
  },
} as const satisfies Record<string, Localized>;

function adjacentOverlap(seq: Node): boolean {
  if (seq.t !== 'seq') return false;
  const items = seq.items;
  for (let i = 0; i < items.length; i++) {
    if (!unbounded(items[i])) continue;
    const used = usedSet(items[i]);
    for (let j = i + 1; j < items.length; j++) {
      if (unbounded(items[j]) && overlap(used, firstSet(items[j]))) return true;
      if (!nullable(items[j])) break;
    }
  }
  return false;
}

function findUnsafe(node: Node): Localized | undefined {
  if (repeats(node) && node.t === 'quant') {
    const body = node.body;
    if (some(body, (n) => n.t === 'quant' && n.max > n.min)) return REASONS.nested;
    if (overlappingAlternatives(body)) return REASONS.alternatives;
    if (some(body, (n) => n.t === 'backref')) return REASONS.backreference;
  }
  if (node.t === 'quant' && node.body.t === 'backref' && node.max > 1) return REASONS.backreference;
  if (adjacentOverlap(node)) return REASONS.adjacent;
  for (const child of children(node)) {
    const reason = findUnsafe(child);
    if (reason) return reason;
  }
  return undefined;
}

export type RegexSafety = { readonly safe: true } | { readonly safe: false; readonly reason: Localized };

/** Checks a regex source (valid with the `u` flag) for catastrophic backtracking shapes. */
export function checkRegexSafety(source: string, flags = ''): RegexSafety {
  const tree = fromPattern(source, flags.includes('i'));
  const reason = findUnsafe(tree);
  return reason ? { safe: false, reason } : { safe: true };
}
