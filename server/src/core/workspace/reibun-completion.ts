/**
 * 例文 snippets as completion inside a 【例文】, offered as the editor types 例文, reibun or the first
 * words of a clause (「職員等は」), not only with Ctrl+Space. A snippet that starts a numbered item
 * continues the surrounding list: the next free number, in the list's own width ((4) after
 * (1)–(3), 「（４）」 after 「（１）」…).
 */
import { localize, type Locale } from '../i18n/locale';
import type { Position } from '../text/position';
import { ancestryAt, type GuidelineDocument } from '../model/document';
import type { GuidelineNode } from '../model/node';
import { nextMarker, previousItems, type CompletionCandidate } from './completion';

export interface ReibunSnippet {
  readonly name: string;
  readonly prefix: string;
  readonly description: string;
  readonly body: string;
}

/** The snippets file's shape (VS Code .code-snippets), read by the host. */
export function parseSnippets(json: string): ReibunSnippet[] {
  const data = JSON.parse(json) as Record<string, { prefix?: unknown; description?: unknown; body?: unknown }>;
  const out: ReibunSnippet[] = [];
  for (const [name, s] of Object.entries(data)) {
    const body = Array.isArray(s.body) ? s.body.join('\n') : typeof s.body === 'string' ? s.body : null;
    if (typeof s.prefix !== 'string' || body === null) continue;
    out.push({ name, prefix: s.prefix, description: typeof s.description === 'string' ? s.description : '', body });
  }
  return out;
}

/** The snippet's first line as text: placeholders and choices replaced by their first value. */
function plainStart(body: string): string {
  return body
    .split('\n')[0]
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const PAREN_START = /^（(?:\$\{\d+:[0-9０-９]+\}|[0-9０-９]+)）/;
const CIRCLED_START = /^(?:\$\{\d+\|①[^}]*\}|[①-⑳])/;

/** The body with its leading item marker replaced by the list's next one, where there is a list. */
function continued(body: string, previous: readonly GuidelineNode[]): string {
  const last = (test: (label: string) => boolean) => [...previous].reverse().find((n) => test(n.label));
  if (PAREN_START.test(body)) {
    const item = last((l) => /^[（(][0-9０-９]+[）)]$/.test(l));
    const marker = item && nextMarker(item);
    return marker ? body.replace(PAREN_START, marker) : body;
  }
  if (CIRCLED_START.test(body)) {
    const item = last((l) => /^[①-⑳]$/.test(l));
    const marker = item && nextMarker(item);
    return marker ? body.replace(CIRCLED_START, marker) : body;
  }
  return body;
}

const DETAIL = { ja: '例文：{description}', en: 'Model clause: {description}' } as const;

function inReibun(document: GuidelineDocument, position: Position): boolean {
  return ancestryAt(document, document.lines.offsetAt(position)).some((n) => n.kind === 'part' && n.part === '例文');
}

export function reibunCandidates(
  document: GuidelineDocument,
  position: Position,
  before: string,
  snippets: readonly ReibunSnippet[],
  locale: Locale,
): CompletionCandidate[] {
  if (snippets.length === 0 || !inReibun(document, position)) return [];
  // What is typed since the start of the paragraph (after indentation).
  const typed = before.replace(/^[ \u3000]*/, '');
  if (typed.length === 0) return [];
  const byKeyword = /^(?:例文?|れいぶん|reibun[-a-z]*|r(?:e(?:i(?:b(?:u(?:n)?)?)?)?)?)$/i.test(typed);
  const previous = previousItems(document, position);
  const out: CompletionCandidate[] = [];
  snippets.forEach((snippet, i) => {
    if (snippet.body.startsWith('#')) return; // a whole section: not inside a 【例文】
    const start = plainStart(snippet.body).replace(/^（[0-9０-９]+）|^[①-⑳]\s*/, '');
    const byWords = typed.length >= 2 && start.startsWith(typed);
    if (!byKeyword && !byWords) return;
    out.push({
      kind: 'snippet',
      snippet: true,
      label: `${snippet.prefix} ${plainStart(snippet.body).slice(0, 30)}`,
      insertText: continued(snippet.body, previous),
      replace: { start: { line: position.line, character: before.length - typed.length }, end: position },
      // The typed words (or the keyword) must match for the editor to keep the item.
      filterText: byWords ? start : `${typed}${snippet.prefix}`,
      sortText: `3${String(i).padStart(3, '0')}`,
      detail: localize(locale, DETAIL, { description: snippet.description }),
    });
  });
  return out;
}
