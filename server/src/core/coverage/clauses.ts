/**
 * The units coverage compares: the leaf clauses of a guideline's 【例文】 parts ((1), ①, ア and plain
 * paragraphs) and the clauses of a policy (its sections' paragraphs, articles, 項 and 号, items).
 * A clause's text is its body: the marker and a title line that only names it are left out.
 */
import type { GuidelineDocument } from '../model/document';
import type { GuidelineNode } from '../model/node';
import type { Range } from '../text/position';
import { normalizeNumber, numeralValue } from '../text/width';
import { parseItemMarker } from '../model/markers';

interface Clause {
  /** Canonical path: `["3.6.2", "例文", "(2)", "①"]`, `["第57条", "第2項"]`, `["2.6.2", "(1)"]`. */
  readonly path: readonly string[];
  /** The body as written, lines joined. */
  readonly text: string;
  /** Title of the clause or of the item it sits in (`利用者IDの取扱い`, an article's `（アクセス制御）`). */
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  /** Where a click goes: the marker or heading. */
  readonly selectionRange: Range;
  /** The node the clause is (or, for a paragraph, lies in). */
  readonly node: GuidelineNode;
}

export interface ExampleClause extends Clause {
  /** Number of the guideline section (`3.6.2`) and its title. */
  readonly section: string;
  readonly sectionTitle: string;
  readonly sectionNode: GuidelineNode;
}

export interface PolicyClause extends Clause {
  /** As a committee reads it: `第57条第2項第3号`, `2―6―2 (2) ①`. */
  readonly label: string;
  /** The numbered section or article the clause belongs to (null: none). */
  readonly container: PolicyContainer | null;
}

/** A numbered section of a policy: `2―6―2 アクセス制御` (number `2.6.2`), `第57条（…）`. */
export interface PolicyContainer {
  readonly node: GuidelineNode;
  /** Dotted for section numbers whatever the dash (`2.6.2`), `第57条` for articles. */
  readonly number: string;
  readonly label: string;
  readonly title: string;
}

const STRUCTURAL = new Set(['document', 'chapter', 'section', 'article', 'heading', 'part', 'item', 'clause']);
/** Container number and label of a node, when it is a numbered section, chapter or article. */
export function containerOfNode(node: GuidelineNode): PolicyContainer | null {
  // Dash-numbered headings (2―6―2) are sections of the tree, numbered 2.6.2.
  if ((node.kind === 'section' || node.kind === 'article' || node.kind === 'chapter') && node.number)
    return { node, number: node.number, label: node.label, title: node.title };
  return null;
}

/** The node's own text: from its start to the end, leaving out structural children. */
function ownText(text: string, node: GuidelineNode): { text: string; offset: number } {
  let end = node.end;
  for (const child of node.children) {
    if (STRUCTURAL.has(child.kind)) {
      end = child.start;
      break;
    }
  }
  return { text: text.slice(node.start, end), offset: node.start };
}

interface Paragraph {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Blank-line separated paragraphs of a slice, lines joined, Markdown emphasis and quote marks gone. */
function paragraphs(slice: string, offset: number): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let current: string[] = [];
  let start = -1;
  let end = 0;
  const flush = (): void => {
    if (current.length > 0) out.push({ text: current.join(''), start: offset + start, end: offset + end });
    current = [];
    start = -1;
  };
  for (let match = re.exec(slice); match && match[0].length > 0; match = re.exec(slice)) {
    const line = match[0].replace(/\r?\n$/, '');
    const content = line
      .replace(/^[ \t]*(?:>[ \t]?)*/, '')
      .replace(/^(?:[-*+][ \t]+)/, '')
      .trim();
    if (content === '' || /^<!--.*-->$/.test(content)) flush();
    else {
      if (start < 0) start = match.index;
      end = match.index + line.length;
      current.push(content.replace(/\*\*|__/g, ''));
    }
  }
  flush();
  return out;
}

const isHeadingLike = (node: GuidelineNode): boolean =>
  node.kind === 'heading' || node.kind === 'section' || node.kind === 'chapter' || node.kind === 'part';

/** A line that only names what follows: the node's title, possibly in brackets. */
function isTitleLine(line: string, node: GuidelineNode): boolean {
  const bare = line.replace(/^[（(]|[）)]$/g, '').trim();
  return bare === node.title.trim() || (/^[（(][^（）()]*[）)]$/.test(line) && !line.includes('。'));
}

