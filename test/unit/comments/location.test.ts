import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareSections,
  isLocationContinuation,
  locationFromOpinion,
  parseLocation,
} from '../../../server/src/core/comments/location';
import { parseGuideline } from '../../../server/src/core/model/document';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { CommentLinks } from '../../../server/src/core/workspace/comment-links';
import { readCommentDocument } from '../../../server/src/core/comments/read';

const loc = (raw: string) => {
  const l = parseLocation(raw);
  return l && { section: l.section, part: l.part, items: l.items, page: l.page };
};

describe('parseLocation', () => {
  test('the forms public comments use', () => {
    assert.deepEqual(loc('3.8.1 （解説）（2）⑬（注7）（107ページ）'), {
      section: '3.8.1',
      part: '解説',
      items: ['(2)', '⑬', '(注7)'],
      page: 107,
    });
    assert.deepEqual(loc('3.4.4 （解説）⑥'), { section: '3.4.4', part: '解説', items: ['⑥'], page: null });
    assert.deepEqual(loc('1.6.1 図表5'), { section: '1.6.1', part: null, items: ['図表5'], page: null });
    assert.deepEqual(loc('3.6'), { section: '3.6', part: null, items: [], page: null });
    assert.deepEqual(loc('3.5.4 （解説）（3）（注2）'), {
      section: '3.5.4',
      part: '解説',
      items: ['(3)', '(注2)'],
      page: null,
    });
    assert.deepEqual(loc('3.6.1 【例文】（6）'), { section: '3.6.1', part: '例文', items: ['(6)'], page: null });
  });

  test('full-width digits, brackets and part spellings are normalised', () => {
    assert.deepEqual(loc('３．６．１ 【例文】（１４）（１５）（６３ページ）'), {
      section: '3.6.1',
      part: '例文',
      items: ['(14)', '(15)'],
      page: 63,
    });
    assert.equal(parseLocation('3.6.1 (解説)')?.part, '解説');
    assert.equal(parseLocation('3.6.1 【解説】')?.part, '解説');
    assert.equal(parseLocation('3.6.1（趣旨）')?.part, '趣旨');
    assert.deepEqual(parseLocation('3.3 ア （ア） (イ)')?.items, ['ア', '(ア)', '(イ)']);
  });

  test('page forms and unknown words', () => {
    assert.equal(parseLocation('P41 3.4.2【例文】(3) ②')?.page, 41);
    assert.equal(parseLocation('P41 3.4.2【例文】(3) ②')?.section, '3.4.2');
    assert.equal(parseLocation('p.108 3.8.1')?.page, 108);
    assert.equal(parseLocation('3.8.1 外部委託 107頁')?.page, 107);
    // A title word is skipped; katakana words are not item labels.
    assert.deepEqual(loc('3.6.2 アクセス制御 【例文】（1）'), {
      section: '3.6.2',
      part: '例文',
      items: ['(1)'],
      page: null,
    });
    assert.equal(parseLocation('3.6.3. システム開発')?.section, '3.6.3');
  });

  test('raw keeps the text, whitespace collapsed', () => {
    assert.equal(parseLocation(' 3.8.1 （解説）\n（107ページ） ')?.raw, '3.8.1 （解説） （107ページ）');
  });

  test('general and empty locations', () => {
    assert.deepEqual(parseLocation('全般'), { raw: '全般', section: null, part: null, items: [], page: null });
    assert.equal(parseLocation('その他')?.section, null);
    assert.equal(parseLocation(''), null);
    assert.equal(parseLocation('  \n'), null);
    assert.equal(parseLocation('-'), null);
  });

  test('continuation lines', () => {
    assert.ok(isLocationContinuation('（107ページ）'));
    assert.ok(isLocationContinuation('（１４）（１５）'));
    assert.ok(!isLocationContinuation('（２）契約事項'));
    assert.ok(!isLocationContinuation('3.6.1 （解説）'));
    assert.ok(!isLocationContinuation(''));
  });

  test('compareSections: numeric, general last', () => {
    const sorted = ['3.10', null, '3.6.1', '1.6.1', '3.6', '3.8.1'].sort(compareSections);
    assert.deepEqual(sorted, ['1.6.1', '3.6', '3.6.1', '3.8.1', '3.10', null]);
  });
});

