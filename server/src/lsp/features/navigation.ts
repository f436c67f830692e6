/** Go to definition, find references and hover on cross references. */
import type { Hover, Location, Position } from 'vscode-languageserver/node';
import type { GuidelineDocument } from '../../core/model/document';
import { ancestryAt } from '../../core/model/document';
import { relativeReferenceAt } from '../../core/model/relative-references';
import { displayName, isNumberedContainer, type GuidelineNode } from '../../core/model/node';
import type { GuidelineIndex } from '../../core/workspace/guideline-index';
import { excerpt, referenceAt, referencesTo, resolveReference } from '../../core/workspace/resolve-reference';
import { localize, type Locale } from '../../core/i18n/locale';

const MESSAGES = {
  fellBack: { ja: '（{missing} は見つからず、{found} を表示）', en: '({missing} not found; showing {found})' },
  missing: {
    ja: '項番「{number}」はワークスペースのガイドラインにありません。',
    en: 'Section {number} is not in any guideline of the workspace.',
  },
} as const;

export function definition(index: GuidelineIndex, document: GuidelineDocument, position: Position): Location[] | null {
  const offset = document.lines.offsetAt(position);
  const relative = relativeReferenceAt(document, offset);
  if (relative) return [{ uri: document.uri, range: relative.target.selectionRange }];
  const ref = referenceAt(document, offset);
  if (!ref) return null;
  const resolved = resolveReference(index, document, ref);
  if (!resolved.node || !resolved.document) return null;
  return [{ uri: resolved.document.uri, range: resolved.node.selectionRange }];
}

export function references(
  index: GuidelineIndex,
  document: GuidelineDocument,
  position: Position,
  includeDeclaration: boolean,
): Location[] | null {
  const offset = document.lines.offsetAt(position);
  const ref = referenceAt(document, offset);
  let node: GuidelineNode | null;
  let targetDoc: GuidelineDocument | null;
  if (ref) {
    const resolved = resolveReference(index, document, ref);
    node = resolved.node;
    targetDoc = resolved.document;
  } else {
    // Anywhere inside a section: the references to that section.
    node = ancestryAt(document, offset).filter(isNumberedContainer).pop() ?? null;
    targetDoc = document;
  }
  if (!node || !targetDoc) return null;
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri: targetDoc.uri, range: node.selectionRange });
  for (const hit of referencesTo(index, node))
    out.push({ uri: hit.document.uri, range: hit.document.lines.rangeOf(hit.ref.numberStart, hit.ref.numberEnd) });
  return out;
}

export function referenceHover(
  index: GuidelineIndex,
  document: GuidelineDocument,
  position: Position,
  locale: Locale,
): Hover | null {
  const offset = document.lines.offsetAt(position);
  const relative = relativeReferenceAt(document, offset);
  if (relative) {
    const value = [
      `**${relative.word}** → ${displayName(relative.target)}`,
      '',
      '```text',
      excerpt(document, relative.target),
      '```',
    ].join('\n');
    return { range: document.lines.rangeOf(relative.start, relative.end), contents: { kind: 'markdown', value } };
  }
  const ref = referenceAt(document, offset);
  if (!ref) return null;
  const resolved = resolveReference(index, document, ref);
  const range = document.lines.rangeOf(ref.numberStart, Math.max(ref.numberEnd, ref.titleEnd));
  if (!resolved.node || !resolved.document) {
    return {
      range,
      contents: { kind: 'markdown', value: localize(locale, MESSAGES.missing, { number: ref.path.section ?? '' }) },
    };
  }
  const lines = [`**${displayName(resolved.node)}**`];
  if (resolved.match !== 'exact' && resolved.unresolved.length > 0) {
    lines.push(
      localize(locale, MESSAGES.fellBack, { missing: resolved.unresolved.join(''), found: displayName(resolved.node) }),
    );
  }
  lines.push('', '```text', excerpt(resolved.document, resolved.node), '```');
  return { range, contents: { kind: 'markdown', value: lines.join('\n') } };
}
