import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findMixedWidthNumbers } from '../../../server/src/core/checks/rules/mixed-width-number';
import { maskNonProse } from '../../../server/src/core/checks/prose-mask';
import { flagged } from './helpers';

describe('mixed-width-number', () => {
  const catches: Array<[string, string[]]> = [
    ['### 3.６.1 コンピュータ及びネットワークの管理', ['3.６.1']],
    ['(１0) 管理区域への入退室を記録する。', ['１0']],
    ['（1０）端末の持出し', ['1０']],
    ['３．８.1 外部委託', ['３．８.1']],
    ['平成２7年度の改定', ['２7']],
  ];
  for (const [sentence, expected] of catches) {
    test(`catches: ${sentence}`, () => assert.deepEqual(flagged(sentence, findMixedWidthNumbers), expected));
  }
  const leaveAlone = [
    '3.6.1 コンピュータ及びネットワークの管理',
    '３．６．１ コンピュータ及びネットワークの管理',
    '（1）機器の取付け',
    '(１) 職員等の遵守事項',
    '2015年5月19日',
    '`3.６.1` はコード',
  ];
  for (const sentence of leaveAlone) {
    test(`leaves alone: ${sentence}`, () => assert.deepEqual(flagged(sentence, findMixedWidthNumbers), []));
  }
  const fixes: Array<[string, string]> = [
    ['3.６.1', '3.6.1'],
    ['３．６．1', '３．６．１'],
    ['１0', '10'],
    ['３．８.1', '３．８．１'],
  ];
  for (const [from, to] of fixes) {
    test(`fixes ${from} → ${to} (majority width, half on a tie)`, () => {
      const [f] = findMixedWidthNumbers(maskNonProse(from));
      assert.equal(f.fixes?.[0].replacement, to);
      assert.equal(f.fixes?.[0].safe, true);
    });
  }
});
