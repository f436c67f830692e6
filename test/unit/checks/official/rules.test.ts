import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkSegment } from '../../../../server/src/core/checks/segment';
import { applyOffsetEdits } from '../../../../server/src/core/checks/fixes';
import { toCheckConfig } from '../../../../server/src/core/config/check-config';
import { RULE_DESCRIPTORS } from '../../../../server/src/core/checks/config';
import type { CheckConfig } from '../../../../server/src/core/checks/types';
import { CASES } from './cases';

const config = toCheckConfig({}, {}, []);

export function officialRun(code: string, text: string, checks: CheckConfig = config) {
  const findings = checkSegment(text, checks).filter((f) => f.code === code);
  const edits = findings.flatMap((f) => {
    const fix = f.fixes?.find((x) => x.safe);
    return fix ? [{ start: fix.start, end: fix.end, newText: fix.replacement }] : [];
  });
  return {
    flagged: findings.map((f) => text.slice(f.start, f.end)),
    fixed: applyOffsetEdits(text, edits).text,
    findings,
  };
}

describe('公用文 rules: catches and leaves-alone tables', () => {
  for (const rule of CASES) {
    test(rule.code, () => {
      assert.ok(rule.catches.length >= 5, `${rule.code}: at least five catches`);
      assert.ok(rule.leaves.length >= 5, `${rule.code}: at least five leaves-alone cases`);
      for (const [text, flagged, fixed] of rule.catches) {
        const run = officialRun(rule.code, text);
        assert.deepEqual(run.flagged, flagged, text);
        assert.equal(run.fixed, fixed, text);
      }
      for (const text of rule.leaves) assert.deepEqual(officialRun(rule.code, text).flagged, [], text);
    });
  }

  test('every official- rule has a table, a title and a description in both languages', () => {
    const codes = RULE_DESCRIPTORS.filter((d) => d.code.startsWith('official-'));
    assert.ok(codes.length >= 15);
    assert.deepEqual(codes.map((d) => d.code).sort(), CASES.map((c) => c.code).sort());
    for (const d of codes) assert.ok(d.title.ja && d.title.en && d.description.ja && d.description.en, d.code);
  });

  test('messages show the word around a one-character finding', () => {
    const [finding] = officialRun('official-kana-verb', '問題が有る場合').findings;
    assert.deepEqual(finding.args, { actual: 'が有る', expected: 'がある' });
  });
});
