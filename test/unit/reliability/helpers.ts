/** Shared generators and invariant checks of the reliability tests (not a test file itself). */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { GuidelineDocument } from '../../../server/src/core/model/document';
import { isNumberedContainer, walk, type GuidelineNode } from '../../../server/src/core/model/node';
import { comparePositions, LineIndex, type Range } from '../../../server/src/core/text/position';

/** Pieces of guideline Markdown, complete and half-typed, that the generators glue together. */
export const MARKDOWN_TOKENS = [
  '# ',
  '## ',
  '### ',
  '#',
  '#### ',
  '第3章 ',
  '3.6.2 ',
  '３．６．２ ',
  '3.6 ',
  '3.6.2.',
  '第12条 ',
  '1.',
  '3',
  '**【例文】**',
  '**【例',
  '【趣旨】',
  '（解説）',
  '（注',
  '（注7）',
  '(1) ',
  '（１）',
  '① ',
  '⑬',
  'ア ',
  'イ　',
  '図表5',
  'アクセス制御',
  'サーバ',
  '職員等は、',
  '。',
  '、',
  '「3.6.2 アクセス制御」',
  '3.8.1 （解説）（2）⑬',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  ' ',
  '　',
  '\t',
  '    ',
  '- ',
  '  - ',
  '> ',
  '>',
  '1) ',
  '* ',
  '```',
  '```\n',
  '~~~',
  '`',
  '<!--',
  '-->',
  '<br>',
  '[a](',
  ')',
  '|',
  '| --- |',
  '---\n',
  '***',
  '_',
  '𠮷',
  '\ud800',
  '\u0000',
];

export const markdownText = (maxLength = 80): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...MARKDOWN_TOKENS), { maxLength }).map((parts) => parts.join(''));

function inside(range: Range, end: Range['end']): boolean {
  return (
    comparePositions({ line: 0, character: 0 }, range.start) <= 0 &&
    comparePositions(range.start, range.end) <= 0 &&
    comparePositions(range.end, end) <= 0
  );
}

/**
 * The invariants of a document model: offsets and ranges inside the text and ordered, children
 * inside their parents and in order, sectionsByNumber holding exactly the numbered containers.
 */
export function assertModelInvariants(doc: GuidelineDocument): void {
  const { text } = doc;
  const lines = new LineIndex(text);
  const end = lines.positionAt(text.length);
  assert.equal(doc.root.start, 0);
  assert.equal(doc.root.end, text.length);
  let previousChunkEnd = 0;
  for (const chunk of doc.chunks) {
    assert.equal(chunk.start, previousChunkEnd, 'chunks tile the text');
    assert.equal(text.slice(chunk.start, chunk.end), chunk.text);
    previousChunkEnd = chunk.end;
  }
  assert.equal(previousChunkEnd, text.length, 'chunks cover the text');
  const numbered = new Map<string, GuidelineNode[]>();
  const stack: GuidelineNode[] = [doc.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    assert.ok(0 <= node.start && node.start <= node.end && node.end <= text.length, `offsets of ${node.id}`);
    assert.ok(inside(node.range, end), `range of ${node.id}`);
    assert.ok(inside(node.selectionRange, end), `selection of ${node.id}`);
    let previousStart = node.start;
    for (const child of node.children) {
      assert.ok(node.start <= child.start && child.end <= node.end, `child ${child.id} inside ${node.id}`);
      assert.ok(previousStart <= child.start, `children of ${node.id} ordered`);
      previousStart = child.start;
      stack.push(child);
    }
  }
  // sectionsByNumber may hold nodes of a lighter tree than `root`: compare what they stand for.
  for (const node of walk(doc.root)) {
    if (!isNumberedContainer(node) || !node.number) continue;
    numbered.set(node.number, [...(numbered.get(node.number) ?? []), node]);
  }
  const key = (nodes: ReadonlyArray<Pick<GuidelineNode, 'kind' | 'selectionStart' | 'selectionEnd' | 'title'>>) =>
    nodes.map((n) => `${n.kind}:${n.selectionStart}-${n.selectionEnd}:${n.title}`);
  assert.deepEqual([...doc.sectionsByNumber.keys()].sort(), [...numbered.keys()].sort());
  for (const [number, nodes] of numbered)
    assert.deepEqual(key(doc.sectionsByNumber.get(number) ?? []), key(nodes), `sectionsByNumber ${number}`);
}

/** A model as plain data, for comparing an incremental rebuild with a fresh parse. */
export function modelShape(doc: GuidelineDocument): unknown {
  const shape = (n: GuidelineNode): unknown => [
    n.kind,
    n.number,
    n.label,
    n.title,
    n.level,
    n.ordinal,
    n.part ?? null,
    n.start,
    n.end,
    n.id,
    n.range,
    n.selectionRange,
    n.children.map(shape),
  ];
  return {
    title: doc.title,
    chunks: doc.chunks.map((c) => [c.start, c.end, c.heading]),
    root: shape(doc.root),
    sections: [...doc.sectionsByNumber.keys()],
  };
}
