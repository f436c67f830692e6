import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { CommentLinks } from '../../../server/src/core/workspace/comment-links';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { commentFileFindings } from '../../../server/src/core/workspace/comment-findings';
import { documentNameKey, namedDocument, roundTarget } from '../../../server/src/core/workspace/round-target';
import type { CommentRound } from '../../../server/src/core/comments/model';

const DIR = resolve(FIXTURES, 'workspaces/other-rounds');
const guideline = parseGuideline('file:///w/guideline.md', readFileSync(resolve(DIR, 'guideline.md'), 'utf8'));

function round(file: string): CommentRound {
  const uri = `file:///w/${file}`;
  const parsed = readCommentDocument(uri, readFileSync(resolve(DIR, file), 'utf8'));
  assert.ok(parsed, file);
  return parsed;
}

function roundTitled(title: string | null): CommentRound {
  return { uri: 'file:///w/r.yaml', title, date: null, format: 'yaml', comments: [], problems: [] };
}

describe('the document a round names', () => {
  const cases: Array<[string, string | null]> = [
    [
      '｢地方公共団体における情報セキュリティポリシーに関するガイドライン（案）」に対する意見及びそれに対する考え方',
      '地方公共団体における情報セキュリティポリシーに関するガイドライン（案）',
    ],
    ['『情報セキュリティ対策の手引き』改定案への意見', '情報セキュリティ対策の手引き'],
    ['情報システム調達ガイドライン改定案に対する意見募集の結果', '情報システム調達ガイドライン改定案'],
    ['意見募集の結果', null],
    [' パブリックコメントの結果について', null],
  ];
  for (const [title, expected] of cases) test(title, () => assert.equal(namedDocument(title), expected));

  test('（案）, （令和5年3月版）, 第2版, spaces and brackets compare equal', () => {
    const key = documentNameKey('地方公共団体における情報セキュリティポリシーに関するガイドライン');
    for (const variant of [
      '地方公共団体における情報セキュリティポリシーに関するガイドライン（案）',
      '地方公共団体における 情報セキュリティポリシーに関するガイドライン（令和5年3月版）',
      '「地方公共団体における情報セキュリティポリシーに関するガイドライン」第2版',
      '地方公共団体における情報セキュリティポリシーに関するガイドライン改定案',
    ])
      assert.equal(documentNameKey(variant), key, variant);
  });
});

describe('which guideline a round is about', () => {
  test('the title names the guideline (with （骨子案） where the guideline says （例）)', () => {
    const target = roundTarget(
      roundTitled('「地方公共団体における情報セキュリティポリシーに関するガイドライン（骨子案）」に対する意見'),
      [guideline],
    );
    assert.equal(target.document, guideline);
  });

  test('the title names another document: not attached, even to the only guideline', () => {
    const target = roundTarget(round('education-pubcomment.yaml'), [guideline]);
    assert.equal(target.document, null);
    assert.equal(target.reason, 'names-other-document');
    assert.match(target.named ?? '', /教育情報セキュリティポリシー/);
  });

  test('the project file lists it: attached to the only guideline', () => {
    assert.equal(roundTarget(round('education-pubcomment.yaml'), [guideline], true).document, guideline);
  });

  test('a title that names no document: the only guideline', () => {
    assert.equal(roundTarget(round('kokuji-iken.yaml'), [guideline]).document, guideline);
  });

  test('a title that names no document, several guidelines: none', () => {
    const other = parseGuideline('file:///w/other.md', '# 情報システム調達ガイドライン\n\n## 1 総則\n');
    const target = roundTarget(round('kokuji-iken.yaml'), [guideline, other]);
    assert.equal(target.document, null);
    assert.equal(target.reason, 'several-guidelines');
  });

  test('a heading such as （別紙） is not a document name', () => {
    assert.equal(roundTarget(roundTitled('（別紙）'), [guideline]).document, guideline);
  });
});

describe('links of a round about another document (defect: its 全般 comments were attached to the guideline)', () => {
  const index = new GuidelineIndex();
  index.set(guideline);
  const rounds = [round('education-pubcomment.yaml'), round('kokuji-iken.yaml')];
  const links = new CommentLinks(rounds, index);

  test('no comment of the other round is attached, the general one included', () => {
    const other = links.forRound('file:///w/education-pubcomment.yaml');
    assert.equal(other.length, 2);
    for (const link of other) {
      assert.equal(link.document, null);
      assert.equal(link.node, null);
      assert.equal(link.unattached?.reason, 'names-other-document');
    }
    assert.equal(
      links.forDocument(guideline.uri).filter((l) => l.round.uri.endsWith('education-pubcomment.yaml')).length,
      0,
    );
  });

  test('they are not "unresolved" either, and the comment file says why once', () => {
    assert.equal(links.unresolved().length, 0);
    assert.equal(links.unattached().length, 2);
    const other = rounds[0];
    const findings = commentFileFindings(other, links.forRound(other.uri), 'ja');
    assert.deepEqual(
      findings.map((f) => f.code),
      ['comment-unattached'],
    );
    assert.match(findings[0].message, /「教育情報セキュリティポリシーに関するガイドライン（改訂案）」についての意見/);
  });

  test('the round with no document named is attached to the only guideline', () => {
    const own = links.forRound('file:///w/kokuji-iken.yaml');
    assert.equal(own[0].document, guideline);
    assert.equal(own[0].match, 'document');
  });
});
