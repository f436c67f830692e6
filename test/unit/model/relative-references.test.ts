import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { relativeReferenceAt } from '../../../server/src/core/model/relative-references';
import { displayName } from '../../../server/src/core/model/node';

const text = readFileSync(resolve(FIXTURES, 'model/articles-regulation.md'), 'utf8');
const doc = parseGuideline('file:///articles.md', text);

function resolveAt(needle: string, occurrence = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const ref = relativeReferenceAt(doc, at + needle.indexOf('前'));
  return ref ? displayName(ref.target) : undefined;
}

test('前項 in paragraph 3 of an article is its paragraph 2', () => {
  assert.match(resolveAt('3 前項の規定による') ?? '', /^2 情報システム管理者は/);
});

test('前項 in paragraph 2 is the unnumbered first paragraph: the article itself', () => {
  assert.equal(resolveAt('2 前項の接続は'), '第4条 外部からの接続');
});

test('前条 is the previous article; words outside articles are not resolved', () => {
  const local = parseGuideline(
    'x',
    '第7条（報告）\n\n職員は、前条の措置を報告する。\n\n第8条（記録）\n\n前条の報告は同項により記録する。\n',
  );
  const body = local.text;
  const ref = relativeReferenceAt(local, body.lastIndexOf('前条'));
  assert.equal(ref && displayName(ref.target), '第7条 報告');
  assert.equal(relativeReferenceAt(local, body.indexOf('前条')), undefined, '第7条 has no previous article');
  const outside = parseGuideline('x', '### 3.1 例\n\n前項のとおり。\n');
  assert.equal(relativeReferenceAt(outside, outside.text.indexOf('前項')), undefined);
});

const rules = parseGuideline(
  'x',
  [
    '第3条（アクセス制御）',
    '',
    '情報システム管理者は、アクセス権限を設定しなければならない。',
    '',
    '2 情報システム管理者は、異動の際に権限を変更しなければならない。',
    '',
    '第4条（記録）',
    '',
    '第3条第2項の変更は、同項の規定により記録し、同条に定める管理者が確認する。',
    '',
    '2 前項の記録は、第1項の確認の後、第3条に従い保存する。',
    '',
    '3 同項の規定は適用しない。第9条第2項及び同項の規定も同様とする。',
    '',
  ].join('\n'),
);

function target(needle: string, word: string): string | undefined {
  const at = rules.text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const ref = relativeReferenceAt(rules, at + needle.indexOf(word));
  return ref ? `${ref.word} → ${displayName(ref.target)}` : undefined;
}

test('explicit 第N条第M項, 第N条 and 第M項 (of the same article) resolve to the article or its paragraph', () => {
  assert.match(target('第3条第2項の変更', '第3条') ?? '', /^第3条第2項 → 2 情報システム管理者は、異動/);
  assert.equal(target('第3条に従い', '第3条'), '第3条 → 第3条 アクセス制御');
  assert.equal(target('第1項の確認', '第1項'), '第1項 → 第4条 記録', 'the first paragraph is the article itself');
});

test('同項 and 同条 are what the same line named just before', () => {
  assert.match(target('同項の規定により', '同項') ?? '', /^同項 → 2 情報システム管理者は、異動/);
  assert.equal(target('同条に定める', '同条'), '同条 → 第3条 アクセス制御');
});

test('同項 with nothing resolvable named before it on its line is not resolved, nor is a missing article', () => {
  assert.equal(target('3 同項の規定は', '同項'), undefined);
  assert.equal(target('第9条第2項及び', '第9条'), undefined);
  assert.equal(target('及び同項の規定も', '同項'), undefined, '第9条 does not exist, so neither does its 同項');
});

test("an article's own number at the start of its line is not a reference", () => {
  const own = parseGuideline('x', '第1条　この規程は、第2条に定める者に適用する。\n\n第2条（対象）\n\n職員とする。\n');
  assert.equal(relativeReferenceAt(own, 0), undefined);
  const ref = relativeReferenceAt(own, own.text.indexOf('第2条に'));
  assert.equal(ref && displayName(ref.target), '第2条 対象');
});
