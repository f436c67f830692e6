/**
 * References of articles-style rules: 前項 (the previous paragraph of the same article), 前条 (the
 * previous article), 第5条 / 第5条第2項 / 第2項 (explicit), and 同条 / 同項 (the article or
 * paragraph the same line has just named). Resolved from the tree; left unresolved where the text
 * does not say which (同項 with nothing named before it, 前各号).
 */
import type { GuidelineDocument } from './document';
import { ancestryAt } from './document';
import { walk, type GuidelineNode } from './node';
import { numeralValue, toHalfWidthAscii } from '../text/width';

export interface RelativeReference {
  readonly start: number;
  readonly end: number;
  /** As written: 前項, 同条, 第5条第2項. */
  readonly word: string;
  readonly target: GuidelineNode;
}

const NUMERAL = '[0-9０-９〇一二三四五六七八九十百]+';
const TOKENS = new RegExp(
  `(?<![各第])(前項|前条|同項|同条)(?!各)|第(${NUMERAL})条(?:の([0-9０-９]+))?(?:第(${NUMERAL})項)?|(?<!条)第(${NUMERAL})項`,
  'g',
);

/** What a token names: an article, or one paragraph (項) of an article. */
interface Named {
  readonly article: GuidelineNode;
  /** The paragraph; the article itself stands for its unnumbered first paragraph. */
  readonly paragraph: GuidelineNode | null;
}

function previousArticle(document: GuidelineDocument, article: GuidelineNode): GuidelineNode | null {
  let previous: GuidelineNode | null = null;
  for (const node of walk(document.root)) {
    if (node === article) return previous;
    if (node.kind === 'article') previous = node;
  }
  return null;
}

function articleNumbered(document: GuidelineDocument, number: string): GuidelineNode | null {
  for (const node of walk(document.root)) if (node.kind === 'article' && node.number === number) return node;
  return null;
}

function paragraphOf(article: GuidelineNode, value: number): GuidelineNode | null {
  if (value === 1) return article;
  return article.children.find((n) => n.kind === 'clause' && n.number === String(value)) ?? null;
}

/** Where the line stands: its article and numbered paragraph, if any. */
interface LineContext {
  readonly article: GuidelineNode | null;
  readonly clause: GuidelineNode | null;
}

function resolveToken(
  document: GuidelineDocument,
  match: RegExpMatchArray,
  { article, clause }: LineContext,
  previous: Named | null,
): Named | null {
  switch (match[1]) {
    case '同条':
      return previous ? { article: previous.article, paragraph: null } : null;
    case '同項':
      return previous?.paragraph ? previous : null;
    case '前条': {
      const target = article && previousArticle(document, article);
      return target ? { article: target, paragraph: null } : null;
    }
    case '前項': {
      if (!article || !clause) return null;
      const index = article.children.indexOf(clause);
      const before = article.children
        .slice(0, index)
        .reverse()
        .find((n) => n.kind === 'clause');
      // The first paragraph of an article carries no number: it is the article's own text.
      return { article, paragraph: before ?? article };
    }
  }
  if (match[2] !== undefined) {
    const value = numeralValue(match[2]);
    if (value === undefined) return null;
    const target = articleNumbered(
      document,
      `第${value}${match[3] ? `の${Number(toHalfWidthAscii(match[3]))}` : ''}条`,
    );
    if (!target) return null;
    if (match[4] === undefined) return { article: target, paragraph: null };
    const paragraph = numeralValue(match[4]);
    const node = paragraph === undefined ? null : paragraphOf(target, paragraph);
    return node ? { article: target, paragraph: node } : null;
  }
  const value = match[5] === undefined ? undefined : numeralValue(match[5]);
  const node = article && value !== undefined ? paragraphOf(article, value) : null;
  return article && node ? { article, paragraph: node } : null;
}

/** The reference at an offset, resolved, or undefined. */
export function relativeReferenceAt(document: GuidelineDocument, offset: number): RelativeReference | undefined {
  const line = document.lines.positionAt(offset).line;
  const lineStart = document.lines.offsetAt({ line, character: 0 });
  const text = document.lines.lineText(line);
  const innermostFirst = [...ancestryAt(document, lineStart + text.length)].reverse();
  const context: LineContext = {
    article: innermostFirst.find((n) => n.kind === 'article') ?? null,
    clause: innermostFirst.find((n) => n.kind === 'clause') ?? null,
  };
  // The article whose number opens its own line (a heading or 「第3条　この規程は…」) is not a reference.
  const ownArticle = context.article?.selectionRange.start.line === line ? context.article : null;
  let previous: Named | null = null;
  for (const match of text.matchAll(TOKENS)) {
    if (ownArticle && match.index < ownArticle.selectionRange.end.character) continue;
    const start = lineStart + match.index;
    const end = start + match[0].length;
    if (start > offset) return undefined;
    const named = resolveToken(document, match, context, previous);
    if (offset <= end) {
      if (!named) return undefined;
      return { start, end, word: match[0], target: named.paragraph ?? named.article };
    }
    if (named) previous = named;
  }
  return undefined;
}
