import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGuideline } from '../../../server/src/core/model/document';
import { documentReferences } from '../../../server/src/core/model/references';

function refs(body: string) {
  const doc = parseGuideline('x', body);
  return documentReferences(doc).map((r) => ({
    form: r.form,
    number: body.slice(r.numberStart, r.numberEnd),
    title: r.title,
    path: r.path,
  }));
}

describe('cross references', () => {
  test('quoted with title and a part/item suffix', () => {
    assert.deepEqual(refs('詳細は「3.6.2 アクセス制御」（解説）（1）②を参照。'), [
      {
        form: 'quoted',
        number: '3.6.2',
        title: 'アクセス制御',
        path: { section: '3.6.2', part: '解説', items: ['(1)', '②'] },
      },
    ]);
  });

  test('full-width numbers are normalised', () => {
    const [ref] = refs('「３．５．１　職員等の遵守事項」による。');
    assert.equal(ref.path.section, '3.5.1');
    assert.equal(ref.title, '職員等の遵守事項');
  });

  test('a range gives both ends, not an item', () => {
    assert.deepEqual(
      refs('3.6.1－3.6.3 の対策を講じる。').map((r) => [r.form, r.path.section]),
      [
        ['range', '3.6.1'],
        ['range', '3.6.3'],
      ],
    );
    assert.deepEqual(
      refs('3.6.1~3.6.3').map((r) => r.path.section),
      ['3.6.1', '3.6.3'],
    );
    assert.deepEqual(
      refs('「3.6.1－3.6.3」を参照').map((r) => [r.form, r.title]),
      [
        ['range', null],
        ['range', null],
      ],
    );
  });

  test('"参照" forms', () => {
    assert.deepEqual(
      refs('3.8.1 参照。').map((r) => [r.form, r.path.section]),
      [['see', '3.8.1']],
    );
    assert.deepEqual(
      refs('3.8.1（解説）を参照のこと。').map((r) => r.path),
      [{ section: '3.8.1', part: '解説', items: [] }],
    );
  });

  test('look-alikes are not references', () => {
    assert.deepEqual(
      refs('バージョン 1.2.3 を導入し、2015.3.1 に施行する。比率は 0.5 とする。1－2年ごとに見直す。'),
      [],
    );
    assert.deepEqual(refs('`「3.6.2 アクセス制御」` はコード。\n\n```\n「3.6.1 アクセス制御」\n```\n'), []);
  });

  test('references in headings are not collected as body references', () => {
    assert.deepEqual(refs('### 3.6.2 アクセス制御\n'), []);
  });
});
