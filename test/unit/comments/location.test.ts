import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compareSections, isLocationContinuation, parseLocation } from '../../../server/src/core/comments/location';

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
