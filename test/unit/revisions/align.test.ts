import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { GuidelineModelCache } from '../../../server/src/core/model/document';
import { alignDocuments, type Alignment, type AlignmentRow } from '../../../server/src/core/revisions/align';
import { FIXTURES } from '../../support/paths';

const cache = new GuidelineModelCache();
const build = (name: string, text: string) => cache.build(`file:///${name}.md`, 1, text);
const fixture = (path: string) => readFileSync(join(FIXTURES, 'revisions', path), 'utf8');

function rowByOld(alignment: Alignment, path: string): AlignmentRow | undefined {
  return alignment.rows.find((r) => r.old?.path.join('/') === path);
}
function rowByNew(alignment: Alignment, path: string): AlignmentRow | undefined {
  return alignment.rows.find((r) => r.new?.path.join('/') === path);
}

describe('alignment of two versions (core/revisions/align)', () => {
  const alignment = alignDocuments(
    build('draft', fixture('versions/2015-draft.md')),
    build('revised', fixture('revised.md')),
  );

  test('a renumbered section (3.8.3 → 3.9.3) is paired and marked renumbered', () => {
    const row = rowByOld(alignment, '3.8.3');
    assert.equal(row?.new?.path.join('/'), '3.9.3');
    assert.equal(row?.renumbered, true);
    assert.equal(row?.change, 'modified', 'SMS → ソーシャルメディアサービス');
    const unchanged = rowByOld(alignment, '3.9.1');
    assert.deepEqual(
      [unchanged?.new?.path.join('/'), unchanged?.change, unchanged?.renumbered],
      ['3.10.1', 'unchanged', true],
    );
    assert.equal(rowByOld(alignment, '3.8.3/例文/(1)')?.new?.path.join('/'), '3.9.3/例文/(1)');
  });

  test('a retitled section keeps its pairing and is marked retitled', () => {
    const row = rowByOld(alignment, '3.6.3');
    assert.equal(row?.new?.node.title, '情報システムの調達、開発及び保守');
    assert.equal(row?.retitled, true);
    assert.equal(row?.renumbered, false);
  });

  test('added and deleted sections, deletions listed before the additions beside them', () => {
    assert.equal(rowByNew(alignment, '3.8')?.change, 'added');
    assert.equal(rowByNew(alignment, '3.8/例文/(1)')?.change, 'added');
    assert.equal(rowByOld(alignment, '3.7.3')?.change, 'deleted');
    const order = alignment.rows.map((r) => r.old?.path.join('/') ?? `+${r.new?.path.join('/')}`);
    assert.ok(order.indexOf('3.7.3') < order.indexOf('+3.8'));
  });

  test('a split item: the new (4) is added and marked as split from the old (3)', () => {
    const row = rowByNew(alignment, '3.6.1/例文/(4)');
    assert.equal(row?.change, 'added');
    assert.equal(row?.relation?.kind, 'split');
    assert.equal(row?.relation?.with.path.join('/'), '3.6.1/例文/(3)');
    assert.equal(rowByOld(alignment, '3.6.1/例文/(3)')?.change, 'modified');
  });

  test('every node of both versions has exactly one row', () => {
    const olds = alignment.rows.filter((r) => r.old).length;
    const news = alignment.rows.filter((r) => r.new).length;
    assert.equal(olds, alignment.oldNodes.length);
    assert.equal(news, alignment.newNodes.length);
    for (const v of alignment.newNodes) assert.ok(alignment.rowOf(v.node));
  });

  test('a merged item: a deleted item whose text went into its neighbour', () => {
    const before = [
      '### 3.1 対象範囲',
      '',
      '(1) 職員等は、情報資産を外部に持ち出してはならない。',
      '',
      '(2) 職員等は、業務上必要な場合には、情報セキュリティ管理者の許可を得なければならない。',
      '',
      '(3) 職員等は、電磁的記録媒体を適切に管理しなければならない。',
      '',
    ].join('\n');
    const after = [
      '### 3.1 対象範囲',
      '',
      '(1) 職員等は、情報資産を外部に持ち出してはならない。ただし、業務上必要な場合には、情報セキュリティ管理者の許可を得なければならない。',
      '',
      '(2) 職員等は、電磁的記録媒体を適切に管理しなければならない。',
      '',
    ].join('\n');
    const merged = alignDocuments(build('m1', before), build('m2', after));
    const row = rowByOld(merged, '3.1/(2)');
    assert.equal(row?.change, 'deleted');
    assert.equal(row?.relation?.kind, 'merged');
    assert.equal(row?.relation?.with.path.join('/'), '3.1/(1)');
    const renumbered = rowByOld(merged, '3.1/(3)');
    assert.deepEqual(
      [renumbered?.new?.path.join('/'), renumbered?.change, renumbered?.renumbered],
      ['3.1/(2)', 'unchanged', true],
    );
  });

  test('an item moved to another section is found (moved, not deleted and added)', () => {
    const before = [
      '### 3.1 物理的セキュリティ',
      '',
      '(1) 情報システム管理者は、サーバを耐震及び防火の措置を講じた室に設置しなければならない。',
      '',
      '(2) 情報システム管理者は、外部からの訪問者の入退室を記録しなければならない。',
      '',
      '### 3.2 人的セキュリティ',
      '',
      '(1) 職員等は、情報セキュリティポリシーを遵守しなければならない。',
      '',
    ].join('\n');
    const after = [
      '### 3.1 物理的セキュリティ',
      '',
      '(1) 情報システム管理者は、サーバを耐震及び防火の措置を講じた室に設置しなければならない。',
      '',
      '### 3.2 人的セキュリティ',
      '',
      '(1) 職員等は、情報セキュリティポリシーを遵守しなければならない。',
      '',
      '(2) 情報システム管理者は、外部からの訪問者の入退室を記録しなければならない。',
      '',
    ].join('\n');
    const moved = alignDocuments(build('v1', before), build('v2', after));
    const row = rowByOld(moved, '3.1/(2)');
    assert.equal(row?.new?.path.join('/'), '3.2/(2)');
    assert.equal(row?.moved, true);
    assert.equal(row?.change, 'unchanged');
  });
});