interface Body {
  readonly paragraphs: Paragraph[];
  readonly title: string;
}

/**
 * Body paragraphs of a node: after the heading line (headings, parts) or the marker (items, 項,
 * articles); a first paragraph that is only the title is dropped when text follows it or when the
 * node has sub-items; a title-only item without sub-items is its own clause (`ア 研修の実施`).
 */
function bodyOf(text: string, node: GuidelineNode): Body {
  const own = ownText(text, node);
  let from = 0;
  if (isHeadingLike(node) || node.kind === 'article') {
    // The heading line or the marker (第3条, 【例文】) and what follows it on that line.
    const lineEnd = own.text.indexOf('\n');
    const markerEnd = node.selectionEnd - own.offset;
    from = isHeadingLike(node) ? (lineEnd < 0 ? own.text.length : lineEnd) : Math.max(0, markerEnd);
  } else if (node.kind === 'item' || node.kind === 'clause') from = Math.max(0, node.selectionEnd - own.offset);
  const list = paragraphs(own.text.slice(from), own.offset + from);
  let title = node.title;
  if (list.length > 0 && !isHeadingLike(node) && isTitleLine(list[0].text, node)) {
    const hasChildren = node.children.some((c) => STRUCTURAL.has(c.kind));
    const sentence = /[。：:]$/.test(list[0].text);
    if (list.length > 1 || (hasChildren && !sentence) || node.kind === 'article') {
      title = list[0].text.replace(/^[（(]|[）)]$/g, '');
      list.shift();
    }
  }
  return { paragraphs: list, title };
}

/** Path element of a node: its canonical number, `例文` for a part. */
function pathElement(node: GuidelineNode): string | null {
  if (node.kind === 'part') return node.part ?? node.label;
  if (node.kind === 'clause' && node.number) return `第${node.number}項`;
  if (node.kind === 'item' && node.number && /^[一二三四五六七八九十]+$/.test(node.number))
    return `第${numeralValue(node.number) ?? node.number}号`;
  return node.number ? normalizeNumber(node.number) : null;
}

function clauseOf(
  document: GuidelineDocument,
  node: GuidelineNode,
  path: readonly string[],
  paragraph: Paragraph | Paragraph[],
  title: string,
): Clause {
  const list = Array.isArray(paragraph) ? paragraph : [paragraph];
  const start = list[0].start;
  const end = list[list.length - 1].end;
  return {
    path,
    text: list.map((p) => p.text).join('\n'),
    title,
    start,
    end,
    range: document.lines.rangeOf(start, end),
    selectionRange: Array.isArray(paragraph) ? node.selectionRange : document.lines.rangeOf(start, end),
    node,
  };
}

/**
 * Clauses under `node`: items, 項 and articles give one clause each (their paragraphs joined);
 * headings, sections and parts give one per paragraph (`¶1`, `¶2`).
 */
function collect(
  document: GuidelineDocument,
  node: GuidelineNode,
  path: readonly string[],
  visit: (clause: Clause, node: GuidelineNode) => void,
  descend: (child: GuidelineNode) => boolean,
): void {
  const body = bodyOf(document.text, node);
  if (body.paragraphs.length > 0) {
    if (node.kind === 'item' || node.kind === 'clause' || node.kind === 'article')
      visit(clauseOf(document, node, path, body.paragraphs, body.title), node);
    else if (body.paragraphs.length === 1 && !parseItemMarker(body.paragraphs[0].text))
      visit(clauseOf(document, node, path, body.paragraphs[0], body.title), node);
    else paragraphClauses(document, node, path, body, visit);
  }
  for (const child of node.children) {
    if (!STRUCTURAL.has(child.kind) || !descend(child)) continue;
    const element = pathElement(child);
    collect(document, child, element ? [...path, element] : path, visit, descend);
  }
}

/**
 * Paragraphs directly in a section or part, one clause each. Paragraphs that start with an item
 * marker the tree did not take as items (items inside a quoted 【例文】) are read as items all the
 * same: a title-only one names the clause after it, and the markers nest by level ((2) → ① → ア).
 */
