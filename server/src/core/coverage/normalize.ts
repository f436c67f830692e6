/**
 * Comparison form of a clause for coverage: what a municipality changes when it adopts a 例文 without
 * changing its meaning is normalised away. Width (NFKC), spaces, punctuation and brackets go; words
 * of one substitution group (地方公共団体 / 本市 / 本町 …, 職員等 / 職員, the project file's list) become one
 * token; placeholders of the 例文 (○○課, （○日）) match whatever the policy filled in.
 */

/** Groups of words that adoption swaps for one another: each group compares as one token. */
const BUILTIN_SUBSTITUTIONS: readonly (readonly string[])[] = [
  [
    '地方公共団体',
    '本市',
    '本町',
    '本村',
    '本区',
    '本県',
    '本府',
    '本都',
    '本道',
    '当市',
    '当町',
    '当村',
    '当区',
    '当団体',
  ],
  ['副市長', '副町長', '副村長', '副区長', '副知事'],
  ['市長', '町長', '村長', '区長', '知事'],
  ['職員等', '職員'],
];

/** Characters that only punctuate: dropped before comparing. */
const PUNCTUATION = /[\s、。，．,.・：:；;「」『』（）()［］[\]【】〔〕｛｝{}〈〉《》"'“”‘’*_`]/g;
/** A run of placeholder marks in a 例文 (○○課, ○日, ××部): any short text may stand for it. */
const PLACEHOLDER = /[○〇◯●×△□]+/g;
/** What a placeholder becomes in the pattern: a short filling without a sentence end. */
const FILLING = '.{0,20}?';

export interface Normalizer {
  /** Comparison form of a text. */
  canonical(text: string): string;
}

/**
 * A normaliser for the built-in groups plus the project file's `substitutions` (guideline word →
 * the policy's word or words). Longer words are replaced first, so 副市長 is not read as 市長.
 */
export function createNormalizer(extra: Readonly<Record<string, string | readonly string[]>> = {}): Normalizer {
  const groups: string[][] = BUILTIN_SUBSTITUTIONS.map((g) => [...g]);
  for (const [from, to] of Object.entries(extra)) {
    const words = [from, ...(typeof to === 'string' ? [to] : to)].filter((w) => w.length > 0);
    const existing = groups.find((g) => words.some((w) => g.includes(w)));
    if (existing) existing.push(...words.filter((w) => !existing.includes(w)));
    else groups.push(words);
  }
  const token = new Map<string, string>();
  // Private-use characters: they never occur in documents and still form bigrams.
  groups.forEach((group, i) => {
    for (const word of group) token.set(prepare(word), String.fromCharCode(0xe000 + i));
  });
  const words = [...token.keys()].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  const pattern = words.length > 0 ? new RegExp(words.map(escapeRegExp).join('|'), 'g') : null;
  return {
    canonical(text: string): string {
      const prepared = prepare(text);
      return pattern ? prepared.replace(pattern, (w) => token.get(w) ?? w) : prepared;
    },
  };
}

function prepare(text: string): string {
  return text.normalize('NFKC').replace(PUNCTUATION, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern that finds the canonical 例文 `example` inside a canonical policy text, placeholders
 * matching any short filling; null when the 例文 has no placeholder (plain `includes` is enough).
 */
export function placeholderPattern(example: string): RegExp | null {
  PLACEHOLDER.lastIndex = 0;
  if (!PLACEHOLDER.test(example)) return null;
  const parts = example.split(PLACEHOLDER).map(escapeRegExp);
  return new RegExp(parts.join(FILLING));
}
