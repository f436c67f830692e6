/**
 * Relative references of articles-style rules: 前項 (the previous paragraph of the same article)
 * and 前条 (the previous article). Resolved from the tree; left unresolved where the text does not
 * say which (同項, 前各号).
 */
import type { GuidelineDocument } from './document';
import { ancestryAt } from './document';
import { walk, type GuidelineNode } from './node';

export interface RelativeReference {
  readonly start: number;
  readonly end: number;
  readonly word: '前項' | '前条';
  readonly target: GuidelineNode;
}

const WORDS = /(?<![各第同])(前項|前条)(?!各)/g;

function previousArticle(document: GuidelineDocument, article: GuidelineNode): GuidelineNode | null {
  let previous: GuidelineNode | null = null;
  for (const node of walk(document.root)) {
    if (node === article) return previous;
    if (node.kind === 'article') previous = node;
  }
  return null;
}

/** The relative reference at an offset, resolved, or undefined. */
export function relativeReferenceAt(document: GuidelineDocument, offset: number): RelativeReference | undefined {
  const line = document.lines.positionAt(offset).line;
  const lineStart = document.lines.offsetAt({ line, character: 0 });
  const text = document.lines.lineText(line);
  for (const match of text.matchAll(WORDS)) {
    const start = lineStart + match.index;
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    const chain = ancestryAt(document, start);
    const article = [...chain].reverse().find((n) => n.kind === 'article');
    if (!article) return undefined;
    if (match[0] === '前条') {
      const target = previousArticle(document, article);
      return target ? { start, end, word: '前条', target } : undefined;
    }
    const clause = [...chain].reverse().find((n) => n.kind === 'clause');
    if (!clause) return undefined;
    const index = article.children.indexOf(clause);
    const previous = article.children.slice(0, index).reverse().find((n) => n.kind === 'clause');
    // The first paragraph of an article carries no number: it is the article's own text.
    return { start, end, word: '前項', target: previous ?? article };
  }
  return undefined;
}