// Property tests over generated guidelines.
const SENTENCES = [
  '職員等は、情報資産を外部に持ち出してはならない。',
  '情報システム管理者は、パスワードの入力を必要とするように設定しなければならない。',
  '統括情報セキュリティ責任者は、外部へのネットワーク接続を必要最低限に限定しなければならない。',
  '情報セキュリティ管理者は、外部委託事業者の選定に当たり、対策の確保を確認しなければならない。',
  '職員等は、支給以外の端末を業務に利用してはならない。',
  '情報システム管理者は、取得したログを定期的に点検しなければならない。',
  '最高情報セキュリティ責任者は、定期的に監査を行わせなければならない。',
  '職員等は、電磁的記録媒体を施錠できる場所に保管しなければならない。',
  '情報セキュリティ責任者は、毎年度自己点検を行わなければならない。',
  '統括情報セキュリティ責任者は、不正プログラム対策ソフトウェアを導入しなければならない。',
  '職員等は、不審な電子メールを受信した場合には、開封せずに報告しなければならない。',
  '情報システム管理者は、サーバを耐震及び防火の措置を講じた室に設置しなければならない。',
  '情報セキュリティ管理者は、管理区域への入退室を記録しなければならない。',
  '職員等は、離席時に端末をロックしなければならない。',
  '統括情報セキュリティ責任者は、重要な通信回線を冗長化しなければならない。',
  '情報システム管理者は、バックアップを定期的に取得しなければならない。',
];
const TITLES = [
  '対象範囲',
  '組織体制',
  '情報資産の分類と管理方法',
  '物理的セキュリティ',
  '人的セキュリティ',
  '技術的セキュリティ',
  '運用',
  '外部サービスの利用',
  '評価・見直し',
  '例外措置',
  '法令遵守',
  '懲戒処分等',
];

interface GenSection {
  title: string;
  items: string[];
}
const genGuideline = fc
  .uniqueArray(fc.constantFrom(...TITLES), { minLength: 1, maxLength: 8 })
  .chain((titles) =>
    fc.tuple(
      ...titles.map((title) =>
        fc
          .uniqueArray(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 })
          .map((items): GenSection => ({ title, items })),
      ),
    ),
  );

function render(sections: readonly GenSection[], numbers: readonly number[]): string {
  const out = ['# 情報セキュリティポリシーに関するガイドライン', '', '## 第3章 情報セキュリティ対策基準', ''];
  sections.forEach((s, i) => {
    out.push(`### 3.${numbers[i]} ${s.title}`, '', '**【趣旨】**', '', `${s.title}について定める。`, '');
    out.push('**【例文】**', '');
    s.items.forEach((item, j) => out.push(`(${j + 1}) ${item}`, ''));
  });
  return out.join('\n');
}

const pairs = (a: Alignment) =>
  a.rows.map((r) => `${r.old?.node.start ?? '-'}→${r.new?.node.start ?? '-'}:${r.change}`).sort();