function paragraphClauses(
  document: GuidelineDocument,
  node: GuidelineNode,
  path: readonly string[],
  body: Body,
  visit: (clause: Clause, node: GuidelineNode) => void,
): void {
  const keys: string[] = [];
  let title = body.title;
  let plain = 0;
  body.paragraphs.forEach((paragraph, i) => {
    const marker = parseItemMarker(paragraph.text);
    if (!marker || marker.kind !== 'item') {
      const where = keys.length > 0 ? [...path, ...keys] : [...path, `¶${++plain}`];
      visit(clauseOf(document, node, where, paragraph, title), node);
      return;
    }
    keys.length = Math.min(keys.length, marker.level - 1);
    keys.push(marker.key);
    const rest = paragraph.text.slice(marker.end).trim();
    // A title names what follows: a paragraph, or items one level down ((1) 職員等の遵守事項 → ①).
    const next = body.paragraphs[i + 1];
    const nextMarker = next && parseItemMarker(next.text);
    const titleOnly =
      rest.length === 0 ||
      (!/[。：:]$/.test(rest) && next !== undefined && (!nextMarker || nextMarker.level > marker.level));
    if (titleOnly) {
      title = rest;
      return;
    }
    const start = paragraph.start + paragraph.text.length - rest.length;
    visit(clauseOf(document, node, [...path, ...keys], { text: rest, start, end: paragraph.end }, rest), node);
  });
}

const exampleCache = new WeakMap<GuidelineDocument, readonly ExampleClause[]>();

/**
 * Every clause of the 【例文】 parts of a guideline, in document order; remembered per snapshot (the
 * editor compares each version of a policy with the same guideline).
 */
export function exampleClauses(document: GuidelineDocument): readonly ExampleClause[] {
  let cached = exampleCache.get(document);
  if (!cached) exampleCache.set(document, (cached = collectExamples(document)));
  return cached;
}

/**
 * Whether a document has a 例文 clause at all, without collecting them: the walk ends at the first
 * one, so that asking it of a guideline (the policy check of every diagnostics pull) costs next to nothing.
 */
export function hasExampleClauses(document: GuidelineDocument): boolean {
  const cached = exampleCache.get(document);
  return cached ? cached.length > 0 : collectExamples(document, 1).length > 0;
}

function collectExamples(document: GuidelineDocument, limit = Infinity): ExampleClause[] {
  const out: ExampleClause[] = [];
  const visitSection = (section: GuidelineNode): void => {
    for (const child of section.children) {
      if (out.length >= limit) return;
      if (child.kind === 'part' && child.part === '例文') {
        collect(
          document,
          child,
          [section.number ?? '', '例文'],
          (clause) =>
            out.push({ ...clause, section: section.number ?? '', sectionTitle: section.title, sectionNode: section }),
          () => out.length < limit,
        );
      } else if (child.kind !== 'part' && STRUCTURAL.has(child.kind)) visitSection(child);
    }
  };
  visitSection(document.root);
  return out;
}

/** Label of a policy clause for people: 第57条第2項第3号 for articles, `2―6―2 (2) ①` otherwise. */
function policyLabel(container: PolicyContainer | null, path: readonly string[]): string {
  const rest = container ? path.slice(path.indexOf(container.number) + 1) : path;
  const head = container?.label ?? '';
  if (container?.node.kind === 'article') return head + rest.map((p) => p.replace(/^¶(\d+)$/, '第$1段落')).join('');
  return [head, ...rest.map((p) => p.replace(/^¶(\d+)$/, '第$1段落'))].filter((p) => p).join(' ');
}

/**
 * Every clause of a policy inside a numbered section or article (the preamble, 附則 and other
 * unnumbered text are not clauses), with its container.
 */
export function policyClauses(document: GuidelineDocument): PolicyClause[] {
  const out: PolicyClause[] = [];
  const walkContainers = (node: GuidelineNode, current: PolicyContainer | null, path: readonly string[]): void => {
    for (const child of node.children) {
      if (!STRUCTURAL.has(child.kind)) continue;
      const container = containerOfNode(child);
      if (container) {
        const childPath = [container.number];
        collect(
          document,
          child,
          childPath,
          (clause, at) => {
            // Clauses of nested containers are collected when the walk reaches them.
            if (at !== child && containerOfNode(at)) return;
            out.push({ ...clause, label: policyLabel(container, clause.path), container });
          },
          (grandchild) => !containerOfNode(grandchild),
        );
        walkContainers(child, container, childPath);
      } else if (child.kind === 'heading' || child.kind === 'document') walkContainers(child, current, path);
    }
  };
  walkContainers(document.root, null, []);
  return out;
}