describe('locationFromOpinion: the place an opinion names in its first words', () => {
  const from = (opinion: string) => {
    const l = locationFromOpinion(opinion);
    return l && { raw: l.raw, section: l.section, items: l.items, page: l.page, inferred: l.inferred };
  };

  test('a page and a figure without a section carry both', () => {
    assert.deepEqual(from('P.12の図表3の説明について、用語の定義を加えるべき。'), {
      raw: 'P.12の図表3',
      section: null,
      items: ['図表3'],
      page: 12,
      inferred: true,
    });
    assert.deepEqual(from('図表5の体制図に施設管理者を加えてほしい。'), {
      raw: '図表5',
      section: null,
      items: ['図表5'],
      page: null,
      inferred: true,
    });
    assert.deepEqual(from('12ページについて、記載が重複している。')?.page, 12);
    // Left alone: a figure or page mentioned later in the sentence is no place of the opinion.
    assert.equal(from('説明が分かりにくいので、図表3を見直すべき。'), null);
    assert.equal(from('12ページにわたる記載は長すぎる。'), null);
  });

  test('「全体として」「全体的に」「資料全体」 open a general opinion', () => {
    for (const [opinion, raw] of [
      ['全体として、用語の統一を図るべきである。', '全体として'],
      ['全体的に、例文が抽象的である。', '全体的に'],
      ['資料全体について、図表の番号を見直してほしい。', '資料全体'],
      ['全般について、平易な表現にしていただきたい。', '全般'],
    ]) {
      assert.deepEqual(from(opinion), { raw, section: null, items: [], page: null, inferred: true }, opinion);
    }
    // Left alone: 全体 inside a word or a sentence is no general place.
    assert.equal(from('全体最適の観点から、調達の手順を見直すべき。'), null);
    assert.equal(from('ネットワーク全体の監視について記載すべき。'), null);
    assert.equal(from('全体像が分かる図を加えてほしい。'), null);
  });

  test('「第3章全体」 is the chapter; sections keep their details', () => {
    assert.deepEqual(from('第3章全体について、構成を見直すべき。'), {
      raw: '第3章',
      section: '3',
      items: [],
      page: null,
      inferred: true,
    });
    assert.deepEqual(from('P.12 3.6.2 の「定期的に」を具体的にしてほしい。')?.section, '3.6.2');
    assert.deepEqual(from('3.8.1（解説）（2）について')?.items, ['(2)']);
    assert.equal(from('情報資産の分類について具体例を示していただきたい。'), null);
  });

  test('a figure without a section links to that figure in the guideline when it exists', () => {
    const guideline = parseGuideline(
      'file:///g.md',
      [
        '# 対策基準',
        '',
        '## 第1章 総則',
        '',
        '### 1.2 構成',
        '',
        '本書の構成は次のとおり。',
        '',
        '図表3 本書の構成',
        '',
        '### 1.3 定義',
        '',
        '用語の定義は次のとおり。',
        '',
      ].join('\n'),
    );
    const index = new GuidelineIndex();
    index.set(guideline);
    const round = readCommentDocument(
      'file:///r.md',
      [
        '# 対策基準（案）に対する御意見及び御意見に対する考え方',
        '',
        '| No. | 御意見の概要 | 御意見に対する考え方 |',
        '|---|---|---|',
        '| 1 | P.12の図表3の説明について、用語を補うべき。 | 御意見を踏まえ、修正しました。 |',
        '| 2 | 図表9の説明を加えるべき。 | 御意見を踏まえ、修正しました。 |',
        '',
      ].join('\n'),
    );
    assert.ok(round);
    const links = new CommentLinks([round], index);
    const [figure, missing] = links.links;
    assert.equal(figure.match, 'exact');
    assert.equal(figure.node?.kind, 'figure');
    assert.equal(figure.node?.number, '図表3');
    // A figure the guideline does not have: the comment stays general, not unresolved.
    assert.equal(missing.match, 'document');
  });
});