describe('alignment properties', () => {
  test('aligning a version with itself is the identity', () => {
    fc.assert(
      fc.property(genGuideline, (sections) => {
        const text = render(
          sections,
          sections.map((_, i) => i + 1),
        );
        const a = alignDocuments(build('a', text), build('b', text));
        for (const row of a.rows) {
          assert.equal(row.change, 'unchanged');
          assert.equal(row.renumbered, false);
          assert.equal(row.old?.node.start, row.new?.node.start);
          assert.equal(row.old?.node.kind, row.new?.node.kind);
        }
        assert.equal(a.rows.length, a.newNodes.length);
      }),
      { numRuns: 60 },
    );
  });

  test('a random renumbering of the sections is recovered', () => {
    fc.assert(
      fc.property(
        genGuideline.chain((sections) =>
          fc.tuple(
            fc.constant(sections),
            fc.shuffledSubarray(
              Array.from({ length: 20 }, (_, i) => i + 1),
              { minLength: sections.length, maxLength: sections.length },
            ),
          ),
        ),
        ([sections, numbers]) => {
          const before = build(
            'a',
            render(
              sections,
              sections.map((_, i) => i + 1),
            ),
          );
          const after = build('b', render(sections, numbers));
          const a = alignDocuments(before, after);
          for (const row of a.rows) {
            assert.ok(row.old && row.new, `unpaired ${row.old?.path ?? row.new?.path}`);
            assert.equal(row.old.node.title, row.new.node.title);
            assert.deepEqual(row.old.path.slice(1), row.new.path.slice(1));
            assert.equal(row.change, 'unchanged');
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a random edit inside an item keeps every pairing', () => {
    fc.assert(
      fc.property(
        genGuideline,
        fc.nat(),
        fc.nat(),
        fc.string({ unit: fc.constantFrom(...'情報資産の適切な管理を行う。'), minLength: 1, maxLength: 6 }),
        (sections, which, at, inserted) => {
          const numbers = sections.map((_, i) => i + 1);
          const s = which % sections.length;
          const item = sections[s].items[which % sections[s].items.length];
          const cut = 1 + (at % (item.length - 1));
          const edited = sections.map((sec, i) =>
            i !== s
              ? sec
              : { ...sec, items: sec.items.map((t) => (t === item ? t.slice(0, cut) + inserted + t.slice(cut) : t)) },
          );
          const a = alignDocuments(build('a', render(sections, numbers)), build('b', render(edited, numbers)));
          for (const row of a.rows) {
            assert.ok(row.old && row.new);
            assert.deepEqual(row.old.path, row.new.path);
          }
          assert.ok(a.rows.some((r) => r.change === 'modified'));
        },
      ),
      { numRuns: 80 },
    );
  });

  test('rows pair each node at most once (random pair of versions)', () => {
    fc.assert(
      fc.property(genGuideline, genGuideline, (x, y) => {
        const a = alignDocuments(
          build(
            'a',
            render(
              x,
              x.map((_, i) => i + 1),
            ),
          ),
          build(
            'b',
            render(
              y,
              y.map((_, i) => i + 1),
            ),
          ),
        );
        assert.equal(a.rows.filter((r) => r.old).length, a.oldNodes.length);
        assert.equal(a.rows.filter((r) => r.new).length, a.newNodes.length);
        assert.equal(new Set(pairs(a)).size, a.rows.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('alignment of other document styles', () => {
  test('an articles-style 規程: a new 第3条 renumbers the articles after it, and each is found', () => {
    const before = readFileSync(join(FIXTURES, 'model', 'articles-regulation.md'), 'utf8');
    let shifted = before.replace(/^第(\d+)条（/gm, (whole, n: string) =>
      Number(n) >= 3 ? `第${Number(n) + 1}条（` : whole,
    );
    shifted = shifted.replace(
      '## 第2章 情報システムの管理\n\n',
      '## 第2章 情報システムの管理\n\n第3条（責任者）\n\n町長は、情報セキュリティに関する統括責任者を置く。\n\n',
    );
    const a = alignDocuments(build('rules-old', before), build('rules-new', shifted));
    const access = a.rows.find((r) => r.old?.node.kind === 'article' && r.old.node.title === 'アクセス制御');
    assert.ok(access?.new, 'アクセス制御 is paired');
    assert.deepEqual([access.old?.node.number, access.new.node.number, access.renumbered], ['第3条', '第4条', true]);
    const added = a.rows.filter((r) => r.change === 'added' && r.new?.node.kind === 'article');
    assert.deepEqual(
      added.map((r) => r.new?.node.title),
      ['責任者'],
    );
  });

  test('full-width numbers and headings without Markdown marks in the same text are the same section', () => {
    const halfWidth = '### 3.8.3 ソーシャルメディアサービスの利用\n\n(1) SMSを利用する場合には、運用手順を定める。\n';
    const fullWidth =
      '### ３．９．３ ソーシャルメディアサービスの利用\n\n（１） SMSを利用する場合には、運用手順を定める。\n';
    const a = alignDocuments(build('hw', halfWidth), build('fw', fullWidth));
    const section = a.rows.find((r) => r.old?.node.number === '3.8.3');
    assert.equal(section?.new?.node.number, '3.9.3');
    assert.equal(section?.renumbered, true);
  });
});
