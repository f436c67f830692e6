/**
 * Document links: a cross reference in a guideline and a 該当箇所 in a comment document become
 * links to the place they name, so they are underlined and open with a click (also in editors
 * without go-to-definition on hover). Unresolved references get no link: their diagnostics say why.
 */
import type { DocumentLink, Range } from 'vscode-languageserver/node';
import type { GuidelineDocument } from '../../core/model/document';
import { displayName, type GuidelineNode } from '../../core/model/node';
import type { CommentLinks } from '../../core/workspace/comment-links';
import type { GuidelineIndex } from '../../core/workspace/guideline-index';
import { documentReferences } from '../../core/model/references';
import { resolveReference } from '../../core/workspace/resolve-reference';
import { localize, type Locale } from '../../core/i18n/locale';
import { uriAtPosition } from '../../core/text/position';

const MESSAGES = {
  open: { ja: '{name} を開く', en: 'Open {name}' },
} as const;

function link(range: Range, document: GuidelineDocument, node: GuidelineNode, locale: Locale): DocumentLink {
  return {
    range,
    target: uriAtPosition(document.uri, node.selectionRange.start),
    tooltip: localize(locale, MESSAGES.open, { name: displayName(node) }),
  };
}

export function referenceLinks(index: GuidelineIndex, document: GuidelineDocument, locale: Locale): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const ref of documentReferences(document)) {
    const resolved = resolveReference(index, document, ref);
    if (!resolved.node || !resolved.document) continue;
    const range = document.lines.rangeOf(ref.numberStart, Math.max(ref.numberEnd, ref.titleEnd));
    links.push(link(range, resolved.document, resolved.node, locale));
  }
  return links;
}

export function commentLocationLinks(links: CommentLinks, roundUri: string, locale: Locale): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const l of links.forRound(roundUri)) {
    const range = l.comment.fields?.location;
    if (!range || !l.node || !l.document || l.node.kind === 'document') continue;
    out.push(link(range, l.document, l.node, locale));
  }
  return out;
}
