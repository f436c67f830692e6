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
 * The pattern is assumed to have compiled already with the `u` flag.
 */
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

class Parser {
  private pos = 0;
  private readonly chars: string[];

  constructor(
    source: string,
    private readonly ignoreCase: boolean,
  ) {
    this.chars = [...source];
  }

  parse(): Node {
    return this.alternation();
  }

  private peek(): string | undefined {
    return this.chars[this.pos];
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.pos < this.chars.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const ch = this.peek();
    let min: number;
    let max: number;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      [min, max] = ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
    } else if (ch === '{') {
      const rest = this.chars.slice(this.pos).join('');
      const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
      if (!m) return atom;
      this.pos += [...m[0]].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else {
      return atom;
    }
    if (this.peek() === '?') this.pos++;
    return this.quantified({ t: 'quant', body: atom, min, max });
  }

  private atom(): Node {
    const ch = this.chars[this.pos++];
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return { t: 'chars', set: this.charClass() };
      case '.':
        return { t: 'chars', set: ANY };
      case '^':
      case '$':
        return { t: 'assert' };
      case '\\':
        return this.escape(false) as Node;
      default:
        return { t: 'chars', set: single(ch.codePointAt(0)!, this.ignoreCase) };
    }
  }

  private group(): Node {
    let lookaround = false;
    if (this.peek() === '?') {
      const rest = this.chars.slice(this.pos, this.pos + 3).join('');
      if (rest.startsWith('?:')) this.pos += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        this.pos += 2;
        lookaround = true;
      } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
        this.pos += 3;
        lookaround = true;
      } else if (rest.startsWith('?<')) {
        while (this.pos < this.chars.length && this.peek() !== '>') this.pos++;
        this.pos++;
      }
    }
    const body = this.alternation();
    if (this.peek() === ')') this.pos++;
    return { t: 'group', body, lookaround };
  }

  /** An escape; in a class, returns its set (assertions and back-references do not occur there). */
  private escape(inClass: boolean): Node | CharSet {
    const ch = this.chars[this.pos++] ?? '\\';
    const chars = (set: CharSet): Node | CharSet => (inClass ? set : { t: 'chars', set });
    switch (ch) {
      case 'd':
        return chars(DIGITS);
      case 'D':
        return chars(complement(DIGITS));
      case 'w':
        return chars(WORD);
      case 'W':
        return chars(complement(WORD));
      case 's':
        return chars(SPACE);
      case 'S':
        return chars(complement(SPACE));
      case 'b':
        return inClass ? single(8, false) : { t: 'assert' };
      case 'B':
        return { t: 'assert' };
      case 'p':
      case 'P':
        if (this.peek() === '{') while (this.pos < this.chars.length && this.chars[this.pos++] !== '}');
        return chars(ANY);
      case 'k':
        if (this.peek() === '<') while (this.pos < this.chars.length && this.chars[this.pos++] !== '>');
        return inClass ? ANY : { t: 'backref' };
      case 'u': {
        const rest = this.chars.slice(this.pos, this.pos + 10).join('');
        const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(rest);
        if (m) {
          this.pos += m[0].length;
          return chars(single(parseInt(m[1] ?? m[2], 16), this.ignoreCase));
        }
        return chars(single(0x75, false));
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.chars.slice(this.pos, this.pos + 2).join(''));
        if (m) this.pos += 2;
        return chars(single(m ? parseInt(m[0], 16) : 0x78, this.ignoreCase));
      }
      case 'c':
        this.pos++;
        return chars(ANY);
      case 't':
        return chars(single(9, false));
      case 'n':
        return chars(single(10, false));
      case 'v':
        return chars(single(11, false));
      case 'f':
        return chars(single(12, false));
      case 'r':
        return chars(single(13, false));
      case '0':
        return chars(single(0, false));
      default:
        if (/[1-9]/.test(ch)) {
          while (/[0-9]/.test(this.peek() ?? '')) this.pos++;
          return inClass ? ANY : { t: 'backref' };
        }
        return chars(single(ch.codePointAt(0)!, this.ignoreCase));
    }
  }

  private classAtom(): CharSet | number {
    const ch = this.chars[this.pos++];
    if (ch === '\\') {
      const set = this.escape(true) as CharSet;
      return set !== 'any' && set.length === 1 && set[0][0] === set[0][1] ? set[0][0] : set;
    }
    return ch.codePointAt(0)!;
  }

  private charClass(): CharSet {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.pos++;
    }
    let set: CharSet = [];
    while (this.pos < this.chars.length && this.peek() !== ']') {
      const from = this.classAtom();
      if (
        typeof from === 'number' &&
        this.peek() === '-' &&
        this.chars[this.pos + 1] !== ']' &&
        this.pos + 1 < this.chars.length
      ) {
        this.pos++;
        const to = this.classAtom();
        if (typeof to === 'number') {
          set = union(set, [[Math.min(from, to), Math.max(from, to)]]);
          if (this.ignoreCase) set = ANY;
          continue;
        }
        set = union(union(set, single(from, this.ignoreCase)), union([[0x2d, 0x2d]], to));
        continue;
      }
      set = union(set, typeof from === 'number' ? single(from, this.ignoreCase) : from);
    }
    this.pos++;
    return negate ? complement(set) : set;
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

/** Characters the node can consume first. */
function firstSet(node: Node): CharSet {
  switch (node.t) {
    case 'seq': {
      let set: CharSet = [];
      for (const item of node.items) {
        set = union(set, firstSet(item));
        if (!nullable(item)) break;
      }
      return set;
    }
    case 'alt':
      return node.alts.map(firstSet).reduce(union, [] as CharSet);
    case 'group':
      return node.lookaround ? [] : firstSet(node.body);
    case 'quant':
      return firstSet(node.body);
    case 'chars':
      return node.set;
    case 'backref':
      return ANY;
    case 'assert':
      return [];
  }
}

/** Every character the node can consume. */
function usedSet(node: Node): CharSet {
  switch (node.t) {
    case 'seq':
      return node.items.map(usedSet).reduce(union, [] as CharSet);
    case 'alt':
      return node.alts.map(usedSet).reduce(union, [] as CharSet);
    case 'group':
      return node.lookaround ? [] : usedSet(node.body);
    case 'quant':
      return usedSet(node.body);
    case 'chars':
      return node.set;
    case 'backref':
      return ANY;
    case 'assert':
      return [];
  }
}

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
  const tree = new Parser(source, flags.includes('i')).parse();
  const reason = findUnsafe(tree);
  return reason ? { safe: false, reason } : { safe: true };
}
